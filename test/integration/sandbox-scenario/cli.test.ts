/**
 * `gem-scim sandbox`: in-process (fake io, stopped with an AbortSignal) for output, usage errors and state files;
 * and once as a real process (a tiny esbuild-built entry) stopped with SIGTERM, which must save the state.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { runSandboxCommand, SANDBOX_USAGE } from '../../../main/cli/sandbox-command';
import { parseScenario } from '../../../main/sandbox/scenario/schema';
import type { RunningSandbox } from '../../../main/sandbox/sandbox';
import { gemClient, minimalScenario, workosSdk } from './helpers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'gem-sandbox-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Printed {
  workos: { url: string; apiKey: string };
  gem: { url: string; tokens: { console: string; csm: string; engineer: string } };
  scenario: string;
}

/** Runs the command in-process until `use` is done, then stops it. */
async function runWhile(
  argv: string[],
  use: (printed: Printed, running: RunningSandbox) => Promise<void>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const stop = new AbortController();
  let used: Promise<void> = Promise.resolve();
  const code = await runSandboxCommand(
    argv,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    {
      stop: stop.signal,
      onStarted: (running) => {
        used = use(JSON.parse(stdout) as Printed, running).finally(() => stop.abort());
      },
    },
  );
  await used;
  return { code, stdout, stderr };
}

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runSandboxCommand(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('gem-scim sandbox (in-process)', () => {
  it('prints one JSON line that the WorkOS SDK and the Gem client can use', async () => {
    const result = await runWhile(['--preset', 'demo', '--seed', '2'], async (printed) => {
      expect(printed.scenario).toBe('demo');
      const directories = await workosSdk(
        printed.workos.url,
        printed.workos.apiKey,
      ).directorySync.listDirectories();
      expect(directories.data.length).toBe(3);
      const me = await gemClient(printed.gem.url, printed.gem.tokens.console).me();
      expect(me.email).toBe('console@gem.com');
      expect((await gemClient(printed.gem.url, printed.gem.tokens.csm).me()).email).toBe(
        'dana.whitfield@gem.com',
      );
    });
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(Object.keys(JSON.parse(result.stdout) as object)).toEqual(['workos', 'gem', 'scenario']);
    expect(result.stderr).toBe('');
  });

  it('saves the live state to --state-file when stopped and starts from it next time', async () => {
    const stateFile = path.join(dir, 'state.json');
    const first = await runWhile(
      ['--scenario', 'test/fixtures/scenarios/minimal.json', '--state-file', stateFile],
      async (printed, running) => {
        expect(printed.scenario).toBe('minimal');
        running.loaded.workos.createUser({
          id: 'directory_user_new',
          directoryId: 'directory_acme',
          email: 'new@acme.example',
        });
      },
    );
    expect(first.code).toBe(0);
    expect(parseScenario(JSON.parse(readFileSync(stateFile, 'utf8'))).name).toBe('minimal');
    expect(temporaryFiles(dir)).toEqual([]);

    const second = await runWhile(['--preset', 'demo', '--state-file', stateFile], async (printed) => {
      // The state file wins over --preset: this is the saved minimal sandbox, with the user added live.
      expect(printed.scenario).toBe('minimal');
      const user = await workosSdk(printed.workos.url, printed.workos.apiKey).directorySync.getUser(
        'directory_user_new',
      );
      expect(user.email).toBe('new@acme.example');
      const members = (await gemClient(printed.gem.url, printed.gem.tokens.console).listMembers('team_acme'))
        .data;
      expect(members.map((member) => member.email)).toContain('new@acme.example');
    });
    expect(second.code).toBe(0);
  });

  it('listens on --port P (WorkOS) and P+1 (Gem)', async () => {
    const port = await freePortPair();
    const result = await runWhile(['--port', String(port)], async (printed) => {
      expect(printed.workos.url).toBe(`http://127.0.0.1:${port}`);
      expect(printed.gem.url).toBe(`http://127.0.0.1:${port + 1}/admin/v0`);
    });
    expect(result.code).toBe(0);
  });

  it('answers usage errors with exit 2 and a message on stderr', async () => {
    for (const argv of [
      ['--preset', 'huge'],
      ['--preset', 'demo', '--users', '10'],
      ['--scenario', 'a.json', '--preset', 'demo'],
      ['--port', 'eighty'],
      ['--bogus'],
      ['--scenario', path.join(dir, 'missing.json')],
    ]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^gem-scim sandbox: .+/);
    }
    const help = await run(['--help']);
    expect(help).toEqual({ code: 0, stdout: SANDBOX_USAGE, stderr: '' });
  });

  it('refuses a scenario file that fails validation with exit 2 and the validation errors', async () => {
    const bad = minimalScenario();
    const team = bad.gem.teams[0];
    if (team) team.scim = { ...team.scim, workos_organization_id: 'org_ghost' };
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const result = await run(['--scenario', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      "gem.teams.0.scim.workos_organization_id: team team_acme is linked to unknown WorkOS organization 'org_ghost'",
    );
  });
});

describe('gem-scim sandbox (a real process)', () => {
  it('saves the state on SIGTERM and exits 0', async () => {
    mkdirSync(path.resolve('.tmp'), { recursive: true });
    const outdir = mkdtempSync(path.resolve('.tmp', 'sandbox-cli-'));
    const entry = path.join(outdir, 'sandbox.mjs');
    await build({
      stdin: {
        contents: `import { runSandboxCommand } from './main/cli/sandbox-command';
          const io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
          process.exitCode = await runSandboxCommand(process.argv.slice(2), io);`,
        resolveDir: path.resolve('.'),
        loader: 'ts',
      },
      outfile: entry,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    const stateFile = path.join(dir, 'signal-state.json');
    const child = spawn(process.execPath, [entry, '--preset', 'demo', '--state-file', stateFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const printed = JSON.parse(await firstLine(child.stdout)) as Printed;
      const sdk = workosSdk(printed.workos.url, printed.workos.apiKey);
      expect((await sdk.directorySync.listDirectories()).data.length).toBe(3);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
      const saved = parseScenario(JSON.parse(readFileSync(stateFile, 'utf8')));
      expect(saved.gem.teams.map((team) => team.id)).toContain('team_halcyon');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

function temporaryFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.tmp'));
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  for await (const line of createInterface({ input: stream })) return line;
  return '';
}

/** A port P with P and P+1 free at the time of asking. */
async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const nextFree = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port + 1, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (port < 65534 && nextFree) return port;
  }
  throw new Error('no two consecutive free ports');
}
