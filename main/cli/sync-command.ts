/**
 * `gem-scim sync [--team T | --scope requests|pinned] [--full] [--confirm-mass-change]`: progress on stderr, the
 * JSON summary on stdout. With a team or scope it runs a full sync of it; without one, an incremental sync
 * (`--full` alone: a full sync of the pinned teams).
 */
import type { SyncProgress, SyncSummary } from '../../preload/api';
import type { CommandContext } from './context';
import { stringFlag, unwrap, UsageError } from './context';

function describeProgress(p: SyncProgress): string {
  const eta = p.etaSeconds === null ? '' : `, ~${Math.ceil(p.etaSeconds)} s left`;
  return `[run ${p.runId}${p.teamId ? ` ${p.teamId}` : ''}] ${p.phase}: ${p.pages} pages, ${p.items} items, ${p.rate.toFixed(0)}/s${eta}\n`;
}

export async function runSyncCommand(context: CommandContext): Promise<number> {
  const teamId = stringFlag(context, 'team');
  const scope = stringFlag(context, 'scope');
  if (teamId !== undefined && scope !== undefined) throw new UsageError('give --team or --scope, not both');
  if (scope !== undefined && scope !== 'requests' && scope !== 'pinned') {
    throw new UsageError('--scope must be requests or pinned');
  }
  const full = context.flags['full'] === true || teamId !== undefined || scope !== undefined;
  const confirmMassChange = context.flags['confirm-mass-change'] === true;
  const stop = context.api.on.sync.progress((progress) => context.io.stderr(describeProgress(progress)));
  let summary: SyncSummary;
  try {
    summary = full
      ? await unwrap(
          context.api.sync.full(
            teamId !== undefined
              ? { teamId, confirmMassChange }
              : { scope: scope === 'requests' ? 'requests' : 'pinned', confirmMassChange },
          ),
        )
      : await unwrap(context.api.sync.incremental({}));
  } finally {
    stop();
  }
  context.io.stdout(`${JSON.stringify(summary)}\n`);
  if (summary.outcome === 'alarm' && summary.alarm) {
    const { wouldRemove, total, share, teamId: alarmTeam } = summary.alarm;
    context.io.stderr(
      `Mass-change alarm: this sync would remove or deactivate ${wouldRemove} of ${total} (${(share * 100).toFixed(0)}%) in ${alarmTeam}. ` +
        `Nothing was dropped. Re-run with --confirm-mass-change to accept.\n`,
    );
    return 1;
  }
  if (summary.outcome !== 'ok') {
    context.io.stderr(`sync ${summary.outcome}: ${summary.error?.message ?? 'no details'}\n`);
    return 1;
  }
  return 0;
}
