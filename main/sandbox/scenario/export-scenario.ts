/**
 * Snapshots live stand-in states back into the scenario format, so `gem-scim sandbox --state-file F` can save the
 * sandbox on exit and start from it next time. Everything the public APIs answer is written out explicitly (ids,
 * keys, timestamps, each user's groups, the hidden group → role table); Gem members are written as they are
 * (`scim_members: as_listed`), so drift survives the round trip. The WorkOS event log is not saved.
 */
import { teamToWire } from '../gem/wire';
import type { GemState } from '../gem/state';
import type { WorkosState } from '../workos/state';
import type { RoleRecord } from '../workos/records';
import type { Scenario, ScenarioOrganization } from './schema';

export interface ScenarioMeta {
  name?: string;
  description?: string;
  /** The base time written as `workos.createdAt`. */
  createdAt?: string;
}

function role(record: RoleRecord) {
  return {
    id: record.id,
    slug: record.slug,
    name: record.name,
    description: record.description,
    permissions: [...record.permissions],
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

function exportOrganizations(workos: WorkosState): ScenarioOrganization[] {
  return [...workos.organizations.values()].map((org) => ({
    id: org.id,
    name: org.name,
    externalId: org.externalId,
    domains: org.domains.map((domain) => ({ id: domain.id, domain: domain.domain, state: domain.state })),
    metadata: { ...org.metadata },
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
    customRoles: [...org.customRoles.values()].map(role),
    rolePriority: [...org.priority],
    connections: [...workos.connections.values()]
      .filter((connection) => connection.organizationId === org.id)
      .map((connection) => ({
        id: connection.id,
        connectionType: connection.connectionType,
        name: connection.name,
        state: connection.state,
        domains: connection.domains.map((domain) => ({ id: domain.id, domain: domain.domain })),
        externalKey: connection.externalKey,
        createdAt: connection.createdAt,
        updatedAt: connection.updatedAt,
      })),
    directories: [...workos.directories.values()]
      .filter((directory) => directory.organizationId === org.id)
      .map((directory) => ({
        id: directory.id,
        type: directory.type,
        name: directory.name,
        state: directory.state,
        ...(directory.domain === undefined ? {} : { domain: directory.domain }),
        externalKey: directory.externalKey,
        createdAt: directory.createdAt,
        updatedAt: directory.updatedAt,
        groups: [...directory.groupIds].map((id) => {
          const group = workos.group(id);
          return {
            id: group.id,
            name: group.name,
            idpId: group.idpId,
            rawAttributes: { ...group.rawAttributes },
            createdAt: group.createdAt,
            updatedAt: group.updatedAt,
          };
        }),
        users: [...directory.userIds].map((id) => {
          const user = workos.user(id);
          return {
            id: user.id,
            email: user.email,
            firstName: user.firstName,
            lastName: user.lastName,
            idpId: user.idpId,
            jobTitle: user.jobTitle,
            username: user.username,
            state: user.state,
            customAttributes: { ...user.customAttributes },
            rawAttributes: { ...user.rawAttributes },
            groupIds: [...user.groupIds],
            createdAt: user.createdAt,
            updatedAt: user.updatedAt,
          };
        }),
        groupRoles: Object.fromEntries(directory.groupRole),
      })),
  }));
}

function exportGem(gem: GemState): Scenario['gem'] {
  return {
    staff: gem.listStaff().map((staff) => ({
      token: staff.token,
      id: staff.id,
      email: staff.email,
      name: staff.name,
      capabilities: [...staff.capabilities],
      revoked: staff.revoked,
    })),
    teams: gem.listTeams().map((team) => ({
      ...teamToWire(team),
      roles: (gem.listRoles(team.id) ?? [])
        .filter((entry) => entry.kind === 'custom')
        .map((entry) => ({
          slug: entry.slug,
          name: entry.name,
          created_by: entry.created_by,
          created_at: entry.created_at,
          updated_at: entry.updated_at,
          workos_sync: { ...entry.workos_sync },
        })),
      scim_members: 'as_listed' as const,
      members: (gem.listMembers(team.id) ?? []).map((member) => ({
        id: member.id,
        email: member.email,
        first_name: member.first_name,
        last_name: member.last_name,
        role_slug: member.role_slug,
        status: member.status,
        scim_managed: member.scim_managed,
        directory_user_id: member.directory_user_id,
        created_at: member.created_at,
        updated_at: member.updated_at,
      })),
    })),
  };
}

/** The current state of both stand-ins as a scenario that loads back to the same public answers. */
export function snapshotScenario(workos: WorkosState, gem: GemState, meta: ScenarioMeta = {}): Scenario {
  return {
    version: 1,
    ...(meta.name === undefined ? {} : { name: meta.name }),
    ...(meta.description === undefined ? {} : { description: meta.description }),
    workos: {
      environment: { roles: workos.environmentRolesInPriority().map(role), defaultRole: workos.defaultRole },
      deactivation: workos.deactivationMode,
      ...(meta.createdAt === undefined ? {} : { createdAt: meta.createdAt }),
      organizations: exportOrganizations(workos),
    },
    gem: exportGem(gem),
  };
}
