import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import type { RetryEvent } from '../../../main/core/net/retry';
import { createWorkosClient, type WorkosClient } from '../../../main/core/workos/client';
import { createWorkosRateLimiter } from '../../../main/core/workos/rate-limits';
import {
  directoryBody,
  FakeWorkosServer,
  groupBody,
  listBody,
  organizationBody,
  roleBody,
  userBody,
} from './fake-workos-server';

// The real SDK 8.13 through our client, against a scripted WorkOS on 127.0.0.1.
const server = new FakeWorkosServer();
let retries: RetryEvent[] = [];

function client(): WorkosClient {
  return createWorkosClient({
    apiKey: 'sk_test_integration',
    baseUrl: server.baseUrl,
    limiter: createWorkosRateLimiter(),
    retryPolicy: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 100, onRetry: (e) => retries.push(e) },
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  server.reset();
  retries = [];
});

describe('WorkOS client: retries and errors (real SDK, local HTTP)', () => {
  it('on 429 with Retry-After, the next request arrives no earlier than asked', async () => {
    server.enqueue('GET /directories/directory_1', {
      status: 429,
      body: { message: 'Rate limit exceeded', code: 'rate_limit_exceeded' },
      headers: { 'Retry-After': '1' },
    });
    server.fallback('GET /directories/directory_1', () => ({
      status: 200,
      body: directoryBody('directory_1'),
    }));
    const directory = await client().getDirectory('directory_1');
    expect(directory.state).toBe('active');
    const hits = server.hits('GET /directories/directory_1');
    expect(hits).toHaveLength(2);
    expect((hits[1]?.at ?? 0) - (hits[0]?.answeredAt ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(retries.map((r) => r.delayMs)).toEqual([1000]);
  });

  it('500, 502, 503 then success: succeeds on the 4th request', async () => {
    server.enqueue(
      'GET /directory_users',
      { status: 500, body: { message: 'Internal' } },
      { status: 502, body: { message: 'Bad gateway' } },
      { status: 503, body: { message: 'Unavailable' } },
    );
    server.fallback('GET /directory_users', () => ({
      status: 200,
      body: listBody(
        [userBody('directory_user_1', { role: 'admin', groups: ['directory_group_1'] })],
        'cursor_1',
      ),
    }));
    const c = client();
    const page = await c.listUsersPage({ directory: 'directory_1' });
    expect(server.hits('GET /directory_users')).toHaveLength(4);
    expect(retries.map((r) => r.failure.status)).toEqual([500, 502, 503]);
    expect(c.requestCounts()).toEqual({ 'GET /directory_users': 4 });
    expect(page.after).toBe('cursor_1');
    expect(page.data[0]).toMatchObject({
      id: 'directory_user_1',
      role: 'admin',
      roles: ['admin'],
      state: 'active',
      updatedAt: '2026-01-15T12:00:00.000Z',
      groups: [{ id: 'directory_group_1', name: 'Group directory_group_1' }],
    });
    const query = server.hits('GET /directory_users')[0]?.query;
    expect(query?.get('directory')).toBe('directory_1');
    expect(query?.get('limit')).toBe('100');
  });

  it('a connection reset before the answer is retried', async () => {
    server.enqueue('GET /directory_groups', { reset: 'before-headers' });
    server.fallback('GET /directory_groups', () => ({
      status: 200,
      body: listBody([groupBody('directory_group_1')]),
    }));
    const page = await client().listGroupsPage({ directory: 'directory_1' });
    expect(page.data.map((g) => g.id)).toEqual(['directory_group_1']);
    expect(server.hits('GET /directory_groups')).toHaveLength(2);
    expect(retries[0]?.failure.errorCode).toBe('offline');
  });

  it('a connection cut in the middle of the body is retried', async () => {
    server.enqueue('GET /directory_users', { reset: 'mid-body' });
    server.fallback('GET /directory_users', () => ({
      status: 200,
      body: listBody([userBody('directory_user_1')]),
    }));
    const page = await client().listUsersPage({ directory: 'directory_1' });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]?.role).toBeNull();
    expect(server.hits('GET /directory_users')).toHaveLength(2);
    expect(retries[0]?.failure.retryable).toBe(true);
  });

  it('malformed JSON is retried, then ends in a clear error', async () => {
    server.fallback('GET /directories', () => ({ status: 200, raw: '{"object":"list","data":[' }));
    const error = await failure(client().listDirectoriesPage({ organizationId: 'org_1' }));
    expect(server.hits('GET /directories')).toHaveLength(4);
    expect(error.code).toBe('internal');
    expect(error.message).toBe(
      'WorkOS list directories failed after 4 attempts; last answer: ' +
        'WorkOS sent a malformed response (the body is not valid JSON)',
    );
  });

  it('a 2xx without a JSON content type is retried, then ends in a clear error', async () => {
    server.fallback('GET /directories', () => ({
      status: 200,
      raw: JSON.stringify(listBody([directoryBody('directory_1')])),
      contentType: 'text/plain',
    }));
    const error = await failure(client().listDirectoriesPage({}));
    expect(server.hits('GET /directories')).toHaveLength(4);
    expect(error.message).toMatch(
      /^WorkOS list directories failed after 4 attempts; last answer: .*malformed response/,
    );
  });

  it('a 502 with an HTML body is retried', async () => {
    server.enqueue('GET /organizations/org_1', {
      status: 502,
      raw: '<html>Bad gateway</html>',
      contentType: 'text/html',
    });
    server.fallback('GET /organizations/org_1', () => ({
      status: 200,
      body: organizationBody('org_1', 'Acme', 'team_1'),
    }));
    const organization = await client().getOrganization('org_1');
    expect(organization).toMatchObject({ id: 'org_1', name: 'Acme', externalId: 'team_1' });
    expect(retries[0]?.failure).toMatchObject({ status: 502, retryable: true });
  });

  it('401 fails at once as unauthorized after a single request', async () => {
    server.fallback('GET /directories', () => ({ status: 401, body: { message: 'Unauthorized' } }));
    const error = await failure(client().listDirectoriesPage({}));
    expect(error.code).toBe('unauthorized');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      'WorkOS list directories failed: HTTP 401: Could not authorize the request. Maybe your API key is invalid?',
    );
    expect(error.message).not.toContain('sk_test_integration');
    expect(server.hits('GET /directories')).toHaveLength(1);
  });

  it('404 fails at once as not_found with the server message', async () => {
    server.fallback('GET /directories/nope', () => ({
      status: 404,
      body: { message: "Directory not found: 'nope'.", code: 'entity_not_found', entity_id: 'nope' },
    }));
    const error = await failure(client().getDirectory('nope'));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe(
      "WorkOS get directory nope failed: HTTP 404 (entity_not_found): Directory not found: 'nope'.",
    );
    expect(server.requests).toHaveLength(1);
  });

  it('createOrganization is retried with the same Idempotency-Key', async () => {
    server.enqueue('POST /organizations', { status: 503, body: { message: 'Unavailable' } });
    server.fallback('POST /organizations', () => ({
      status: 201,
      body: organizationBody('org_9', 'Acme', 'team_9'),
    }));
    const org = await client().createOrganization({
      name: 'Acme',
      externalId: 'team_9',
      idempotencyKey: 'idem-1',
    });
    expect(org.id).toBe('org_9');
    const hits = server.hits('POST /organizations');
    expect(hits.map((h) => h.headers['idempotency-key'])).toEqual(['idem-1', 'idem-1']);
    expect(JSON.parse(hits[0]?.body ?? '{}')).toMatchObject({ name: 'Acme', external_id: 'team_9' });
  });

  it('createOrganizationRole: a 409 for the same slug and name counts as done', async () => {
    const path = '/authorization/organizations/org_1/roles';
    server.fallback(`POST ${path}`, () => ({
      status: 409,
      body: { message: 'A role with this slug already exists.', code: 'organization_role_slug_conflict' },
    }));
    server.fallback(`GET ${path}`, () => ({
      status: 200,
      body: {
        object: 'list',
        data: [roleBody('admin', 'Admin', 'EnvironmentRole'), roleBody('org-recruiter', 'Recruiter')],
      },
    }));
    const role = await client().createOrganizationRole('org_1', { slug: 'org-recruiter', name: 'Recruiter' });
    expect(role).toMatchObject({ slug: 'org-recruiter', name: 'Recruiter', alreadyExisted: true });
    expect(server.hits(`POST ${path}`)).toHaveLength(1);

    const error = await failure(
      client().createOrganizationRole('org_1', { slug: 'org-recruiter', name: 'Sourcer' }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('already exists under another name ("Recruiter", not "Sourcer")');
  });

  it('createOrganizationRole creates and lists roles in priority order', async () => {
    const path = '/authorization/organizations/org_1/roles';
    server.fallback(`POST ${path}`, (req) => {
      const body = JSON.parse(req.body) as { slug: string; name: string };
      return { status: 201, body: roleBody(body.slug, body.name) };
    });
    const created = await client().createOrganizationRole('org_1', {
      slug: 'org-hm',
      name: 'Hiring manager',
    });
    expect(created).toMatchObject({ slug: 'org-hm', alreadyExisted: false, type: 'OrganizationRole' });
    server.fallback(`GET ${path}`, () => ({
      status: 200,
      body: {
        object: 'list',
        data: [roleBody('admin', 'Admin', 'EnvironmentRole'), roleBody('org-hm', 'Hiring manager')],
      },
    }));
    const roles = await client().listOrganizationRoles('org_1');
    expect(roles.map((r) => [r.slug, r.priority, r.type])).toEqual([
      ['admin', 0, 'EnvironmentRole'],
      ['org-hm', 1, 'OrganizationRole'],
    ]);
  });

  it('generatePortalLink is a POST with the dsync intent', async () => {
    server.fallback('POST /portal/generate_link', () => ({
      status: 201,
      body: { link: 'https://setup.workos.com?token=t' },
    }));
    const link = await client().generatePortalLink({
      organization: 'org_1',
      intent: 'dsync',
      returnUrl: 'https://gem.com/r',
    });
    expect(link).toBe('https://setup.workos.com?token=t');
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toEqual({
      intent: 'dsync',
      organization: 'org_1',
      return_url: 'https://gem.com/r',
    });
  });

  it('listEventsPage sends the explicit filter and skips events it cannot read', async () => {
    server.fallback('GET /events', () => ({
      status: 200,
      body: {
        object: 'list',
        data: [
          {
            object: 'event',
            id: 'event_1',
            event: 'dsync.user.created',
            data: userBody('directory_user_1'),
            created_at: 'x',
          },
          {
            object: 'event',
            id: 'event_2',
            event: 'dsync.token.created',
            data: { id: 'tok' },
            created_at: 'x',
          },
          {
            object: 'event',
            id: 'event_3',
            event: 'dsync.group.user_added',
            data: {
              directory_id: 'directory_1',
              user: userBody('directory_user_1'),
              group: groupBody('directory_group_1'),
            },
            created_at: 'x',
          },
        ],
        list_metadata: { after: 'event_3' },
      },
    }));
    const page = await client().listEventsPage({
      events: ['dsync.user.created', 'dsync.group.user_added'],
      after: 'event_0',
      limit: 50,
    });
    const query = server.requests[0]?.query;
    expect(query?.get('events')).toBe('dsync.user.created,dsync.group.user_added');
    expect(query?.get('after')).toBe('event_0');
    expect(page.after).toBe('event_3');
    expect(page.events.map((e) => [e.id, e.event])).toEqual([
      ['event_1', 'dsync.user.created'],
      ['event_3', 'dsync.group.user_added'],
    ]);
    // SDK 8.13 maps an event type it does not know to `undefined`, id and all: only its position is known.
    expect(page.skipped).toEqual([
      { index: 1, id: null, event: null, reason: 'event type unknown to the WorkOS SDK' },
    ]);
  });

  it('listConnections follows pages', async () => {
    const connection = (id: string) => ({
      object: 'connection',
      id,
      organization_id: 'org_1',
      connection_type: 'OktaSAML',
      name: 'Okta',
      state: 'active',
      status: 'linked',
      domains: [],
      created_at: 'x',
      updated_at: 'x',
    });
    server.enqueue('GET /connections', { status: 200, body: listBody([connection('conn_1')], 'conn_1') });
    server.enqueue('GET /connections', { status: 200, body: listBody([connection('conn_2')], null) });
    const connections = await client().listConnections({ organizationId: 'org_1' });
    expect(connections.map((c) => [c.id, c.type, c.state])).toEqual([
      ['conn_1', 'OktaSAML', 'active'],
      ['conn_2', 'OktaSAML', 'active'],
    ]);
    expect(server.hits('GET /connections')[1]?.query.get('after')).toBe('conn_1');
  });

  it('a refused connection ends as offline after the budget', async () => {
    const dead = new FakeWorkosServer();
    await dead.start();
    const url = dead.baseUrl;
    await dead.stop();
    const c = createWorkosClient({
      apiKey: 'sk_test_integration',
      baseUrl: url,
      limiter: createWorkosRateLimiter(),
      retryPolicy: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
    });
    const error = await failure(c.getOrganization('org_1'));
    expect(error.code).toBe('offline');
    expect(error.message).toBe(
      'WorkOS get organization org_1 failed after 2 attempts; last answer: ' +
        'could not reach WorkOS: the connection failed (ECONNREFUSED)',
    );
  });
});
