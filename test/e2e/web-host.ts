/** Starts the built web host (`dist/main/web-host.js`) on a fresh data folder and hands its URL to a test. */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningWebHost {
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function launchWebHost(): Promise<RunningWebHost> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-scim-e2e-'));
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['dist/main/web-host.js', '--data-dir', dataDir],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${stderr}`)));
  });
  const info = JSON.parse(firstLine) as { url: string; origin: string };
  return {
    url: info.url,
    origin: info.origin,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
