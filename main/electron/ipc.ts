/**
 * The one IPC wrapper: checks the sender frame, validates the call against the contract, forwards it to the core
 * and returns its Result. Push events from the core go to every window on one channel.
 */
import { BrowserWindow, ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../preload/api';
import type { Result } from '../../preload/api';
import { parseCallRequest } from '../host/call-request';
import type { CoreClient } from '../host/core-client';
import { isTrustedSender } from './trusted-sender';

function senderFacts(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame;
  return {
    frameUrl: frame ? frame.url : null,
    isTopFrame: frame !== null && frame === event.sender.mainFrame,
  };
}

export function registerIpc(core: CoreClient): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, raw: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(senderFacts(event))) {
      return {
        ok: false,
        error: {
          code: 'unauthorized',
          message: 'Calls are accepted only from the console window.',
          retryable: false,
        },
      };
    }
    const request = parseCallRequest(raw);
    if (!request.ok) return request;
    return core.call(request.name, request.input);
  });
  const unsubscribe = core.onEvent((name, payload) => {
    for (const window of BrowserWindow.getAllWindows())
      window.webContents.send(IPC_EVENT_CHANNEL, { name, payload });
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    unsubscribe();
  };
}
