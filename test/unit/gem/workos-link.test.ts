import { describe, expect, it } from 'vitest';
import { GemState } from '../../../main/sandbox/gem/state';
import { linkGemToWorkos, type WorkosWireEvent } from '../../../main/sandbox/gem/workos-link';

const ORG = 'org_01LINKED';

function fakeWorkos() {
  const listeners = new Set<(event: WorkosWireEvent) => void>();
  let n = 0;
  return {
    subscribe: (listener: (event: WorkosWireEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event: string, data: Record<string, unknown>) {
      n += 1;
      const wire: WorkosWireEvent = {
        object: 'event',
        id: `event_${n}`,
        event,
        data,
        created_at: new Date().toISOString(),
      };
      for (const listener of listeners) listener(wire);
    },
    listenerCount: () => listeners.size,
  };
}

function directoryUser(overrides: Record<string, unknown> = {}) {
  return {
    object: 'directory_user',
    id: 'directory_user_01ANA',
    directory_id: 'directory_01',
    organization_id: ORG,
    idp_id: '1',
    email: 'ana@linked.com',
    first_name: 'Ana',
    last_name: 'Ruiz',
    state: 'active',
    raw_attributes: {},
    custom_attributes: {},
    role: { slug: 'member' },
    roles: [{ slug: 'member' }],
    created_at: '2026-03-01T00:00:00.000Z',
    updated_at: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

function setup() {
  let now = Date.parse('2026-03-02T09:00:00.000Z');
  const state = new GemState({ now: () => new Date(now) });
  const team = state.addTeam({
    id: 'team_linked',
    name: 'Linked',
    domain: 'linked.com',
    csm: { email: 'dana@gem.com', name: 'Dana' },
  });
  state.setScimModule(team.id, true, 'dana@gem.com');
  state.linkWorkosOrganization(team.id, ORG);
  state.addTeam({
    id: 'team_other',
    name: 'Other',
    domain: 'other.com',
    csm: { email: 'dana@gem.com', name: 'Dana' },
  });
  const workos = fakeWorkos();
  return { state, workos, advance: (ms: number) => (now += ms), nowIso: () => new Date(now).toISOString() };
}

const activated = {
  object: 'directory',
  id: 'directory_01',
  organization_id: ORG,
  type: 'okta scim v2.0',
  state: 'active',
  name: 'Linked',
  external_key: 'k',
  domains: [],
};

describe('linkGemToWorkos', () => {
  it('sets setup_completed_at on the first dsync.activated of a linked organization only', () => {
    const { state, workos, advance, nowIso } = setup();
    linkGemToWorkos(state, workos.subscribe);
    workos.emit('dsync.activated', { ...activated, organization_id: 'org_01SOMEONE_ELSE' });
    expect(state.getTeam('team_linked')?.scim.setup_completed_at).toBeNull();
    const first = nowIso();
    workos.emit('dsync.activated', activated);
    expect(state.getTeam('team_linked')?.scim.setup_completed_at).toBe(first);
    advance(60_000);
    workos.emit('dsync.activated', activated);
    expect(state.getTeam('team_linked')?.scim.setup_completed_at).toBe(first);
    expect(state.getTeam('team_other')?.scim.setup_completed_at).toBeNull();
    // From now on a new custom role needs a sync, and SCIM can no longer be switched off.
    advance(1);
    const role = state.createCustomRole('team_linked', { slug: 'sourcer', name: 'Sourcer' });
    expect(role.ok && role.value.workos_sync.status).toBe('pending');
    const off = state.setScimModule('team_linked', false, 'dana@gem.com');
    expect(!off.ok && off.failure.code).toBe('directory_linked');
  });

  it('provisions, updates and deactivates the SCIM-managed member', () => {
    const { state, workos } = setup();
    state.createCustomRole('team_linked', { slug: 'hiring-lead', name: 'Hiring Lead' });
    linkGemToWorkos(state, workos.subscribe);

    workos.emit('dsync.user.created', directoryUser());
    const [created] = state.listMembers('team_linked') ?? [];
    expect(created).toMatchObject({
      email: 'ana@linked.com',
      first_name: 'Ana',
      last_name: 'Ruiz',
      role_slug: 'standard',
      status: 'active',
      scim_managed: true,
      directory_user_id: 'directory_user_01ANA',
    });

    workos.emit(
      'dsync.user.updated',
      directoryUser({
        email: 'ana.ruiz@linked.com',
        role: { slug: 'org-hiring-lead' },
        previous_attributes: {},
      }),
    );
    expect(state.listMembers('team_linked')).toHaveLength(1);
    expect(state.getMember('team_linked', created?.id ?? '')).toMatchObject({
      email: 'ana.ruiz@linked.com',
      role_slug: 'hiring-lead',
    });

    workos.emit('dsync.user.updated', directoryUser({ role: { slug: 'admin' } }));
    expect(state.getMember('team_linked', created?.id ?? '')?.role_slug).toBe('admin');

    workos.emit('dsync.user.updated', directoryUser({ state: 'inactive' }));
    expect(state.getMember('team_linked', created?.id ?? '')?.status).toBe('deactivated');
    workos.emit('dsync.user.updated', directoryUser({ state: 'active' }));
    expect(state.getMember('team_linked', created?.id ?? '')?.status).toBe('active');

    workos.emit('dsync.user.deleted', directoryUser());
    expect(state.getMember('team_linked', created?.id ?? '')?.status).toBe('deactivated');
    expect(state.listMembers('team_other')).toEqual([]);
  });

  it('maps roles Gem does not have to standard and adopts a hand-added member with the same email', () => {
    const { state, workos } = setup();
    const hand = state.addMember('team_linked', { email: 'BEN@linked.com', role_slug: 'restricted' });
    linkGemToWorkos(state, workos.subscribe);
    workos.emit(
      'dsync.user.created',
      directoryUser({
        id: 'directory_user_01BEN',
        email: 'ben@linked.com',
        role: { slug: 'org-not-in-gem' },
      }),
    );
    workos.emit(
      'dsync.user.created',
      directoryUser({ id: 'directory_user_01CY', email: 'cy@linked.com', role: { slug: 'restricted' } }),
    );
    const members = state.listMembers('team_linked') ?? [];
    expect(members).toHaveLength(2);
    expect(members.find((m) => m.id === (hand.ok ? hand.value.id : ''))).toMatchObject({
      email: 'ben@linked.com',
      role_slug: 'standard',
      scim_managed: true,
      directory_user_id: 'directory_user_01BEN',
    });
    expect(members.find((m) => m.email === 'cy@linked.com')?.role_slug).toBe('restricted');
  });

  it('ignores events for unlinked organizations and malformed payloads', () => {
    const { state, workos } = setup();
    linkGemToWorkos(state, workos.subscribe);
    workos.emit('dsync.user.created', directoryUser({ organization_id: 'org_01UNKNOWN' }));
    workos.emit('dsync.user.created', { object: 'directory_user', organization_id: ORG });
    workos.emit('dsync.group.created', { object: 'directory_group', id: 'g', organization_id: ORG });
    expect(state.listMembers('team_linked')).toEqual([]);
  });

  it('with lagMs applies events in order after the delay, and close() stops listening', async () => {
    const { state, workos } = setup();
    const link = linkGemToWorkos(state, workos.subscribe, { lagMs: 60 });
    const started = Date.now();
    workos.emit('dsync.activated', activated);
    workos.emit('dsync.user.created', directoryUser());
    workos.emit('dsync.user.updated', directoryUser({ role: { slug: 'admin' } }));
    expect(state.getTeam('team_linked')?.scim.setup_completed_at).toBeNull();
    expect(state.listMembers('team_linked')).toEqual([]);
    await link.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(state.getTeam('team_linked')?.scim.setup_completed_at).not.toBeNull();
    expect(state.listMembers('team_linked')?.map((m) => m.role_slug)).toEqual(['admin']);

    workos.emit('dsync.user.deleted', directoryUser());
    link.close();
    expect(workos.listenerCount()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 90));
    expect(state.listMembers('team_linked')?.[0]?.status).toBe('active');
  });
});
