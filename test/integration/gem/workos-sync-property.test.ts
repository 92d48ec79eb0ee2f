/**
 * Property test of the workos-sync state machine over real HTTP: random PUT sequences by random staff never reach
 * an illegal state, the server's answers equal the pure rule, and synced is final.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGemStandIn, type RunningGemStandIn } from '../../../main/sandbox/gem/server';
import type { GemRole, WorkosSyncBlock } from '../../../main/sandbox/gem/state-types';
import { decideWorkosSync } from '../../../main/sandbox/gem/workos-sync-transition';
import { makeState, TOKENS } from './gem-fixture';

const ACTORS = [
  { token: TOKENS.engineer, email: 'eli@gem.com', canSync: true },
  { token: TOKENS.engineer2, email: 'fay@gem.com', canSync: true },
  { token: TOKENS.csm, email: 'dana@gem.com', canSync: false },
] as const;
type RoleUnderTest = 'alpha' | 'beta' | 'admin';
const LEGAL_EDGES = new Set(['pending->in_progress', 'in_progress->pending', 'in_progress->synced']);

// Weighted so that claims, releases and completions by the claimer happen often enough to cover every edge.
const command = fc.record({
  actor: fc.oneof(
    { arbitrary: fc.constant(0), weight: 5 },
    { arbitrary: fc.constant(1), weight: 3 },
    { arbitrary: fc.constant(2), weight: 1 },
  ),
  role: fc.oneof(
    { arbitrary: fc.constant<RoleUnderTest>('alpha'), weight: 6 },
    { arbitrary: fc.constantFrom<RoleUnderTest>('beta', 'admin'), weight: 2 },
  ),
  status: fc.oneof(
    { arbitrary: fc.constantFrom('pending', 'in_progress', 'synced'), weight: 9 },
    { arbitrary: fc.constant('not_required'), weight: 1 },
  ),
  slug: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    { arbitrary: fc.constant('org-alpha'), weight: 4 },
    { arbitrary: fc.constantFrom('org-beta', 'Bad Slug'), weight: 1 },
  ),
});

let server: RunningGemStandIn;
let teamCounter = 0;
/** Edges taken across all runs, so the test shows it reached every part of the machine. */
const edgesTaken = new Map<string, number>();

beforeAll(async () => {
  server = await startGemStandIn({ state: makeState(), rateLimitPerSecond: null });
});
afterAll(async () => {
  await server.close();
});

function checkInvariants(sync: WorkosSyncBlock, kind: GemRole['kind']): void {
  if (kind === 'predefined') {
    expect(sync.status).toBe('not_required');
    return;
  }
  expect(sync.status).not.toBe('not_required');
  if (sync.status === 'pending') expect(sync.claimed_by).toBeNull();
  if (sync.status === 'in_progress') expect(sync.claimed_by).not.toBeNull();
  if (sync.status === 'synced') {
    expect(sync.synced_at).not.toBeNull();
    expect(sync.synced_by).toBe(sync.claimed_by);
    expect(sync.workos_role_slug).toMatch(/^org-[a-z0-9_-]+$/);
  } else {
    expect(sync.synced_at).toBeNull();
    expect(sync.workos_role_slug).toBeNull();
  }
}

describe('workos-sync state machine (property, over HTTP)', () => {
  it('matches the pure rule and never reaches an illegal state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), async (commands) => {
        const state = server.state;
        teamCounter += 1;
        const teamId = `team_prop_${teamCounter}`;
        state.addTeam({
          id: teamId,
          name: 'Prop',
          domain: 'prop.test',
          csm: { email: 'dana@gem.com', name: 'Dana' },
        });
        state.markSetupCompleted(teamId, '2020-01-01T00:00:00.000Z');
        for (const slug of ['alpha', 'beta']) {
          const outcome = state.createCustomRole(teamId, { slug, name: slug });
          expect(outcome.ok && outcome.value.workos_sync.status).toBe('pending');
        }

        for (const step of commands) {
          const actor = ACTORS[step.actor] as (typeof ACTORS)[number];
          const before = structuredClone(state.getRole(teamId, step.role) as GemRole);
          const body =
            step.slug === undefined
              ? { status: step.status }
              : { status: step.status, workos_role_slug: step.slug };
          const response = await fetch(`${server.url}/teams/${teamId}/roles/${step.role}/workos-sync`, {
            method: 'PUT',
            headers: { Authorization: `Bearer ${actor.token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
          const answer = (await response.json()) as Record<string, unknown>;
          const after = state.getRole(teamId, step.role) as GemRole;

          if (!actor.canSync) {
            expect(response.status).toBe(403);
            expect(after).toEqual(before);
            continue;
          }
          // The server's answer equals the pure rule applied to the state before the request.
          const decision = decideWorkosSync(before, body, actor.email, after.updated_at);
          if (decision.kind === 'refused') {
            expect(response.status).toBe(decision.failure.status);
            expect(answer).toEqual({ error: { ...decision.failure, status: undefined } });
            expect(after).toEqual(before);
          } else {
            expect(response.status).toBe(200);
            const expected = decision.kind === 'changed' ? decision.next : before.workos_sync;
            expect(after.workos_sync).toEqual(expected);
            expect((answer as { workos_sync: unknown }).workos_sync).toEqual(expected);
          }

          // Independently of the rule: only legal edges, taken by the right person; synced is final.
          checkInvariants(after.workos_sync, after.kind);
          const from = before.workos_sync.status;
          const to = after.workos_sync.status;
          if (from !== to) {
            edgesTaken.set(`${from}->${to}`, (edgesTaken.get(`${from}->${to}`) ?? 0) + 1);
            expect(LEGAL_EDGES.has(`${from}->${to}`)).toBe(true);
            if (from === 'in_progress') expect(before.workos_sync.claimed_by).toBe(actor.email);
            if (to === 'in_progress') expect(after.workos_sync.claimed_by).toBe(actor.email);
          }
          if (from === 'synced') expect(after.workos_sync).toEqual(before.workos_sync);
        }
      }),
      // A fixed seed: the edge-coverage check below must not depend on luck (a random seed missed
      // in_progress -> synced once in CI). Counterexamples still shrink and report as usual.
      { numRuns: 120, seed: 20261128 },
    );
    expect([...edgesTaken.keys()].sort()).toEqual([...LEGAL_EDGES].sort());
  });
});
