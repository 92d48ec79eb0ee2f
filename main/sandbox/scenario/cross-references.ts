/**
 * Checks a scenario's references before anything is built, so a bad file is refused with every problem named
 * (path + what is wrong) instead of failing halfway through a load: duplicate ids, a user in an unknown group, a
 * mapped role the organization does not have, a Gem team linked to an unknown WorkOS organization, …
 */
import { GEM_PREDEFINED_ROLE_SLUGS } from '../../core/gem/role-slug-mapping';
import { GEM_CUSTOM_ROLE_SLUG } from '../gem/state';
import { supportsGroupRoles } from '../workos/records';
import { ORGANIZATION_ROLE_SLUG, ROLE_SLUG_MAX } from '../workos/role-slugs';
import type { Scenario } from './schema';

export interface ScenarioProblem {
  path: (string | number)[];
  message: string;
}

/** Remembers where each id was first seen and reports the second use. */
class IdRegistry {
  private readonly seen = new Map<string, string>();
  constructor(
    private readonly kind: string,
    private readonly problems: ScenarioProblem[],
  ) {}

  add(id: string, path: (string | number)[]): void {
    const first = this.seen.get(id);
    if (first !== undefined) {
      this.problems.push({ path, message: `duplicate ${this.kind} id '${id}' (first used at ${first})` });
    } else {
      this.seen.set(id, path.join('.'));
    }
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }
}

export function checkScenarioReferences(scenario: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const problem = (path: (string | number)[], message: string) => problems.push({ path, message });
  const { workos, gem } = scenario;

  // ---- WorkOS
  const envSlugs = new Set<string>();
  workos.environment.roles.forEach((role, i) => {
    const path = ['workos', 'environment', 'roles', i, 'slug'];
    if (envSlugs.has(role.slug)) problem(path, `duplicate environment role slug '${role.slug}'`);
    envSlugs.add(role.slug);
  });
  if (!envSlugs.has(workos.environment.defaultRole)) {
    problem(
      ['workos', 'environment', 'defaultRole'],
      `default role '${workos.environment.defaultRole}' is not an environment role (${[...envSlugs].join(', ')})`,
    );
  }

  const orgIds = new IdRegistry('organization', problems);
  const connectionIds = new IdRegistry('connection', problems);
  const directoryIds = new IdRegistry('directory', problems);
  const groupIds = new IdRegistry('directory group', problems);
  const userIds = new IdRegistry('directory user', problems);
  const orgDomains = new Map<string, string>();
  const externalIds = new Map<string, string>();
  const usersByOrg = new Map<string, Set<string>>();

  (workos.organizations ?? []).forEach((org, o) => {
    const orgPath = ['workos', 'organizations', o];
    orgIds.add(org.id, [...orgPath, 'id']);
    if (org.externalId != null) {
      const other = externalIds.get(org.externalId);
      if (other !== undefined)
        problem([...orgPath, 'externalId'], `external id '${org.externalId}' is also used by ${other}`);
      externalIds.set(org.externalId, org.id);
    }
    (org.domains ?? []).forEach((entry, d) => {
      const domain = typeof entry === 'string' ? entry : entry.domain;
      const other = orgDomains.get(domain);
      if (other !== undefined)
        problem([...orgPath, 'domains', d], `domain '${domain}' also belongs to ${other}`);
      orgDomains.set(domain, org.id);
    });

    const roleSlugs = new Set(envSlugs);
    (org.customRoles ?? []).forEach((role, r) => {
      const path = [...orgPath, 'customRoles', r, 'slug'];
      if (roleSlugs.has(role.slug)) problem(path, `role slug '${role.slug}' already exists in ${org.id}`);
      else if (!ORGANIZATION_ROLE_SLUG.test(role.slug) || role.slug.length > ROLE_SLUG_MAX) {
        problem(
          path,
          `organization role slug '${role.slug}' must be org- then [a-z0-9_-], at most 48 characters`,
        );
      }
      roleSlugs.add(role.slug);
    });
    if (org.rolePriority) {
      const listed = new Set(org.rolePriority);
      const missing = [...roleSlugs].filter((slug) => !listed.has(slug));
      const unknown = org.rolePriority.filter((slug) => !roleSlugs.has(slug));
      if (missing.length > 0 || unknown.length > 0 || listed.size !== org.rolePriority.length) {
        problem(
          [...orgPath, 'rolePriority'],
          `must list each role of ${org.id} exactly once` +
            (missing.length > 0 ? `; missing: ${missing.join(', ')}` : '') +
            (unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''),
        );
      }
    }

    (org.connections ?? []).forEach((connection, c) =>
      connectionIds.add(connection.id, [...orgPath, 'connections', c, 'id']),
    );

    const orgUsers = new Set<string>();
    usersByOrg.set(org.id, orgUsers);
    (org.directories ?? []).forEach((directory, d) => {
      const dirPath = [...orgPath, 'directories', d];
      directoryIds.add(directory.id, [...dirPath, 'id']);
      const localGroups = new Set<string>();
      (directory.groups ?? []).forEach((group, g) => {
        groupIds.add(group.id, [...dirPath, 'groups', g, 'id']);
        localGroups.add(group.id);
      });
      const mappings = Object.entries(directory.groupRoles ?? {});
      if (mappings.length > 0 && !supportsGroupRoles(directory.type)) {
        problem(
          [...dirPath, 'groupRoles'],
          `directory type '${directory.type}' does not support group role assignment`,
        );
      }
      for (const [groupId, roleSlug] of mappings) {
        if (!localGroups.has(groupId)) {
          problem(
            [...dirPath, 'groupRoles', groupId],
            `maps unknown group '${groupId}' (not a group of ${directory.id})`,
          );
        }
        if (!roleSlugs.has(roleSlug)) {
          problem(
            [...dirPath, 'groupRoles', groupId],
            `maps to role '${roleSlug}', which is not in the role priority of ${org.id} (${[...roleSlugs].join(', ')})`,
          );
        }
      }
      (directory.users ?? []).forEach((user, u) => {
        userIds.add(user.id, [...dirPath, 'users', u, 'id']);
        orgUsers.add(user.id);
        (user.groupIds ?? []).forEach((groupId, g) => {
          if (!localGroups.has(groupId)) {
            problem(
              [...dirPath, 'users', u, 'groupIds', g],
              `user ${user.id} is in unknown group '${groupId}' (not a group of ${directory.id})`,
            );
          }
        });
      });
    });
  });

  // ---- Gem
  const tokens = new IdRegistry('staff token', problems);
  const staffIds = new IdRegistry('staff', problems);
  gem.staff.forEach((staff, s) => {
    tokens.add(staff.token, ['gem', 'staff', s, 'token']);
    if (staff.id !== undefined) staffIds.add(staff.id, ['gem', 'staff', s, 'id']);
  });
  const teamIds = new IdRegistry('team', problems);
  const memberIds = new IdRegistry('member', problems);
  gem.teams.forEach((team, t) => {
    const teamPath = ['gem', 'teams', t];
    teamIds.add(team.id, [...teamPath, 'id']);
    const orgId = team.scim?.workos_organization_id ?? null;
    if (orgId !== null && !orgIds.has(orgId)) {
      problem(
        [...teamPath, 'scim', 'workos_organization_id'],
        `team ${team.id} is linked to unknown WorkOS organization '${orgId}'`,
      );
    }
    const roleSlugs = new Set<string>(GEM_PREDEFINED_ROLE_SLUGS);
    (team.roles ?? []).forEach((role, r) => {
      const path = [...teamPath, 'roles', r, 'slug'];
      if (roleSlugs.has(role.slug)) problem(path, `team ${team.id} already has a role '${role.slug}'`);
      else if (!GEM_CUSTOM_ROLE_SLUG.test(role.slug))
        problem(path, `custom role slug '${role.slug}' must be lowercase [a-z0-9_-], at most 44 characters`);
      roleSlugs.add(role.slug);
    });
    const emails = new Set<string>();
    (team.members ?? []).forEach((member, m) => {
      const path = [...teamPath, 'members', m];
      if (member.id !== undefined) memberIds.add(member.id, [...path, 'id']);
      const email = member.email.toLowerCase();
      if (emails.has(email))
        problem([...path, 'email'], `team ${team.id} already has a member ${member.email}`);
      emails.add(email);
      if (!roleSlugs.has(member.role_slug))
        problem([...path, 'role_slug'], `team ${team.id} has no role '${member.role_slug}'`);
    });
    const orgUsers = orgId === null ? undefined : usersByOrg.get(orgId);
    const checkDirectoryUser = (id: string, path: (string | number)[]) => {
      if (!orgUsers?.has(id))
        problem(path, `'${id}' is not a directory user of the organization team ${team.id} is linked to`);
    };
    (team.drift?.unprovisioned ?? []).forEach((id, i) =>
      checkDirectoryUser(id, [...teamPath, 'drift', 'unprovisioned', i]),
    );
    (team.drift?.members ?? []).forEach((edit, i) => {
      const path = [...teamPath, 'drift', 'members', i];
      checkDirectoryUser(edit.directory_user_id, [...path, 'directory_user_id']);
      if (edit.set.role_slug !== undefined && !roleSlugs.has(edit.set.role_slug)) {
        problem([...path, 'set', 'role_slug'], `team ${team.id} has no role '${edit.set.role_slug}'`);
      }
    });
    if (team.scim_members === 'as_listed' && team.drift !== undefined) {
      problem(
        [...teamPath, 'drift'],
        'drift applies to derived members; with scim_members as_listed write the members as they are',
      );
    }
  });
  return problems;
}
