import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The console without a usable Secret Service: a child process runs the real KeytarSecretStore with no session bus,
 * with a bus address that points nowhere, with a bus whose keyring has no default collection, with a locked keyring,
 * and without the native module. Each must end in keychain_unavailable with a message that says what to do, and
 * nothing may be saved anywhere else (there is no plaintext fallback).
 */

const repoRoot = path.resolve(__dirname, '../../..');
let workDir: string;
/** The bundled probe, next to a node_modules/keytar link so its `import('keytar')` resolves. */
let probeScript: string;
/** The same bundle where no keytar can be found. */
let probeWithoutKeytar: string;

interface Outcome {
  ok: boolean;
  code?: string;
  message?: string;
  value?: unknown;
}
interface ProbeResult {
  set: Outcome;
  get: Outcome;
  delete: Outcome;
  status: { available: boolean; reason?: string };
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gem-scim-nokeyring-'));
  probeScript = path.join(workDir, 'with-keytar', 'keychain-probe-child.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'keychain-probe-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['keytar'],
    outfile: probeScript,
    logLevel: 'silent',
  });
  fs.mkdirSync(path.join(workDir, 'with-keytar', 'node_modules'));
  fs.symlinkSync(
    path.join(repoRoot, 'node_modules', 'keytar'),
    path.join(workDir, 'with-keytar', 'node_modules', 'keytar'),
    'dir',
  );
  probeWithoutKeytar = path.join(workDir, 'without-keytar', 'keychain-probe-child.cjs');
  fs.mkdirSync(path.dirname(probeWithoutKeytar));
  fs.copyFileSync(probeScript, probeWithoutKeytar);
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** An environment with no trace of any session bus or keyring, and private HOME/XDG folders. */
function isolatedEnv(name: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = path.join(workDir, name);
  const runtime = path.join(home, 'run');
  fs.mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'LANG', 'TMPDIR'])
    if (process.env[key] !== undefined) env[key] = process.env[key];
  return {
    ...env,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    ...extra,
  };
}

function runProbe(command: string, args: string[], env: NodeJS.ProcessEnv): ProbeResult {
  const child = spawnSync(command, args, { env, cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
  const json = child.stdout.slice(child.stdout.indexOf('{'));
  if (child.status !== 0 || json === '') {
    throw new Error(`probe failed (status ${String(child.status)}): ${child.stderr}`);
  }
  return JSON.parse(json) as ProbeResult;
}

function expectUnavailable(result: ProbeResult, explanation: RegExp): void {
  for (const outcome of [result.set, result.get, result.delete]) {
    expect(outcome.ok).toBe(false);
    expect(outcome.code).toBe('keychain_unavailable');
    expect(outcome.message).toMatch(explanation);
    expect(outcome.message).toContain('the console stays read-only from its cache');
    expect(outcome.message).not.toContain('sk_test_child_probe_value');
  }
  expect(result.status.available).toBe(false);
  expect(result.status.reason).toMatch(explanation);
}

/** No file under `dir` may contain the probe's secret: there is no plaintext fallback. */
function expectSecretNowhere(dir: string): void {
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile());
  for (const entry of files) {
    const bytes = fs.readFileSync(path.join(entry.parentPath, entry.name));
    expect(bytes.includes('sk_test_child_probe_value')).toBe(false);
  }
}

describe('without a usable Secret Service', () => {
  it('no session bus at all (DBUS_SESSION_BUS_ADDRESS unset)', () => {
    const env = isolatedEnv('no-bus');
    const result = runProbe(process.execPath, [probeScript], env);
    expectUnavailable(result, /No D-Bus session bus is running, so no Secret Service can be reached/);
    expectSecretNowhere(env.HOME ?? '');
  });

  it('a bus address that points to a socket that does not exist', () => {
    const env = isolatedEnv('bogus-bus', {
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(workDir, 'no-such-bus-socket')}`,
    });
    const result = runProbe(process.execPath, [probeScript], env);
    expectUnavailable(result, /D-Bus session bus named in DBUS_SESSION_BUS_ADDRESS cannot be reached/);
    expect(result.set.message).toContain('Could not connect');
  });

  it('the native keytar module cannot be loaded', () => {
    const result = runProbe(process.execPath, [probeWithoutKeytar], isolatedEnv('no-module'));
    expectUnavailable(
      result,
      /keychain module \(keytar\) could not be loaded: reinstall the console; on Linux install libsecret/,
    );
  });

  it('a bus whose Secret Service has no default keyring (gnome-keyring started on demand, never unlocked)', () => {
    const env = isolatedEnv('no-collection');
    const result = runProbe('dbus-run-session', ['--', process.execPath, probeScript], env);
    // libsecret answers reads with "nothing there" and fails writes.
    expect(result.get).toEqual({ ok: true, value: null });
    expect(result.set.code).toBe('keychain_unavailable');
    expect(result.set.message).toMatch(
      /no default keyring to save into: create and unlock a "login" keyring/,
    );
    expect(result.status.available).toBe(false);
    expectSecretNowhere(env.HOME ?? '');
  });

  it('a locked login keyring', () => {
    const env = isolatedEnv('locked');
    const lockThenProbe =
      'gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets ' +
      '--method org.freedesktop.Secret.Service.Lock "[objectpath \'/org/freedesktop/secrets/collection/login\']" ' +
      '>/dev/null && exec "$0" "$1"';
    // A nested with-keyring run: its own bus and throwaway keyring, which this test locks before probing.
    const result = runProbe(
      'bash',
      [
        path.join(repoRoot, 'scripts/with-keyring.sh'),
        'bash',
        '-c',
        lockThenProbe,
        process.execPath,
        probeScript,
      ],
      env,
    );
    expect(result.get).toEqual({ ok: true, value: null });
    expect(result.set.code).toBe('keychain_unavailable');
    expect(result.set.message).toMatch(/The keyring is locked: unlock it/);
    expect(result.set.message).toContain('Cannot create an item in a locked collection');
    expect(result.status).toEqual({
      available: false,
      reason: expect.stringMatching(/The keyring is locked/),
    });
  });
});
