import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { openStore, type Store } from '../../../main/core/store';
import {
  checkpoint,
  directory,
  directoryUser,
  group,
  makeTempDir,
  member,
  seedTeamWithDirectory,
  team,
} from './store-fixtures';

const temp = makeTempDir('store-repos');
afterAll(() => temp.cleanup());

let store: Store;
let counter = 0;
beforeEach(() => {
  counter += 1;
  let tick = 0;
  // A clock that advances one second per call, so time-ordered lists have distinct timestamps.
  store = openStore(temp.file(`repos-${counter}.sqlite`), {
    now: () => new Date(Date.UTC(2026, 0, 15, 12, 0, tick++)).toISOString(),
  });
});
afterEach(() => store.close());

describe('writePage', () => {
  it('writes the rows and the checkpoint together', () => {
    store.members.writePage(
      [member('u1', 't1'), member('u2', 't1')],
      checkpoint(1, 'checkpoint:1:members', 'cursor-2'),
    );
    expect(store.members.countForTeam('t1')).toBe(2);
    expect(store.syncState.get('checkpoint:1:members')).toBe('cursor-2');
  });

  it('writes nothing, not even the checkpoint, when a row of the page fails', () => {
    store.syncState.set('checkpoint:1:members', 'cursor-1');
    const bad = { ...member('u3', 't1'), email: null as unknown as string }; // violates NOT NULL
    expect(() =>
      store.members.writePage([member('u2', 't1'), bad], checkpoint(1, 'checkpoint:1:members', 'cursor-3')),
    ).toThrow(/NOT NULL/);
    expect(store.members.countForTeam('t1')).toBe(0);
    expect(store.syncState.get('checkpoint:1:members')).toBe('cursor-1');
  });

  it('a null checkpoint value removes the key (phase finished)', () => {
    store.syncState.set('checkpoint:1:groups', 'c');
    store.directoryGroups.writePage([], checkpoint(1, 'checkpoint:1:groups', null));
    expect(store.syncState.get('checkpoint:1:groups')).toBeNull();
  });

  it('keeps the local pinned flag when sync rewrites a team', () => {
    store.teams.writePage([team('t1')], checkpoint(1));
    store.teams.setPinned('t1', true);
    store.teams.writePage([team('t1', { name: 'Renamed' })], checkpoint(2));
    expect(store.teams.get('t1')).toMatchObject({ name: 'Renamed', pinned: true, scimModuleEnabled: true });
    expect(store.teams.pinnedIds()).toEqual(['t1']);
  });

  it('replaces a user’s memberships from the user list, skipping groups not cached', () => {
    seedTeamWithDirectory(store, 't1', 'dir1');
    store.directoryGroups.writePage([group('g1', 'dir1'), group('g2', 'dir1')], checkpoint(1));
    store.directoryUsers.writePage(
      [directoryUser('u1', 'dir1', { groupIds: ['g1', 'g2', 'g-unknown'] })],
      checkpoint(1),
    );
    expect(store.groupMemberships.groupIdsOfUser('u1')).toEqual(['g1', 'g2']);
    store.directoryUsers.writePage([directoryUser('u1', 'dir1', { groupIds: ['g2'] })], checkpoint(2));
    expect(store.groupMemberships.groupIdsOfUser('u1')).toEqual(['g2']);
    // groupIds undefined: memberships untouched
    store.directoryUsers.writePage([directoryUser('u1', 'dir1')], checkpoint(3));
    expect(store.groupMemberships.groupIdsOfUser('u1')).toEqual(['g2']);
  });
});

describe('generations and sweepUnseen', () => {
  it('removes exactly the rows a full sync did not see, with their memberships', () => {
    seedTeamWithDirectory(store, 't1', 'dir1');
    store.directoryGroups.writePage([group('g1', 'dir1'), group('g2', 'dir1')], checkpoint(1));
    store.directoryUsers.writePage(
      ['a', 'b', 'c'].map((id) => directoryUser(id, 'dir1', { groupIds: ['g1', 'g2'] })),
      checkpoint(1),
    );
    // Run 2 sees a and c, and only g1.
    store.directoryGroups.writePage([group('g1', 'dir1')], checkpoint(2));
    store.directoryUsers.writePage(
      ['a', 'c'].map((id) => directoryUser(id, 'dir1', { groupIds: ['g1'] })),
      checkpoint(2),
    );
    expect(store.directoryUsers.countUnseen({ directoryId: 'dir1' }, 2)).toBe(1);
    const removed = store.transaction(() => ({
      users: store.directoryUsers.sweepUnseen({ directoryId: 'dir1' }, 2),
      groups: store.directoryGroups.sweepUnseen({ directoryId: 'dir1' }, 2),
      memberships: store.groupMemberships.sweepUnseen({ directoryId: 'dir1' }, 2),
    }));
    expect(removed).toEqual({ users: 1, groups: 1, memberships: 0 });
    expect(store.directoryUsers.get('b')).toBeNull();
    expect(store.directoryGroups.get('g2')).toBeNull();
    expect(store.groupMemberships.groupIdsOfUser('a')).toEqual(['g1']);
    expect(store.db.prepare('SELECT count(*) FROM group_memberships').pluck().get()).toBe(2);
  });

  it('sweeps only its own scope', () => {
    store.members.writePage([member('a', 't1'), member('b', 't2')], checkpoint(1));
    store.members.writePage([], checkpoint(2));
    expect(store.members.countUnseen({ teamId: 't1' }, 2)).toBe(1);
    expect(store.members.sweepUnseen({ teamId: 't1' }, 2)).toBe(1);
    expect(store.members.get('b')).not.toBeNull();
  });

  it('sync run ids only grow, so they serve as generations', () => {
    const first = store.syncRuns.start({ scope: 'team:t1', kind: 'full', teamId: 't1' });
    const second = store.syncRuns.start({ scope: 'team:t1', kind: 'full', teamId: 't1' });
    expect(second.id).toBeGreaterThan(first.id);
    store.db.prepare('DELETE FROM sync_runs WHERE id = ?').run(second.id);
    expect(store.syncRuns.start({ scope: 'team:t1', kind: 'full' }).id).toBeGreaterThan(second.id);
  });
});

describe('event path: upsertIfNewer', () => {
  it('writes a newer row, ignores an older or equal one (replay writes nothing)', () => {
    seedTeamWithDirectory(store, 't1', 'dir1');
    store.directoryUsers.writePage(
      [directoryUser('u1', 'dir1', { updatedAt: '2026-02-01T00:00:00.000Z' })],
      checkpoint(1),
    );
    const older = directoryUser('u1', 'dir1', { state: 'inactive', updatedAt: '2026-01-20T00:00:00.000Z' });
    expect(store.directoryUsers.upsertIfNewer(older, 5)).toBe(false);
    expect(store.directoryUsers.upsertIfNewer({ ...older, updatedAt: '2026-02-01T00:00:00.000Z' }, 5)).toBe(
      false,
    );
    expect(store.directoryUsers.get('u1')?.state).toBe('active');
    expect(store.directoryUsers.upsertIfNewer({ ...older, updatedAt: '2026-03-01T00:00:00.000Z' }, 5)).toBe(
      true,
    );
    expect(store.directoryUsers.get('u1')?.state).toBe('inactive');
    expect(store.directoryUsers.upsertIfNewer(directoryUser('u-new', 'dir1'), 5)).toBe(true);
  });
});

describe('windowed reads', () => {
  beforeEach(() => {
    const members = Array.from({ length: 120 }, (_, i) =>
      member(`m${String(i).padStart(3, '0')}`, 't1', {
        lastName: `Last${String(119 - i).padStart(3, '0')}`,
        roleSlug: i % 3 === 0 ? 'admin' : 'standard',
        status: i % 10 === 0 ? 'deactivated' : 'active',
        scimManaged: i % 2 === 0,
      }),
    );
    store.members.writePage([...members, member('other', 't2')], checkpoint(1));
  });

  it('returns windows with the total, sorted by the chosen column, without overlap', () => {
    const first = store.members.listForTeam('t1', {}, { limit: 50, sort: 'name' });
    const second = store.members.listForTeam('t1', {}, { offset: 50, limit: 50, sort: 'name' });
    const third = store.members.listForTeam('t1', {}, { offset: 100, limit: 50, sort: 'name' });
    expect([first.total, second.total, third.total]).toEqual([120, 120, 120]);
    expect(third.rows).toHaveLength(20);
    const names = [...first.rows, ...second.rows, ...third.rows].map((m) => m.lastName);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(120);
    const desc = store.members.listForTeam('t1', {}, { limit: 3, sort: 'name', direction: 'desc' });
    expect(desc.rows.map((m) => m.lastName)).toEqual(['Last119', 'Last118', 'Last117']);
  });

  it('applies filters in SQL, totals included', () => {
    const admins = store.members.listForTeam('t1', { roleSlug: 'admin' }, { limit: 5 });
    expect(admins.total).toBe(40);
    expect(admins.rows.every((m) => m.roleSlug === 'admin')).toBe(true);
    expect(store.members.listForTeam('t1', { status: 'deactivated', scimManaged: true }).total).toBe(12);
  });

  it('refuses a sort column outside the allowlist and a bad window', () => {
    const sortBy = 'email; DROP TABLE members' as 'email';
    expect(() => store.members.listForTeam('t1', {}, { sort: sortBy })).toThrow(AppError);
    expect(() => store.members.listForTeam('t1', {}, { limit: 0 })).toThrow(/limit must be/);
    expect(() => store.members.listForTeam('t1', {}, { offset: -1 })).toThrow(/offset must be/);
    expect(store.members.countForTeam('t1')).toBe(120);
  });

  it('lists a team’s directory users, filtered by group, and its groups with member counts', () => {
    seedTeamWithDirectory(store, 't1', 'dir1');
    store.directories.writePage([directory('dir-other', 't2')], checkpoint(1));
    store.directoryGroups.writePage(
      [group('g-big', 'dir1'), group('g-small', 'dir1'), group('g-x', 'dir-other')],
      checkpoint(1),
    );
    store.directoryUsers.writePage(
      Array.from({ length: 30 }, (_, i) =>
        directoryUser(`du${i}`, 'dir1', {
          groupIds: i < 5 ? ['g-big', 'g-small'] : ['g-big'],
          lastName: `L${i}`,
        }),
      ),
      checkpoint(1),
    );
    store.directoryUsers.writePage(
      [directoryUser('du-other', 'dir-other', { groupIds: ['g-x'] })],
      checkpoint(1),
    );

    expect(store.directoryUsers.listForTeam('t1').total).toBe(30);
    expect(store.directoryUsers.listForTeam('t1', { groupId: 'g-small' }).total).toBe(5);
    const groups = store.directoryGroups.listForTeam('t1', {}, { sort: 'member_count', direction: 'desc' });
    expect(groups.total).toBe(2);
    expect(groups.rows.map((g) => [g.id, g.memberCount])).toEqual([
      ['g-big', 30],
      ['g-small', 5],
    ]);
    expect(store.directoryGroups.listForTeam('t1', { text: 'SMALL' }).rows.map((g) => g.id)).toEqual([
      'g-small',
    ]);
    expect(
      store.directoryUsers
        .roleObservations('dir1')
        .find((o) => o.userId === 'du0')
        ?.groupIds.sort(),
    ).toEqual(['g-big', 'g-small']);
  });

  it('lists sync runs and the audit log, newest first by default', () => {
    const run = store.syncRuns.start({ scope: 'team:t1', kind: 'full', teamId: 't1' });
    store.syncRuns.finish(run.id, { outcome: 'succeeded', counts: { users: 3 } });
    store.syncRuns.start({ scope: 'roles', kind: 'full' });
    const runs = store.syncRuns.list();
    expect(runs.total).toBe(2);
    expect(runs.rows[0]?.scope).toBe('roles');
    expect(store.syncRuns.list({ teamId: 't1' }).rows[0]).toMatchObject({
      outcome: 'succeeded',
      counts: { users: 3 },
    });
    expect(store.syncRuns.lastSucceeded('team:t1')?.id).toBe(run.id);
    expect(store.syncRuns.markRunningAsInterrupted().map((r) => r.scope)).toEqual(['roles']);

    for (let i = 0; i < 7; i += 1) {
      store.auditLog.append({
        actor: i % 2 ? 'eng@gem.com' : 'csm@gem.com',
        action: 'role.claim',
        teamId: 't1',
        details: { i },
      });
    }
    const audit = store.auditLog.list({ actor: 'eng@gem.com' }, { limit: 2 });
    expect(audit.total).toBe(3);
    expect(audit.rows.map((e) => e.details['i'])).toEqual([5, 3]);
  });
});

describe('role-sync requests', () => {
  const request = (status: string) => ({
    teamId: 't1',
    teamName: 'Acme',
    csmEmail: 'dana@gem.com',
    csmName: 'Dana',
    roleSlug: 'recruiter-plus',
    roleName: 'Recruiter++',
    status,
    claimedBy: null,
    claimedAt: null,
    syncedAt: null,
    syncedBy: null,
    workosRoleSlug: null,
    roleCreatedAt: '2026-01-10T00:00:00.000Z',
    updatedAt: '2026-01-10T00:00:00.000Z',
  });

  it('reports status changes, keeps local history and the observed `mapped` state', () => {
    expect(store.roleSyncRequests.writePage([request('pending')], checkpoint(1))).toEqual([
      { teamId: 't1', roleSlug: 'recruiter-plus', from: null, to: 'pending' },
    ]);
    const observedAt = store.roleSyncRequests.get('t1', 'recruiter-plus')?.observedAt;
    expect(store.roleSyncRequests.writePage([request('pending')], checkpoint(2))).toEqual([]);
    expect(store.roleSyncRequests.markNotified('t1', 'recruiter-plus', 'new')).toBe(true);
    expect(store.roleSyncRequests.markNotified('t1', 'recruiter-plus', 'new')).toBe(false);
    expect(store.roleSyncRequests.writePage([request('synced')], checkpoint(3))).toEqual([
      { teamId: 't1', roleSlug: 'recruiter-plus', from: 'pending', to: 'synced' },
    ]);
    expect(store.roleSyncRequests.markMapped('t1', 'recruiter-plus')).toBe(true);
    expect(store.roleSyncRequests.writePage([request('synced')], checkpoint(4))).toEqual([]);
    const stored = store.roleSyncRequests.get('t1', 'recruiter-plus');
    expect(stored).toMatchObject({ status: 'mapped', observedAt });
    expect(stored?.notifiedNewAt).not.toBeNull();
    expect(store.roleSyncRequests.list({ statuses: ['pending', 'in_progress'] }).total).toBe(0);
    expect(store.roleSyncRequests.list({ statuses: ['mapped'] }).total).toBe(1);
  });
});

describe('notifications and reviews', () => {
  it('queues each notification once per dedupe key', () => {
    const input = { kind: 'role-synced', dedupeKey: 'role:t1:x:synced', title: 'Ready to map', body: 'x' };
    const id = store.notifications.enqueue(input);
    expect(id).not.toBeNull();
    expect(store.notifications.enqueue(input)).toBeNull();
    expect(store.notifications.undelivered().map((n) => n.id)).toEqual([id]);
    store.notifications.markDelivered(id ?? 0);
    expect(store.notifications.undelivered()).toEqual([]);
  });

  it('keeps review history and lists the latest verdict per group', () => {
    const base = { teamId: 't1', groupName: 'Eng', roleSlug: 'admin', note: null, reviewer: 'r@gem.com' };
    store.mappingReviews.add({ ...base, groupId: 'g1', verdict: 'flag' });
    store.mappingReviews.add({ ...base, groupId: 'g1', verdict: 'approve' });
    store.mappingReviews.add({ ...base, groupId: 'g2', verdict: 'flag' });
    expect(store.mappingReviews.listForTeam('t1').total).toBe(3);
    const latest = store.mappingReviews.listForTeam(
      't1',
      { latestOnly: true },
      { sort: 'group_name', direction: 'asc' },
    );
    expect(latest.rows.map((r) => [r.groupId, r.verdict])).toEqual([
      ['g1', 'approve'],
      ['g2', 'flag'],
    ]);
  });
});
