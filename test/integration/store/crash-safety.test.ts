import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store';
import { makeTempDir } from './store-fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const temp = makeTempDir('store-crash');
const writerBundle = temp.file('crash-writer.cjs');
const ROWS_PER_BATCH = 300;
const KILLS = 24;

beforeAll(() => {
  buildSync({
    entryPoints: [path.join(here, 'crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: writerBundle,
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
});
afterAll(() => temp.cleanup());

/** Deterministic "random" delays, so a failure can be replayed. */
function delays(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts the writer; kills it with SIGKILL `delay` ms after it reports its first commit (or after spawn). */
async function runAndKill(
  file: string,
  afterFirstCommit: boolean,
  delay: number,
): Promise<{ signal: string | null }> {
  const child = spawn(process.execPath, [writerBundle, file, String(ROWS_PER_BATCH)], {
    env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  if (afterFirstCommit) {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => resolve());
      void exited.then(({ code }) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
    });
  }
  await sleep(delay);
  child.kill('SIGKILL');
  const result = await exited;
  if (result.signal !== 'SIGKILL') throw new Error(`writer ended by itself (${result.code}): ${stderr}`);
  return result;
}

describe('crash safety', () => {
  it(`keeps only whole transactions across ${KILLS} SIGKILLs at random moments`, async () => {
    const file = temp.file('crash.sqlite');
    const random = delays(20260115);
    let uncleanReports = 0;
    let lastBatch = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      // Every fourth kill lands early (during open, migration or the first page); the others mid-loop.
      const early = kill % 4 === 0;
      await runAndKill(file, !early, early ? random() * 120 : 5 + random() * 200);

      const store = openStore(file);
      try {
        if (store.report.uncleanShutdown) uncleanReports += 1;
        expect(store.report.movedAside).toBeNull();
        expect(store.report.quickCheck?.ok ?? true).toBe(true);
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        // The FTS index matches its content table exactly (triggers ran inside the same transactions).
        store.db.exec("INSERT INTO members_fts (members_fts, rank) VALUES ('integrity-check', 1)");

        const committed = Number(store.syncState.get('crash.batch') ?? '0');
        const perBatch = store.db
          .prepare(
            `SELECT CAST(substr(id, 2, instr(id, '-') - 2) AS INTEGER) AS batch, count(*) AS n
             FROM members GROUP BY batch ORDER BY batch`,
          )
          .all() as { batch: number; n: number }[];
        // Whole batches 1..committed, nothing of a batch after the checkpoint, nothing partial.
        expect(perBatch.map((row) => row.batch)).toEqual(Array.from({ length: committed }, (_, i) => i + 1));
        expect(perBatch.every((row) => row.n === ROWS_PER_BATCH)).toBe(true);
        expect(committed).toBeGreaterThanOrEqual(lastBatch);
        lastBatch = committed;
      } finally {
        store.close();
      }
    }
    expect(lastBatch).toBeGreaterThan(KILLS / 2); // the writer really wrote between kills
    expect(uncleanReports).toBeGreaterThanOrEqual(KILLS / 2); // and the unclean shutdowns were noticed
  });
});
