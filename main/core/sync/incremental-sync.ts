/**
 * Incremental sync (design §6): WorkOS events since the profile's cursor, applied in order, one transaction per
 * page together with the new cursor; the organization roles of organizations that had role events; then Gem (team,
 * roles, members `updated_after` the newest cached member) for every fully synced team; then the inference of the
 * teams that changed. A cursor older than the retention, or one WorkOS refuses, falls back to full syncs.
 */
import type { GemMember, GemPage } from '../gem/schemas';
import { isAppError } from '../errors';
import { applyEvent, noEffects, SYNC_EVENT_FILTER, type EventEffects } from './apply-event';
import { fullySyncedTeamIds } from './cache-queries';
import { membersUpdatedAfter, recordMembersListed } from './gem-members-since';
import { refreshTeamInference } from './directory-inference';
import { GEM_PAGE_SIZE, WORKOS_PAGE_SIZE, type EngineDeps } from './engine-deps';
import { readEventsCursor, resetEventsBaseline, writeEventsCursor, type EventsCursor } from './events-cursor';
import { normaliseIso } from './iso-time';
import { observeMappedRoles } from './observe-mapped';
import { isCancellation, RunContext, toSyncError } from './run-context';
import { gemRoleRow, memberRow, teamRow, workosRoleRow } from './to-store-rows';
import type { SyncSummary } from './types';

export type FullSyncOfTeam = (teamId: string) => Promise<SyncSummary>;

class CursorExpired extends Error {}

export async function syncIncremental(
  deps: EngineDeps,
  options: { signal: AbortSignal },
  fullSyncOfTeam: FullSyncOfTeam,
  onRunStarted?: (runId: number) => void,
): Promise<SyncSummary> {
  const { store } = deps;
  const runId = store.syncRuns.start({ scope: 'incremental', kind: 'incremental' }).id;
  onRunStarted?.(runId);
  const ctx = new RunContext(
    { runId, scope: 'incremental', kind: 'incremental', teamId: null },
    { emit: deps.emit, monotonicNow: deps.monotonicNow, signal: options.signal },
  );
  const teamIds = fullySyncedTeamIds(store);
  const summary = (outcome: SyncSummary['outcome'], extra: Partial<SyncSummary> = {}): SyncSummary => ({
    runId,
    scope: 'incremental',
    kind: 'incremental',
    teamId: null,
    outcome,
    counts: ctx.counts(),
    ...extra,
  });
  const finish = (result: SyncSummary): SyncSummary => {
    store.syncRuns.finish(runId, {
      outcome: result.outcome === 'ok' ? 'succeeded' : result.outcome === 'alarm' ? 'failed' : result.outcome,
      counts: { ...result.counts, ...(result.fellBackToFull === true ? { fellBackToFull: true } : {}) },
      error:
        result.error?.message ??
        (result.outcome === 'alarm' ? 'A full sync raised the mass-change alarm.' : null),
    });
    return result;
  };

  try {
    const effects = noEffects();
    let cursor = readEventsCursor(store);
    const startedAt = deps.wallNow();
    if (cursor === null && teamIds.length === 0) {
      // Nothing synced yet: start the event stream here; full syncs will fill the cache.
      resetEventsBaseline(store, startedAt);
      return finish(summary('ok'));
    }
    try {
      // No cursor although teams are cached (lost or damaged state): the events in between are unknown.
      if (cursor === null) throw new CursorExpired();
      if (startedAt - Date.parse(cursor.at) > deps.eventRetentionMs) throw new CursorExpired();
      cursor = await applyEvents(deps, ctx, cursor, new Set(teamIds), effects);
    } catch (error) {
      if (!(error instanceof CursorExpired)) throw error;
      return finish(await fallBackToFull(deps, ctx, teamIds, startedAt, fullSyncOfTeam, summary));
    }
    ctx.removed += effects.removed;

    await refreshOrganizationRoles(deps, ctx, effects);
    ctx.setPhase('gem_refresh');
    for (const teamId of teamIds) {
      if (await refreshGemTeam(deps, ctx, teamId)) effects.teams.add(teamId);
    }
    ctx.setPhase('inference');
    for (const teamId of effects.teams) {
      refreshTeamInference(store, teamId);
      observeMappedRoles(store, teamId);
    }
    ctx.setPhase('done');
    return finish(summary('ok'));
  } catch (error) {
    const cancelled = isCancellation(error);
    const syncError = cancelled ? undefined : toSyncError(error);
    return finish(
      summary(cancelled ? 'cancelled' : 'failed', syncError === undefined ? {} : { error: syncError }),
    );
  }
}

async function applyEvents(
  deps: EngineDeps,
  ctx: RunContext,
  start: EventsCursor,
  teamIds: ReadonlySet<string>,
  effects: EventEffects,
): Promise<EventsCursor> {
  const { store, workos } = deps;
  ctx.setPhase('events');
  let cursor = start;
  for (;;) {
    const position = cursor;
    let page;
    try {
      page = await ctx.call(() =>
        workos.listEventsPage({
          events: SYNC_EVENT_FILTER,
          limit: WORKOS_PAGE_SIZE,
          ...(position.id === null ? { rangeStart: position.at } : { after: position.id }),
        }),
      );
    } catch (error) {
      // WorkOS refusing the cursor itself (4xx on `after`) means the position is lost: start over from full data.
      if (isAppError(error) && (error.code === 'invalid_input' || error.code === 'not_found')) {
        deps.log.warn(`WorkOS refused the events cursor (${error.message}); falling back to a full sync.`);
        throw new CursorExpired();
      }
      throw error;
    }
    const ids = [...page.events.map((e) => e.id), ...page.skipped.map((s) => s.id)].filter(
      (id): id is string => id !== null,
    );
    if (page.events.length + page.skipped.length === 0) return cursor;
    const last = page.events[page.events.length - 1];
    // Skipped events (unreadable) still move the cursor. Event ids grow with time (WorkOS ids are ULIDs), so the
    // page's largest id is its last position.
    const lastId = ids.sort().at(-1) ?? cursor.id;
    const next: EventsCursor = {
      id: lastId,
      at: last === undefined ? cursor.at : normaliseIso(last.createdAt),
    };
    store.transaction(() => {
      for (const event of page.events) applyEvent(store, event, ctx.info.runId, { teamIds }, effects);
      writeEventsCursor(store, next);
    });
    for (const skipped of page.skipped) {
      deps.log.warn(`WorkOS event ${skipped.id ?? '?'} (${skipped.event ?? '?'}) skipped: ${skipped.reason}`);
    }
    ctx.wrote(1, page.events.length);
    cursor = next;
    if (page.after === null) return cursor;
  }
}

/** Re-lists the roles (with their priority order) of organizations that had organization_role.* events. */
async function refreshOrganizationRoles(
  deps: EngineDeps,
  ctx: RunContext,
  effects: EventEffects,
): Promise<void> {
  const { store, workos } = deps;
  for (const organizationId of effects.organizationsWithRoleChanges) {
    const roles = await ctx.call(() => workos.listOrganizationRoles(organizationId));
    const runId = ctx.info.runId;
    store.transaction(() => {
      store.workosRoles.writePage(
        roles.map((role) => workosRoleRow(organizationId, role)),
        { generation: runId, key: `checkpoint:${runId}:roles`, value: null },
      );
      ctx.removed += store.workosRoles.sweepUnseen({ organizationId }, runId);
    });
    ctx.wrote(1, roles.length);
  }
}

/** Gem's side of one team: the team, its roles (complete list) and the members changed since the watermark. */
async function refreshGemTeam(deps: EngineDeps, ctx: RunContext, teamId: string): Promise<boolean> {
  const { store, gem } = deps;
  const runId = ctx.info.runId;
  const team = teamRow(await ctx.call(() => gem.getTeam(teamId)));
  const roles = await ctx.call(() => gem.listRoles(teamId));
  let changed = false;
  store.transaction(() => {
    const before = store.teams.get(teamId);
    store.teams.upsert(team, runId);
    changed ||= before === null || before.updatedAt !== team.updatedAt;
    store.gemRoles.writePage(
      roles.map((role) => gemRoleRow(teamId, role)),
      { generation: runId, key: `checkpoint:${runId}:gem`, value: null },
    );
    const removed = store.gemRoles.sweepUnseen({ teamId }, runId);
    ctx.removed += removed;
  });
  ctx.wrote(2, 1 + roles.length);

  const listingStartedAt = deps.wallNow();
  const updatedAfter = membersUpdatedAfter(store, teamId);
  let cursor: string | null = null;
  do {
    const after: string | null = cursor;
    const page: GemPage<GemMember> = await ctx.call(() =>
      gem.listMembers(teamId, {
        limit: GEM_PAGE_SIZE,
        ...(updatedAfter === undefined ? {} : { updatedAfter }),
        ...(after === null ? {} : { cursor: after }),
      }),
    );
    let written = 0;
    store.transaction(() => {
      for (const member of page.data) if (store.members.upsertIfNewer(memberRow(member), runId)) written += 1;
    });
    changed ||= written > 0;
    ctx.wrote(1, written);
    cursor = page.next_cursor;
  } while (cursor !== null);
  recordMembersListed(store, teamId, listingStartedAt);
  return changed;
}

/** The cursor cannot be trusted: full syncs of every fully synced team, then a new baseline from before they began. */
async function fallBackToFull(
  deps: EngineDeps,
  ctx: RunContext,
  teamIds: readonly string[],
  startedAt: number,
  fullSyncOfTeam: FullSyncOfTeam,
  summary: (outcome: SyncSummary['outcome'], extra?: Partial<SyncSummary>) => SyncSummary,
): Promise<SyncSummary> {
  deps.log.warn('The WorkOS events cursor is older than the event retention; running full syncs instead.');
  const teams: SyncSummary[] = [];
  for (const teamId of teamIds) {
    ctx.throwIfCancelled();
    teams.push(await fullSyncOfTeam(teamId));
  }
  const worst = teams.find((t) => t.outcome !== 'ok');
  if (worst === undefined) resetEventsBaseline(deps.store, startedAt);
  return summary(worst?.outcome ?? 'ok', {
    teams,
    fellBackToFull: true,
    ...(worst?.error === undefined ? {} : { error: worst.error }),
    ...(worst?.alarm === undefined ? {} : { alarm: worst.alarm }),
  });
}
