/**
 * The Electron main process: a thin shell around the core worker. It owns windows, IPC routing and OS
 * integration; everything else is in main/core, shared with the web host and the CLI.
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { resolveDataDir } from '../host/data-dir';
import { bundleDir, startCoreFromBundle } from '../host/start-core';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { installGuards } from './guards';
import { registerIpc } from './ipc';
import { showOsNotifications } from './os-notifications';
import { createConsoleWindow } from './window';

const here = bundleDir(import.meta.url);
const preloadFile = path.join(here, '..', 'preload', 'index.cjs');
const rendererDir = path.join(here, '..', 'renderer');

app.enableSandbox();
registerAppScheme();

// One process owns the database: a second launch focuses the first window and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(async () => {
    installGuards();
    serveRenderer(rendererDir);
    const flag = process.argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);
    const dataDir = flag || process.env['GEM_SCIM_DATA_DIR'] ? resolveDataDir(flag) : app.getPath('userData');
    const core = await startCoreFromBundle(import.meta.url, { host: 'electron', dataDir });
    const unregister = registerIpc(core);
    const stopNotifications = showOsNotifications(core);
    createConsoleWindow(preloadFile);

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createConsoleWindow(preloadFile);
    });
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    app.on('will-quit', (event) => {
      event.preventDefault();
      unregister();
      stopNotifications();
      void core.close().finally(() => app.exit(0));
    });
  });
}
