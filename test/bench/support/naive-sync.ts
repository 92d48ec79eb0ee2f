/**
 * The naive baseline of the full-sync benchmarks: what a first version without the sync engine would do with the
 * WorkOS SDK — `autoPagination()` of the organization's directories, of the directory's groups and of its users
 * (the SDK sleeps 350 ms between pages and never looks at rate limits), then one INSERT per row, each its own
 * transaction (no batching), into a fresh database with the console's real schema (openStore: WAL,
 * synchronous=FULL, the FTS triggers). Users carry their groups, so memberships are inserted too: the same rows
 * the engine writes for WorkOS. It does not touch Gem (the engine also lists Gem members, on a parallel track).
 */
import { WorkOS } from '@workos-inc/node';
import { performance } from 'node:perf_hooks';
import { openStore } from '../../../main/core/store';
import { toSdkConnection } from '../../../main/core/workos/sdk-connection';

export interface NaiveResult {
  ms: number;
  fetchMs: number;
  insertMs: number;
  users: number;
  groups: number;
  memberships: number;
}

export async function naiveDirectorySync(options: {
  workosUrl: string;
  apiKey: string;
  organizationId: string;
  directoryId: string;
  dbFile: string;
}): Promise<NaiveResult> {
  const workos = new WorkOS(options.apiKey, toSdkConnection(options.workosUrl));
  const store = openStore(options.dbFile);
  try {
    const insertDirectory = store.db.prepare(
      `INSERT INTO directories (id, organization_id, team_id, type, state, name, domain, created_at, updated_at)
       VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
    );
    const insertGroup = store.db.prepare(
      `INSERT INTO directory_groups (id, directory_id, idp_id, name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertUser = store.db.prepare(
      `INSERT INTO directory_users (id, directory_id, idp_id, email, first_name, last_name, state, role_slug,
                                    roles_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMembership = store.db.prepare(
      'INSERT INTO group_memberships (user_id, group_id) VALUES (?, ?)',
    );

    const started = performance.now();
    let fetchMs = 0;
    const fetched = async <T>(list: Promise<{ autoPagination(): Promise<T[]> }>): Promise<T[]> => {
      const from = performance.now();
      const all = await (await list).autoPagination();
      fetchMs += performance.now() - from;
      return all;
    };

    const directories = await fetched(
      workos.directorySync.listDirectories({ organizationId: options.organizationId }),
    );
    for (const d of directories) {
      insertDirectory.run(
        d.id,
        d.organizationId ?? options.organizationId,
        d.type,
        d.state,
        d.name,
        d.domain,
        d.createdAt,
        d.updatedAt,
      );
    }
    const groups = await fetched(workos.directorySync.listGroups({ directory: options.directoryId }));
    for (const g of groups) insertGroup.run(g.id, g.directoryId, g.idpId, g.name, g.createdAt, g.updatedAt);
    const users = await fetched(workos.directorySync.listUsers({ directory: options.directoryId }));
    let memberships = 0;
    for (const u of users) {
      insertUser.run(
        u.id,
        u.directoryId,
        u.idpId,
        u.email,
        u.firstName,
        u.lastName,
        u.state,
        u.role?.slug ?? null,
        JSON.stringify((u.roles ?? []).map((r) => r.slug)),
        u.createdAt,
        u.updatedAt,
      );
      for (const g of u.groups) {
        insertMembership.run(u.id, g.id);
        memberships += 1;
      }
    }
    const ms = performance.now() - started;
    return {
      ms,
      fetchMs,
      insertMs: ms - fetchMs,
      users: users.length,
      groups: groups.length,
      memberships,
    };
  } finally {
    store.close();
  }
}
