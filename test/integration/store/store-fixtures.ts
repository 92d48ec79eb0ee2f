import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  Directory,
  DirectoryGroup,
  DirectoryUserInput,
  Member,
  PageCheckpoint,
  Store,
  TeamInput,
} from '../../../main/core/store';

/** A temp dir per test file; `cleanup` removes it. */
export function makeTempDir(prefix: string): {
  dir: string;
  file: (name: string) => string;
  cleanup: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  return {
    dir,
    file: (name) => path.join(dir, name),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export const T0 = '2026-01-15T12:00:00.000Z';

export function checkpoint(
  generation: number,
  key = 'test.page',
  value: string | null = 'next',
): PageCheckpoint {
  return { generation, key, value };
}

export function team(id: string, overrides: Partial<TeamInput> = {}): TeamInput {
  return {
    id,
    name: `Team ${id}`,
    domain: `${id}.example.com`,
    plan: 'enterprise',
    csmEmail: 'dana@gem.com',
    csmName: 'Dana Lee',
    scimModuleEnabled: true,
    scimEnabledAt: T0,
    scimEnabledBy: 'dana@gem.com',
    workosOrganizationId: `org_${id}`,
    setupCompletedAt: T0,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function directory(id: string, teamId: string, overrides: Partial<Directory> = {}): Directory {
  return {
    id,
    organizationId: `org_${teamId}`,
    teamId,
    type: 'okta scim v2.0',
    state: 'active',
    name: `Directory ${id}`,
    domain: 'example.com',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function directoryUser(
  id: string,
  directoryId: string,
  overrides: Partial<DirectoryUserInput> = {},
): DirectoryUserInput {
  return {
    id,
    directoryId,
    idpId: `idp-${id}`,
    email: `${id}@example.com`,
    firstName: 'First',
    lastName: 'Last',
    state: 'active',
    roleSlug: 'standard',
    roles: ['standard'],
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function group(
  id: string,
  directoryId: string,
  overrides: Partial<DirectoryGroup> = {},
): DirectoryGroup {
  return {
    id,
    directoryId,
    idpId: `idp-${id}`,
    name: `Group ${id}`,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function member(id: string, teamId: string, overrides: Partial<Member> = {}): Member {
  return {
    id,
    teamId,
    email: `${id}@example.com`,
    firstName: 'First',
    lastName: 'Last',
    roleSlug: 'standard',
    status: 'active',
    scimManaged: true,
    directoryUserId: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** A team with one directory, as a full sync would leave it. */
export function seedTeamWithDirectory(
  store: Store,
  teamId: string,
  directoryId: string,
  generation = 1,
): void {
  store.teams.writePage([team(teamId)], checkpoint(generation, `seed.${teamId}.team`));
  store.directories.writePage(
    [directory(directoryId, teamId)],
    checkpoint(generation, `seed.${teamId}.directory`),
  );
}

/** Table rows in a stable order, for comparing a database before and after something. */
export function dumpTable(store: Store, table: string): unknown[] {
  return store.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
}
