/** Who is told what about custom-role requests, on a real SQLite cache. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store';
import type { RoleSyncRequestInput, Store } from '../../../main/core/store';
import { queueRoleSyncNotifications } from '../../../main/core/workflow/role-sync-notifications';

let dir: string;
let store: Store;
let generation = 0;

const request = (roleSlug: string, status: string, csmEmail = 'dana@gem.com'): RoleSyncRequestInput => ({
  teamId: 'team_a',
  teamName: 'Acme',
  csmEmail,
  csmName: 'Dana',
  roleSlug,
  roleName: roleSlug.toUpperCase(),
  status,
  claimedBy: null,
  claimedAt: null,
  syncedAt: null,
  syncedBy: null,
  workosRoleSlug: status === 'synced' ? `org-${roleSlug}` : null,
  roleCreatedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: new Date(Date.UTC(2026, 10, 20, 10, 0, generation)).toISOString(),
});

const write = (...rows: RoleSyncRequestInput[]) => {
  generation += 1;
  store.roleSyncRequests.writePage(rows, { generation, key: 'test', value: String(generation) });
};

const engineer = { email: 'eli@gem.com', capabilities: ['teams:read', 'roles:sync'] };
const csm = { email: 'Dana@gem.com', capabilities: ['teams:read', 'scim:manage'] };

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gem-notify-'));
  store = openStore(path.join(dir, 'cache.sqlite'));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('role-sync notifications', () => {
  it('takes the first queue seen as the baseline: nothing is raised for requests that already existed', () => {
    expect(queueRoleSyncNotifications(store, engineer)).toEqual([]); // empty cache: no baseline yet
    write(request('a', 'pending'), request('b', 'pending'));
    expect(queueRoleSyncNotifications(store, engineer)).toEqual([]);
    write(request('a', 'pending'), request('b', 'pending'), request('c', 'pending'));
    const raised = queueRoleSyncNotifications(store, engineer);
    expect(raised.map((n) => [n.kind, n.body])).toEqual([
      ['role_sync.new', 'C (Acme) needs a WorkOS organization role before the customer can map it.'],
    ]);
    expect(queueRoleSyncNotifications(store, engineer)).toEqual([]); // once only
  });

  it('tells the CSM when their request is ready to map, and again when it is mapped; engineers are not told', () => {
    write(request('a', 'pending'));
    queueRoleSyncNotifications(store, csm); // baseline
    write(request('a', 'synced'));
    expect(queueRoleSyncNotifications(store, engineer)).toEqual([]);
    expect(queueRoleSyncNotifications(store, csm).map((n) => n.title)).toEqual(['Custom role ready to map']);
    store.roleSyncRequests.markMapped('team_a', 'a');
    expect(queueRoleSyncNotifications(store, csm).map((n) => n.title)).toEqual(['Custom role mapped']);
    expect(queueRoleSyncNotifications(store, csm)).toEqual([]);
  });

  it('does not tell another team\u2019s CSM', () => {
    write(request('a', 'pending', 'someone-else@gem.com'));
    queueRoleSyncNotifications(store, csm);
    write(request('a', 'synced', 'someone-else@gem.com'));
    expect(queueRoleSyncNotifications(store, csm)).toEqual([]);
  });
});
