import { readWindow, type Window, type WindowRequest } from '../window';
import type { RepositoryContext } from './context';

export type ReviewVerdict = 'approve' | 'flag';

/** A reviewer's verdict on one group → role mapping. Local only; works offline. */
export interface MappingReview {
  id: number;
  teamId: string;
  groupId: string;
  groupName: string;
  roleSlug: string | null;
  verdict: ReviewVerdict;
  note: string | null;
  reviewer: string;
  createdAt: string;
}

export type MappingReviewInput = Omit<MappingReview, 'id' | 'createdAt'>;

export type MappingReviewSort = 'created_at' | 'group_name' | 'verdict' | 'reviewer';

export interface MappingReviewFilters {
  groupId?: string;
  verdict?: ReviewVerdict;
  /** Only the latest review of each group. */
  latestOnly?: boolean;
}

interface RawReview {
  id: number;
  team_id: string;
  group_id: string;
  group_name: string;
  role_slug: string | null;
  verdict: ReviewVerdict;
  note: string | null;
  reviewer: string;
  created_at: string;
}

const COLUMNS =
  'r.id, r.team_id, r.group_id, r.group_name, r.role_slug, r.verdict, r.note, r.reviewer, r.created_at';

function toReview(raw: RawReview): MappingReview {
  return {
    id: raw.id,
    teamId: raw.team_id,
    groupId: raw.group_id,
    groupName: raw.group_name,
    roleSlug: raw.role_slug,
    verdict: raw.verdict,
    note: raw.note,
    reviewer: raw.reviewer,
    createdAt: raw.created_at,
  };
}

export function createMappingReviewsRepository(context: RepositoryContext) {
  const { statements } = context;
  return {
    /** Appends a review (history is kept; the latest per group is the current verdict). */
    add(review: MappingReviewInput): number {
      const id = statements
        .value<number>(
          `INSERT INTO mapping_reviews (team_id, group_id, group_name, role_slug, verdict, note, reviewer, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(
          review.teamId,
          review.groupId,
          review.groupName,
          review.roleSlug,
          review.verdict,
          review.note,
          review.reviewer,
          context.now(),
        );
      if (id === undefined) throw new Error('INSERT … RETURNING gave no row');
      return id;
    },
    listForTeam(
      teamId: string,
      filters: MappingReviewFilters = {},
      window: WindowRequest<MappingReviewSort> = {},
    ): Window<MappingReview> {
      const where = ['r.team_id = ?'];
      const values: unknown[] = [teamId];
      if (filters.groupId !== undefined) {
        where.push('r.group_id = ?');
        values.push(filters.groupId);
      }
      if (filters.verdict !== undefined) {
        where.push('r.verdict = ?');
        values.push(filters.verdict);
      }
      if (filters.latestOnly === true) {
        where.push(
          'r.id = (SELECT l.id FROM mapping_reviews l WHERE l.team_id = r.team_id AND l.group_id = r.group_id ' +
            'ORDER BY l.created_at DESC, l.id DESC LIMIT 1)',
        );
      }
      return readWindow(
        statements,
        {
          list: 'mapping reviews',
          select: COLUMNS,
          from: 'mapping_reviews r',
          where,
          params: values,
          sortColumns: {
            created_at: 'r.created_at',
            group_name: 'r.group_name COLLATE NOCASE',
            verdict: 'r.verdict',
            reviewer: 'r.reviewer',
          },
          defaultSort: 'created_at',
          defaultDirection: 'desc',
          tieBreaker: 'r.id',
        },
        window,
        toReview,
      );
    },
  };
}

export type MappingReviewsRepository = ReturnType<typeof createMappingReviewsRepository>;
