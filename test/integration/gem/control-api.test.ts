/** The stand-in's control API: custom roles, members by hand, drift, faults, stats; guarded by a staff token. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGemHttpClient } from '../../../main/core/gem/http-client';
import { startGemStandIn, type RunningGemStandIn } from '../../../main/sandbox/gem/server';
import { makeState, testClock, TOKENS } from './gem-fixture';

type TeamBody = { scim: { setup_completed_at: string | null } };

let server: RunningGemStandIn;
const clock = testClock();

beforeAll(async () => {
  server = await startGemStandIn({
    state: makeState(clock),
    rateLimitPerSecond: 2,
    prefix: '/custom/prefix/',
  });
});
afterAll(async () => {
  await server.close();
});

function control(method: string, path: string, body?: unknown, token: string = TOKENS.readOnly) {
  return fetch(`${server.origin}/_sandbox/gem${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('control API', () => {
  it('serves the admin API under a configured prefix, and not at the root', async () => {
    expect(server.url).toBe(`${server.origin}/custom/prefix`);
    expect((await createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm }).me()).id).toBe(
      'staff_dana',
    );
    const root = await fetch(`${server.origin}/me`, { headers: { Authorization: `Bearer ${TOKENS.csm}` } });
    expect(root.status).toBe(404);
    expect(await root.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('needs a valid staff token and is not rate limited', async () => {
    expect((await control('GET', '/stats', undefined, 'bad-token')).status).toBe(401);
    const statuses = await Promise.all(
      Array.from({ length: 6 }, async () => (await control('GET', '/stats')).status),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('creates custom roles: pending after setup completed, synced before', async () => {
    clock.advance(1000);
    const after = await control('POST', '/teams/team_acme/roles', {
      slug: 'talent-partner',
      name: 'Talent Partner',
    });
    expect(after.status).toBe(201);
    expect(await after.json()).toMatchObject({
      slug: 'talent-partner',
      kind: 'custom',
      created_by: 'ro@gem.com',
      workos_sync: { status: 'pending' },
    });
    const before = await control('POST', '/teams/team_beta/roles', {
      slug: 'talent-partner',
      name: 'Talent Partner',
      created_by: 'admin@beta.io',
    });
    expect(await before.json()).toMatchObject({
      created_by: 'admin@beta.io',
      workos_sync: { status: 'synced' },
    });
    expect(
      (await control('POST', '/teams/team_acme/roles', { slug: 'talent-partner', name: 'Again' })).status,
    ).toBe(409);
    const bad = await control('POST', '/teams/team_acme/roles', { slug: 'Bad Slug', name: 'x' });
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalid_request', details: { fields: ['slug'] } },
    });
    expect((await control('POST', '/teams/team_nope/roles', { slug: 'x', name: 'x' })).status).toBe(404);

    const engineer = createGemHttpClient({ baseUrl: server.url, token: TOKENS.engineer });
    const pending = await engineer.listRoleSyncRequests({ status: 'pending' });
    expect(pending.data.map((r) => r.role.slug)).toContain('talent-partner');
  });

  it('adds members by hand and injects drift that the member list shows with a newer updated_at', async () => {
    const added = await control('POST', '/teams/team_beta/members', {
      email: 'hand@beta.io',
      first_name: 'Han',
      role_slug: 'coordinator',
    });
    expect(added.status).toBe(201);
    const member = (await added.json()) as { id: string; updated_at: string };
    expect(member).toMatchObject({
      email: 'hand@beta.io',
      scim_managed: false,
      directory_user_id: null,
      status: 'active',
      last_name: null,
    });
    expect(
      (await control('POST', '/teams/team_beta/members', { email: 'x@beta.io', role_slug: 'ghost' })).status,
    ).toBe(400);

    clock.advance(5000);
    const checkpoint = new Date(clock.now().getTime() - 1).toISOString();
    const drift = await control('PATCH', '/teams/team_acme/members/user_acme_001', {
      role_slug: 'restricted',
      email: 'ana.r@acme.com',
      status: 'deactivated',
    });
    expect(drift.status).toBe(200);
    const csm = createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm });
    const changed = await csm.listMembers('team_acme', { updatedAfter: checkpoint });
    expect(changed.data).toEqual([
      expect.objectContaining({
        id: 'user_acme_001',
        role_slug: 'restricted',
        email: 'ana.r@acme.com',
        status: 'deactivated',
        updated_at: clock.now().toISOString(),
      }),
    ]);
    expect((await control('PATCH', '/teams/team_acme/members/user_nope', { status: 'active' })).status).toBe(
      404,
    );
  });

  it('marks setup completed by hand (first time only)', async () => {
    const first = (await (await control('POST', '/teams/team_beta/setup-completed')).json()) as TeamBody;
    clock.advance(1000);
    const second = (await (await control('POST', '/teams/team_beta/setup-completed')).json()) as TeamBody;
    expect(first.scim.setup_completed_at).toBe(second.scim.setup_completed_at);
    expect(first.scim.setup_completed_at).not.toBeNull();
  });

  it('sets faults and the rate limit, and reports stats', async () => {
    const set = await control('PUT', '/faults', { 'GET /me': { status5xxShare: 1 } });
    expect(set.status).toBe(200);
    expect(await (await control('GET', '/faults')).json()).toEqual({ 'GET /me': { status5xxShare: 1 } });
    const me = await fetch(`${server.url}/me`, { headers: { Authorization: `Bearer ${TOKENS.engineer}` } });
    expect(me.status).toBeGreaterThanOrEqual(500);
    expect(await me.json()).toMatchObject({ error: { code: 'internal' } });
    expect((await control('PUT', '/faults', { 'GET /me': { status5xxShare: 2 } })).status).toBe(400);
    await control('PUT', '/faults', {});

    expect((await control('PUT', '/rate-limit', { per_second: 1 })).status).toBe(200);
    const statuses = await Promise.all(
      Array.from(
        { length: 3 },
        async () =>
          (await fetch(`${server.url}/me`, { headers: { Authorization: `Bearer ${TOKENS.engineer2}` } }))
            .status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 429, 429]);

    const stats = (await (await control('GET', '/stats')).json()) as {
      byRoute: Record<string, { total: number }>;
      faults: { injected5xx: number };
    };
    expect(stats.faults.injected5xx).toBe(1);
    expect(stats.byRoute['GET /custom/prefix/me']?.total).toBeGreaterThanOrEqual(5);
  });
});
