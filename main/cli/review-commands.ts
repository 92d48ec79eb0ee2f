/**
 * `gem-scim review approve|flag --team T --group G [--note N]` and `gem-scim review export --team T`: the admin
 * reviewer's verdicts on inferred mappings, recorded locally (offline) and exported (CSV, or JSON with --format json).
 */
import type { CommandContext } from './context';
import { requireFlag, stringFlag, unwrap, UsageError } from './context';
import { renderRows } from './output';

export async function runReviewCommand(context: CommandContext): Promise<number> {
  const [, action] = context.positionals;
  const teamId = requireFlag(context, 'team');
  switch (action) {
    case 'approve':
    case 'flag': {
      const review = await unwrap(
        context.api.reviews.record({
          teamId,
          groupId: requireFlag(context, 'group'),
          verdict: action,
          note: stringFlag(context, 'note') ?? null,
        }),
      );
      context.io.stdout(renderRows([review], context.format));
      return 0;
    }
    case 'export': {
      const file = await unwrap(
        context.api.reviews.export({ teamId, format: context.format === 'json' ? 'json' : 'csv' }),
      );
      context.io.stdout(file.content);
      return 0;
    }
    default:
      throw new UsageError(`Unknown review action: ${action ?? '(none)'}`);
  }
}
