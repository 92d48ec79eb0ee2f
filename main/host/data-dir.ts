/**
 * Where the console keeps its data when no `--data-dir` / `GEM_SCIM_DATA_DIR` is given: the platform's usual
 * per-user application-data folder (Electron's `userData` resolves to the same place).
 */
import os from 'node:os';
import path from 'node:path';
import { resolveDataDir as resolveWithDefault } from '../core/profiles/data-dir';

export const APP_FOLDER_NAME = 'Gem SCIM Console';

export function platformDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  if (platform === 'win32')
    return path.join(env['APPDATA'] ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(os.homedir(), '.config'), APP_FOLDER_NAME);
}

/** `--data-dir` wins, then `GEM_SCIM_DATA_DIR`, then the platform default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolveWithDefault({
    ...(flag === undefined ? {} : { flag }),
    env,
    platformDefault: platformDataDir(env),
  });
}
