import { parseJsonArray, parseJsonObject, type RepositoryContext } from './context';

export type InferenceStatus = 'determined' | 'ambiguous' | 'inconsistent';

/** The inferred group → role mapping of one group (design §7); always shown as inferred, never as fact. */
export interface MappingInference {
  directoryId: string;
  groupId: string;
  teamId: string | null;
  status: InferenceStatus;
  /** Candidate role slugs, highest priority first. */
  candidates: string[];
  evidence: Record<string, unknown>;
  computedAt: string;
}

export type MappingInferenceInput = Omit<MappingInference, 'computedAt' | 'directoryId' | 'teamId'>;

interface RawInference {
  directory_id: string;
  group_id: string;
  team_id: string | null;
  status: InferenceStatus;
  candidates_json: string;
  evidence_json: string;
  computed_at: string;
}

const COLUMNS = 'directory_id, group_id, team_id, status, candidates_json, evidence_json, computed_at';

function toInference(raw: RawInference): MappingInference {
  return {
    directoryId: raw.directory_id,
    groupId: raw.group_id,
    teamId: raw.team_id,
    status: raw.status,
    candidates: parseJsonArray(raw.candidates_json),
    evidence: parseJsonObject(raw.evidence_json),
    computedAt: raw.computed_at,
  };
}

export function createMappingInferencesRepository(context: RepositoryContext) {
  const { db, statements } = context;

  // The inference is computed for a whole directory at once, so it replaces the directory's rows at once.
  const replace = db.transaction(
    (directoryId: string, teamId: string | null, rows: readonly MappingInferenceInput[]) => {
      statements.get('DELETE FROM mapping_inferences WHERE directory_id = ?').run(directoryId);
      const insert = statements.get(
        `INSERT INTO mapping_inferences (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      const now = context.now();
      for (const row of rows) {
        insert.run(
          directoryId,
          row.groupId,
          teamId,
          row.status,
          JSON.stringify(row.candidates),
          JSON.stringify(row.evidence),
          now,
        );
      }
    },
  );

  return {
    replaceForDirectory(
      directoryId: string,
      teamId: string | null,
      rows: readonly MappingInferenceInput[],
    ): void {
      replace(directoryId, teamId, rows);
    },
    listForTeam(teamId: string): MappingInference[] {
      return statements
        .get<RawInference>(
          `SELECT ${COLUMNS} FROM mapping_inferences WHERE team_id = ? ORDER BY directory_id, group_id`,
        )
        .all(teamId)
        .map(toInference);
    },
    listForDirectory(directoryId: string): MappingInference[] {
      return statements
        .get<RawInference>(
          `SELECT ${COLUMNS} FROM mapping_inferences WHERE directory_id = ? ORDER BY group_id`,
        )
        .all(directoryId)
        .map(toInference);
    },
  };
}

export type MappingInferencesRepository = ReturnType<typeof createMappingInferencesRepository>;
