import {
  GenericServerException,
  NotFoundException,
  RateLimitExceededException,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@workos-inc/node';
import type { WorkOS } from '@workos-inc/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkosStandIn } from '../../../main/sandbox/workos/server';
import { call, sdkFor, startSmall } from './helpers';

let standIn: WorkosStandIn;
let workos: WorkOS;
beforeEach(async () => {
  ({ standIn, workos } = await startSmall());
});
afterEach(async () => standIn.close());

async function rejection(promise: Promise<unknown>): Promise<Error & { status?: number; code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { status?: number; code?: string };
  }
  throw new Error('expected the call to fail');
}

describe('SDK 8.13 against the stand-in: directory sync', () => {
  it('lists and gets directories with SDK state mapping and filters', async () => {
    const all = await workos.directorySync.listDirectories();
    expect(all.data.map((d) => d.id)).toEqual(['directory_beta', 'directory_acme']);
    expect(all.data.find((d) => d.id === 'directory_acme')).toMatchObject({
      state: 'active',
      type: 'okta scim v2.0',
      organizationId: 'org_acme',
      domain: 'acme.test',
    });
    expect(all.data.find((d) => d.id === 'directory_beta')?.state).toBe('inactive');
    const byOrg = await workos.directorySync.listDirectories({ organizationId: 'org_beta' });
    expect(byOrg.data.map((d) => d.id)).toEqual(['directory_beta']);
    const bySearch = await workos.directorySync.listDirectories({ search: 'okta' });
    expect(bySearch.data.map((d) => d.id)).toEqual(['directory_acme']);
    expect((await workos.directorySync.getDirectory('directory_acme')).name).toBe('Acme Okta');
  });

  it('lists users by directory and group with auto-pagination, groups and computed roles', async () => {
    const first = await workos.directorySync.listUsers({ directory: 'directory_acme', limit: 2 });
    expect(first.data.map((u) => u.id)).toEqual(['directory_user_05', 'directory_user_04']);
    expect(first.listMetadata.after).toBe('directory_user_04');
    const all = await (
      await workos.directorySync.listUsers({ directory: 'directory_acme' })
    ).autoPagination();
    expect(all.map((u) => u.id)).toEqual([
      'directory_user_05',
      'directory_user_04',
      'directory_user_03',
      'directory_user_02',
      'directory_user_01',
    ]);
    const bob = all.find((u) => u.id === 'directory_user_02');
    expect(bob?.role).toEqual({ slug: 'admin' });
    expect(bob?.roles).toEqual([{ slug: 'admin' }, { slug: 'org-billing' }]);
    expect(bob?.groups.map((g) => g.name)).toEqual(['Admins', 'Billing']);
    expect(all.find((u) => u.id === 'directory_user_04')?.role).toEqual({ slug: 'restricted' });
    const admins = await workos.directorySync.listUsers({ group: 'directory_group_admins' });
    expect(admins.data.map((u) => u.id).sort()).toEqual(['directory_user_02', 'directory_user_05']);
    const user = await workos.directorySync.getUser('directory_user_03');
    expect(user).toMatchObject({
      email: 'cy@acme.test',
      firstName: 'Cy',
      state: 'active',
      role: { slug: 'org-billing' },
    });
  });

  it('pages with after and before cursors in both orders', async () => {
    const page = (query: string) => call(standIn, `/directory_users?directory=directory_acme&${query}`);
    const asc = await page('order=asc&limit=2');
    expect((asc.json as { data: { id: string }[] }).data.map((u) => u.id)).toEqual([
      'directory_user_01',
      'directory_user_02',
    ]);
    expect(asc.json).toMatchObject({ list_metadata: { before: null, after: 'directory_user_02' } });
    const next = await page('order=asc&limit=2&after=directory_user_02');
    expect(next.json).toMatchObject({
      list_metadata: { before: 'directory_user_03', after: 'directory_user_04' },
    });
    const back = await page('order=asc&limit=2&before=directory_user_03');
    expect((back.json as { data: { id: string }[] }).data.map((u) => u.id)).toEqual([
      'directory_user_01',
      'directory_user_02',
    ]);
    const unknown = await page('after=directory_user_nope');
    expect(unknown.status).toBe(422);
    expect((await page('limit=101')).status).toBe(422);
    expect((await page('limit=0')).status).toBe(422);
  });

  it('lists groups by directory and by user, gets a group, deletes a directory', async () => {
    const groups = await (
      await workos.directorySync.listGroups({ directory: 'directory_acme' })
    ).autoPagination();
    expect(groups.map((g) => g.name).sort()).toEqual(['Admins', 'Billing', 'Engineering']);
    const ofUser = await workos.directorySync.listGroups({ user: 'directory_user_05' });
    expect(ofUser.data.map((g) => g.id).sort()).toEqual(['directory_group_admins', 'directory_group_eng']);
    expect((await workos.directorySync.getGroup('directory_group_eng')).directoryId).toBe('directory_acme');
    await workos.directorySync.deleteDirectory('directory_beta');
    expect(standIn.state.directories.has('directory_beta')).toBe(false);
  });

  it('raises the SDK exception of each error status', async () => {
    const notFound = await rejection(workos.directorySync.getDirectory('directory_missing'));
    expect(notFound).toBeInstanceOf(NotFoundException);
    expect(notFound.message).toBe("Directory not found: 'directory_missing'.");
    expect(notFound.code).toBe('entity_not_found');
    const invalid = await rejection(workos.directorySync.listUsers({}));
    expect(invalid).toBeInstanceOf(UnprocessableEntityException);
    expect(invalid.message).toContain('Please provide either "directory" or "group" parameters.');
    const unauthorized = await rejection(sdkFor(standIn, 'sk_wrong').directorySync.listDirectories());
    expect(unauthorized).toBeInstanceOf(UnauthorizedException);
    standIn.setFaults({ '/directories': { status5xxShare: 1 } });
    const serverError = await rejection(workos.directorySync.listDirectories());
    expect(serverError).toBeInstanceOf(GenericServerException);
    expect([500, 502, 503]).toContain(serverError.status);
    standIn.setFaults({ '/directories': { status429Share: 1, retryAfterSeconds: 7 } });
    const limited = await rejection(workos.directorySync.listDirectories());
    expect(limited).toBeInstanceOf(RateLimitExceededException);
    expect((limited as RateLimitExceededException).retryAfter).toBe(7);
  });
});

describe('SDK 8.13 against the stand-in: events', () => {
  it('filters by names, organization, after cursor and range', async () => {
    const state = standIn.state;
    state.addUserToGroup('directory_user_01', 'directory_group_admins');
    state.createUser({ directoryId: 'directory_acme', email: 'new@acme.test', firstName: 'New' });
    state.createOrganization({ name: 'Gamma' });
    const list = await workos.events.listEvents({ events: ['dsync.user.updated', 'dsync.group.user_added'] });
    expect(list.data.map((e) => e.event)).toEqual(['dsync.group.user_added', 'dsync.user.updated']);
    const updated = list.data[1];
    expect(updated?.event === 'dsync.user.updated' && updated.data.role).toEqual({ slug: 'admin' });
    expect(list.listMetadata.after).toBeNull();
    const page1 = await workos.events.listEvents({
      events: ['dsync.user.updated', 'dsync.group.user_added', 'dsync.user.created'],
      limit: 2,
    });
    expect(page1.data).toHaveLength(2);
    expect(page1.listMetadata.after).toBe(page1.data[1]?.id);
    const page2 = await workos.events.listEvents({
      events: ['dsync.user.updated', 'dsync.group.user_added', 'dsync.user.created'],
      after: page1.listMetadata.after ?? undefined,
    });
    expect(page2.data.map((e) => e.event)).toEqual(['dsync.user.created']);
    const forOrg = await workos.events.listEvents({
      events: ['organization.created', 'dsync.user.created'],
      organizationId: 'org_acme',
    });
    expect(forOrg.data.map((e) => e.event)).toEqual(['dsync.user.created']);
    const ranged = await workos.events.listEvents({
      events: ['organization.created'],
      rangeStart: new Date(Date.now() - 60_000).toISOString(),
      rangeEnd: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(ranged.data).toHaveLength(1);
    const both = await rejection(
      workos.events.listEvents({
        events: ['organization.created'],
        after: 'event_x',
        rangeStart: new Date().toISOString(),
      }),
    );
    expect(both).toBeInstanceOf(UnprocessableEntityException);
    const none = await rejection(workos.events.listEvents({ events: [] }));
    expect(none).toBeInstanceOf(GenericServerException);
    expect((none as GenericServerException).status).toBe(400);
  });
});

describe('SDK 8.13 against the stand-in: organizations, portal, connections', () => {
  it('lists, gets, gets by external id and creates organizations with idempotency keys', async () => {
    const list = await workos.organizations.listOrganizations();
    expect(list.data.map((o) => o.id)).toEqual(['org_beta', 'org_acme']);
    const byDomain = await workos.organizations.listOrganizations({ domains: ['beta.test'] });
    expect(byDomain.data.map((o) => o.id)).toEqual(['org_beta']);
    expect((await workos.organizations.getOrganization('org_acme')).externalId).toBe('gem-team-1');
    expect((await workos.organizations.getOrganizationByExternalId('gem-team-1')).id).toBe('org_acme');
    const created = await workos.organizations.createOrganization(
      { name: 'New Co', externalId: 'gem-team-9' },
      { idempotencyKey: 'k1' },
    );
    const replayed = await workos.organizations.createOrganization(
      { name: 'New Co', externalId: 'gem-team-9' },
      { idempotencyKey: 'k1' },
    );
    expect(replayed.id).toBe(created.id);
    const mismatch = await rejection(
      workos.organizations.createOrganization({ name: 'Other Co' }, { idempotencyKey: 'k1' }),
    );
    expect(mismatch).toBeInstanceOf(GenericServerException);
    expect(mismatch.message).toBe(
      'Another idempotency key (k1) with different request parameters was found. Please use a different idempotency key.',
    );
    const duplicate = await rejection(
      workos.organizations.createOrganization({ name: 'Dup', externalId: 'gem-team-1' }),
    );
    expect((duplicate as GenericServerException).status).toBe(400);
    const conflict = await rejection(
      workos.organizations.createOrganization({
        name: 'Dup',
        domainData: [{ domain: 'acme.test', state: 'verified' as never }],
      }),
    );
    expect(conflict.name).toBe('ConflictException');
    expect(await rejection(workos.organizations.getOrganization('org_missing'))).toBeInstanceOf(
      NotFoundException,
    );
  });

  it('generates portal links for every intent that expire after five minutes', async () => {
    for (const intent of [
      'sso',
      'dsync',
      'audit_logs',
      'log_streams',
      'domain_verification',
      'certificate_renewal',
      'bring_your_own_key',
    ] as const) {
      const { link } = await workos.portal.generateLink({
        intent: intent as never,
        organization: 'org_acme',
        returnUrl: 'https://gem.test/back',
      });
      const opened = await fetch(link);
      expect(opened.status).toBe(200);
      expect(await opened.json()).toMatchObject({ organization_id: 'org_acme', intent });
    }
    const bad = await rejection(
      workos.portal.generateLink({ intent: 'sso' as never, organization: 'bogus-id' }),
    );
    expect(bad).toBeInstanceOf(GenericServerException);
    expect(bad.message).toBe('Could not find an organization with the id, bogus-id.');
  });

  it('lists and gets SSO connections with filters', async () => {
    const list = await workos.sso.listConnections({ organizationId: 'org_acme' });
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ id: 'conn_acme_okta', type: 'OktaSAML', state: 'active' });
    expect((await workos.sso.listConnections({ connectionType: 'GenericOIDC' as never })).data).toHaveLength(
      0,
    );
    expect((await workos.sso.getConnection('conn_acme_okta')).domains[0]?.domain).toBe('acme.test');
  });
});

describe('SDK 8.13 against the stand-in: roles', () => {
  it('lists roles in priority order and runs the custom-role lifecycle', async () => {
    const roles = await workos.authorization.listOrganizationRoles('org_acme');
    expect(roles.data.map((r) => r.slug)).toEqual(['admin', 'standard', 'restricted', 'org-billing']);
    expect(roles.data[3]).toMatchObject({ type: 'OrganizationRole', resourceTypeSlug: 'organization' });
    const legacy = await workos.organizations.listOrganizationRoles({ organizationId: 'org_acme' });
    expect(legacy.data.map((r) => r.slug)).toEqual(roles.data.map((r) => r.slug));
    const env = await workos.authorization.listEnvironmentRoles();
    expect(env.data.map((r) => r.slug)).toEqual(['admin', 'standard', 'restricted']);
    expect((await workos.authorization.getEnvironmentRole('admin')).type).toBe('EnvironmentRole');

    const created = await workos.authorization.createOrganizationRole('org_acme', {
      slug: 'org-viewer',
      name: 'Viewer',
    });
    expect(created).toMatchObject({ slug: 'org-viewer', type: 'OrganizationRole', description: null });
    const generated = await workos.authorization.createOrganizationRole('org_acme', {
      name: 'Support Staff',
    });
    expect(generated.slug).toMatch(/^org-support-staff-[a-z0-9]+$/);
    const after = await workos.authorization.listOrganizationRoles('org_acme');
    expect(after.data.map((r) => r.slug).slice(-2)).toEqual(['org-viewer', generated.slug]);
    expect((await workos.authorization.getOrganizationRole('org_acme', 'org-viewer')).name).toBe('Viewer');
    const updated = await workos.authorization.updateOrganizationRole('org_acme', 'org-viewer', {
      name: 'Viewer 2',
      description: 'Reads',
    });
    expect(updated).toMatchObject({ name: 'Viewer 2', description: 'Reads' });
    await workos.authorization.deleteOrganizationRole('org_acme', 'org-viewer');
    expect(
      await rejection(workos.authorization.getOrganizationRole('org_acme', 'org-viewer')),
    ).toBeInstanceOf(NotFoundException);

    const conflict = await rejection(
      workos.authorization.createOrganizationRole('org_acme', { slug: 'org-billing', name: 'Again' }),
    );
    expect(conflict.name).toBe('ConflictException');
    expect(conflict.status).toBe(409);
    const raw = await call(standIn, '/authorization/organizations/org_acme/roles', {
      method: 'POST',
      body: { slug: 'org-billing', name: 'x' },
    });
    expect(raw.json).toMatchObject({ code: 'organization_role_slug_conflict' });
    const badSlug = await rejection(
      workos.authorization.createOrganizationRole('org_acme', { slug: 'Billing!', name: 'Bad' }),
    );
    expect(badSlug).toBeInstanceOf(UnprocessableEntityException);
    const tooLong = await call(standIn, '/authorization/organizations/org_acme/roles', {
      method: 'POST',
      body: { slug: `org-${'a'.repeat(45)}`, name: 'Long' },
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.json).toMatchObject({ errors: [{ field: 'slug' }] });

    const mapped = await rejection(workos.authorization.deleteOrganizationRole('org_acme', 'org-billing'));
    expect(mapped.name).toBe('ConflictException');
    const mappedRaw = await call(standIn, '/authorization/organizations/org_acme/roles/org-billing', {
      method: 'DELETE',
    });
    expect(mappedRaw.json).toMatchObject({ code: 'role_has_group_role_mappings' });
    expect(await rejection(workos.authorization.listOrganizationRoles('org_missing'))).toBeInstanceOf(
      NotFoundException,
    );
  });
});

describe('HTTP details', () => {
  it('echoes or generates X-Request-ID, always sends JSON content type, and hides the control API from public paths', async () => {
    const echoed = await call(standIn, '/directories', { headers: { 'X-Request-ID': 'trace-1' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-1');
    const missing = await call(standIn, '/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    const table = await call(standIn, '/_sandbox/workos/directories/directory_acme/group-roles');
    expect(table.json).toMatchObject({ group_roles: { directory_group_admins: 'admin' } });
    const unauth = await call(standIn, '/_sandbox/workos/directories/directory_acme/group-roles', {
      key: 'sk_wrong',
    });
    expect(unauth.status).toBe(401);
    for (const path of [
      '/directories/directory_acme/group-roles',
      '/directory_groups/directory_group_admins',
    ]) {
      const publicAnswer = await call(standIn, path);
      expect(JSON.stringify(publicAnswer.json)).not.toContain('"admin"');
    }
  });
});
