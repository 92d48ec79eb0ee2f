/**
 * Reads of the local cache: `teams`, `members`, `groups`, `mappings`, `drift`, `requests`, each with
 * `--format json|csv|table`. They work offline: they read what the last sync stored.
 */
import type { CommandContext } from './context';
import { requireFlag, stringFlag, unwrap } from './context';
import { renderRows } from './output';

const PAGE = 500;

/** Reads every page of a windowed call (the CLI prints whole lists; the UI asks for windows). */
async function allRows<T>(
  fetchPage: (offset: number) => Promise<{ rows: T[]; total: number }>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await fetchPage(offset);
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

export async function runTeamsCommand(context: CommandContext): Promise<number> {
  const rows = await allRows((offset) => unwrap(context.api.teams.list({ offset, limit: PAGE })));
  context.io.stdout(
    renderRows(
      rows.map((t) => ({
        id: t.id,
        name: t.name,
        domain: t.domain,
        csm: t.csmEmail,
        scim: t.scimModuleEnabled ? 'enabled' : 'disabled',
        organization: t.workosOrganizationId,
        setup_completed_at: t.setupCompletedAt,
        okta_sso_missing: t.oktaSsoMissing,
        pinned: t.pinned,
      })),
      context.format,
    ),
  );
  return 0;
}

export async function runMembersCommand(context: CommandContext): Promise<number> {
  const teamId = requireFlag(context, 'team');
  const query = stringFlag(context, 'query');
  const rows = await allRows((offset) =>
    unwrap(context.api.members.list({ teamId, offset, limit: PAGE, ...(query ? { query } : {}) })),
  );
  context.io.stdout(
    renderRows(
      rows.map((m) => ({
        id: m.id,
        email: m.email,
        name: [m.firstName, m.lastName].filter(Boolean).join(' '),
        role: m.roleSlug,
        status: m.status,
        managed_by: m.managedBy,
        directory_user_id: m.directoryUserId,
      })),
      context.format,
    ),
  );
  return 0;
}

export async function runGroupsCommand(context: CommandContext, withEvidence: boolean): Promise<number> {
  const teamId = requireFlag(context, 'team');
  const rows = await allRows((offset) =>
    unwrap(context.api.mappings.groups({ teamId, offset, limit: PAGE })),
  );
  context.io.stdout(
    renderRows(
      rows.map((g) => ({
        id: g.id,
        name: g.name,
        members: g.memberCount,
        ...(withEvidence
          ? {
              inferred: g.inference.status,
              candidates: g.inference.candidates
                .map((c) => (c.defaultOrNone ? `${c.slug} (default/none)` : c.slug))
                .join(' | '),
              evidence: g.inference.evidence.join('; '),
            }
          : {}),
      })),
      context.format,
    ),
  );
  return 0;
}

export async function runDriftCommand(context: CommandContext): Promise<number> {
  const teamId = requireFlag(context, 'team');
  const report = await unwrap(context.api.drift.team({ teamId }));
  if (context.format === 'json') {
    context.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  context.io.stdout(
    renderRows(
      report.findings.map((f) => ({
        kind: f.kind,
        joined_by: f.joinedBy,
        gem_email: f.gem?.email,
        directory_email: f.directory?.email,
        gem_role: f.gem?.role_slug,
        directory_role: f.directory?.role_slug,
        expected_gem_role: f.expectedRoleSlug,
        gem_status: f.gem?.status,
        directory_state: f.directory?.state,
      })),
      context.format,
    ),
  );
  return 0;
}

export async function runRequestsCommand(context: CommandContext): Promise<number> {
  const rows = await allRows((offset) => unwrap(context.api.requests.list({ offset, limit: PAGE })));
  context.io.stdout(
    renderRows(
      rows.map((r) => ({
        team: r.teamName,
        role: r.roleName,
        slug: r.roleSlug,
        status: r.status,
        claimed_by: r.claimedBy,
        workos_role: r.expectedWorkosRoleSlug,
        age_business_days: r.ageBusinessDays,
        overdue: r.overdue,
        csm: r.csmEmail,
      })),
      context.format,
    ),
  );
  return 0;
}
