/**
 * The profile's Events API position, in sync_state under `events.cursor`:
 * `{id, at}` — `id` the last event applied (null before the first one: then `at` is the baseline the next poll
 * starts from with `range_start`), `at` the time of that event or baseline. `at` older than the event retention
 * means events may be gone: the incremental sync falls back to full syncs.
 */
import { z } from 'zod';
import type { Store } from '../store';
import { EVENTS_CURSOR_KEY } from './apply-event';

const cursorSchema = z.object({ id: z.string().nullable(), at: z.string() });
export type EventsCursor = z.infer<typeof cursorSchema>;

/** How far before "now" a baseline starts, so events that were in flight while a full sync listed are replayed. */
export const BASELINE_MARGIN_MS = 5 * 60 * 1000;

export function readEventsCursor(store: Store): EventsCursor | null {
  const text = store.syncState.get(EVENTS_CURSOR_KEY);
  if (text === null) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeEventsCursor(store: Store, cursor: EventsCursor): void {
  store.syncState.set(EVENTS_CURSOR_KEY, JSON.stringify(cursor));
}

/** Sets a baseline (`range_start` = now − margin) unless the profile already has a cursor. */
export function ensureEventsBaseline(store: Store, wallNowMs: number): void {
  if (readEventsCursor(store) !== null) return;
  writeEventsCursor(store, { id: null, at: new Date(wallNowMs - BASELINE_MARGIN_MS).toISOString() });
}

export function resetEventsBaseline(store: Store, wallNowMs: number): void {
  writeEventsCursor(store, { id: null, at: new Date(wallNowMs - BASELINE_MARGIN_MS).toISOString() });
}
