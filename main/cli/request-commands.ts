/**
 * `gem-scim requests [claim|release|complete] --team T --role R` and `gem-scim audit [--team T]`: the engineer's
 * side of the custom-role workflow, acting as the profile's Gem staff member.
 */
import type { CommandContext } from './context';
import { requireFlag, stringFlag, unwrap, UsageError } from './context';
import { renderRows } from './output';
import { runRequestsCommand } from './report-commands';

export async function runRequestActionCommand(context: CommandContext): Promise<number> {
  const [, action] = context.positionals;
  if (action === undefined) return runRequestsCommand(context);
  const key = { teamId: requireFlag(context, 'team'), roleSlug: requireFlag(context, 'role') };
  switch (action) {
    case 'claim':
    case 'release': {
      const call = action === 'claim' ? context.api.requests.claim : context.api.requests.release;
      const status = await unwrap(call(key));
      context.io.stdout(renderRows([{ team: key.teamId, role: key.roleSlug, ...status }], context.format));
      return 0;
    }
    case 'complete': {
      const done = await unwrap(context.api.requests.complete(key));
      context.io.stdout(renderRows([{ team: key.teamId, role: key.roleSlug, ...done }], context.format));
      if (done.warning) context.io.stderr(`warning: ${done.warning}\n`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown requests action: ${action}`);
  }
}

export async function runAuditCommand(context: CommandContext): Promise<number> {
  const teamId = stringFlag(context, 'team');
  const page = await unwrap(context.api.audit.list({ offset: 0, limit: 500, ...(teamId ? { teamId } : {}) }));
  context.io.stdout(
    renderRows(
      page.rows.map((e) => ({
        at: e.createdAt,
        actor: e.actor,
        action: e.action,
        team: e.teamId,
        subject: e.subject,
        details: e.details,
      })),
      context.format,
    ),
  );
  return 0;
}
