/** The console's Gem client and the Gem stand-in agree on every call, error and transition (real HTTP). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterateRoleSyncRequests, iterateTeams, type GemAdminClient } from '../../../main/core/gem/client';
import { GemApiError } from '../../../main/core/gem/errors';
import { createGemHttpClient } from '../../../main/core/gem/http-client';
import { startGemStandIn, type RunningGemStandIn } from '../../../main/sandbox/gem/server';
import { makeState, testClock, TOKENS } from './gem-fixture';

let server: RunningGemStandIn;
const clock = testClock();
const client = (token: string): GemAdminClient => createGemHttpClient({ baseUrl: server.url, token });

async function failure(promise: Promise<unknown>): Promise<GemApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GemApiError);
  return error as GemApiError;
}

beforeAll(async () => {
  server = await startGemStandIn({ state: makeState(clock), rateLimitPerSecond: null });
});
afterAll(async () => {
  await server.close();
});

describe('Gem client ↔ stand-in', () => {
  it('serves under the /admin/v0 prefix and answers /me without the token', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin\/v0$/);
    const me = await client(TOKENS.csm).me();
    expect(me).toEqual({
      id: 'staff_dana',
      email: 'dana@gem.com',
      name: 'Dana Lee',
      capabilities: ['teams:read', 'scim:manage'],
    });
    expect(JSON.stringify(me)).not.toContain(TOKENS.csm);
    const raw = await fetch(`${server.url}/me`, { headers: { Authorization: `Bearer ${TOKENS.csm}` } });
    expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
    expect(raw.headers.get('x-request-id')).toBeTruthy();
  });

  it('401 for a missing, unknown or revoked token, as unauthorized and not retryable', async () => {
    for (const token of ['nope', TOKENS.revoked]) {
      const error = await failure(client(token).me());
      expect(error).toMatchObject({
        code: 'unauthorized',
        status: 401,
        gemCode: 'unauthorized',
        retryable: false,
      });
      expect(error.message).toContain('Gem');
      expect(error.message).not.toContain(token);
    }
    const raw = await fetch(`${server.url}/me`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({ error: { code: 'unauthorized', message: 'Missing bearer token' } });
  });

  it('403 names the missing capability', async () => {
    const error = await failure(client(TOKENS.readOnly).listTeams());
    expect(error).toMatchObject({
      code: 'unauthorized',
      status: 403,
      gemCode: 'forbidden',
      retryable: false,
    });
    expect(error.message).toContain('teams:read');
    const engineer = await failure(client(TOKENS.engineer).setScimModule('team_cobalt', true));
    expect(engineer.message).toContain('scim:manage');
    const csm = await failure(client(TOKENS.csm).listRoleSyncRequests());
    expect(csm.message).toContain('roles:sync');
  });

  it('lists teams with scim, csm=me and query filters, and gets one', async () => {
    const dana = client(TOKENS.csm);
    const all = await dana.listTeams();
    expect(all.data.map((t) => t.id)).toEqual(['team_acme', 'team_beta', 'team_cobalt']);
    expect(all.next_cursor).toBeNull();
    expect((await dana.listTeams({ scim: 'enabled' })).data.map((t) => t.id)).toEqual([
      'team_acme',
      'team_beta',
    ]);
    expect((await dana.listTeams({ scim: 'disabled' })).data.map((t) => t.id)).toEqual(['team_cobalt']);
    expect((await dana.listTeams({ csmIsMe: true })).data.map((t) => t.id)).toEqual([
      'team_acme',
      'team_cobalt',
    ]);
    expect((await dana.listTeams({ query: 'BETA' })).data.map((t) => t.id)).toEqual(['team_beta']);
    expect((await dana.listTeams({ query: 'cobalt.dev' })).data.map((t) => t.id)).toEqual(['team_cobalt']);
    const walked: string[] = [];
    for await (const team of iterateTeams(dana, { limit: 1 })) walked.push(team.id);
    expect(walked).toEqual(['team_acme', 'team_beta', 'team_cobalt']);

    const acme = await dana.getTeam('team_acme');
    expect(acme.scim).toEqual({
      module_enabled: true,
      module_enabled_at: '2025-06-01T00:00:00.000Z',
      module_enabled_by: 'dana@gem.com',
      workos_organization_id: 'org_acme',
      setup_completed_at: '2025-06-10T00:00:00.000Z',
    });
    expect(acme.csm).toEqual({ email: 'dana@gem.com', name: 'Dana Lee' });
    const missing = await failure(dana.getTeam('team_nope'));
    expect(missing).toMatchObject({ code: 'not_found', status: 404, gemCode: 'not_found' });
  });

  it('400 invalid_request with details.fields for bad queries', async () => {
    const dana = client(TOKENS.csm);
    for (const [params, field] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 201 }, 'limit'],
    ] as const) {
      const error = await failure(dana.listTeams(params));
      expect(error).toMatchObject({
        code: 'invalid_input',
        status: 400,
        gemCode: 'invalid_request',
        details: { fields: [field] },
      });
    }
    const badStatus = await fetch(
      `${server.url}/teams/team_acme/members?status=gone&updated_after=yesterday`,
      {
        headers: { Authorization: `Bearer ${TOKENS.csm}` },
      },
    );
    expect(badStatus.status).toBe(400);
    expect(await badStatus.json()).toMatchObject({
      error: { code: 'invalid_request', details: { fields: ['status', 'updated_after'] } },
    });
    const badBody = await fetch(`${server.url}/teams/team_cobalt/scim`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TOKENS.csm}`, 'Content-Type': 'application/json' },
      body: '{"module_enabled": "yes"}',
    });
    expect(await badBody.json()).toMatchObject({
      error: { code: 'invalid_request', details: { fields: ['module_enabled'] } },
    });
  });

  it('enables SCIM, links an organization, and refuses what the contract refuses', async () => {
    const dana = client(TOKENS.csm);
    const unlinkedFirst = await failure(dana.linkWorkosOrganization('team_cobalt', 'org_cobalt'));
    expect(unlinkedFirst).toMatchObject({ code: 'conflict', gemCode: 'conflict' });

    const enabled = await dana.setScimModule('team_cobalt', true);
    expect(enabled.scim).toMatchObject({
      module_enabled: true,
      module_enabled_by: 'dana@gem.com',
      module_enabled_at: clock.now().toISOString(),
    });
    expect((await dana.setScimModule('team_cobalt', true)).scim.module_enabled).toBe(true);

    const linked = await dana.linkWorkosOrganization('team_cobalt', 'org_cobalt');
    expect(linked.scim.workos_organization_id).toBe('org_cobalt');
    expect((await dana.linkWorkosOrganization('team_cobalt', 'org_cobalt')).scim.workos_organization_id).toBe(
      'org_cobalt',
    );
    const other = await failure(dana.linkWorkosOrganization('team_cobalt', 'org_other'));
    expect(other).toMatchObject({ code: 'conflict', status: 409, gemCode: 'organization_already_linked' });
    const badId = await failure(dana.linkWorkosOrganization('team_cobalt', 'not-an-org'));
    expect(badId).toMatchObject({ code: 'invalid_input', details: { fields: ['workos_organization_id'] } });

    const off = await failure(dana.setScimModule('team_acme', false));
    expect(off).toMatchObject({ code: 'conflict', status: 409, gemCode: 'directory_linked' });
    expect((await dana.setScimModule('team_cobalt', false)).scim.module_enabled).toBe(false);
    expect(await failure(dana.setScimModule('team_nope', true))).toMatchObject({ code: 'not_found' });
  });

  it('lists members with status and updated_after filters', async () => {
    const dana = client(TOKENS.csm);
    const all = await dana.listMembers('team_acme');
    expect(all.data.map((m) => m.email)).toEqual(['ana@acme.com', 'ben@acme.com', 'cy@acme.com']);
    expect(all.data[0]).toMatchObject({
      team_id: 'team_acme',
      scim_managed: true,
      directory_user_id: 'directory_user_ana',
      status: 'active',
    });
    expect(all.data[1]).toMatchObject({ scim_managed: false, directory_user_id: null });
    expect((await dana.listMembers('team_acme', { status: 'deactivated' })).data.map((m) => m.id)).toEqual([
      'user_acme_003',
    ]);
    const after = await dana.listMembers('team_acme', { updatedAfter: '2025-01-01T00:00:00Z' });
    expect(after.data.map((m) => m.id)).toEqual(['user_acme_001', 'user_acme_003']);
    expect(await failure(dana.listMembers('team_nope'))).toMatchObject({ code: 'not_found' });
  });

  it('lists roles: predefined not_required, custom synced before setup and pending after', async () => {
    const roles = await client(TOKENS.engineer).listRoles('team_acme');
    expect(roles.map((r) => [r.slug, r.kind, r.workos_sync.status])).toEqual([
      ['admin', 'predefined', 'not_required'],
      ['standard', 'predefined', 'not_required'],
      ['restricted', 'predefined', 'not_required'],
      ['hiring-lead', 'custom', 'synced'],
      ['recruiter-plus', 'custom', 'pending'],
      ['sourcer', 'custom', 'pending'],
    ]);
    // Beta's setup has not completed: its custom role needs no sync yet.
    expect(
      (await client(TOKENS.engineer).listRoles('team_beta')).find((r) => r.slug === 'coordinator')
        ?.workos_sync.status,
    ).toBe('synced');
  });

  it('walks the claim → complete workflow and answers each refusal as the contract says', async () => {
    const eli = client(TOKENS.engineer);
    const fay = client(TOKENS.engineer2);
    const pending = await eli.listRoleSyncRequests({ status: 'pending' });
    expect(pending.data.map((r) => [r.team_id, r.role.slug])).toEqual([
      ['team_acme', 'recruiter-plus'],
      ['team_acme', 'sourcer'],
    ]);
    expect(pending.data[0]).toMatchObject({
      team_name: 'Acme Recruiting',
      csm: { email: 'dana@gem.com', name: 'Dana Lee' },
    });

    const claimed = await eli.setRoleWorkosSync('team_acme', 'recruiter-plus', { status: 'in_progress' });
    expect(claimed.workos_sync).toMatchObject({ status: 'in_progress', claimed_by: 'eli@gem.com' });
    const taken = await failure(
      fay.setRoleWorkosSync('team_acme', 'recruiter-plus', { status: 'in_progress' }),
    );
    expect(taken).toMatchObject({
      code: 'conflict',
      status: 409,
      gemCode: 'claimed_by_other',
      details: { claimed_by: 'eli@gem.com' },
    });
    const noSlug = await failure(eli.setRoleWorkosSync('team_acme', 'recruiter-plus', { status: 'synced' }));
    expect(noSlug).toMatchObject({ code: 'invalid_input', details: { fields: ['workos_role_slug'] } });
    const done = await eli.setRoleWorkosSync('team_acme', 'recruiter-plus', {
      status: 'synced',
      workos_role_slug: 'org-recruiter-plus',
    });
    expect(done.workos_sync).toMatchObject({
      status: 'synced',
      synced_by: 'eli@gem.com',
      workos_role_slug: 'org-recruiter-plus',
    });
    expect(
      (await eli.setRoleWorkosSync('team_acme', 'recruiter-plus', { status: 'synced' })).workos_sync.status,
    ).toBe('synced');
    const back = await failure(eli.setRoleWorkosSync('team_acme', 'recruiter-plus', { status: 'pending' }));
    expect(back).toMatchObject({ code: 'conflict', gemCode: 'conflict' });
    const skip = await failure(
      eli.setRoleWorkosSync('team_acme', 'sourcer', { status: 'synced', workos_role_slug: 'org-sourcer' }),
    );
    expect(skip).toMatchObject({ gemCode: 'conflict' });
    const predefined = await failure(eli.setRoleWorkosSync('team_acme', 'admin', { status: 'in_progress' }));
    expect(predefined).toMatchObject({ status: 409, gemCode: 'conflict' });
    expect(
      await failure(eli.setRoleWorkosSync('team_acme', 'ghost', { status: 'in_progress' })),
    ).toMatchObject({ code: 'not_found' });

    const inProgress = await eli.listRoleSyncRequests({ status: 'in_progress' });
    expect(inProgress.data).toHaveLength(0);
    const synced: string[] = [];
    for await (const request of iterateRoleSyncRequests(eli, { status: 'synced', limit: 1 }))
      synced.push(`${request.team_id}/${request.role.slug}`);
    expect(synced).toEqual(['team_acme/hiring-lead', 'team_acme/recruiter-plus', 'team_beta/coordinator']);
  });

  it('sends an Idempotency-Key on every PUT (a replay with the same key returns the first answer)', async () => {
    const dana = client(TOKENS.csm);
    const first = await dana.setScimModule('team_cobalt', true, { idempotencyKey: 'key-enable-cobalt' });
    clock.advance(60_000);
    await dana.setScimModule('team_cobalt', false);
    const replay = await dana.setScimModule('team_cobalt', true, { idempotencyKey: 'key-enable-cobalt' });
    expect(replay).toEqual(first);
    expect((await dana.getTeam('team_cobalt')).scim.module_enabled).toBe(false);
  });
});
