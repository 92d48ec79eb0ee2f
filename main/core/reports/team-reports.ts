/**
 * Per-team reports over the cache (design §1, §7, §9): the team list, one team's overview (SCIM and setup state,
 * the Okta rule, counts, "as of"), its members (who manages them, and why), its groups with the inferred role
 * mappings, one member's role explanation, and drift. Every function reads the store only; every row is plain JSON.
 */
import { computeDrift, type DriftReport } from '../drift';
import { gemRoleSlugForWorkosRole } from '../gem/role-slug-mapping';
import type { Member, Store, Team, TeamFilters, TeamSort, Window, WindowRequest } from '../store';
import { inferDirectory } from '../sync/directory-inference';

const OKTA_CONNECTION_TYPES = new Set(['OktaSAML', 'OktaOIDC']);

export interface TeamListRow extends Team {
  /**
   * The Okta rule at a glance (design §1): true when the team's cached directory is Okta's and no active Okta SSO
   * connection is cached; null while the team has never been synced (its directories are unknown).
   */
  oktaSsoMissing: boolean | null;
}

export function listTeams(
  store: Store,
  filters: TeamFilters = {},
  window: WindowRequest<TeamSort> = {},
): Window<TeamListRow> {
  const page = store.teams.list(filters, window);
  const facts = store.db.prepare(
    `SELECT
       EXISTS (SELECT 1 FROM directories d WHERE d.team_id = ?) AS known,
       EXISTS (SELECT 1 FROM directories d WHERE d.team_id = ? AND lower(d.type) LIKE 'okta%') AS okta,
       EXISTS (SELECT 1 FROM sso_connections c WHERE c.organization_id = ? AND c.state = 'active'
               AND c.connection_type IN (${[...OKTA_CONNECTION_TYPES].map((t) => `'${t}'`).join(', ')})) AS sso`,
  );
  return {
    ...page,
    rows: page.rows.map((team) => {
      const row = facts.get(team.id, team.id, team.workosOrganizationId) as {
        known: number;
        okta: number;
        sso: number;
      };
      return { ...team, oktaSsoMissing: row.known === 0 ? null : row.okta === 1 && row.sso === 0 };
    }),
  };
}

export interface TeamOverview {
  team: Team;
  scim: { moduleEnabled: boolean; linked: boolean; setupCompleted: boolean };
  /** `not_enabled` → `not_linked` → `awaiting_directory` → `directory_inactive` → `active`. */
  setupState: 'not_enabled' | 'not_linked' | 'awaiting_directory' | 'directory_inactive' | 'active';
  directories: { id: string; type: string; state: string; name: string }[];
  /** Okta directories need an active Okta SSO connection as well (design §1). */
  okta: { usesOkta: boolean; hasActiveOktaSso: boolean; warning: string | null };
  counts: {
    members: number;
    activeMembers: number;
    scimManagedMembers: number;
    directoryUsers: number;
    groups: number;
  };
  /** When the cache last completed a full sync of this team; null when never. */
  asOf: string | null;
}

export function teamOverview(store: Store, teamId: string): TeamOverview | null {
  const team = store.teams.get(teamId);
  if (team === null) return null;
  const directories = store.directories.listForTeam(teamId);
  const organizationId = team.workosOrganizationId;
  const connections = organizationId === null ? [] : store.ssoConnections.listForOrganization(organizationId);
  const usesOkta = directories.some((d) => d.type.toLowerCase().startsWith('okta'));
  const hasActiveOktaSso = connections.some(
    (c) => OKTA_CONNECTION_TYPES.has(c.connectionType) && c.state === 'active',
  );
  const count = (sql: string): number => {
    const value: unknown = store.db.prepare(sql).pluck().get(teamId);
    return typeof value === 'number' ? value : 0;
  };
  const asOf: unknown = store.db
    .prepare(
      `SELECT max(ended_at) FROM sync_runs WHERE team_id = ? AND kind = 'full' AND outcome = 'succeeded'`,
    )
    .pluck()
    .get(teamId);
  let setupState: TeamOverview['setupState'];
  if (!team.scimModuleEnabled) setupState = 'not_enabled';
  else if (organizationId === null) setupState = 'not_linked';
  else if (directories.length === 0) setupState = 'awaiting_directory';
  else if (!directories.some((d) => d.state === 'active')) setupState = 'directory_inactive';
  else setupState = 'active';
  return {
    team,
    scim: {
      moduleEnabled: team.scimModuleEnabled,
      linked: organizationId !== null,
      setupCompleted: team.setupCompletedAt !== null,
    },
    setupState,
    directories: directories.map((d) => ({ id: d.id, type: d.type, state: d.state, name: d.name })),
    okta: {
      usesOkta,
      hasActiveOktaSso,
      warning:
        usesOkta && !hasActiveOktaSso
          ? 'SSO must also be set up: Okta teams need an active Okta SSO connection.'
          : null,
    },
    counts: {
      members: count('SELECT count(*) FROM members WHERE team_id = ?'),
      activeMembers: count("SELECT count(*) FROM members WHERE team_id = ? AND status = 'active'"),
      scimManagedMembers: count('SELECT count(*) FROM members WHERE team_id = ? AND scim_managed = 1'),
      directoryUsers: count(
        'SELECT count(*) FROM directories d JOIN directory_users u ON u.directory_id = d.id WHERE d.team_id = ?',
      ),
      groups: count(
        'SELECT count(*) FROM directories d JOIN directory_groups g ON g.directory_id = d.id WHERE d.team_id = ?',
      ),
    },
    asOf: typeof asOf === 'string' ? asOf : null,
  };
}

export interface MemberRow extends Member {
  managedBy: 'idp' | 'gem';
  /** Why the console does or does not offer edits for this member. */
  managedReason: string;
}

export interface MemberQuery {
  /** Full-text prefix search over name and email. */
  query?: string;
  role?: string;
  status?: string;
  window?: WindowRequest<'name' | 'email' | 'role' | 'status' | 'updated_at'>;
}

function withManagement(member: Member): MemberRow {
  return member.scimManaged
    ? {
        ...member,
        managedBy: 'idp',
        managedReason:
          'Managed in the identity provider (SCIM): email, role and membership change only there; roles follow IdP groups.',
      }
    : {
        ...member,
        managedBy: 'gem',
        managedReason: 'Added in Gem, not provisioned through SCIM: managed in Gem.',
      };
}

export function listMembers(store: Store, teamId: string, query: MemberQuery = {}): Window<MemberRow> {
  const text = query.query?.trim() ?? '';
  if (text === '') {
    const window = store.members.listForTeam(
      teamId,
      {
        ...(query.role === undefined ? {} : { roleSlug: query.role }),
        ...(query.status === undefined ? {} : { status: query.status }),
      },
      query.window ?? {},
    );
    return { ...window, rows: window.rows.map(withManagement) };
  }
  // Search: ids from FTS, then the same filters; the windows are small (people search is capped by the store).
  const hits = store.people.searchPeople(teamId, text, { limit: 500 });
  const ids = hits.rows.filter((h) => h.kind === 'member').map((h) => h.id);
  const members = ids
    .map((id) => store.members.get(id))
    .filter((m): m is Member => m !== null && m.teamId === teamId)
    .filter(
      (m) =>
        (query.role === undefined || m.roleSlug === query.role) &&
        (query.status === undefined || m.status === query.status),
    );
  const offset = query.window?.offset ?? 0;
  const limit = query.window?.limit ?? 50;
  return {
    rows: members.slice(offset, offset + limit).map(withManagement),
    total: members.length,
    offset,
    limit,
  };
}

export interface GroupRow {
  id: string;
  directoryId: string;
  name: string;
  memberCount: number;
  /** Always inferred, never read from WorkOS (design §7). */
  inference: {
    status: 'determined' | 'ambiguous' | 'inconsistent' | 'not_computed';
    candidates: { slug: string; name: string; defaultOrNone: boolean }[];
    evidence: string[];
  };
}

export function listGroups(
  store: Store,
  teamId: string,
  window: WindowRequest<'name' | 'member_count' | 'updated_at'> = {},
): Window<GroupRow> {
  const groups = store.directoryGroups.listForTeam(teamId, {}, window);
  const inferences = new Map(store.mappingInferences.listForTeam(teamId).map((i) => [i.groupId, i]));
  const team = store.teams.get(teamId);
  const roleNames = new Map(
    (team?.workosOrganizationId == null
      ? []
      : store.workosRoles.listForOrganization(team.workosOrganizationId)
    ).map((r) => [r.slug, r.name]),
  );
  return {
    ...groups,
    rows: groups.rows.map((g) => {
      const inference = inferences.get(g.id);
      const evidence = inference?.evidence ?? {};
      const sentences = Array.isArray(evidence['sentences'])
        ? evidence['sentences'].filter((s): s is string => typeof s === 'string')
        : [];
      const hasDefault = evidence['defaultOrNone'] !== null && evidence['defaultOrNone'] !== undefined;
      const candidates = inference?.candidates ?? [];
      return {
        id: g.id,
        directoryId: g.directoryId,
        name: g.name,
        memberCount: g.memberCount,
        inference: {
          status: inference?.status ?? 'not_computed',
          candidates: candidates.map((slug, i) => ({
            slug,
            name: roleNames.get(slug) ?? slug,
            defaultOrNone: hasDefault && i === candidates.length - 1,
          })),
          evidence: sentences,
        },
      };
    }),
  };
}

export interface MemberRoleExplanation {
  memberId: string;
  directoryUserId: string | null;
  role: string | null;
  /** Groups that could have given the role (inferred). */
  possibleSources: { id: string; name: string }[];
  viaDefault: boolean;
  explained: boolean;
  text: string;
}

/** `memberId` may be a Gem member id or a directory user id. */
export function explainMemberRole(
  store: Store,
  teamId: string,
  memberId: string,
): MemberRoleExplanation | null {
  const member = store.members.get(memberId);
  const userId = member?.teamId === teamId ? member.directoryUserId : memberId;
  const user = userId === null ? null : store.directoryUsers.get(userId);
  if (user === null) {
    if (member === null || member.teamId !== teamId) return null;
    return {
      memberId,
      directoryUserId: null,
      role: member.roleSlug,
      possibleSources: [],
      viaDefault: false,
      explained: false,
      text: 'Not provisioned from the directory: the role was set in Gem.',
    };
  }
  const directory = store.directories.get(user.directoryId);
  if (directory === null || directory.teamId !== teamId) return null;
  const inference = inferDirectory(store, directory);
  const explanation = inference.result.explainRole(user.id);
  const names = new Map(inference.input.groups.map((g) => [g.id, g.name]));
  const sources = (explanation?.possibleSources ?? []).map((id) => ({ id, name: names.get(id) ?? id }));
  const role = user.roleSlug;
  let text: string;
  if (explanation === undefined) text = 'WorkOS reports no role for this directory user.';
  else if (!explanation.explained)
    text = `No group of this user can explain the role ${role ?? ''} (stale data, or a WorkOS setting the model does not know).`;
  else if (sources.length === 0)
    text = `The default role (${inference.defaultRole}): none of the user's groups maps to a role.`;
  else
    text = `Inferred: the role ${role ?? ''} comes from ${sources.map((s) => s.name).join(' or ')}${explanation.viaDefault ? ', or from the default role' : ''}.`;
  return {
    memberId,
    directoryUserId: user.id,
    role,
    possibleSources: sources,
    viaDefault: explanation?.viaDefault ?? false,
    explained: explanation?.explained ?? false,
    text,
  };
}

/** Drift (Gem vs directory) over the cached rows, with the shared role-slug mapping. */
export function teamDrift(store: Store, teamId: string): DriftReport | null {
  const team = store.teams.get(teamId);
  if (team === null) return null;
  const members = store.db
    .prepare(
      `SELECT id, email, coalesce(first_name, '') AS first_name, coalesce(last_name, '') AS last_name, role_slug, status,
              scim_managed, directory_user_id FROM members WHERE team_id = ?`,
    )
    .all(teamId) as {
    id: string;
    email: string;
    first_name: string;
    last_name: string;
    role_slug: string;
    status: string;
    scim_managed: number;
    directory_user_id: string | null;
  }[];
  const users = store.db
    .prepare(
      `SELECT u.id, coalesce(u.email, '') AS email, coalesce(u.first_name, '') AS first_name,
              coalesce(u.last_name, '') AS last_name, u.state, u.role_slug
       FROM directories d JOIN directory_users u ON u.directory_id = d.id WHERE d.team_id = ?`,
    )
    .all(teamId) as {
    id: string;
    email: string;
    first_name: string;
    last_name: string;
    state: string;
    role_slug: string | null;
  }[];
  const synced = store.gemRoles
    .listForTeam(teamId)
    .filter((r) => r.kind === 'custom')
    .map((r) => ({ slug: r.slug, workos_role_slug: r.workosRoleSlug }));
  return computeDrift({
    members: members.map((m) => ({
      ...m,
      status: m.status === 'active' ? 'active' : 'deactivated',
      scim_managed: m.scim_managed === 1,
    })),
    directoryUsers: users.map((u) => ({
      ...u,
      state: u.state === 'active' ? 'active' : u.state === 'suspended' ? 'suspended' : 'inactive',
    })),
    mapWorkosRoleToGem: (slug) => gemRoleSlugForWorkosRole(slug, synced),
    teamUsesScim: team.scimModuleEnabled,
  });
}
