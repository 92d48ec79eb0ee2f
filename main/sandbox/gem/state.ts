/**
 * The Gem stand-in's in-memory state: staff, teams, roles and members, and every change the admin API, the control
 * API and the WorkOS link make to it. HTTP-free, so tests and the scenario loader can use it directly.
 */
import { fail, invalidRequest, notFound, succeed, type GemOutcome } from './failure';
import {
  PREDEFINED_ROLE_SLUGS,
  type Capability,
  type GemMember,
  type GemRole,
  type GemStaff,
  type GemTeam,
  type MemberStatus,
} from './state-types';
import { decideWorkosSync, type WorkosSyncRequest } from './workos-sync-transition';

const PREDEFINED_ROLE_NAMES: Record<(typeof PREDEFINED_ROLE_SLUGS)[number], string> = {
  admin: 'Admin',
  standard: 'Standard',
  restricted: 'Restricted',
};

/** Gem custom role slugs: lowercase `[a-z0-9_-]`, so `org-<slug>` fits the WorkOS limit of 48 characters. */
export const GEM_CUSTOM_ROLE_SLUG = /^[a-z0-9][a-z0-9_-]{0,43}$/;

export interface GemStateOptions {
  /** The clock every timestamp comes from; tests pass a controllable one. */
  now?: () => Date;
}

export interface NewStaff {
  token: string;
  id?: string;
  email: string;
  name: string;
  capabilities: Capability[];
  revoked?: boolean;
}

export interface NewTeam {
  id?: string;
  name: string;
  domain: string;
  plan?: string;
  csm: { email: string; name: string };
  scim?: Partial<GemTeam['scim']>;
  created_at?: string;
}

export interface NewCustomRole {
  slug: string;
  name: string;
  created_by?: string | null;
  created_at?: string;
  /** Defaults to the rule: pending when created after SCIM setup completed, synced (covered by setup) before. */
  workos_sync?: Partial<GemRole['workos_sync']>;
}

export interface NewMember {
  id?: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  role_slug: string;
  status?: MemberStatus;
  scim_managed?: boolean;
  directory_user_id?: string | null;
  created_at?: string;
}

export type MemberPatch = Partial<
  Pick<
    GemMember,
    'email' | 'first_name' | 'last_name' | 'role_slug' | 'status' | 'scim_managed' | 'directory_user_id'
  >
>;

/** Monotonic ids in creation order (`user_01…`), so sorting by id gives a stable pagination order. */
function idFactory(): (prefix: string) => string {
  let counter = 0;
  return (prefix) => {
    counter += 1;
    return `${prefix}_01GEM${counter.toString(36).toUpperCase().padStart(16, '0')}`;
  };
}

export class GemState {
  private readonly staffByToken = new Map<string, GemStaff>();
  private readonly teams = new Map<string, GemTeam>();
  /** team id → role slug → role. */
  private readonly roles = new Map<string, Map<string, GemRole>>();
  /** team id → member id → member. */
  private readonly members = new Map<string, Map<string, GemMember>>();
  private readonly clock: () => Date;
  private readonly nextId = idFactory();
  /** Lookup indexes (team + lowercase email, team + directory user id → member ids), so provisioning 100k members
   * stays linear; a key held by several members falls back to the scan that defines the answer (first added). */
  private readonly membersByEmail = new Map<string, Set<string>>();
  private readonly membersByDirectoryUser = new Map<string, Set<string>>();
  /** Every member id in use, so generated ids skip ids a scenario gave explicitly. */
  private readonly memberIds = new Set<string>();

  constructor(options: GemStateOptions = {}) {
    this.clock = options.now ?? (() => new Date());
  }

  nowIso(): string {
    return this.clock().toISOString();
  }

  now(): Date {
    return this.clock();
  }

  // ---- staff -------------------------------------------------------------------------------------------------

  addStaff(input: NewStaff): GemStaff {
    const staff: GemStaff = {
      token: input.token,
      id: input.id ?? this.nextId('staff'),
      email: input.email,
      name: input.name,
      capabilities: [...input.capabilities],
      revoked: input.revoked ?? false,
    };
    this.staffByToken.set(staff.token, staff);
    return staff;
  }

  /** The staff member a bearer token belongs to; undefined for unknown or revoked tokens. */
  authenticate(token: string): GemStaff | undefined {
    const staff = this.staffByToken.get(token);
    return staff !== undefined && !staff.revoked ? staff : undefined;
  }

  revokeStaffToken(token: string): void {
    const staff = this.staffByToken.get(token);
    if (staff) staff.revoked = true;
  }

  listStaff(): GemStaff[] {
    return [...this.staffByToken.values()];
  }

  // ---- teams -------------------------------------------------------------------------------------------------

  addTeam(input: NewTeam): GemTeam {
    const createdAt = input.created_at ?? this.nowIso();
    const team: GemTeam = {
      id: input.id ?? this.nextId('team'),
      name: input.name,
      domain: input.domain,
      plan: input.plan ?? 'enterprise',
      csm: { ...input.csm },
      scim: {
        module_enabled: false,
        module_enabled_at: null,
        module_enabled_by: null,
        workos_organization_id: null,
        setup_completed_at: null,
        ...withoutUndefined(input.scim ?? {}),
      },
      created_at: createdAt,
      updated_at: createdAt,
    };
    if (this.teams.has(team.id)) throw new Error(`Gem stand-in: team ${team.id} already exists`);
    this.teams.set(team.id, team);
    const roles = new Map<string, GemRole>();
    for (const slug of PREDEFINED_ROLE_SLUGS) {
      roles.set(slug, {
        team_id: team.id,
        slug,
        name: PREDEFINED_ROLE_NAMES[slug],
        kind: 'predefined',
        created_at: createdAt,
        updated_at: createdAt,
        created_by: null,
        workos_sync: {
          status: 'not_required',
          claimed_by: null,
          claimed_at: null,
          synced_at: null,
          synced_by: null,
          workos_role_slug: null,
        },
      });
    }
    this.roles.set(team.id, roles);
    this.members.set(team.id, new Map());
    return team;
  }

  getTeam(teamId: string): GemTeam | undefined {
    return this.teams.get(teamId);
  }

  /** Every team, sorted by id (the pagination order). */
  listTeams(): GemTeam[] {
    return [...this.teams.values()].sort((a, b) => compareIds(a.id, b.id));
  }

  teamsLinkedTo(workosOrganizationId: string): GemTeam[] {
    return this.listTeams().filter((team) => team.scim.workos_organization_id === workosOrganizationId);
  }

  setScimModule(teamId: string, enabled: boolean, by: string): GemOutcome<GemTeam> {
    const team = this.teams.get(teamId);
    if (!team) return notFound(`Team ${teamId}`);
    if (team.scim.module_enabled === enabled) return succeed(team);
    if (!enabled && team.scim.setup_completed_at !== null) {
      return fail(
        409,
        'directory_linked',
        `Team ${teamId} has a linked directory (setup completed); SCIM stays on`,
      );
    }
    const now = this.nowIso();
    team.scim = enabled
      ? { ...team.scim, module_enabled: true, module_enabled_at: now, module_enabled_by: by }
      : { ...team.scim, module_enabled: false, module_enabled_at: null, module_enabled_by: null };
    team.updated_at = now;
    return succeed(team);
  }

  linkWorkosOrganization(teamId: string, organizationId: string): GemOutcome<GemTeam> {
    const team = this.teams.get(teamId);
    if (!team) return notFound(`Team ${teamId}`);
    if (!/^org_[A-Za-z0-9]+$/.test(organizationId)) {
      return invalidRequest('workos_organization_id must be a WorkOS organization id (org_…)', [
        'workos_organization_id',
      ]);
    }
    const linked = team.scim.workos_organization_id;
    if (linked === organizationId) return succeed(team);
    if (linked !== null) {
      return fail(409, 'organization_already_linked', `Team ${teamId} is already linked to ${linked}`, {
        workos_organization_id: linked,
      });
    }
    if (!team.scim.module_enabled) {
      return fail(409, 'conflict', `Team ${teamId} does not have the SCIM module enabled`);
    }
    team.scim = { ...team.scim, workos_organization_id: organizationId };
    team.updated_at = this.nowIso();
    return succeed(team);
  }

  /** Records the first activation of the team's directory; later activations leave the first time in place. */
  markSetupCompleted(teamId: string, at?: string): GemTeam | undefined {
    const team = this.teams.get(teamId);
    if (!team || team.scim.setup_completed_at !== null) return team;
    const now = at ?? this.nowIso();
    team.scim = { ...team.scim, setup_completed_at: now };
    team.updated_at = now;
    return team;
  }

  // ---- roles -------------------------------------------------------------------------------------------------

  /** A team's roles: predefined first (admin, standard, restricted), then custom ones by slug. */
  listRoles(teamId: string): GemRole[] | undefined {
    const roles = this.roles.get(teamId);
    if (!roles) return undefined;
    const order: readonly string[] = PREDEFINED_ROLE_SLUGS;
    const rank = (role: GemRole) => (role.kind === 'predefined' ? order.indexOf(role.slug) : order.length);
    return [...roles.values()].sort((a, b) => rank(a) - rank(b) || compareIds(a.slug, b.slug));
  }

  getRole(teamId: string, slug: string): GemRole | undefined {
    return this.roles.get(teamId)?.get(slug);
  }

  createCustomRole(teamId: string, input: NewCustomRole): GemOutcome<GemRole> {
    const team = this.teams.get(teamId);
    const roles = this.roles.get(teamId);
    if (!team || !roles) return notFound(`Team ${teamId}`);
    if (!GEM_CUSTOM_ROLE_SLUG.test(input.slug)) {
      return invalidRequest('slug must be lowercase [a-z0-9_-], at most 44 characters', ['slug']);
    }
    if (input.name.trim() === '') return invalidRequest('name must not be empty', ['name']);
    if (roles.has(input.slug))
      return fail(409, 'conflict', `Team ${teamId} already has a role ${input.slug}`);
    const createdAt = input.created_at ?? this.nowIso();
    const setup = team.scim.setup_completed_at;
    // A custom role that existed when setup completed was covered by it; one created later needs a sync.
    const coveredBySetup = setup === null || Date.parse(createdAt) <= Date.parse(setup);
    const role: GemRole = {
      team_id: teamId,
      slug: input.slug,
      name: input.name,
      kind: 'custom',
      created_at: createdAt,
      updated_at: createdAt,
      created_by: input.created_by ?? null,
      workos_sync: {
        status: coveredBySetup ? 'synced' : 'pending',
        claimed_by: null,
        claimed_at: null,
        synced_at: coveredBySetup ? (setup ?? null) : null,
        synced_by: null,
        workos_role_slug: coveredBySetup ? `org-${input.slug}` : null,
        ...withoutUndefined(input.workos_sync ?? {}),
      },
    };
    roles.set(role.slug, role);
    return succeed(role);
  }

  applyWorkosSync(
    teamId: string,
    slug: string,
    request: WorkosSyncRequest,
    caller: string,
  ): GemOutcome<GemRole> {
    if (!this.teams.has(teamId)) return notFound(`Team ${teamId}`);
    const role = this.getRole(teamId, slug);
    if (!role) return notFound(`Role ${slug} of team ${teamId}`);
    const now = this.nowIso();
    const decision = decideWorkosSync(role, request, caller, now);
    if (decision.kind === 'refused') return { ok: false, failure: decision.failure };
    if (decision.kind === 'changed') {
      role.workos_sync = decision.next;
      role.updated_at = now;
    }
    return succeed(role);
  }

  /** Every custom role in a sync status, across all teams, ordered by team id then slug. */
  listRoleSyncRequests(): { team: GemTeam; role: GemRole }[] {
    const out: { team: GemTeam; role: GemRole }[] = [];
    for (const team of this.listTeams()) {
      for (const role of this.listRoles(team.id) ?? []) {
        if (role.kind === 'custom' && role.workos_sync.status !== 'not_required') out.push({ team, role });
      }
    }
    return out;
  }

  // ---- members -----------------------------------------------------------------------------------------------

  /** A team's members sorted by id (the pagination order); undefined for an unknown team. */
  listMembers(teamId: string): GemMember[] | undefined {
    const members = this.members.get(teamId);
    if (!members) return undefined;
    return [...members.values()].sort((a, b) => compareIds(a.id, b.id));
  }

  getMember(teamId: string, memberId: string): GemMember | undefined {
    return this.members.get(teamId)?.get(memberId);
  }

  findMemberByDirectoryUser(teamId: string, directoryUserId: string): GemMember | undefined {
    const ids = this.membersByDirectoryUser.get(indexKey(teamId, directoryUserId));
    if (ids === undefined || ids.size === 0) return undefined;
    if (ids.size === 1) return this.getMember(teamId, ids.values().next().value as string);
    for (const member of this.members.get(teamId)?.values() ?? []) {
      if (member.directory_user_id === directoryUserId) return member;
    }
    return undefined;
  }

  findMemberByEmail(teamId: string, email: string): GemMember | undefined {
    const wanted = email.toLowerCase();
    const ids = this.membersByEmail.get(indexKey(teamId, wanted));
    if (ids === undefined || ids.size === 0) return undefined;
    if (ids.size === 1) return this.getMember(teamId, ids.values().next().value as string);
    for (const member of this.members.get(teamId)?.values() ?? []) {
      if (member.email.toLowerCase() === wanted) return member;
    }
    return undefined;
  }

  addMember(teamId: string, input: NewMember): GemOutcome<GemMember> {
    const members = this.members.get(teamId);
    if (!members) return notFound(`Team ${teamId}`);
    if (!this.getRole(teamId, input.role_slug)) {
      return invalidRequest(`Team ${teamId} has no role ${input.role_slug}`, ['role_slug']);
    }
    if (this.findMemberByEmail(teamId, input.email)) {
      return fail(409, 'conflict', `Team ${teamId} already has a member ${input.email}`);
    }
    const createdAt = input.created_at ?? this.nowIso();
    let generatedId = input.id === undefined ? this.nextId('user') : undefined;
    while (generatedId !== undefined && this.memberIds.has(generatedId)) generatedId = this.nextId('user');
    const member: GemMember = {
      id: input.id ?? (generatedId as string),
      team_id: teamId,
      email: input.email,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
      role_slug: input.role_slug,
      status: input.status ?? 'active',
      scim_managed: input.scim_managed ?? false,
      directory_user_id: input.directory_user_id ?? null,
      created_at: createdAt,
      updated_at: createdAt,
    };
    if (members.has(member.id)) return fail(409, 'conflict', `Member ${member.id} already exists`);
    members.set(member.id, member);
    this.memberIds.add(member.id);
    this.indexMember(member, 'add');
    return succeed(member);
  }

  /** Changes a member directly (a hand edit, or drift the console should notice); bumps updated_at on change. */
  updateMember(teamId: string, memberId: string, patch: MemberPatch): GemOutcome<GemMember> {
    const member = this.getMember(teamId, memberId);
    if (!member) return notFound(`Member ${memberId} of team ${teamId}`);
    if (patch.role_slug !== undefined && !this.getRole(teamId, patch.role_slug)) {
      return invalidRequest(`Team ${teamId} has no role ${patch.role_slug}`, ['role_slug']);
    }
    let changed = false;
    this.indexMember(member, 'remove');
    for (const key of Object.keys(patch) as (keyof MemberPatch)[]) {
      const value = patch[key];
      if (value !== undefined && member[key] !== value) {
        (member as unknown as Record<string, unknown>)[key] = value;
        changed = true;
      }
    }
    this.indexMember(member, 'add');
    if (changed) member.updated_at = this.nowIso();
    return succeed(member);
  }

  private indexMember(member: GemMember, change: 'add' | 'remove'): void {
    const entries: [Map<string, Set<string>>, string | null][] = [
      [this.membersByEmail, member.email.toLowerCase()],
      [this.membersByDirectoryUser, member.directory_user_id],
    ];
    for (const [index, value] of entries) {
      if (value === null) continue;
      const key = indexKey(member.team_id, value);
      let ids = index.get(key);
      if (change === 'add') {
        if (!ids) index.set(key, (ids = new Set()));
        ids.add(member.id);
      } else {
        ids?.delete(member.id);
        if (ids?.size === 0) index.delete(key);
      }
    }
  }
}

function indexKey(teamId: string, value: string): string {
  return `${teamId}\u0000${value}`;
}

/** Plain code-unit order (not locale order), so every page boundary is well defined. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Spreading a partial must not overwrite defaults with undefined. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
