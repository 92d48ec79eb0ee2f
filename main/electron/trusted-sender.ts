/**
 * The sender check of every IPC call (design §3): the frame must exist, be the window's top frame, and show our
 * own UI origin. Pure so it is unit-tested; main/electron/ipc.ts feeds it Electron's frame facts.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface SenderFacts {
  frameUrl: string | null;
  isTopFrame: boolean;
}

export function isTrustedSender(facts: SenderFacts): boolean {
  if (facts.frameUrl === null || !facts.isTopFrame) return false;
  try {
    const url = new URL(facts.frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
