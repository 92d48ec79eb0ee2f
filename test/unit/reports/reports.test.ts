import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  businessDaysBetween,
  explainMemberRole,
  listGroups,
  listMembers,
  listRequests,
  listSyncRuns,
  listTeams,
  teamDrift,
  teamOverview,
} from '../../../main/core/reports';
import { openStore, type Store } from '../../../main/core/store';
import { refreshTeamInference } from '../../../main/core/sync/directory-inference';

let dir: string;
let store: Store;
const T = '2026-03-02T09:00:00.000Z';

function seed(): void {
  const g = 1;
  store.teams.upsert(
    {
      id: 'team_a',
      name: 'Acme',
      domain: 'acme.test',
      plan: 'enterprise',
      csmEmail: 'csm@gem.test',
      csmName: 'C',
      scimModuleEnabled: true,
      scimEnabledAt: T,
      scimEnabledBy: 'csm@gem.test',
      workosOrganizationId: 'org_a',
      setupCompletedAt: T,
      createdAt: T,
      updatedAt: T,
    },
    g,
  );
  const cp = { generation: g, key: 'seed', value: null };
  store.directories.writePage(
    [
      {
        id: 'dir_a',
        organizationId: 'org_a',
        teamId: 'team_a',
        type: 'okta scim v2.0',
        state: 'active',
        name: 'Okta',
        domain: null,
        createdAt: T,
        updatedAt: T,
      },
    ],
    cp,
  );
  store.ssoConnections.writePage(
    [
      {
        id: 'conn_a',
        organizationId: 'org_a',
        connectionType: 'OktaSAML',
        name: 'Okta',
        state: 'draft',
        createdAt: T,
        updatedAt: T,
      },
    ],
    cp,
  );
  store.workosRoles.writePage(
    ['admin', 'standard', 'member', 'org-recruiter'].map((slug, priority) => ({
      organizationId: 'org_a',
      slug,
      name: slug.toUpperCase(),
      type: slug.startsWith('org-') ? 'OrganizationRole' : 'EnvironmentRole',
      priority,
      updatedAt: T,
    })),
    cp,
  );
  store.directoryGroups.writePage(
    [
      { id: 'grp_admins', directoryId: 'dir_a', idpId: '1', name: 'Admins', createdAt: T, updatedAt: T },
      { id: 'grp_eng', directoryId: 'dir_a', idpId: '2', name: 'Engineering', createdAt: T, updatedAt: T },
    ],
    cp,
  );
  const user = (id: string, role: string, groupIds: string[], state = 'active') => ({
    id,
    directoryId: 'dir_a',
    idpId: id,
    email: `${id}@acme.test`,
    firstName: id,
    lastName: 'X',
    state,
    roleSlug: role,
    roles: [role],
    createdAt: T,
    updatedAt: T,
    groupIds,
  });
  store.directoryUsers.writePage(
    [
      user('u1', 'admin', ['grp_admins']),
      user('u2', 'member', ['grp_eng']),
      user('u3', 'member', []),
      user('u4', 'admin', ['grp_admins', 'grp_eng']),
    ],
    cp,
  );
  const member = (id: string, dirUser: string | null, role: string, scim: boolean) => ({
    id,
    teamId: 'team_a',
    email: `${dirUser ?? id}@acme.test`,
    firstName: dirUser ?? id,
    lastName: 'X',
    roleSlug: role,
    status: 'active',
    scimManaged: scim,
    directoryUserId: dirUser,
    createdAt: T,
    updatedAt: T,
  });
  store.members.writePage(
    [
      member('m1', 'u1', 'admin', true),
      member('m2', 'u2', 'admin', true),
      member('m3', 'u3', 'standard', true),
      member('m9', null, 'standard', false),
    ],
    cp,
  );
  store.roleSyncRequests.writePage(
    [
      {
        teamId: 'team_a',
        teamName: 'Acme',
        csmEmail: 'csm@gem.test',
        csmName: 'C',
        roleSlug: 'recruiter',
        roleName: 'Recruiter',
        status: 'pending',
        claimedBy: null,
        claimedAt: null,
        syncedAt: null,
        syncedBy: null,
        workosRoleSlug: null,
        roleCreatedAt: '2026-02-26T09:00:00.000Z',
        updatedAt: T,
      },
    ],
    cp,
  );
  refreshTeamInference(store, 'team_a');
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gem-reports-'));
  store = openStore(path.join(dir, 'r.db'));
  seed();
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('reports over a seeded store', () => {
  it('team list and overview: Okta without an active Okta SSO connection is flagged', () => {
    expect(listTeams(store, { scim: 'enabled' }).rows.map((t) => t.id)).toEqual(['team_a']);
    const overview = teamOverview(store, 'team_a');
    expect(overview?.setupState).toBe('active');
    expect(overview?.okta).toMatchObject({ usesOkta: true, hasActiveOktaSso: false });
    expect(overview?.okta.warning).toMatch(/SSO must also be set up/);
    expect(overview?.counts).toEqual({
      members: 4,
      activeMembers: 4,
      scimManagedMembers: 3,
      directoryUsers: 4,
      groups: 2,
    });
    expect(overview?.asOf).toBeNull();
    expect(teamOverview(store, 'nope')).toBeNull();
  });

  it('members say who manages them and why; search and filters are windowed', () => {
    const all = listMembers(store, 'team_a', { window: { limit: 2 } });
    expect(all.total).toBe(4);
    expect(all.rows).toHaveLength(2);
    const m9 = listMembers(store, 'team_a', { query: 'm9' }).rows[0];
    expect(m9).toMatchObject({ id: 'm9', managedBy: 'gem' });
    const scim = listMembers(store, 'team_a', { role: 'admin' });
    expect(scim.rows.map((m) => m.managedBy)).toEqual(['idp', 'idp']);
    expect(scim.rows[0]?.managedReason).toMatch(/identity provider/);
  });

  it('groups carry the inferred mapping; a member role is explained', () => {
    const groups = listGroups(store, 'team_a').rows;
    const admins = groups.find((g) => g.id === 'grp_admins');
    expect(admins).toMatchObject({ memberCount: 2, inference: { status: 'determined' } });
    expect(admins?.inference.candidates.map((c) => c.slug)).toEqual(['admin']);
    expect(admins?.inference.evidence.length).toBeGreaterThan(0);
    const explained = explainMemberRole(store, 'team_a', 'm1');
    expect(explained).toMatchObject({
      role: 'admin',
      explained: true,
      possibleSources: [{ id: 'grp_admins', name: 'Admins' }],
    });
    expect(explainMemberRole(store, 'team_a', 'm9')?.text).toMatch(/set in Gem/);
    expect(explainMemberRole(store, 'other', 'm1')).toBeNull();
  });

  it('drift compares cached Gem members with cached directory users', () => {
    const drift = teamDrift(store, 'team_a');
    expect(drift?.counts.role_differs).toBe(1); // m2 is admin in Gem, member → standard in the directory
    expect(drift?.counts.not_provisioned).toBe(1); // u4 has no member
    expect(drift?.counts.not_scim_managed).toBe(1); // m9
  });

  it('requests: age in business days against the 2-day target, and an existing org-<slug> role is flagged', () => {
    const now = Date.parse('2026-03-02T09:00:00.000Z'); // Monday; created the Thursday before
    const [request] = listRequests(store, {}, {}, now).rows;
    expect(request).toMatchObject({
      ageBusinessDays: 2,
      overdue: false,
      expectedWorkosRoleSlug: 'org-recruiter',
      workosRoleAlreadyExists: true,
    });
    expect(listRequests(store, {}, {}, now + 86_400_000).rows[0]?.overdue).toBe(true);
    expect(businessDaysBetween(Date.parse('2026-02-28T00:00:00Z'), Date.parse('2026-03-02T00:00:00Z'))).toBe(
      0,
    );
  });

  it('sync runs are listed newest first', () => {
    const a = store.syncRuns.start({ scope: 'team', kind: 'full', teamId: 'team_a' });
    store.syncRuns.finish(a.id, { outcome: 'succeeded' });
    expect(listSyncRuns(store).rows[0]).toMatchObject({ id: a.id, outcome: 'succeeded' });
    expect(teamOverview(store, 'team_a')?.asOf).not.toBeNull();
  });
});
