/**
 * Opens the console in a Chromium app window when a display is available; otherwise says why not, so the user
 * can open the printed URL themselves.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env['GEM_SCIM_BROWSER'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

export function openInBrowser(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
): { opened: boolean; message: string } {
  if (process.platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY']) {
    return { opened: false, message: `No display is available; open this URL in a browser: ${url}` };
  }
  const browser = findChromium(env);
  if (!browser) return { opened: false, message: `No Chromium found; open this URL in a browser: ${url}` };
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'gem-scim-browser-'));
  const child = spawn(
    browser,
    [
      `--app=${url}`,
      `--user-data-dir=${profileDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
    ],
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  return { opened: true, message: `Opened the console in ${path.basename(browser)} (app window).` };
}
