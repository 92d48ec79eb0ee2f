/**
 * Builds both stand-ins' states from one scenario and links them.
 *
 * - WorkOS: `loadWorkosScenario` (users' roles come from WorkosState's own role computation, as for live changes),
 *   then the fields a snapshot carries that the WorkOS half's loader does not take (updatedAt, domain ids, keys).
 * - Gem: `loadGemScenario` (staff, teams, custom roles, hand-added members), then the SCIM-managed members of every
 *   team linked to a WorkOS organization, derived by feeding each directory user to `applyWorkosEventToGem` as a
 *   `dsync.user.created` event: the very function the live link runs, so loading and live changes agree.
 * - Drift (`gem.teams[].drift`) is applied to the derived members last.
 *
 * The whole load runs on a clock fixed at the scenario's base time, so generated ids and timestamps depend only on
 * the scenario; afterwards both states follow `options.now`.
 */
import { loadGemScenario, type GemScenarioInput } from './gem-scenario';
import { parseScenario, DEFAULT_SCENARIO_TIME, type Scenario, type ScenarioGemTeam } from './schema';
import { loadWorkosScenario, type WorkosScenario } from './workos-scenario';
import type { GemState } from '../gem/state';
import type { GemTeam } from '../gem/state-types';
import { applyWorkosEventToGem, linkGemToWorkos, type GemWorkosLink } from '../gem/workos-link';
import type { WorkosState } from '../workos/state';
import { wireUser } from '../workos/wire-format';

export interface LoadScenarioOptions {
  /** The clock after the load, epoch ms (default Date.now). */
  now?: () => number;
  /** Lag of the live Gem ← WorkOS link (see linkGemToWorkos). */
  lagMs?: number;
}

export interface LoadedScenario {
  scenario: Scenario;
  workos: WorkosState;
  gem: GemState;
  /** The live link: later WorkOS changes reach Gem through it. */
  link: GemWorkosLink;
}

/** Validates (throws ScenarioValidationError) and builds both states, derived members included. */
export function loadScenario(input: unknown, options: LoadScenarioOptions = {}): LoadedScenario {
  const scenario = parseScenario(input);
  const baseTime = scenario.workos.createdAt ?? DEFAULT_SCENARIO_TIME;
  const baseMs = Date.parse(baseTime);
  const after = options.now ?? Date.now;
  let loading = true;
  const clock = () => (loading ? baseMs : after());

  const workos = loadWorkosScenario(toWorkosHalf(scenario, baseTime), { now: clock });
  applyWorkosSnapshotFields(workos, scenario);
  const gem = loadGemScenario(toGemHalf(scenario, baseTime), { now: () => new Date(clock()) });
  deriveScimMembers(workos, gem, scenario);
  applyDrift(gem, scenario);
  applyGemSnapshotFields(gem, scenario);
  loading = false;

  const link = linkGemToWorkos(gem, (listener) => workos.subscribe(listener), { lagMs: options.lagMs });
  return { scenario, workos, gem, link };
}

// ---------------------------------------------------------------- WorkOS

function toWorkosHalf(scenario: Scenario, baseTime: string): WorkosScenario {
  const { workos } = scenario;
  return {
    environment: workos.environment,
    deactivation: workos.deactivation,
    createdAt: baseTime,
    organizations: (workos.organizations ?? []).map((org) => ({
      ...org,
      domains: org.domains?.map((entry) => (typeof entry === 'string' ? entry : entry.domain)),
      connections: org.connections?.map((connection) => ({
        ...connection,
        domains: connection.domains?.map((entry) => (typeof entry === 'string' ? entry : entry.domain)),
      })),
    })),
  };
}

/** Fields the WorkOS half's loader does not take; they exist so a snapshot loads back to the same answers. */
function applyWorkosSnapshotFields(state: WorkosState, scenario: Scenario): void {
  for (const role of scenario.workos.environment.roles) {
    const record = state.environmentRoles.get(role.slug);
    if (record && role.updatedAt) record.updatedAt = role.updatedAt;
  }
  for (const org of scenario.workos.organizations ?? []) {
    const record = state.organization(org.id);
    if (org.updatedAt) record.updatedAt = org.updatedAt;
    (org.domains ?? []).forEach((entry, i) => {
      const domain = record.domains[i];
      if (typeof entry === 'string' || !domain) return;
      if (entry.id) domain.id = entry.id;
      if (entry.state) domain.state = entry.state;
    });
    for (const role of org.customRoles ?? []) {
      const roleRecord = record.customRoles.get(role.slug);
      if (roleRecord && role.updatedAt) roleRecord.updatedAt = role.updatedAt;
    }
    for (const connection of org.connections ?? []) {
      const connectionRecord = state.connection(connection.id);
      if (connection.updatedAt) connectionRecord.updatedAt = connection.updatedAt;
      if (connection.externalKey) connectionRecord.externalKey = connection.externalKey;
      (connection.domains ?? []).forEach((entry, i) => {
        const domain = connectionRecord.domains[i];
        if (typeof entry !== 'string' && domain) domain.id = entry.id;
      });
    }
    for (const directory of org.directories ?? []) {
      if (directory.updatedAt) state.directory(directory.id).updatedAt = directory.updatedAt;
      for (const group of directory.groups ?? []) {
        if (group.updatedAt) state.group(group.id).updatedAt = group.updatedAt;
      }
      for (const user of directory.users ?? []) {
        if (!user.updatedAt && !user.rawAttributes) continue;
        const userRecord = state.user(user.id);
        if (user.updatedAt) userRecord.updatedAt = user.updatedAt;
        if (user.rawAttributes) userRecord.rawAttributes = { ...user.rawAttributes };
      }
    }
  }
}

// ---------------------------------------------------------------- Gem

/**
 * The Gem half as loadGemScenario takes it. A linked team whose organization has an active (`linked`) directory
 * but no `setup_completed_at` gets the directory's creation time, as the live link records on `dsync.activated`;
 * this happens before its custom roles are created, because their default sync status depends on it.
 */
function toGemHalf(scenario: Scenario, baseTime: string): GemScenarioInput {
  const activatedAt = new Map<string, string>();
  for (const org of scenario.workos.organizations ?? []) {
    for (const directory of org.directories ?? []) {
      if ((directory.state ?? 'linked') !== 'linked') continue;
      const at = directory.createdAt ?? org.createdAt ?? baseTime;
      const known = activatedAt.get(org.id);
      if (known === undefined || at < known) activatedAt.set(org.id, at);
    }
  }
  return {
    staff: scenario.gem.staff,
    teams: scenario.gem.teams.map((team) => {
      const orgId = team.scim?.workos_organization_id ?? null;
      const activated = orgId === null ? undefined : activatedAt.get(orgId);
      if (activated === undefined || (team.scim?.setup_completed_at ?? null) !== null) return team;
      return { ...team, scim: { ...team.scim, setup_completed_at: activated } };
    }),
  };
}

function derives(team: ScenarioGemTeam): boolean {
  return (team.scim_members ?? 'derive') === 'derive';
}

/** SCIM-managed members of linked teams, through the live link's own event handler. */
function deriveScimMembers(workos: WorkosState, gem: GemState, scenario: Scenario): void {
  const deriving = new Map<string, Set<string>>();
  for (const team of scenario.gem.teams) {
    if (derives(team)) deriving.set(team.id, new Set(team.drift?.unprovisioned ?? []));
  }
  const linkedOrgs = new Set(
    scenario.gem.teams
      .filter((team) => deriving.has(team.id))
      .map((team) => team.scim?.workos_organization_id ?? null),
  );
  for (const org of scenario.workos.organizations ?? []) {
    if (!linkedOrgs.has(org.id)) continue;
    for (const directory of org.directories ?? []) {
      for (const user of directory.users ?? []) {
        const include = (team: GemTeam) => deriving.get(team.id)?.has(user.id) === false;
        const event = {
          object: 'event' as const,
          id: `event_load_${user.id}`,
          event: 'dsync.user.created',
          data: wireUser(workos.user(user.id)),
          created_at: new Date(workos.now()).toISOString(),
        };
        applyWorkosEventToGem(gem, event, include);
      }
    }
  }
}

function applyDrift(gem: GemState, scenario: Scenario): void {
  for (const team of scenario.gem.teams) {
    for (const edit of team.drift?.members ?? []) {
      const member = gem.findMemberByDirectoryUser(team.id, edit.directory_user_id);
      if (!member) {
        throw new Error(
          `Scenario drift: team ${team.id} has no member derived from ${edit.directory_user_id} (unprovisioned, or no email)`,
        );
      }
      const outcome = gem.updateMember(team.id, member.id, edit.set);
      if (!outcome.ok) throw new Error(`Scenario drift: team ${team.id}: ${outcome.failure.message}`);
    }
  }
}

function applyGemSnapshotFields(gem: GemState, scenario: Scenario): void {
  for (const team of scenario.gem.teams) {
    for (const role of team.roles ?? []) {
      const record = gem.getRole(team.id, role.slug);
      if (record && role.updated_at) record.updated_at = role.updated_at;
    }
    for (const member of team.members ?? []) {
      if (!member.updated_at) continue;
      const record =
        member.id === undefined
          ? gem.findMemberByEmail(team.id, member.email)
          : gem.getMember(team.id, member.id);
      if (record) record.updated_at = member.updated_at;
    }
    const record = gem.getTeam(team.id);
    if (record && team.updated_at) record.updated_at = team.updated_at;
  }
}
