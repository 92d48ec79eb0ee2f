/**
 * Turns the core's new-notification push events into OS notifications (design §8: engineers hear about new
 * custom-role requests, CSMs about theirs becoming ready to map and mapped). Clicking one focuses the console.
 */
import { BrowserWindow, Notification } from 'electron';
import { buildGemConsole } from '../../preload/bridge';
import type { CoreClient } from '../host/core-client';

export function showOsNotifications(core: CoreClient): () => void {
  const api = buildGemConsole({ invoke: core.call, subscribe: core.onEvent });
  return api.on.notifications.new((notification) => {
    if (!Notification.isSupported()) return;
    const shown = new Notification({ title: notification.title, body: notification.body, silent: false });
    shown.on('click', () => {
      const [window] = BrowserWindow.getAllWindows();
      if (window) {
        if (window.isMinimized()) window.restore();
        window.focus();
      }
      void api.notifications.markRead({ id: notification.id });
    });
    shown.show();
  });
}
