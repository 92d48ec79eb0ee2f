/**
 * Lets the Gem stand-in react to the WorkOS stand-in, as Gem reacts to WorkOS webhooks:
 * - `dsync.activated` of a directory whose organization a team is linked to sets `scim.setup_completed_at`
 *   (the first time only);
 * - `dsync.user.created` / `dsync.user.updated` provision or update the matching SCIM-managed member (email, names,
 *   role from the directory user's role; `state` other than active deactivates);
 * - `dsync.user.deleted` deactivates the member.
 * With `lagMs` > 0 each event is applied that long after it arrives (in arrival order), so the console can be
 * tested against a Gem that trails WorkOS.
 */
import { z } from 'zod';
import { gemRoleSlugForWorkosRole } from '../../core/gem/role-slug-mapping';
import type { GemState } from './state';
import type { GemMember, GemTeam } from './state-types';

/** A WorkOS wire event, as the Events API and the WorkOS stand-in's `subscribe` deliver it. */
export interface WorkosWireEvent {
  object: 'event';
  id: string;
  event: string;
  data: unknown;
  created_at: string;
}

export type SubscribeToWorkos = (listener: (event: WorkosWireEvent) => void) => () => void;

export interface GemWorkosLink {
  /** Stops listening and drops events still waiting out their lag. */
  close(): void;
  /** Resolves once every event received so far has been applied. */
  idle(): Promise<void>;
}

const directoryEvent = z.object({ id: z.string(), organization_id: z.string().nullish() });
const directoryUser = z.object({
  id: z.string(),
  organization_id: z.string().nullish(),
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  state: z.string().optional(),
  role: z.object({ slug: z.string() }).nullish(),
});
type DirectoryUser = z.infer<typeof directoryUser>;

/** The Gem role a directory user gets: WorkOS's role mapped by the shared rule, `standard` when Gem has no such role. */
function gemRoleFor(state: GemState, team: GemTeam, user: DirectoryUser): string {
  if (!user.role) return 'standard';
  const recorded = (state.listRoles(team.id) ?? []).map((role) => ({
    slug: role.slug,
    workos_role_slug: role.workos_sync.workos_role_slug,
  }));
  const mapped = gemRoleSlugForWorkosRole(user.role.slug, recorded);
  return mapped !== null && state.getRole(team.id, mapped) ? mapped : 'standard';
}

function upsertMember(state: GemState, team: GemTeam, user: DirectoryUser): void {
  const status: GemMember['status'] =
    user.state === undefined || user.state === 'active' ? 'active' : 'deactivated';
  const fields = {
    first_name: user.first_name ?? null,
    last_name: user.last_name ?? null,
    role_slug: gemRoleFor(state, team, user),
    status,
    scim_managed: true,
    directory_user_id: user.id,
  };
  const existing =
    state.findMemberByDirectoryUser(team.id, user.id) ??
    // A member added by hand before SCIM with the same email becomes SCIM-managed rather than duplicated.
    (user.email ? state.findMemberByEmail(team.id, user.email) : undefined);
  if (existing) {
    state.updateMember(team.id, existing.id, user.email ? { ...fields, email: user.email } : fields);
    return;
  }
  if (!user.email) return; // Gem members need an email; WorkOS allows a null one.
  state.addMember(team.id, { ...fields, email: user.email });
}

/**
 * Applies one WorkOS event to Gem's state, as the live link does. Exported so the scenario loader derives the
 * members of SCIM teams through this same function (loading and live changes then agree).
 */
export function applyWorkosEventToGem(
  state: GemState,
  event: WorkosWireEvent,
  /** Only these teams take part (the scenario loader leaves out teams whose members are listed as-is). */
  includeTeam: (team: GemTeam) => boolean = () => true,
): void {
  if (event.event === 'dsync.activated') {
    const parsed = directoryEvent.safeParse(event.data);
    if (!parsed.success || !parsed.data.organization_id) return;
    for (const team of state.teamsLinkedTo(parsed.data.organization_id)) {
      if (includeTeam(team)) state.markSetupCompleted(team.id);
    }
    return;
  }
  if (
    event.event !== 'dsync.user.created' &&
    event.event !== 'dsync.user.updated' &&
    event.event !== 'dsync.user.deleted'
  ) {
    return;
  }
  const parsed = directoryUser.safeParse(event.data);
  if (!parsed.success || !parsed.data.organization_id) return;
  const user = parsed.data;
  for (const team of state.teamsLinkedTo(parsed.data.organization_id)) {
    if (!includeTeam(team)) continue;
    if (event.event === 'dsync.user.deleted') {
      const member = state.findMemberByDirectoryUser(team.id, user.id);
      if (member) state.updateMember(team.id, member.id, { status: 'deactivated' });
    } else {
      upsertMember(state, team, user);
    }
  }
}

export function linkGemToWorkos(
  state: GemState,
  subscribe: SubscribeToWorkos,
  options: { lagMs?: number } = {},
): GemWorkosLink {
  const lagMs = options.lagMs ?? 0;
  const timers = new Set<NodeJS.Timeout>();
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (timers.size > 0) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
  const unsubscribe = subscribe((event) => {
    if (lagMs <= 0) {
      applyWorkosEventToGem(state, event);
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      applyWorkosEventToGem(state, event);
      settle();
    }, lagMs);
    timers.add(timer);
  });
  return {
    close: () => {
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      settle();
    },
    idle: () =>
      timers.size === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiters.push(resolve);
          }),
  };
}
