import { describe, expect, it } from 'vitest';
import { WorkosState } from '../../../main/sandbox/workos/state';
import type { WireEvent } from '../../../main/sandbox/workos/wire-format';

function world(options: ConstructorParameters<typeof WorkosState>[0] = {}) {
  let clock = Date.parse('2026-03-01T00:00:00.000Z');
  const state = new WorkosState({
    now: () => clock,
    environmentRoles: [
      { slug: 'admin', name: 'Admin' },
      { slug: 'standard', name: 'Standard' },
    ],
    defaultRole: 'standard',
    ...options,
  });
  const events: WireEvent[] = [];
  state.subscribe((event) => events.push(event));
  return { state, events, advance: (ms: number) => (clock += ms) };
}

const names = (events: WireEvent[]) => events.map((event) => event.event);

describe('WorkosState events', () => {
  it('emits the lifecycle events in order with contract payloads and sortable ids', () => {
    const { state, events } = world({ deactivation: 'soft' });
    const org = state.createOrganization({ id: 'org_1', name: 'Acme', domains: ['acme.test'] });
    const directory = state.createDirectory({
      id: 'directory_1',
      organizationId: org.id,
      type: 'okta scim v2.0',
      name: 'Okta',
    });
    const group = state.createGroup({ id: 'g_admins', directoryId: directory.id, name: 'Admins' });
    state.setGroupRole(directory.id, group.id, 'admin');
    const user = state.createUser({
      id: 'u_1',
      directoryId: directory.id,
      email: 'a@acme.test',
      firstName: 'A',
    });
    state.addUserToGroup(user.id, group.id);
    state.updateUser(user.id, { firstName: 'Ann', customAttributes: { department: 'R&D' } });
    state.removeUserFromGroup(user.id, group.id);
    state.updateGroup(group.id, { name: 'Administrators' });
    const role = state.createOrganizationRole(org.id, { slug: 'org-x', name: 'X' });
    state.updateOrganizationRole(org.id, role.slug, { description: 'desc' });
    state.deleteOrganizationRole(org.id, role.slug);
    const connection = state.createConnection({
      organizationId: org.id,
      connectionType: 'OktaSAML',
      name: 'SSO',
    });
    state.setConnectionState(connection.id, 'active');
    state.setConnectionState(connection.id, 'inactive');
    state.updateOrganization(org.id, { name: 'Acme Inc' });
    state.deactivateUser(user.id);
    state.deleteGroup(group.id);
    state.deleteDirectory(directory.id);

    expect(names(events)).toEqual([
      'organization.created',
      'dsync.activated',
      'dsync.group.created',
      'dsync.user.created',
      'dsync.group.user_added',
      'dsync.user.updated', // role standard → admin
      'dsync.user.updated', // first name + custom attribute
      'dsync.group.user_removed',
      'dsync.user.updated', // role admin → standard
      'dsync.group.updated',
      'organization_role.created',
      'organization_role.updated',
      'organization_role.deleted',
      'connection.activated',
      'connection.deactivated',
      'organization.updated',
      'dsync.user.updated', // soft deactivation
      'dsync.group.deleted',
      'dsync.deleted',
    ]);
    const ids = events.map((event) => event.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^event_[0-9A-HJKMNP-TV-Z]{26}$/);

    const activated = events[1]?.data;
    expect(activated).toMatchObject({
      object: 'directory',
      state: 'active',
      external_key: expect.any(String),
    });
    expect(activated?.domains).toEqual([
      { object: 'organization_domain', id: expect.any(String), domain: 'acme.test' },
    ]);
    expect(events[18]?.data).not.toHaveProperty('external_key');
    expect(events[18]?.data).not.toHaveProperty('domains');
    expect(events[3]?.data).not.toHaveProperty('groups');
    expect(events[4]?.data).toMatchObject({
      directory_id: 'directory_1',
      user: { id: 'u_1' },
      group: { id: 'g_admins' },
    });
    expect(events[5]?.data).toMatchObject({
      role: { slug: 'admin' },
      previous_attributes: { role: { slug: 'standard' } },
    });
    expect(events[6]?.data.previous_attributes).toEqual({
      first_name: 'A',
      name: 'A',
      custom_attributes: { department: null },
    });
    expect(events[8]?.data).toMatchObject({
      role: { slug: 'standard' },
      previous_attributes: { role: { slug: 'admin' } },
    });
    expect(events[9]?.data).toMatchObject({
      name: 'Administrators',
      previous_attributes: { name: 'Admins' },
    });
    expect(events[10]?.data).toMatchObject({
      object: 'organization_role',
      organization_id: 'org_1',
      slug: 'org-x',
    });
    expect(events[10]?.data).not.toHaveProperty('id');
    expect(events[13]?.data).toMatchObject({ object: 'connection', state: 'active', status: 'linked' });
    expect(events[16]?.data).toMatchObject({ state: 'inactive', previous_attributes: { state: 'active' } });
  });

  it('deletes on deactivation in delete mode and sends no events for silent bulk loads', () => {
    const { state, events } = world({ deactivation: 'delete' });
    state.withoutEvents(() => {
      state.createOrganization({ id: 'org_1', name: 'Acme' });
      state.createDirectory({
        id: 'directory_1',
        organizationId: 'org_1',
        type: 'okta scim v2.0',
        name: 'Okta',
      });
      state.createUser({ id: 'u_1', directoryId: 'directory_1', email: 'a@acme.test' });
    });
    expect(events).toEqual([]);
    state.deactivateUser('u_1');
    expect(names(events)).toEqual(['dsync.user.deleted']);
    expect(state.users.has('u_1')).toBe(false);
  });

  it('drops events older than the retention and pages with after even past dropped events', () => {
    const { state, events, advance } = world({ eventRetentionMs: 10_000 });
    state.createOrganization({ id: 'org_1', name: 'A' });
    advance(6_000);
    state.createOrganization({ id: 'org_2', name: 'B' });
    advance(6_000);
    state.createOrganization({ id: 'org_3', name: 'C' });
    const all = new Set(['organization.created']);
    const visible = state.events.query({ events: all, limit: 10 });
    expect(visible.data.map((event) => event.data.id)).toEqual(['org_2', 'org_3']);
    const afterGone = state.events.query({ events: all, limit: 10, after: events[0]?.id });
    expect(afterGone.data.map((event) => event.data.id)).toEqual(['org_2', 'org_3']);
    const firstPage = state.events.query({ events: all, limit: 1 });
    expect(firstPage.hasMore).toBe(true);
    const nextPage = state.events.query({ events: all, limit: 1, after: firstPage.data[0]?.id });
    expect(nextPage).toEqual({ data: [events[2]], hasMore: false });
  });

  it('rejects invalid role slugs, duplicate slugs, unsupported mappings and incomplete priorities', () => {
    const { state } = world();
    state.createOrganization({ id: 'org_1', name: 'Acme' });
    expect(() => state.createOrganizationRole('org_1', { slug: 'billing', name: 'B' })).toThrow(
      /Validation failed/,
    );
    state.createOrganizationRole('org_1', { slug: 'org-b', name: 'B' });
    expect(() => state.createOrganizationRole('org_1', { slug: 'org-b', name: 'B' })).toThrow(
      /already exists/,
    );
    state.createDirectory({ id: 'directory_csv', organizationId: 'org_1', type: 'sftp', name: 'CSV' });
    state.createGroup({ id: 'g', directoryId: 'directory_csv', name: 'G' });
    expect(() => state.setGroupRole('directory_csv', 'g', 'admin')).toThrow(/does not support/);
    expect(() => state.setPriority('org_1', ['admin', 'standard'])).toThrow(/exactly once/);
  });
});
