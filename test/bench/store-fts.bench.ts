/**
 * Benchmark: people search (FTS5 prefix queries) over 100k members + 100k directory users, against a
 * `LIKE '%x%'` scan of the same columns as the baseline, in the same run and the same database.
 *
 * Run directly (prints the result as JSON):
 *   echo "import run from './test/bench/store-fts.bench.ts'; run().then((r) => console.log(JSON.stringify(r, null, 2)));" \
 *     | npx esbuild --bundle --platform=node --format=cjs --external:better-sqlite3 \
 *       --outfile=node_modules/.cache/store-fts-bench.cjs && node node_modules/.cache/store-fts-bench.cjs
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore, type DirectoryUserInput, type Member, type Store } from '../../main/core/store';

const PEOPLE_PER_KIND = 100_000;
const TEAMS = 100;
const PAGE = 5_000;
const FTS_RUNS = 400;
const LIKE_RUNS = 40;
const TARGET_MEDIAN_MS = 25;
const STAMP = '2026-01-15T12:00:00.000Z';

const SYLLABLES = [
  'an',
  'ma',
  'ri',
  'jo',
  'el',
  'ka',
  'to',
  'lu',
  'sa',
  'mi',
  'ne',
  'ro',
  'da',
  'vi',
  'le',
  'or',
  'be',
  'ha',
  'ki',
  'no',
  'pa',
  'se',
  'ta',
  'ul',
  'ya',
  'zo',
  'che',
  'ber',
  'lin',
  'son',
  'ton',
  'ez',
];

/** Deterministic PRNG (LCG), so every run searches the same data. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function nameFrom(random: () => number, syllables: number): string {
  let name = '';
  for (let i = 0; i < syllables; i += 1) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function fill(store: Store): void {
  const random = prng(42);
  for (let t = 0; t < TEAMS; t += 1) {
    store.directories.writePage(
      [
        {
          id: `dir_${t}`,
          organizationId: `org_${t}`,
          teamId: `team_${t}`,
          type: 'okta scim v2.0',
          state: 'active',
          name: `Directory ${t}`,
          domain: `team${t}.example.com`,
          createdAt: STAMP,
          updatedAt: STAMP,
        },
      ],
      { generation: 1, key: 'bench.directories', value: String(t) },
    );
  }
  for (let start = 0; start < PEOPLE_PER_KIND; start += PAGE) {
    const members: Member[] = [];
    const users: DirectoryUserInput[] = [];
    for (let i = start; i < start + PAGE; i += 1) {
      const team = i % TEAMS;
      const first = nameFrom(random, 2);
      const last = nameFrom(random, 3);
      members.push({
        id: `user_${i}`,
        teamId: `team_${team}`,
        email: `${first}.${last}${i}@team${team}.example.com`.toLowerCase(),
        firstName: first,
        lastName: last,
        roleSlug: 'standard',
        status: 'active',
        scimManaged: true,
        directoryUserId: `directory_user_${i}`,
        createdAt: STAMP,
        updatedAt: STAMP,
      });
      const uFirst = nameFrom(random, 2);
      const uLast = nameFrom(random, 3);
      users.push({
        id: `directory_user_${i}`,
        directoryId: `dir_${team}`,
        idpId: `idp${i}`,
        email: `${uFirst}.${uLast}${i}@team${team}.example.com`.toLowerCase(),
        firstName: uFirst,
        lastName: uLast,
        state: 'active',
        roleSlug: 'standard',
        roles: ['standard'],
        createdAt: STAMP,
        updatedAt: STAMP,
      });
    }
    store.members.writePage(members, { generation: 1, key: 'bench.members', value: String(start) });
    store.directoryUsers.writePage(users, { generation: 1, key: 'bench.users', value: String(start) });
  }
}

/** What a user types: prefixes of real names (2–4 letters), a two-word query, team-scoped and global. */
const QUERIES: { teamId: string | null; text: string }[] = [
  { teamId: null, text: 'mar' },
  { teamId: null, text: 'jo' },
  { teamId: null, text: 'kiber' },
  { teamId: 'team_7', text: 'an' },
  { teamId: 'team_7', text: 'rob' },
  { teamId: null, text: 'sa ton' },
  { teamId: 'team_42', text: 'lus' },
  { teamId: null, text: 'vibe' },
];

function likeBaseline(store: Store): (text: string, teamId: string | null) => number {
  const scoped = (alias: string, teamColumn: string) =>
    `(${alias}.first_name LIKE ?1 OR ${alias}.last_name LIKE ?1 OR ${alias}.email LIKE ?1) AND (?2 IS NULL OR ${teamColumn} = ?2)`;
  const rows = store.db.prepare(
    `SELECT * FROM (
       SELECT 'member' AS kind, m.id, m.last_name, m.first_name FROM members m WHERE ${scoped('m', 'm.team_id')}
       UNION ALL
       SELECT 'directory_user', u.id, u.last_name, u.first_name FROM directory_users u
       LEFT JOIN directories d ON d.id = u.directory_id WHERE ${scoped('u', 'd.team_id')}
     ) ORDER BY last_name, first_name, id LIMIT 50`,
  );
  const count = store.db.prepare(
    `SELECT (SELECT count(*) FROM members m WHERE ${scoped('m', 'm.team_id')})
          + (SELECT count(*) FROM directory_users u LEFT JOIN directories d ON d.id = u.directory_id
             WHERE ${scoped('u', 'd.team_id')})`,
  );
  return (text, teamId) => {
    const params = { 1: `%${text.split(' ')[0] ?? ''}%`, 2: teamId };
    rows.all(params);
    return Number(count.pluck().get(params));
  };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function time(runs: number, body: (run: number) => void): number[] {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    body(run);
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

export default async function storeFtsBench(): Promise<{
  name: string;
  metrics: Record<string, number>;
  ratios: Record<string, { value: number; target: string; pass: boolean }>;
  notes?: string;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-fts-bench-'));
  const store = openStore(path.join(dir, 'bench.sqlite'));
  try {
    const fillStart = performance.now();
    fill(store);
    const fillMs = performance.now() - fillStart;
    store.db.pragma('optimize');

    // Warm-up: one pass over every query, so both sides start from a warm page cache.
    const like = likeBaseline(store);
    for (const q of QUERIES) {
      store.people.searchPeople(q.teamId, q.text, { limit: 50 });
      like(q.text, q.teamId);
    }
    const hitTotals: number[] = QUERIES.map((q) => store.people.searchPeople(q.teamId, q.text).total);

    const fts = time(FTS_RUNS, (run) => {
      const q = QUERIES[run % QUERIES.length];
      if (q !== undefined) store.people.searchPeople(q.teamId, q.text, { limit: 50 });
    });
    const likeSamples = time(LIKE_RUNS, (run) => {
      const q = QUERIES[run % QUERIES.length];
      if (q !== undefined) like(q.text, q.teamId);
    });

    const ftsMedian = percentile(fts, 50);
    const likeMedian = percentile(likeSamples, 50);
    const ratio = ftsMedian / likeMedian;
    return {
      name: 'store-fts',
      metrics: {
        rows_members: PEOPLE_PER_KIND,
        rows_directory_users: PEOPLE_PER_KIND,
        fill_ms: Math.round(fillMs),
        fts_runs: FTS_RUNS,
        fts_median_ms: round(ftsMedian),
        fts_p95_ms: round(percentile(fts, 95)),
        fts_max_ms: round(fts[fts.length - 1] ?? Number.NaN),
        like_runs: LIKE_RUNS,
        like_median_ms: round(likeMedian),
        like_p95_ms: round(percentile(likeSamples, 95)),
        db_bytes: fs.statSync(path.join(dir, 'bench.sqlite')).size,
      },
      ratios: {
        fts_median_under_25ms: {
          value: round(ftsMedian),
          target: `< ${TARGET_MEDIAN_MS} ms`,
          pass: ftsMedian < TARGET_MEDIAN_MS,
        },
        fts_over_like_median: {
          value: round(ratio, 4),
          target: '< 1 (FTS faster than the LIKE scan)',
          pass: ratio < 1,
        },
      },
      notes:
        `searchPeople (rows + total, limit 50) over ${QUERIES.length} queries: ` +
        QUERIES.map((q, i) => `${q.teamId ?? 'all'}:"${q.text}"→${hitTotals[i]} hits`).join(', ') +
        `. Baseline: LIKE '%first word%' on first_name/last_name/email of both tables, rows + count.`,
    };
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
