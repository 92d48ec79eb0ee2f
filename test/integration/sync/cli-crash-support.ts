/**
 * Helpers of the CLI crash test: run the real `gem-scim sync` in a child process and SIGKILL it when its stderr
 * progress reaches a page; set up a sandbox-kind profile through the CLI (secrets verified and saved in the real
 * keychain); read the profile's SQLite cache read-only; change the sandbox between trials.
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import type { Store } from '../../../main/core/store';
import type { RunningSandbox } from '../../../main/sandbox/sandbox';
import { runCliProcess } from '../../support/run-cli';
import { cacheSnapshot, type World } from './sync-world';

/** One `[run N team] phase: P pages, …` line of `gem-scim sync` (main/cli/sync-command.ts). */
export interface ProgressLine {
  runId: number;
  phase: string;
  pages: number;
}

const PROGRESS = /^\[run (\d+)(?: \S+)?\] (\w+): (\d+) pages,/;

export function parseProgressLine(line: string): ProgressLine | null {
  const match = PROGRESS.exec(line);
  if (match === null) return null;
  return { runId: Number(match[1]), phase: match[2] ?? '', pages: Number(match[3]) };
}

export interface CliSyncRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  progress: ProgressLine[];
  /** The progress line on which the kill was sent; null when the run was not killed. */
  killedOn: ProgressLine | null;
}

/**
 * Runs `gem-scim --data-dir D sync --team T`. With `killAtPage`, sends SIGKILL as soon as a progress line reports
 * at least that many pages (the CLI throttles progress to ≤ 4 lines/s, so the kill lands on the first line at or
 * past the target, and the child may write a little more before the signal takes effect).
 */
export function runCliSync(
  cliFile: string,
  dataDir: string,
  teamId: string,
  killAtPage: number | null,
): Promise<CliSyncRun> {
  const child = spawn(process.execPath, [cliFile, '--data-dir', dataDir, 'sync', '--team', teamId], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let partial = '';
  const progress: ProgressLine[] = [];
  let killedOn: ProgressLine | null = null;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stderr += text;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const parsed = parseProgressLine(line);
      if (parsed === null) continue;
      progress.push(parsed);
      if (killAtPage !== null && killedOn === null && parsed.pages >= killAtPage) {
        killedOn = parsed;
        child.kill('SIGKILL');
      }
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, progress, killedOn }));
  });
}

/**
 * `profile add --kind sandbox` pointing at the running sandbox, secrets on stdin (verified against the stand-ins and
 * saved in the keychain), then `profile use`. Returns the new profile's id.
 */
export async function addSandboxProfile(
  cliFile: string,
  dataDir: string,
  sandbox: RunningSandbox,
  name: string,
): Promise<string> {
  const add = await runCliProcess(
    cliFile,
    [
      '--data-dir',
      dataDir,
      '--format',
      'json',
      'profile',
      'add',
      '--name',
      name,
      '--kind',
      'sandbox',
      '--workos-url',
      sandbox.workos.url,
      '--gem-url',
      sandbox.gem.url,
      '--secrets-from-stdin',
    ],
    `workos=${sandbox.workos.apiKey}\ngem=${sandbox.gem.tokens.console}\n`,
  );
  if (add.code !== 0) throw new Error(`profile add failed (${add.code}): ${add.stderr}`);
  const rows: unknown = JSON.parse(add.stdout);
  const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
  const id =
    typeof first === 'object' && first !== null && 'id' in first && typeof first.id === 'string'
      ? first.id
      : null;
  if (id === null) throw new Error(`profile add printed no profile id: ${add.stdout}`);
  const use = await runCliProcess(cliFile, ['--data-dir', dataDir, 'profile', 'use', id]);
  if (use.code !== 0) throw new Error(`profile use failed (${use.code}): ${use.stderr}`);
  return id;
}

/** The sandbox as sync-world's comparison helpers take it (they read only the stand-ins' states). */
export function worldOf(sandbox: RunningSandbox): World {
  return {
    loaded: sandbox.loaded,
    workos: sandbox.workosServer,
    gem: sandbox.gemServer,
    close: () => sandbox.close(),
  };
}

export function requestsServed(sandbox: RunningSandbox): number {
  return sandbox.workosServer.stats().total + sandbox.gemServer.stats().total;
}

export function resetRequestStats(sandbox: RunningSandbox): void {
  sandbox.workosServer.resetStats();
  sandbox.gemServer.resetStats();
}

export interface CacheState {
  integrity: unknown;
  /** cacheSnapshot of the team (sync-world's shape). */
  snapshot: unknown;
  /** `resume:team:*` and `checkpoint:*` keys left in sync_state. */
  resumeKeys: string[];
}

/** Opens the cache read-only (as a second process would) and reads what the test checks. */
export function readCache(file: string, teamId: string): CacheState {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity: unknown = db.pragma('integrity_check', { simple: true });
    // cacheSnapshot reads only `db`; the rest of the Store (repositories) is not needed for a read-only look.
    const snapshot = cacheSnapshot({ db } as Store, teamId);
    const resumeKeys = db
      .prepare("SELECT key FROM sync_state WHERE key LIKE 'resume:%' OR key LIKE 'checkpoint:%' ORDER BY key")
      .pluck()
      .all()
      .map(String);
    return { integrity, snapshot, resumeKeys };
  } finally {
    db.close();
  }
}

/** A seeded PRNG (LCG) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Changes the sandbox between trials without changing how many pages a full sync reads: 3 users renamed, 2 users
 * moved between groups (their roles recompute), one user deleted and one created (WorkOS keeps its user count; in
 * Gem the deleted user's member is deactivated and a new member appears, so Gem gains one member per trial).
 * The Gem link follows at once (lag 0). Returns what changed, for failure messages.
 */
export function changeSandbox(
  sandbox: RunningSandbox,
  directoryId: string,
  trial: number,
  random: () => number,
): string {
  const workos = sandbox.loaded.workos;
  const directory = workos.directory(directoryId);
  const pick = (): string => {
    const ids = [...directory.userIds];
    const id = ids[Math.floor(random() * ids.length)];
    if (id === undefined) throw new Error(`directory ${directoryId} has no users`);
    return id;
  };
  const groupIds = [...directory.groupIds];
  const renamed = [pick(), pick(), pick()];
  for (const id of renamed) workos.updateUser(id, { lastName: `Renamed${trial}` });
  const moved = [pick(), pick()];
  for (const id of moved) {
    const user = workos.user(id);
    const from = [...user.groupIds][0];
    if (from !== undefined) workos.removeUserFromGroup(id, from);
    const to = groupIds[Math.floor(random() * groupIds.length)];
    if (to !== undefined && to !== from) workos.addUserToGroup(id, to);
  }
  const deleted = pick();
  workos.deleteUser(deleted);
  const created = workos.createUser({
    directoryId,
    email: `new${trial}@team0.test`,
    firstName: `New${trial}`,
    lastName: 'Hire',
    groupIds: groupIds.slice(0, 1),
  });
  return `renamed ${renamed.join(',')}; moved ${moved.join(',')}; deleted ${deleted}; created ${created.id}`;
}
