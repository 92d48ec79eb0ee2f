import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';

/**
 * `npm start` on a machine without the Electron binary: it says why it falls back, serves the console through the
 * web host, prints the URL (no display here), and the status panel is filled by the core.
 */
test('npm start serves the console when Electron is not installed', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-npm-start-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DISPLAY'];
  delete env['WAYLAND_DISPLAY'];
  const child = spawn(process.execPath, ['scripts/start.mjs', '--data-dir', dataDir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${stderr}`)));
    });
    const { url } = JSON.parse(line) as { url: string };
    expect(stderr).toContain('The Electron binary is not installed here');
    await page.goto(url);
    await expect(page.getByTestId('status-profile')).toHaveText('Sandbox');
    await expect(page.getByTestId('status-data-dir')).toHaveText(dataDir);
    await expect.poll(() => stderr).toContain('No display is available; open this URL in a browser');
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
