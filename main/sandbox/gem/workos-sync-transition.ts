/**
 * The custom-role workos-sync state machine of `PUT /teams/{team_id}/roles/{slug}/workos-sync`, as one pure rule.
 * The stand-in applies it; the property test compares the server's answers against it.
 *
 *   pending     → in_progress  claim; claimed_by := caller
 *   in_progress → pending      release; only the claimer
 *   in_progress → synced       only the claimer; workos_role_slug required; sets synced_at, synced_by
 *   same state again           no-op 200 (in_progress again by someone else is that other person's claim: 409)
 *   anything else              409 conflict; someone else's claim → 409 claimed_by_other {claimed_by}
 *   synced is final; predefined roles answer 409 to every request.
 */
import type { GemFailure } from './failure';
import type { GemRole, WorkosSyncBlock, WorkosSyncStatus } from './state-types';

export interface WorkosSyncRequest {
  status: WorkosSyncStatus;
  workos_role_slug?: string | null;
}

export type WorkosSyncDecision =
  | { kind: 'unchanged' }
  | { kind: 'changed'; next: WorkosSyncBlock }
  | { kind: 'refused'; failure: GemFailure };

/** WorkOS organization role slugs: `org-` prefix, lowercase `[a-z0-9_-]`, at most 48 characters in all. */
export const WORKOS_ORGANIZATION_ROLE_SLUG = /^org-[a-z0-9_-]{1,44}$/;

function refuse(
  status: number,
  code: GemFailure['code'],
  message: string,
  details?: Record<string, unknown>,
) {
  const failure: GemFailure =
    details === undefined ? { status, code, message } : { status, code, message, details };
  return { kind: 'refused', failure } as const;
}

export function decideWorkosSync(
  role: Pick<GemRole, 'kind' | 'slug' | 'workos_sync'>,
  request: WorkosSyncRequest,
  caller: string,
  nowIso: string,
): WorkosSyncDecision {
  const current = role.workos_sync;
  const slug = request.workos_role_slug ?? null;

  if (role.kind === 'predefined') {
    return refuse(409, 'conflict', `Role ${role.slug} is predefined; its WorkOS sync is not required`);
  }
  if (slug !== null && request.status !== 'synced') {
    return refuse(400, 'invalid_request', 'workos_role_slug is accepted only with status synced', {
      fields: ['workos_role_slug'],
    });
  }
  if (slug !== null && !WORKOS_ORGANIZATION_ROLE_SLUG.test(slug)) {
    return refuse(
      400,
      'invalid_request',
      'workos_role_slug must be org- then lowercase [a-z0-9_-], at most 48 characters',
      {
        fields: ['workos_role_slug'],
      },
    );
  }

  const heldByOther = current.status === 'in_progress' && current.claimed_by !== caller;
  const claimedByOther = () =>
    refuse(
      409,
      'claimed_by_other',
      `Role ${role.slug} is claimed by ${current.claimed_by ?? 'someone else'}`,
      {
        claimed_by: current.claimed_by,
      },
    );

  if (request.status === current.status) {
    if (heldByOther) return claimedByOther();
    if (current.status === 'synced' && slug !== null && slug !== current.workos_role_slug) {
      return refuse(
        409,
        'conflict',
        `Role ${role.slug} is already synced as ${current.workos_role_slug ?? 'another role'}`,
      );
    }
    return { kind: 'unchanged' };
  }

  switch (`${current.status}->${request.status}`) {
    case 'pending->in_progress':
      return {
        kind: 'changed',
        next: { ...current, status: 'in_progress', claimed_by: caller, claimed_at: nowIso },
      };
    case 'in_progress->pending':
      if (heldByOther) return claimedByOther();
      return { kind: 'changed', next: { ...current, status: 'pending', claimed_by: null, claimed_at: null } };
    case 'in_progress->synced':
      if (heldByOther) return claimedByOther();
      if (slug === null) {
        return refuse(400, 'invalid_request', 'workos_role_slug is required to mark a role synced', {
          fields: ['workos_role_slug'],
        });
      }
      return {
        kind: 'changed',
        next: { ...current, status: 'synced', synced_at: nowIso, synced_by: caller, workos_role_slug: slug },
      };
    default:
      if (heldByOther) return claimedByOther();
      return refuse(
        409,
        'conflict',
        `Role ${role.slug} cannot go from ${current.status} to ${request.status}`,
      );
  }
}
