import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../main/core/store';
import {
  checkpoint,
  directoryUser,
  group,
  makeTempDir,
  member,
  seedTeamWithDirectory,
} from './store-fixtures';

/**
 * Runs every hot query of the repositories, records the exact SQL and parameters they use (by wrapping the
 * connection's prepare), and checks each plan with EXPLAIN QUERY PLAN: no table is read by a full scan without an
 * index, except a few small local tables listed below with the reason.
 */
const temp = makeTempDir('store-plans');
let store: Store;
const executed = new Map<string, unknown[]>();

// Bare scans allowed: small tables (a few hundred rows at most) read unfiltered by design.
const SMALL_TABLES_SCANNED_UNFILTERED = new Set(['role_sync_requests', 'notifications']);

function recordStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const wrapped = (sql: string) => {
    const statement = prepare(sql);
    const record = (args: unknown[]) => executed.set(sql, args);
    return new Proxy(statement, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (property === 'all' || property === 'get' || property === 'run' || property === 'iterate') {
          return (...args: unknown[]) => {
            record(args);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        if (property === 'pluck') {
          return (...args: unknown[]) => {
            (value as (...a: unknown[]) => unknown).apply(target, args);
            return receiver;
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  };
  Object.defineProperty(db, 'prepare', { value: wrapped });
}

beforeAll(() => {
  store = openStore(temp.file('plans.sqlite'));
  // Realistic proportions: many teams, each with a directory, so the planner's statistics look like production.
  for (let t = 1; t <= 200; t += 1) seedTeamWithDirectory(store, `t${t}`, `dir${t}`);
  store.directoryGroups.writePage(
    Array.from({ length: 400 }, (_, i) => group(`g${i}`, `dir${1 + (i % 20)}`)),
    checkpoint(1),
  );
  store.directoryUsers.writePage(
    Array.from({ length: 4000 }, (_, i) =>
      directoryUser(`u${i}`, `dir${1 + (i % 20)}`, { groupIds: [`g${i % 400}`, `g${(i + 20) % 400}`] }),
    ),
    checkpoint(1),
  );
  store.members.writePage(
    Array.from({ length: 4000 }, (_, i) => member(`m${i}`, `t${1 + (i % 20)}`)),
    checkpoint(1),
  );
  store.db.exec('ANALYZE');
  recordStatements(store.db);

  // The hot queries: every list the UI shows, with each sort and the common filters, searches, sweeps.
  for (const sort of ['name', 'email', 'role', 'status', 'updated_at'] as const) {
    store.members.listForTeam('t1', {}, { sort });
    store.members.listForTeam('t1', { status: 'active', roleSlug: 'standard', scimManaged: true }, { sort });
  }
  for (const sort of ['name', 'email', 'state', 'role', 'updated_at'] as const) {
    store.directoryUsers.listForTeam('t1', {}, { sort });
    store.directoryUsers.listForTeam(
      't1',
      { groupId: 'g1', state: 'active', roleSlug: 'admin', directoryId: 'dir1' },
      { sort },
    );
  }
  for (const sort of ['name', 'member_count', 'updated_at'] as const) {
    store.directoryGroups.listForTeam('t1', {}, { sort });
    store.directoryGroups.listForTeam('t1', { directoryId: 'dir1', text: 'g' }, { sort });
  }
  store.people.searchPeople('t1', 'fir la');
  store.people.searchPeople(null, 'fir');
  store.roleSyncRequests.list({ statuses: ['pending', 'in_progress'] });
  store.roleSyncRequests.list({ csmEmail: 'dana@gem.com' });
  store.roleSyncRequests.list();
  store.syncRuns.list({ teamId: 't1' });
  store.syncRuns.list();
  store.syncRuns.lastSucceeded('team:t1');
  store.auditLog.list({ teamId: 't1' });
  store.auditLog.list({ actor: 'x' });
  store.auditLog.list();
  store.mappingReviews.listForTeam('t1', { latestOnly: true });
  store.notifications.undelivered();
  store.teams.list({ pinned: true });
  store.directoryUsers.anyHoldsRole('t1', 'org-recruiter');
  store.directoryUsers.roleObservations('dir1');
  store.directoryUsers.countUnseen({ directoryId: 'dir1' }, 2);
  store.members.countUnseen({ teamId: 't1' }, 2);
  store.groupMemberships.groupIdsOfUser('u1');
  store.transaction(() => {
    store.groupMemberships.sweepUnseen({ directoryId: 'dir1' }, 1);
    store.directoryUsers.sweepUnseen({ directoryId: 'dir1' }, 1);
    store.directoryGroups.sweepUnseen({ directoryId: 'dir1' }, 1);
    store.members.sweepUnseen({ teamId: 't1' }, 1);
    store.gemRoles.sweepUnseen({ teamId: 't1' }, 1);
    store.workosRoles.sweepUnseen({ organizationId: 'org_t1' }, 1);
  });
});
afterAll(() => {
  store.close();
  temp.cleanup();
});

function plan(sql: string, args: unknown[]): string[] {
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/** A full scan of a table: "SCAN x" without "USING … INDEX" (virtual tables and constant rows are not tables). */
function bareScans(details: string[]): string[] {
  return details.filter(
    (detail) =>
      /^SCAN /.test(detail) &&
      !/USING (COVERING )?INDEX|VIRTUAL TABLE|CONSTANT ROW|USING INTEGER PRIMARY KEY/.test(detail),
  );
}

const ALIASES: Record<string, string> = {
  m: 'members',
  u: 'directory_users',
  g: 'directory_groups',
  d: 'directories',
  r: 'mapping_reviews',
  l: 'mapping_reviews',
  f: 'fts',
};

describe('query plans of the hot queries', () => {
  it('records the queries it checks, and the check does catch a full scan', () => {
    expect(executed.size).toBeGreaterThan(40);
    expect(bareScans(plan('SELECT * FROM members WHERE email = ?', ['x']))).toEqual(['SCAN members']);
  });

  it('reads every table of every hot query through an index', () => {
    const offenders: string[] = [];
    for (const [sql, args] of executed) {
      if (!/^\s*(SELECT|DELETE|UPDATE|WITH)/i.test(sql)) continue;
      for (const scan of bareScans(plan(sql, args))) {
        const name = scan.split(' ')[1] ?? '';
        const table = ALIASES[name] ?? name;
        if (!SMALL_TABLES_SCANNED_UNFILTERED.has(table))
          offenders.push(`${scan}  ←  ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('searches members of a team through the team index', () => {
    const sql = [...executed.keys()].find(
      (s) => s.includes('FROM members m WHERE m.team_id = ?') && s.includes('LIMIT'),
    );
    expect(sql).toBeDefined();
    expect(plan(sql ?? '', executed.get(sql ?? '') ?? []).join('\n')).toMatch(
      /SEARCH m USING INDEX members_by_team/,
    );
  });
});
