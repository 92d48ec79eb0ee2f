import fs from 'node:fs';

/** The side files SQLite keeps next to a WAL-mode database. */
export const SIDE_FILE_SUFFIXES = ['-wal', '-shm'] as const;

/** A file-name-safe UTC timestamp, e.g. 20260115T120000123Z. */
export function fileTimestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

/** `base`, or `base-2`, `base-3`, … : the first name not taken, so nothing is ever overwritten. */
export function freeFileName(base: string): string {
  let candidate = base;
  for (let n = 2; fs.existsSync(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

export function nonEmptyFileExists(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}
