/**
 * The admin reviewer's job (design §1): approve or flag each inferred group → role mapping of a team, offline,
 * from the local cache, and export the review. Verdicts are local (they cannot be fetched again), kept as history;
 * the latest per group is the current one. The export pairs each group's inference with its current verdict.
 */
import { AppError } from '../errors';
import { listGroups } from '../reports';
import type { GroupRow } from '../reports';
import { csvCell } from '../reports/csv';
import type { MappingReview, ReviewVerdict, Store } from '../store';

const PAGE = 500;

function allGroups(store: Store, teamId: string): GroupRow[] {
  const rows: GroupRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = listGroups(store, teamId, { offset, limit: PAGE, sort: 'name' });
    rows.push(...page.rows);
    if (page.rows.length < PAGE) return rows;
  }
}

function latestReviews(store: Store, teamId: string): Map<string, MappingReview> {
  const byGroup = new Map<string, MappingReview>();
  for (let offset = 0; ; offset += PAGE) {
    const page = store.mappingReviews.listForTeam(teamId, { latestOnly: true }, { offset, limit: PAGE });
    for (const review of page.rows) byGroup.set(review.groupId, review);
    if (page.rows.length < PAGE) return byGroup;
  }
}

export function recordReview(
  store: Store,
  input: { teamId: string; groupId: string; verdict: ReviewVerdict; note: string | null; reviewer: string },
): MappingReview {
  const group = store.directoryGroups.get(input.groupId);
  const directory = group === null ? null : store.directories.get(group.directoryId);
  if (group === null || directory?.teamId !== input.teamId) {
    throw new AppError('not_found', `Group ${input.groupId} of ${input.teamId} is not in the local cache.`);
  }
  const inference = store.mappingInferences
    .listForTeam(input.teamId)
    .find((i) => i.groupId === input.groupId);
  // What was reviewed: the single inferred role when the mapping is determined, else nothing specific.
  const roleSlug = inference?.status === 'determined' ? (inference.candidates[0] ?? null) : null;
  const id = store.transaction(() => {
    const reviewId = store.mappingReviews.add({
      teamId: input.teamId,
      groupId: group.id,
      groupName: group.name,
      roleSlug,
      verdict: input.verdict,
      note: input.note,
      reviewer: input.reviewer,
    });
    store.auditLog.append({
      actor: input.reviewer,
      action: `mapping_review.${input.verdict === 'approve' ? 'approved' : 'flagged'}`,
      teamId: input.teamId,
      subject: group.name,
      details: { groupId: group.id, roleSlug, ...(input.note ? { note: input.note } : {}) },
    });
    return reviewId;
  });
  const saved = latestReviews(store, input.teamId).get(group.id);
  if (saved?.id !== id) throw new AppError('internal', 'The review was not saved.');
  return saved;
}

export function currentReviews(store: Store, teamId: string): MappingReview[] {
  return [...latestReviews(store, teamId).values()];
}

export function exportReview(
  store: Store,
  teamId: string,
  format: 'csv' | 'json',
): { filename: string; mediaType: string; content: string } {
  const team = store.teams.get(teamId);
  if (team === null) throw new AppError('not_found', `Team ${teamId} is not in the local cache.`);
  const reviews = latestReviews(store, teamId);
  const rows = allGroups(store, teamId).map((group) => {
    const review = reviews.get(group.id) ?? null;
    return {
      group: group.name,
      groupId: group.id,
      members: group.memberCount,
      inferred: group.inference.status,
      candidates: group.inference.candidates.map((c) =>
        c.defaultOrNone ? `${c.slug} (default or unmapped)` : c.slug,
      ),
      evidence: group.inference.evidence,
      verdict: review?.verdict ?? null,
      note: review?.note ?? null,
      reviewer: review?.reviewer ?? null,
      reviewedAt: review?.createdAt ?? null,
    };
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const base = `mapping-review-${teamId}-${stamp}`;
  if (format === 'json') {
    return {
      filename: `${base}.json`,
      mediaType: 'application/json',
      content: `${JSON.stringify({ team: { id: team.id, name: team.name }, exportedAt: new Date().toISOString(), inferred: true, groups: rows }, null, 2)}\n`,
    };
  }
  const header = [
    'group',
    'group_id',
    'members',
    'inferred',
    'candidates',
    'verdict',
    'note',
    'reviewer',
    'reviewed_at',
    'evidence',
  ];
  const lines = rows.map((r) =>
    [
      r.group,
      r.groupId,
      r.members,
      r.inferred,
      r.candidates.join(' | '),
      r.verdict,
      r.note,
      r.reviewer,
      r.reviewedAt,
      r.evidence.join('; '),
    ]
      .map(csvCell)
      .join(','),
  );
  return {
    filename: `${base}.csv`,
    mediaType: 'text/csv',
    content: `${[header.join(','), ...lines].join('\n')}\n`,
  };
}
