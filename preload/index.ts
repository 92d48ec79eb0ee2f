/**
 * The Electron preload: exposes `window.gemConsole`, built from the contract, over two IPC channels.
 * Runs sandboxed with context isolation; only `electron` may be required here, everything else is bundled.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, isEventName } from './api';
import type { Result } from './api';
import { buildGemConsole } from './bridge';

const gemConsole = buildGemConsole({
  invoke: (name, input) => ipcRenderer.invoke(IPC_CALL_CHANNEL, { name, input }) as Promise<Result<unknown>>,
  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, message: { name?: unknown; payload?: unknown }): void => {
      if (isEventName(message.name)) listener(message.name, message.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.off(IPC_EVENT_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld('gemConsole', gemConsole);
