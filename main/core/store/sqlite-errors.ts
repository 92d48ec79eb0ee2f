/**
 * Recognises the SQLite errors that mean "this file is not a usable database" (as opposed to a locked file, a full
 * disk or a bug in our SQL). Only these make the store move the file aside and start a fresh cache.
 */
const CORRUPTION_CODES = ['SQLITE_NOTADB', 'SQLITE_CORRUPT'];

export function sqliteErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code: unknown = error.code;
  return typeof code === 'string' ? code : null;
}

export function isCorruptionError(error: unknown): boolean {
  const code = sqliteErrorCode(error);
  // Extended codes (SQLITE_CORRUPT_VTAB, SQLITE_CORRUPT_INDEX, …) share the prefix.
  return code !== null && CORRUPTION_CODES.some((prefix) => code.startsWith(prefix));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
