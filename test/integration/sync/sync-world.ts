/**
 * A sandbox world for the sync tests: a generated scenario loaded into both stand-ins (real HTTP on 127.0.0.1), a
 * real SQLite store in a temp dir, and the real clients (SDK 8.13 + pacing + retries) wired into a sync engine.
 * `expectCacheMatches` compares the cache with the stand-ins' state, field by field.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Store } from '../../../main/core/store';
import { startGemStandIn, type RunningGemStandIn } from '../../../main/sandbox/gem';
import type { FaultConfig } from '../../../main/sandbox/http';
import { loadScenario, type LoadedScenario } from '../../../main/sandbox/scenario/load-scenario';
import type { WorkosRateLimitConfig } from '../../../main/sandbox/workos/rate-limits';
import { startWorkosStandIn, type WorkosStandIn } from '../../../main/sandbox/workos/server';

import { GEM_TOKEN, WORKOS_KEY } from './sync-clients';

export { FAST_RETRIES, GEM_TOKEN, makeEngine, WORKOS_KEY, type EngineHandle } from './sync-clients';
const BASE = Date.parse('2026-02-01T00:00:00.000Z');

export interface TeamSpec {
  users: number;
  groups?: number;
}

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A scenario: one organization + Okta directory + Gem team per spec, groups mapped to roles, users in 0–2 groups. */
export function buildScenario(teams: readonly TeamSpec[], seed = 7): unknown {
  const random = prng(seed);
  return {
    version: 1,
    name: 'sync test world',
    workos: {
      createdAt: iso(BASE),
      environment: {
        roles: [
          { slug: 'admin', name: 'Admin' },
          { slug: 'standard', name: 'Standard' },
          { slug: 'restricted', name: 'Restricted' },
          { slug: 'member', name: 'Member' },
        ],
        defaultRole: 'member',
      },
      deactivation: 'delete',
      organizations: teams.map((spec, t) => {
        const groupCount = spec.groups ?? 6;
        const groups = Array.from({ length: groupCount }, (_, g) => ({
          id: `directory_group_${t}_${String(g).padStart(3, '0')}`,
          name: `Group ${t}-${g}`,
          createdAt: iso(BASE + g * 1000),
        }));
        const mapped = ['admin', 'org-recruiter', 'standard', 'restricted'];
        const groupRoles = Object.fromEntries(
          groups.slice(0, Math.min(mapped.length, groupCount)).map((g, i) => [g.id, mapped[i] as string]),
        );
        const users = Array.from({ length: spec.users }, (_, u) => {
          const picked = new Set<string>();
          const n = Math.floor(random() * 3);
          for (let k = 0; k < n; k++) picked.add(groups[Math.floor(random() * groupCount)]?.id ?? '');
          return {
            id: `directory_user_${t}_${String(u).padStart(6, '0')}`,
            email: `user${u}@team${t}.test`,
            firstName: `First${u}`,
            lastName: `Last${u}`,
            groupIds: [...picked].filter((id) => id !== ''),
            createdAt: iso(BASE + 60_000 + u),
          };
        });
        return {
          id: `org_${t}`,
          name: `Org ${t}`,
          domains: [`team${t}.test`],
          customRoles: [{ slug: 'org-recruiter', name: 'Recruiter' }],
          connections: [
            {
              id: `conn_${t}`,
              connectionType: 'OktaSAML',
              name: `Okta ${t}`,
              state: 'active',
              domains: [`team${t}.test`],
            },
          ],
          directories: [
            {
              id: `directory_${t}`,
              type: 'okta scim v2.0',
              name: `Okta ${t}`,
              domain: `team${t}.test`,
              groups,
              users,
              groupRoles,
            },
          ],
        };
      }),
    },
    gem: {
      staff: [
        {
          token: GEM_TOKEN,
          id: 'staff_csm',
          email: 'csm@gem.test',
          name: 'Casey CSM',
          capabilities: ['teams:read', 'scim:manage', 'roles:sync'],
        },
      ],
      teams: teams.map((_, t) => ({
        id: `team_${t}`,
        name: `Team ${t}`,
        domain: `team${t}.test`,
        csm: { email: 'csm@gem.test', name: 'Casey CSM' },
        created_at: iso(BASE - 86_400_000),
        scim: {
          module_enabled: true,
          module_enabled_at: iso(BASE - 3_600_000),
          module_enabled_by: 'csm@gem.test',
          workos_organization_id: `org_${t}`,
        },
        roles: [
          { slug: 'recruiter', name: 'Recruiter', created_at: iso(BASE - 7_200_000) },
          { slug: 'sourcer', name: 'Sourcer', created_at: iso(BASE + 86_400_000) },
        ],
      })),
    },
  };
}

export interface WorldOptions {
  workosRateLimits?: WorkosRateLimitConfig;
  gemRateLimitPerSecond?: number | null;
  workosFaults?: Record<string, FaultConfig>;
  gemFaults?: Record<string, FaultConfig>;
}

export interface World {
  loaded: LoadedScenario;
  workos: WorkosStandIn;
  gem: RunningGemStandIn;
  close(): Promise<void>;
}

export async function startWorld(scenario: unknown, options: WorldOptions = {}): Promise<World> {
  const loaded = loadScenario(scenario);
  const workos = await startWorkosStandIn({
    state: loaded.workos,
    apiKeys: [WORKOS_KEY],
    rateLimits: options.workosRateLimits,
    faults: options.workosFaults,
  });
  const gem = await startGemStandIn({
    state: loaded.gem,
    rateLimitPerSecond: options.gemRateLimitPerSecond,
    faults: options.gemFaults,
  });
  return {
    loaded,
    workos,
    gem,
    close: async () => {
      loaded.link.close();
      await Promise.all([workos.close(), gem.close()]);
    },
  };
}

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gem-sync-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function urlsOf(world: World): { workosUrl: string; gemUrl: string } {
  return { workosUrl: world.workos.url, gemUrl: world.gem.url };
}

/** Everything the cache holds for a team, in a comparable, sorted form. */
export function cacheSnapshot(store: Store, teamId: string): unknown {
  const db = store.db;
  const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);
  return {
    team: all(
      `SELECT id, name, domain, csm_email, scim_module_enabled, workos_organization_id, setup_completed_at, updated_at
       FROM teams WHERE id = ?`,
      teamId,
    ),
    directories: all(
      'SELECT id, organization_id, type, state, name, domain, updated_at FROM directories WHERE team_id = ? ORDER BY id',
      teamId,
    ),
    users: all(
      `SELECT u.id, u.directory_id, u.email, u.first_name, u.last_name, u.state, u.role_slug, u.roles_json, u.updated_at,
              (SELECT group_concat(group_id, ',') FROM (SELECT group_id FROM group_memberships m WHERE m.user_id = u.id ORDER BY group_id)) AS groups
       FROM directory_users u JOIN directories d ON d.id = u.directory_id WHERE d.team_id = ? ORDER BY u.id`,
      teamId,
    ),
    groups: all(
      `SELECT g.id, g.directory_id, g.name, g.updated_at FROM directory_groups g JOIN directories d ON d.id = g.directory_id
       WHERE d.team_id = ? ORDER BY g.id`,
      teamId,
    ),
    roles: all(
      `SELECT slug, name, priority FROM workos_roles WHERE organization_id = (SELECT workos_organization_id FROM teams WHERE id = ?)
       ORDER BY priority`,
      teamId,
    ),
    connections: all(
      `SELECT id, connection_type, state FROM sso_connections
       WHERE organization_id = (SELECT workos_organization_id FROM teams WHERE id = ?) ORDER BY id`,
      teamId,
    ),
    gemRoles: all(
      'SELECT slug, name, kind, workos_sync_status, workos_role_slug, updated_at FROM gem_roles WHERE team_id = ? ORDER BY slug',
      teamId,
    ),
    members: all(
      `SELECT id, email, first_name, last_name, role_slug, status, scim_managed, directory_user_id, updated_at
       FROM members WHERE team_id = ? ORDER BY id`,
      teamId,
    ),
  };
}

/** The same shape, built from the stand-ins' state. */
export function sandboxSnapshot(world: World, teamId: string): unknown {
  const { workos, gem } = world.loaded;
  const team = gem.getTeam(teamId);
  if (team === undefined) throw new Error(`no team ${teamId}`);
  const orgId = team.scim.workos_organization_id;
  const directories = [...workos.directories.values()]
    .filter((d) => d.organizationId === orgId)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const dirIds = new Set(directories.map((d) => d.id));
  const stateOf = (s: string) => (s === 'linked' ? 'active' : s === 'unlinked' ? 'inactive' : s);
  return {
    team: [
      {
        id: team.id,
        name: team.name,
        domain: team.domain,
        csm_email: team.csm.email,
        scim_module_enabled: team.scim.module_enabled ? 1 : 0,
        workos_organization_id: orgId,
        setup_completed_at: team.scim.setup_completed_at,
        updated_at: team.updated_at,
      },
    ],
    directories: directories.map((d) => ({
      id: d.id,
      organization_id: d.organizationId,
      type: d.type,
      state: stateOf(d.state),
      name: d.name,
      domain: d.domain ?? null,
      updated_at: d.updatedAt,
    })),
    users: [...workos.users.values()]
      .filter((u) => dirIds.has(u.directoryId))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((u) => ({
        id: u.id,
        directory_id: u.directoryId,
        email: u.email,
        first_name: u.firstName,
        last_name: u.lastName,
        state: u.state,
        role_slug: u.role,
        roles_json: JSON.stringify(u.roles),
        updated_at: u.updatedAt,
        groups: u.groupIds.size === 0 ? null : [...u.groupIds].sort().join(','),
      })),
    groups: [...workos.groups.values()]
      .filter((g) => dirIds.has(g.directoryId))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((g) => ({ id: g.id, directory_id: g.directoryId, name: g.name, updated_at: g.updatedAt })),
    roles:
      orgId === null
        ? []
        : workos.organizationRoles(orgId).map((r, i) => ({ slug: r.slug, name: r.name, priority: i })),
    connections: [...workos.connections.values()]
      .filter((c) => c.organizationId === orgId)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((c) => ({ id: c.id, connection_type: c.connectionType, state: c.state })),
    gemRoles: (gem.listRoles(teamId) ?? [])
      .map((r) => ({
        slug: r.slug,
        name: r.name,
        kind: r.kind,
        workos_sync_status: r.workos_sync.status,
        workos_role_slug: r.workos_sync.workos_role_slug,
        updated_at: r.updated_at,
      }))
      .sort((a, b) => (a.slug < b.slug ? -1 : 1)),
    members: (gem.listMembers(teamId) ?? [])
      .map((m) => ({
        id: m.id,
        email: m.email,
        first_name: m.first_name,
        last_name: m.last_name,
        role_slug: m.role_slug,
        status: m.status,
        scim_managed: m.scim_managed ? 1 : 0,
        directory_user_id: m.directory_user_id,
        updated_at: m.updated_at,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

export function expectCacheMatches(store: Store, world: World, teamId: string): void {
  expect(cacheSnapshot(store, teamId)).toEqual(sandboxSnapshot(world, teamId));
}

/**
 * Every cache table (not the sync bookkeeping), for byte-for-byte comparisons. `omitColumns` drops columns that a
 * rewrite of equal data may touch (generation, computed_at); `skipTables` leaves tables out.
 */
export function dumpCache(
  store: Store,
  options: { omitColumns?: readonly string[]; skipTables?: readonly string[] } = {},
): string {
  const tables = [
    'teams',
    'directories',
    'directory_users',
    'directory_groups',
    'group_memberships',
    'workos_roles',
    'sso_connections',
    'gem_roles',
    'members',
    'role_sync_requests',
    'mapping_inferences',
  ].filter((table) => !(options.skipTables ?? []).includes(table));
  const omit = new Set(options.omitColumns ?? []);
  return tables
    .map((table) => {
      const rows = store.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all() as Record<
        string,
        unknown
      >[];
      const kept = rows.map((row) =>
        Object.fromEntries(Object.entries(row).filter(([column]) => !omit.has(column))),
      );
      return `${table}\n${JSON.stringify(kept)}`;
    })
    .join('\n');
}

/** POSTs to a stand-in's control API. */
export async function control(
  baseUrl: string,
  pathName: string,
  body: unknown,
  auth: string = WORKOS_KEY,
): Promise<unknown> {
  const response = await fetch(`${baseUrl}${pathName}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`control ${pathName} → ${response.status}: ${text}`);
  return text === '' ? null : (JSON.parse(text) as unknown);
}
