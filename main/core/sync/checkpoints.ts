/**
 * Where an interrupted full sync of a team resumes. Kept in `sync_state`, written in the same transaction as each
 * page (PageCheckpoint), so the cache and the checkpoint never disagree:
 * - `resume:team:<teamId>` → the run id (= generation) to continue; set when the run starts, removed by the sweep;
 * - `checkpoint:<runId>:gem` / `checkpoint:<runId>:workos` → each track's phase, cursor and counters.
 */
import { z } from 'zod';
import type { PageCheckpoint, Store } from '../store';

export const gemTrackSchema = z.object({
  phase: z.enum(['gem_roles', 'gem_members', 'sweep']),
  cursor: z.string().nullable(),
  /** Members this run saw turn from active to deactivated (for the mass-change alarm). */
  deactivated: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  items: z.number().int().nonnegative(),
});
export type GemTrack = z.infer<typeof gemTrackSchema>;

export const workosTrackSchema = z.object({
  phase: z.enum(['directories', 'groups', 'users', 'org_roles', 'connections', 'sweep']),
  cursor: z.string().nullable(),
  /** The team's directories as listed by this run; groups and users walk them in order. */
  directoryIds: z.array(z.string()),
  directoryIndex: z.number().int().nonnegative(),
  /** Directory users this run saw turn inactive. */
  deactivated: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  items: z.number().int().nonnegative(),
});
export type WorkosTrack = z.infer<typeof workosTrackSchema>;

export function resumeKey(teamId: string): string {
  return `resume:team:${teamId}`;
}

export function trackKey(runId: number, track: 'gem' | 'workos'): string {
  return `checkpoint:${runId}:${track}`;
}

export function checkpoint(
  runId: number,
  track: 'gem' | 'workos',
  value: GemTrack | WorkosTrack,
): PageCheckpoint {
  return { generation: runId, key: trackKey(runId, track), value: JSON.stringify(value) };
}

function read<T>(store: Store, key: string, schema: z.ZodType<T>): T | null {
  const text = store.syncState.get(key);
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function readGemTrack(store: Store, runId: number): GemTrack | null {
  return read(store, trackKey(runId, 'gem'), gemTrackSchema);
}

export function readWorkosTrack(store: Store, runId: number): WorkosTrack | null {
  return read(store, trackKey(runId, 'workos'), workosTrackSchema);
}

/** The run to continue for a team, if an earlier one stopped before its sweep. */
export function resumableRunId(store: Store, teamId: string): number | null {
  const text = store.syncState.get(resumeKey(teamId));
  if (text === null) return null;
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const run = store.syncRuns.get(id);
  return run === null || run.outcome === 'succeeded' ? null : id;
}

export function clearRunCheckpoints(store: Store, teamId: string, runId: number): void {
  store.syncState.delete(resumeKey(teamId));
  store.syncState.deleteByPrefix(`checkpoint:${runId}:`);
}
