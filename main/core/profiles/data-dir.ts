import path from 'node:path';
import { AppError } from '../errors';

/**
 * Where the console keeps profiles.json and the per-profile databases: `--data-dir` first, then the
 * GEM_SCIM_DATA_DIR environment variable, then the platform default (Electron's userData, or the CLI's equivalent).
 * The result is absolute, so a later chdir cannot move it.
 */
export function resolveDataDir(options: {
  flag?: string;
  env?: NodeJS.ProcessEnv;
  platformDefault: string;
}): string {
  const fromFlag = options.flag?.trim();
  if (fromFlag) return path.resolve(fromFlag);
  const fromEnv = options.env?.GEM_SCIM_DATA_DIR?.trim();
  if (fromEnv) return path.resolve(fromEnv);
  const fallback = options.platformDefault.trim();
  if (!fallback) {
    throw new AppError('invalid_input', 'No data folder: pass --data-dir or set GEM_SCIM_DATA_DIR.');
  }
  return path.resolve(fallback);
}
