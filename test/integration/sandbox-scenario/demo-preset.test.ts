/**
 * The demo preset has every situation the console must show, seen the way the console sees it: through the real
 * WorkOS SDK and the console's Gem client against the running sandbox.
 */
import type { WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterateMembers, iterateRoleSyncRequests } from '../../../main/core/gem/client';
import type { GemAdminClient } from '../../../main/core/gem/client';
import { gemRoleSlugForWorkosRole } from '../../../main/core/gem/role-slug-mapping';
import { generateScenario, SANDBOX_CREDENTIALS } from '../../../main/sandbox/generator';
import type { RunningSandbox } from '../../../main/sandbox/sandbox';
import { gemClient, startTestSandbox, workosSdk } from './helpers';

let sandbox: RunningSandbox;
let workos: WorkOS;
let gem: GemAdminClient;

beforeAll(async () => {
  sandbox = await startTestSandbox({ scenario: generateScenario({ preset: 'demo', seed: 1 }) });
  workos = workosSdk(sandbox.workos.url, sandbox.workos.apiKey);
  gem = gemClient(sandbox.gem.url, sandbox.gem.tokens.console);
});
afterAll(async () => {
  await sandbox.close();
});

async function listAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function usersOf(directory: string) {
  return (await workos.directorySync.listUsers({ directory })).autoPagination();
}

describe('demo preset', () => {
  it('hands out the sandbox credentials, one token per kind of staff', async () => {
    expect(sandbox.workos.apiKey).toBe(SANDBOX_CREDENTIALS.workosApiKey);
    expect(sandbox.gem.tokens).toEqual(SANDBOX_CREDENTIALS.gemTokens);
    expect((await gem.me()).capabilities.sort()).toEqual(['roles:sync', 'scim:manage', 'teams:read']);
    expect((await gemClient(sandbox.gem.url, sandbox.gem.tokens.csm).me()).capabilities.sort()).toEqual([
      'scim:manage',
      'teams:read',
    ]);
    expect((await gemClient(sandbox.gem.url, sandbox.gem.tokens.engineer).me()).capabilities.sort()).toEqual([
      'roles:sync',
      'teams:read',
    ]);
  });

  it('has a team in each SCIM stage', async () => {
    const teams = Object.fromEntries(
      (await gem.listTeams({ limit: 100 })).data.map((team) => [team.id, team.scim]),
    );
    expect(teams.team_halcyon).toMatchObject({ module_enabled: true, workos_organization_id: 'org_halcyon' });
    expect(teams.team_halcyon?.setup_completed_at).not.toBeNull();
    expect(teams.team_brightwater).toMatchObject({
      module_enabled: true,
      workos_organization_id: 'org_brightwater',
    });
    expect(teams.team_juniper).toMatchObject({
      module_enabled: true,
      workos_organization_id: 'org_juniper',
      setup_completed_at: null,
    });
    expect(teams.team_tessellate).toMatchObject({ module_enabled: true, workos_organization_id: null });
    expect(teams.team_marigold).toMatchObject({ module_enabled: false, workos_organization_id: null });
  });

  it('Halcyon: Okta SCIM with active Okta SSO, 8 groups, mapped roles, users in several groups, one unmapped group', async () => {
    const [directory] = (await workos.directorySync.listDirectories({ organizationId: 'org_halcyon' })).data;
    expect(directory).toMatchObject({ type: 'okta scim v2.0', state: 'active' });
    const connections = (await workos.sso.listConnections({ organizationId: 'org_halcyon' })).data;
    expect(connections).toEqual([expect.objectContaining({ type: 'OktaSAML', state: 'active' })]);
    const groups = await (
      await workos.directorySync.listGroups({ directory: directory?.id ?? '' })
    ).autoPagination();
    expect(groups).toHaveLength(8);
    const users = await usersOf(directory?.id ?? '');
    expect(users.length).toBe(60);
    expect(new Set(users.map((user) => user.role?.slug))).toEqual(
      new Set(['admin', 'org-recruiting-ops', 'org-hiring-manager', 'standard', 'restricted']),
    );
    expect(users.filter((user) => user.groups.length > 1).length).toBeGreaterThan(5);
    // Engineering is unmapped: its members who are in no other group hold the default role.
    const onlyEngineering = users.filter((u) => u.groups.length === 1 && u.groups[0]?.name === 'Engineering');
    expect(onlyEngineering.length).toBeGreaterThan(0);
    expect(new Set(onlyEngineering.map((user) => user.role?.slug))).toEqual(new Set(['standard']));
    const roles = (await workos.authorization.listOrganizationRoles('org_halcyon')).data.map(
      (role) => role.slug,
    );
    expect(roles).toEqual(['admin', 'org-recruiting-ops', 'org-hiring-manager', 'standard', 'restricted']);
  });

  it('Halcyon: two pending custom roles created after setup and one in progress, claimed by the engineer', async () => {
    const engineer = gemClient(sandbox.gem.url, sandbox.gem.tokens.engineer);
    const requests = (await listAll(iterateRoleSyncRequests(engineer)))
      .filter((request) => request.team_id === 'team_halcyon' && request.role.workos_sync.status !== 'synced')
      .map((request) => [
        request.role.slug,
        request.role.workos_sync.status,
        request.role.workos_sync.claimed_by,
      ]);
    expect(requests).toEqual([
      ['agency-partner', 'in_progress', 'eli.nakamura@gem.com'],
      ['interview-coordinator', 'pending', null],
      ['sourcing-lead', 'pending', null],
    ]);
    const workosRoles = (await workos.authorization.listOrganizationRoles('org_halcyon')).data.map(
      (r) => r.slug,
    );
    expect(workosRoles).not.toContain('org-sourcing-lead');
    const team = await gem.getTeam('team_halcyon');
    for (const slug of ['sourcing-lead', 'interview-coordinator']) {
      const role = (await gem.listRoles('team_halcyon')).find((entry) => entry.slug === slug);
      expect(Date.parse(role?.created_at ?? '')).toBeGreaterThan(
        Date.parse(team.scim.setup_completed_at ?? ''),
      );
    }
  });

  it('Halcyon: drift — a role and an email that differ, a hand-added member, an unprovisioned user', async () => {
    const users = await usersOf('directory_halcyon_okta');
    const members = await listAll(iterateMembers(gem, 'team_halcyon'));
    const roles = await gem.listRoles('team_halcyon');
    const synced = roles.map((role) => ({
      slug: role.slug,
      workos_role_slug: role.workos_sync.workos_role_slug,
    }));
    const byUser = new Map(members.map((member) => [member.directory_user_id, member]));

    const roleDrift = users.filter((user) => {
      const member = byUser.get(user.id);
      return member && member.role_slug !== gemRoleSlugForWorkosRole(user.role?.slug ?? '', synced);
    });
    expect(roleDrift).toHaveLength(1);
    const emailDrift = users.filter((user) => {
      const member = byUser.get(user.id);
      return member && member.email !== user.email;
    });
    expect(emailDrift).toHaveLength(1);
    expect(byUser.get(emailDrift[0]?.id ?? '')?.email.toLowerCase()).toBe(
      emailDrift[0]?.email?.toLowerCase(),
    );
    expect(members.filter((member) => !member.scim_managed)).toEqual([
      expect.objectContaining({ email: 'r.okafor.contractor@gmail.com', directory_user_id: null }),
    ]);
    const unprovisioned = users.filter((user) => !byUser.has(user.id));
    expect(unprovisioned).toHaveLength(1);
    expect(unprovisioned[0]?.state).toBe('active');
  });

  it('Brightwater: Okta SCIM without an active Okta SSO connection', async () => {
    const [directory] = (await workos.directorySync.listDirectories({ organizationId: 'org_brightwater' }))
      .data;
    expect(directory?.type).toBe('okta scim v2.0');
    const connections = (await workos.sso.listConnections({ organizationId: 'org_brightwater' })).data;
    expect(connections.filter((connection) => connection.state === 'active')).toEqual([]);
    expect(connections).toEqual([expect.objectContaining({ type: 'OktaSAML', state: 'draft' })]);
    expect((await listAll(iterateMembers(gem, 'team_brightwater'))).length).toBe(14);
  });

  it('Juniper: mid-setup with a second directory type, still validating', async () => {
    const [directory] = (await workos.directorySync.listDirectories({ organizationId: 'org_juniper' })).data;
    expect(directory).toMatchObject({ type: 'azure scim v2.0', state: 'validating' });
  });
});
