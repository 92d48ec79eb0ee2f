/** Cursor pagination: every member exactly once; cursors bound to their list and tamper-proof. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterateMembers } from '../../../main/core/gem/client';
import { GemApiError } from '../../../main/core/gem/errors';
import { createGemHttpClient } from '../../../main/core/gem/http-client';
import { startGemStandIn, type RunningGemStandIn } from '../../../main/sandbox/gem/server';
import { makeState, TOKENS } from './gem-fixture';

const TEAM = 'team_big';
let server: RunningGemStandIn;

beforeAll(async () => {
  const state = makeState();
  state.addTeam({
    id: TEAM,
    name: 'Big Co',
    domain: 'big.co',
    csm: { email: 'dana@gem.com', name: 'Dana Lee' },
  });
  for (let i = 0; i < 450; i += 1) {
    const outcome = state.addMember(TEAM, {
      email: `person${i}@big.co`,
      role_slug: i % 10 === 0 ? 'admin' : 'standard',
      status: i % 3 === 0 ? 'deactivated' : 'active',
    });
    if (!outcome.ok) throw new Error(outcome.failure.message);
  }
  server = await startGemStandIn({ state, rateLimitPerSecond: null });
});
afterAll(async () => {
  await server.close();
});

type ListBody = { next_cursor: string | null };

const rawGet = (path: string) =>
  fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${TOKENS.csm}` } });

describe('pagination', () => {
  it('walks a 450-member team with limit 7 and gets every member once', async () => {
    const client = createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm });
    const seen: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const page = await client.listMembers(TEAM, { limit: 7, cursor });
      pages += 1;
      expect(page.data.length).toBeLessThanOrEqual(7);
      seen.push(...page.data.map((m) => m.email));
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);
    expect(pages).toBe(Math.ceil(450 / 7));
    expect(seen).toHaveLength(450);
    expect(new Set(seen).size).toBe(450);

    const active: string[] = [];
    for await (const member of iterateMembers(client, TEAM, { status: 'active', limit: 50 }))
      active.push(member.id);
    expect(active).toHaveLength(300);
  });

  it('default limit is 100 and a member added mid-walk does not disturb the walk', async () => {
    const client = createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm });
    const first = await client.listMembers(TEAM);
    expect(first.data).toHaveLength(100);
    server.state.addMember(TEAM, { email: 'late@big.co', role_slug: 'standard' });
    const rest: string[] = [];
    let cursor = first.next_cursor;
    while (cursor !== null) {
      const page = await client.listMembers(TEAM, { cursor, limit: 200 });
      rest.push(...page.data.map((m) => m.email));
      cursor = page.next_cursor;
    }
    const all = [...first.data.map((m) => m.email), ...rest];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('late@big.co');
  });

  it('refuses tampered and foreign cursors with 400', async () => {
    const page = (await (await rawGet(`/teams/${TEAM}/members?limit=5`)).json()) as ListBody;
    const cursor = page.next_cursor as string;
    expect(typeof cursor).toBe('string');
    expect((await rawGet(`/teams/${TEAM}/members?limit=5&cursor=${encodeURIComponent(cursor)}`)).status).toBe(
      200,
    );

    const [payload, mac] = cursor.split('.') as [string, string];
    const forged = Buffer.from('user_zzzz', 'utf8').toString('base64url');
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    const foreignTeamCursor = ((await (await rawGet('/teams?limit=1')).json()) as ListBody)
      .next_cursor as string;
    const cases: [string, string][] = [
      [`/teams/${TEAM}/members?cursor=${forged}.${mac}`, 'edited payload'],
      [`/teams/${TEAM}/members?cursor=${payload}.${flipped}`, 'edited mac'],
      [`/teams/${TEAM}/members?cursor=garbage`, 'not a cursor'],
      [
        `/teams/${TEAM}/members?status=active&cursor=${encodeURIComponent(cursor)}`,
        'same team, other filter',
      ],
      [`/teams/team_acme/members?cursor=${encodeURIComponent(cursor)}`, 'other team'],
      [`/teams/${TEAM}/members?cursor=${encodeURIComponent(foreignTeamCursor)}`, 'cursor of the team list'],
    ];
    for (const [path, reason] of cases) {
      const response = await rawGet(path);
      expect(response.status, reason).toBe(400);
      expect(await response.json(), reason).toMatchObject({
        error: { code: 'invalid_request', details: { fields: ['cursor'] } },
      });
    }
    const client = createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm });
    const error = await client.listMembers('team_acme', { cursor }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GemApiError);
    expect(error).toMatchObject({ code: 'invalid_input', gemCode: 'invalid_request' });
  });

  it('a cursor from another stand-in (another secret) is foreign too', async () => {
    const other = await startGemStandIn({ state: server.state, rateLimitPerSecond: null });
    try {
      const page = (await (await rawGet(`/teams/${TEAM}/members?limit=5`)).json()) as ListBody;
      const response = await fetch(
        `${other.url}/teams/${TEAM}/members?cursor=${encodeURIComponent(page.next_cursor as string)}`,
        {
          headers: { Authorization: `Bearer ${TOKENS.csm}` },
        },
      );
      expect(response.status).toBe(400);
    } finally {
      await other.close();
    }
  });
});
