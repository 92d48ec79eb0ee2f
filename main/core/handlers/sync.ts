/** Syncs on demand, their cancellation and alarms, and the record of every run. */
import type { CoreContext } from '../core';
import type { Handlers } from '../dispatcher';

export function syncHandlers(context: CoreContext): Handlers['sync'] {
  const sync = () => context.session().sync();
  return {
    full: async ({ teamId, scope, confirmMassChange }) => {
      const { scheduler } = await sync();
      const target = teamId !== undefined ? { teamId } : { scope: scope ?? 'requests' };
      return scheduler.runFull(target, { confirmMassChange });
    },
    incremental: async () => {
      const { engine, scheduler } = await sync();
      // A scheduled run already going is joined rather than doubled.
      return (await scheduler.tick()) ?? engine.runIncremental();
    },
    cancel: async ({ runId }) => ({ cancelled: (await sync()).scheduler.cancel(runId) }),
    confirmAlarm: async ({ alarmId }) => {
      const summary = await (await sync()).engine.confirmAlarm(alarmId);
      context.events.sync.finished(summary);
      return summary;
    },
    runs: async ({ offset, limit, teamId }) =>
      context
        .session()
        .requireStore()
        .syncRuns.list(teamId === undefined ? {} : { teamId }, {
          offset,
          limit,
          sort: 'started_at',
          direction: 'desc',
        }),
  };
}
