/**
 * The Gem half of a team's full sync: roles (one call), then members page by page. Each page is written with the
 * track's next checkpoint in one transaction, so a rerun continues after the last written page.
 */
import { isAppError } from '../errors';
import { countActiveMembers } from './cache-queries';
import { checkpoint, type GemTrack } from './checkpoints';
import { GEM_PAGE_SIZE, type EngineDeps } from './engine-deps';
import type { RunContext } from './run-context';
import { gemRoleRow, memberRow } from './to-store-rows';

export async function runGemTrack(
  deps: EngineDeps,
  ctx: RunContext,
  teamId: string,
  start: GemTrack,
): Promise<GemTrack> {
  const { store, gem } = deps;
  const runId = ctx.info.runId;
  let track = start;
  while (track.phase !== 'sweep') {
    if (track.phase === 'gem_roles') {
      ctx.setPhase('gem_roles');
      const roles = await ctx.call(() => gem.listRoles(teamId));
      const next: GemTrack = {
        ...track,
        phase: 'gem_members',
        cursor: null,
        pages: track.pages + 1,
        items: track.items + roles.length,
      };
      store.gemRoles.writePage(
        roles.map((role) => gemRoleRow(teamId, role)),
        checkpoint(runId, 'gem', next),
      );
      ctx.wrote(1, roles.length);
      track = next;
      continue;
    }
    ctx.setPhase('gem_members');
    const cursor = track.cursor;
    let page;
    try {
      page = await ctx.call(() =>
        gem.listMembers(teamId, { limit: GEM_PAGE_SIZE, ...(cursor === null ? {} : { cursor }) }),
      );
    } catch (error) {
      // A stored cursor Gem no longer accepts (e.g. Gem restarted with a new cursor key): restart the member list.
      if (cursor !== null && isAppError(error) && error.code === 'invalid_input') {
        deps.log.warn(`Gem refused the stored member cursor of team ${teamId}; listing members again.`);
        track = { ...track, cursor: null };
        continue;
      }
      throw error;
    }
    const rows = page.data.map(memberRow);
    const deactivatedIds = rows.filter((m) => m.status !== 'active').map((m) => m.id);
    const base = track;
    track = store.transaction(() => {
      const next: GemTrack = {
        ...base,
        phase: page.next_cursor === null ? 'sweep' : 'gem_members',
        cursor: page.next_cursor,
        deactivated: base.deactivated + countActiveMembers(store, deactivatedIds),
        pages: base.pages + 1,
        items: base.items + rows.length,
      };
      store.members.writePage(rows, checkpoint(runId, 'gem', next));
      return next;
    });
    ctx.wrote(1, rows.length);
  }
  return track;
}
