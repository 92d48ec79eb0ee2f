/**
 * The link driven by the real WorkOS stand-in state (not synthetic events): directory activation, provisioning, a
 * role that follows an IdP group mapped to an organization role, and deactivation — seen through the Gem client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterateMembers } from '../../../main/core/gem/client';
import { createGemHttpClient } from '../../../main/core/gem/http-client';
import { startGemStandIn, type RunningGemStandIn } from '../../../main/sandbox/gem/server';
import { linkGemToWorkos, type GemWorkosLink } from '../../../main/sandbox/gem/workos-link';
import { WorkosState } from '../../../main/sandbox/workos/state';
import { makeState, TOKENS } from './gem-fixture';

let server: RunningGemStandIn;
let link: GemWorkosLink;
const workos = new WorkosState({ deactivation: 'soft' });

beforeAll(async () => {
  const gem = makeState();
  link = linkGemToWorkos(gem, (listener) => workos.subscribe(listener));
  server = await startGemStandIn({ state: gem, rateLimitPerSecond: null });
});
afterAll(async () => {
  link.close();
  await server.close();
});

describe('Gem ↔ WorkOS stand-in link', () => {
  it('follows the directory from activation to deactivation', async () => {
    const csm = createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm });
    const organization = workos.createOrganization({ name: 'Cobalt Hiring', domains: ['cobalt.dev'] });
    await csm.setScimModule('team_cobalt', true);
    await csm.linkWorkosOrganization('team_cobalt', organization.id);
    server.state.createCustomRole('team_cobalt', { slug: 'sourcer', name: 'Sourcer' });
    expect((await csm.getTeam('team_cobalt')).scim.setup_completed_at).toBeNull();

    const directory = workos.createDirectory({
      organizationId: organization.id,
      type: 'okta scim v2.0',
      name: 'Cobalt Okta',
    });
    expect((await csm.getTeam('team_cobalt')).scim.setup_completed_at).not.toBeNull();

    workos.createOrganizationRole(organization.id, { slug: 'org-sourcer', name: 'Sourcer' });
    const group = workos.createGroup({ directoryId: directory.id, name: 'Sourcers' });
    workos.setGroupRole(directory.id, group.id, 'org-sourcer');
    const user = workos.createUser({
      directoryId: directory.id,
      email: 'zoe@cobalt.dev',
      firstName: 'Zoe',
      lastName: 'Kim',
    });
    let [member] = (await csm.listMembers('team_cobalt')).data;
    expect(member).toMatchObject({
      email: 'zoe@cobalt.dev',
      role_slug: 'standard',
      scim_managed: true,
      directory_user_id: user.id,
    });

    workos.addUserToGroup(user.id, group.id);
    [member] = (await csm.listMembers('team_cobalt')).data;
    expect(member?.role_slug).toBe('sourcer');

    workos.deactivateUser(user.id);
    const all = [];
    for await (const m of iterateMembers(csm, 'team_cobalt')) all.push(m);
    expect(all).toEqual([expect.objectContaining({ email: 'zoe@cobalt.dev', status: 'deactivated' })]);
  });
});
