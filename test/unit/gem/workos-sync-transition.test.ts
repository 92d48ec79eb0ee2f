import { describe, expect, it } from 'vitest';
import type { GemRole, WorkosSyncBlock, WorkosSyncStatus } from '../../../main/sandbox/gem/state-types';
import { decideWorkosSync } from '../../../main/sandbox/gem/workos-sync-transition';

const NOW = '2026-03-02T10:00:00.000Z';

function role(sync: Partial<WorkosSyncBlock>, kind: GemRole['kind'] = 'custom') {
  return {
    kind,
    slug: 'recruiter-plus',
    workos_sync: {
      status: 'pending' as WorkosSyncStatus,
      claimed_by: null,
      claimed_at: null,
      synced_at: null,
      synced_by: null,
      workos_role_slug: null,
      ...sync,
    },
  };
}

const inProgressByEli = role({
  status: 'in_progress',
  claimed_by: 'eli@gem.com',
  claimed_at: '2026-03-01T00:00:00.000Z',
});
const synced = role({
  status: 'synced',
  claimed_by: 'eli@gem.com',
  claimed_at: '2026-03-01T00:00:00.000Z',
  synced_at: '2026-03-01T01:00:00.000Z',
  synced_by: 'eli@gem.com',
  workos_role_slug: 'org-recruiter-plus',
});

describe('decideWorkosSync', () => {
  it('claims a pending role for the caller', () => {
    const decision = decideWorkosSync(role({}), { status: 'in_progress' }, 'eli@gem.com', NOW);
    expect(decision).toEqual({
      kind: 'changed',
      next: expect.objectContaining({ status: 'in_progress', claimed_by: 'eli@gem.com', claimed_at: NOW }),
    });
  });

  it('lets only the claimer release or complete', () => {
    expect(decideWorkosSync(inProgressByEli, { status: 'pending' }, 'eli@gem.com', NOW)).toEqual({
      kind: 'changed',
      next: expect.objectContaining({ status: 'pending', claimed_by: null, claimed_at: null }),
    });
    for (const request of [
      { status: 'pending' as const },
      { status: 'synced' as const, workos_role_slug: 'org-recruiter-plus' },
    ]) {
      const decision = decideWorkosSync(inProgressByEli, request, 'fay@gem.com', NOW);
      expect(decision.kind).toBe('refused');
      if (decision.kind === 'refused') {
        expect(decision.failure).toMatchObject({
          status: 409,
          code: 'claimed_by_other',
          details: { claimed_by: 'eli@gem.com' },
        });
      }
    }
  });

  it('a second claim by someone else is claimed_by_other, by the claimer a no-op', () => {
    expect(decideWorkosSync(inProgressByEli, { status: 'in_progress' }, 'eli@gem.com', NOW)).toEqual({
      kind: 'unchanged',
    });
    const other = decideWorkosSync(inProgressByEli, { status: 'in_progress' }, 'fay@gem.com', NOW);
    expect(other.kind === 'refused' && other.failure.code).toBe('claimed_by_other');
  });

  it('completing needs workos_role_slug and records who and when', () => {
    const missing = decideWorkosSync(inProgressByEli, { status: 'synced' }, 'eli@gem.com', NOW);
    expect(missing.kind === 'refused' && missing.failure).toMatchObject({
      status: 400,
      code: 'invalid_request',
      details: { fields: ['workos_role_slug'] },
    });
    const done = decideWorkosSync(
      inProgressByEli,
      { status: 'synced', workos_role_slug: 'org-recruiter-plus' },
      'eli@gem.com',
      NOW,
    );
    expect(done).toEqual({
      kind: 'changed',
      next: expect.objectContaining({
        status: 'synced',
        synced_at: NOW,
        synced_by: 'eli@gem.com',
        workos_role_slug: 'org-recruiter-plus',
      }),
    });
  });

  it('rejects a workos_role_slug outside the WorkOS format or with another status', () => {
    for (const slug of ['recruiter-plus', 'org-Recruiter', `org-${'x'.repeat(45)}`]) {
      const decision = decideWorkosSync(
        inProgressByEli,
        { status: 'synced', workos_role_slug: slug },
        'eli@gem.com',
        NOW,
      );
      expect(decision.kind === 'refused' && decision.failure.status).toBe(400);
    }
    const withClaim = decideWorkosSync(
      role({}),
      { status: 'in_progress', workos_role_slug: 'org-x' },
      'eli@gem.com',
      NOW,
    );
    expect(withClaim.kind === 'refused' && withClaim.failure.status).toBe(400);
  });

  it('synced is final; the same state again is a no-op', () => {
    for (const status of ['pending', 'in_progress'] as const) {
      const decision = decideWorkosSync(synced, { status }, 'eli@gem.com', NOW);
      expect(decision.kind === 'refused' && decision.failure.code).toBe('conflict');
    }
    expect(decideWorkosSync(synced, { status: 'synced' }, 'fay@gem.com', NOW)).toEqual({ kind: 'unchanged' });
    expect(
      decideWorkosSync(
        synced,
        { status: 'synced', workos_role_slug: 'org-recruiter-plus' },
        'eli@gem.com',
        NOW,
      ),
    ).toEqual({
      kind: 'unchanged',
    });
    const different = decideWorkosSync(
      synced,
      { status: 'synced', workos_role_slug: 'org-other' },
      'eli@gem.com',
      NOW,
    );
    expect(different.kind === 'refused' && different.failure.code).toBe('conflict');
    expect(decideWorkosSync(role({}), { status: 'pending' }, 'eli@gem.com', NOW)).toEqual({
      kind: 'unchanged',
    });
  });

  it('skipping the claim (pending → synced) or asking for not_required is a conflict', () => {
    const skip = decideWorkosSync(
      role({}),
      { status: 'synced', workos_role_slug: 'org-recruiter-plus' },
      'eli@gem.com',
      NOW,
    );
    expect(skip.kind === 'refused' && skip.failure).toMatchObject({ status: 409, code: 'conflict' });
    const notRequired = decideWorkosSync(role({}), { status: 'not_required' }, 'eli@gem.com', NOW);
    expect(notRequired.kind === 'refused' && notRequired.failure.code).toBe('conflict');
  });

  it('predefined roles answer 409 to every request', () => {
    const predefined = role({ status: 'not_required' }, 'predefined');
    for (const status of ['not_required', 'pending', 'in_progress', 'synced'] as const) {
      const decision = decideWorkosSync(predefined, { status }, 'eli@gem.com', NOW);
      expect(decision.kind === 'refused' && decision.failure).toMatchObject({
        status: 409,
        code: 'conflict',
      });
    }
  });
});
