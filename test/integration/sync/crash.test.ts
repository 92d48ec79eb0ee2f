import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from '../../support/build-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store';
import { buildScenario, expectCacheMatches, startWorld, tempDir, urlsOf, type World } from './sync-world';

// The sync is killed with SIGKILL at a random page, 20+ times; each next run must finish from the checkpoint with an
// intact database, the scenario's data, and (killed + resumed) requests within a clean run's plus the pages that
// were in flight at the kill (one per track: the Gem and WorkOS tracks run side by side).
const TRIALS = 20;
const IN_FLIGHT_ALLOWANCE = 2;
let world: World;
let childScript: string;
const temp = tempDir();

beforeAll(async () => {
  mkdirSync(path.resolve('.tmp'), { recursive: true });
  const outdir = mkdtempSync(path.resolve('.tmp', 'sync-crash-'));
  await build({
    entryPoints: { 'crash-sync-child': 'test/integration/sync/crash-sync-child.ts' },
    outdir,
    ...NODE_BUNDLE_OPTIONS,
  });
  childScript = path.join(outdir, 'crash-sync-child.js');
  world = await startWorld(buildScenario([{ users: 330, groups: 5 }]));
}, 30_000);

afterAll(async () => {
  await world.close();
  temp.cleanup();
});

interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the child; with `killAtPage`, SIGKILLs it as soon as it reports that many written pages. */
function runChild(storeFile: string, killAtPage: number | null): Promise<ChildResult> {
  const { workosUrl, gemUrl } = urlsOf(world);
  const child = spawn(process.execPath, [childScript, storeFile, workosUrl, gemUrl, 'team_0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const pages = [...stderr.matchAll(/page (\d+)/g)].map((m) => Number(m[1]));
    if (killAtPage !== null && Math.max(0, ...pages) >= killAtPage) child.kill('SIGKILL');
  });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function requestsSpent(): number {
  return world.workos.stats().total + world.gem.stats().total;
}

describe('crash safety of the full sync', () => {
  it(`resumes after SIGKILL at random pages (${TRIALS} trials)`, async () => {
    const storeFile = path.join(temp.dir, 'crash.db');
    // A clean run measures the cost of one full sync.
    let before = requestsSpent();
    const clean = await runChild(storeFile, null);
    expect(clean.code, clean.stderr).toBe(0);
    const cleanCost = requestsSpent() - before;
    const cleanPages = Math.max(...[...clean.stderr.matchAll(/page (\d+)/g)].map((m) => Number(m[1])));
    expect(cleanPages).toBeGreaterThan(5);

    let random = 12345;
    let killed = 0;
    let totalSpent = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      random = (Math.imul(random, 1103515245) + 12345) >>> 0;
      const killAt = 1 + (random % (cleanPages - 1));
      before = requestsSpent();
      const first = await runChild(storeFile, killAt);
      if (first.signal === 'SIGKILL') killed++;
      const second = await runChild(storeFile, null);
      expect(second.code, second.stderr).toBe(0);
      const summary = JSON.parse(second.stdout) as { outcome: string; resumed?: boolean };
      expect(summary.outcome).toBe('ok');
      if (first.signal === 'SIGKILL') expect(summary.resumed).toBe(true);
      const spent = requestsSpent() - before;
      totalSpent += spent;
      expect(spent, `trial ${trial}: killed at page ${killAt}`).toBeLessThanOrEqual(
        cleanCost + IN_FLIGHT_ALLOWANCE,
      );

      const store = openStore(storeFile);
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expectCacheMatches(store, world, 'team_0');
        expect(store.syncState.listByPrefix('checkpoint:')).toEqual([]);
      } finally {
        store.close();
      }
    }
    expect(killed).toBeGreaterThanOrEqual(TRIALS - 2);
    // Over all trials: within 2% of clean runs, plus what was in flight at each kill.
    expect(totalSpent).toBeLessThanOrEqual(TRIALS * cleanCost * 1.02 + killed * IN_FLIGHT_ALLOWANCE);
  }, 60_000);
});
