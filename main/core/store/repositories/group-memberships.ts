import { numbered, writeCheckpoint, type PageCheckpoint, type RepositoryContext } from './context';

export interface GroupMembership {
  userId: string;
  groupId: string;
}

// A pair whose user or group is not cached (yet) is skipped rather than failing the page on the foreign key.
const INSERT = `
INSERT INTO group_memberships (user_id, group_id, generation)
SELECT ?1, ?2, ?3
WHERE EXISTS (SELECT 1 FROM directory_users WHERE id = ?1) AND EXISTS (SELECT 1 FROM directory_groups WHERE id = ?2)
ON CONFLICT (user_id, group_id) DO UPDATE SET generation = excluded.generation`;

/**
 * Memberships written on their own: from `GET /directory_users?group=G` / `/directory_groups?user=U` pages (the
 * replacement for the deprecated `user.groups`) and from `dsync.group.user_added|removed` events.
 */
export function createGroupMembershipsRepository(context: RepositoryContext) {
  const { db, statements } = context;

  const writePage = db.transaction(
    (pairs: readonly GroupMembership[], checkpoint: PageCheckpoint): number => {
      let written = 0;
      const insert = statements.get(INSERT);
      for (const pair of pairs)
        written += insert.run(numbered(pair.userId, pair.groupId, checkpoint.generation)).changes;
      writeCheckpoint(context, checkpoint);
      return written;
    },
  );

  return {
    /** Returns how many pairs were written (pairs naming an uncached user or group are skipped). */
    writePage(pairs: readonly GroupMembership[], checkpoint: PageCheckpoint): number {
      return writePage(pairs, checkpoint);
    },
    add(pair: GroupMembership, generation: number): boolean {
      return statements.get(INSERT).run(numbered(pair.userId, pair.groupId, generation)).changes > 0;
    },
    remove(pair: GroupMembership): boolean {
      return (
        statements
          .get('DELETE FROM group_memberships WHERE user_id = ? AND group_id = ?')
          .run(pair.userId, pair.groupId).changes > 0
      );
    },
    groupIdsOfUser(userId: string): string[] {
      return statements
        .value<string>('SELECT group_id FROM group_memberships WHERE user_id = ? ORDER BY group_id')
        .all(userId);
    },
    /** Removes the directory's memberships a full sync did not see. */
    sweepUnseen(scope: { directoryId: string }, generation: number): number {
      return statements
        .get(
          `DELETE FROM group_memberships
           WHERE generation < ?2 AND group_id IN (SELECT id FROM directory_groups WHERE directory_id = ?1)`,
        )
        .run(numbered(scope.directoryId, generation)).changes;
    },
  };
}

export type GroupMembershipsRepository = ReturnType<typeof createGroupMembershipsRepository>;
