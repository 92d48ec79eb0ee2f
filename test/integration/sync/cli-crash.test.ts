/**
 * Crash safety of the REAL `gem-scim sync` (main/cli.ts bundled, with its core worker): the CLI is SIGKILLed at
 * random pages of a full team sync, at least 20 times; each next `sync --team` must finish (resuming the killed run),
 * leave a cache that passes `integrity_check` and equals the sandbox, and spend — killed run + resumed run — no more
 * than a clean run's requests (+2%) plus the requests that were in flight at the kill.
 *
 * Setup: the sandbox runs in this process (both stand-ins, their server-side rate limits off so no 429 retries blur
 * the request counts; the CLI's own client pacing stays on); a profile of kind `sandbox` points at it, with its
 * secrets verified and saved in the real keychain (run under scripts/with-keyring.sh).
 *
 * Each trial: (1) change the sandbox (renames, group moves, one user deleted and one created) so the resumed run has
 * real work on both sides of the kill, including a sweep of the deleted user; every 4th trial also deletes the cache
 * file so the killed run is a first sync into an empty cache; otherwise the cache is the previous trial's synced
 * one. (2) Run the CLI and SIGKILL it when its progress reports the target page (targets cycle early / middle / late
 * through a seeded PRNG). (3) Read the cache read-only: intact, and a `resume:team:` key left behind tells the
 * kill interrupted the run. (4) Run the CLI again to completion. (5) Check the cache and the request count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/sandbox';
import { buildCli } from '../../support/build-worker';
import { requireTestKeyring } from '../../support/keyring';
import { runCliProcess } from '../../support/run-cli';
import {
  addSandboxProfile,
  changeSandbox,
  readCache,
  requestsServed,
  resetRequestStats,
  runCliSync,
  seededRandom,
  worldOf,
  type CliSyncRun,
} from './cli-crash-support';
import { buildScenario, sandboxSnapshot } from './sync-world';

const TEAM = 'team_0';
const DIRECTORY = 'directory_0';
const PROFILE_NAME = 'Crash sandbox';
const TRIALS = 22;
const MIN_RESUMED = 20;
/**
 * The clean run's requests are its pages plus the session's one `GET /me` (asked after the run, for role-sync
 * notifications); a killed run dies before that, so killed + resumed pays it once, like a clean run.
 * Requests whose answers a kill can throw away: the full sync runs two tracks side by side (Gem; WorkOS), each with
 * at most one page request in flight, and a page's rows and checkpoint are committed together; so at most one page
 * per track is fetched again after the kill.
 */
const IN_FLIGHT_ALLOWANCE = 2;

let cli: string;
let dataDir: string;
let sandbox: RunningSandbox;
let profileId: string;
let cacheFile: string;

beforeAll(async () => {
  requireTestKeyring();
  cli = await buildCli();
  // 350 users in 5 groups: 4 WorkOS user pages (100 a page; the client paces them at 4/s, which dominates a run's
  // time) and 2 Gem member pages (200 a page) even after the trials add one Gem member each; 12 pages in all.
  sandbox = await startSandbox({
    scenario: buildScenario([{ users: 350, groups: 5 }]),
    rateLimits: { enabled: false },
    gemRateLimitPerSecond: null,
  });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-cli-crash-'));
  profileId = await addSandboxProfile(cli, dataDir, sandbox, PROFILE_NAME);
  cacheFile = path.join(dataDir, 'profiles', `${profileId}.sqlite`);
}, 60_000);

afterAll(async () => {
  // Removing the profile also deletes its keychain entries.
  if (profileId !== undefined) {
    await runCliProcess(cli, [
      '--data-dir',
      dataDir,
      'profile',
      'remove',
      profileId,
      '--confirm',
      PROFILE_NAME,
    ]);
  }
  await sandbox?.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

interface Summary {
  outcome: string;
  resumed?: boolean;
  counts: { pages: number; requests: number };
}

function summaryOf(run: CliSyncRun): Summary {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Summary;
}

function expectCacheEqualsSandbox(label: string): void {
  const cache = readCache(cacheFile, TEAM);
  expect(cache.integrity, label).toBe('ok');
  expect(cache.resumeKeys, label).toEqual([]);
  expect(cache.snapshot, label).toEqual(sandboxSnapshot(worldOf(sandbox), TEAM));
}

function deleteCache(): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${cacheFile}${suffix}`, { force: true });
}

/** A kill target in band 0 (early), 1 (middle) or 2 (late) of pages 1 … pages-1. */
function killTarget(band: number, pages: number, random: () => number): number {
  const last = pages - 1;
  const from = 1 + Math.floor((band * last) / 3);
  const to = Math.max(from, Math.floor(((band + 1) * last) / 3));
  return from + Math.floor(random() * (to - from + 1));
}

describe('gem-scim sync killed with SIGKILL', () => {
  it(`resumes after a kill at random pages (${TRIALS} trials, ≥ ${MIN_RESUMED} resumed)`, async () => {
    resetRequestStats(sandbox);
    const clean = summaryOf(await runCliSync(cli, dataDir, TEAM, null));
    const cleanCost = requestsServed(sandbox);
    expect(clean.outcome).toBe('ok');
    expect(clean.counts.pages).toBeGreaterThanOrEqual(10);
    expectCacheEqualsSandbox('clean run');

    const random = seededRandom(20260201);
    const log: string[] = [];
    let resumedTrials = 0;
    const killedAtPages: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const fromEmpty = trial % 4 === 3;
      if (fromEmpty) deleteCache();
      const changes = changeSandbox(sandbox, DIRECTORY, trial, random);
      await sandbox.loaded.link.idle();
      const target = killTarget(trial % 3, clean.counts.pages, random);

      resetRequestStats(sandbox);
      const startedAt = Date.now();
      const killed = await runCliSync(cli, dataDir, TEAM, target);
      const killedMs = Date.now() - startedAt;
      const killedCost = requestsServed(sandbox);
      const label = `trial ${trial} (${fromEmpty ? 'empty cache' : 'synced cache'}, target page ${target}, killed on ${JSON.stringify(killed.killedOn)}; ${changes})`;
      // The target is always reported (the final `sweep` line carries every page), but on a loaded machine the
      // signal can arrive after a run that reached its sweep has already exited on its own.
      const wasKilled = killed.signal === 'SIGKILL';
      if (!wasKilled) expect(killed.code, `${label}\n${killed.stderr}`).toBe(0);
      expect(killed.killedOn, label).not.toBeNull();
      const afterKill = readCache(cacheFile, TEAM);
      expect(afterKill.integrity, label).toBe('ok');
      const interrupted = afterKill.resumeKeys.includes(`resume:team:${TEAM}`);
      if (interrupted) killedAtPages.push(killed.killedOn?.pages ?? 0);

      resetRequestStats(sandbox);
      const resumedAt = Date.now();
      const next = summaryOf(await runCliSync(cli, dataDir, TEAM, null));
      const nextMs = Date.now() - resumedAt;
      const nextCost = requestsServed(sandbox);
      expect(next.outcome, label).toBe('ok');
      expect(next.resumed, label).toBe(interrupted);
      expectCacheEqualsSandbox(label);

      const spent = killedCost + nextCost;
      if (interrupted) {
        resumedTrials++;
        expect(spent, label).toBeLessThanOrEqual(cleanCost * 1.02 + IN_FLIGHT_ALLOWANCE);
      } else {
        // The kill landed after the run's final commit: the next run is a new full sync, one clean run's worth
        // (the killed one may have died before its after-run `GET /me`).
        expect(killedCost, label).toBeLessThanOrEqual(cleanCost);
        expect(nextCost, label).toBe(cleanCost);
      }
      log.push(
        `${trial}: target ${target}, ${wasKilled ? 'killed' : 'exited'} on ${killed.killedOn?.phase ?? '-'}@${killed.killedOn?.pages ?? '-'}, ` +
          `${interrupted ? 'resumed' : 'had finished'}, spent ${killedCost}+${nextCost} (clean ${cleanCost}), ${killedMs}+${nextMs} ms`,
      );
    }
    console.info(`CLI crash trials:\n${log.join('\n')}`);
    expect(resumedTrials, log.join('\n')).toBeGreaterThanOrEqual(MIN_RESUMED);
    // The interrupted runs were cut early, midway and late.
    const pages = clean.counts.pages;
    expect(Math.min(...killedAtPages)).toBeLessThanOrEqual(pages / 3);
    expect(killedAtPages.some((p) => p > pages / 3 && p < (2 * pages) / 3)).toBe(true);
    expect(Math.max(...killedAtPages)).toBeGreaterThanOrEqual((2 * pages) / 3);

    // The baseline still holds: the trials' changes did not change what a clean full sync costs.
    resetRequestStats(sandbox);
    summaryOf(await runCliSync(cli, dataDir, TEAM, null));
    expect(requestsServed(sandbox)).toBe(cleanCost);
  }, 180_000);
});
