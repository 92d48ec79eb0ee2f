/**
 * App-wide guards (design §3): no navigation away from the UI, no new windows (allowlisted https links go to the
 * OS browser instead), no webviews, and every permission request denied.
 */
import { app, session, shell } from 'electron';
import { isAllowedExternalUrl } from './external-links';
import { APP_ORIGIN } from './trusted-sender';

export function installGuards(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
