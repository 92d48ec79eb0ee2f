/**
 * The store compares timestamps as text (upsertIfNewer, `updated_after` watermarks), so every timestamp the sync
 * writes has one form: ISO-8601 UTC with milliseconds (`2026-01-15T12:00:00.000Z`). WorkOS once sent `+0000`
 * offsets and Gem may send seconds only; both become that form here.
 */
export function normaliseIso(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

export function normaliseIsoOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : normaliseIso(value);
}
