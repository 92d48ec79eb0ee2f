/**
 * The application core: what the worker thread runs. It owns the store, the secrets and the API clients, and
 * answers calls through the dispatcher. It has no idea which host (Electron, web, CLI) is talking to it.
 */
import type { EventName } from '../../preload/api';
import { createDispatcher } from './dispatcher';
import type { Dispatch } from './dispatcher';
import { buildEmitters } from './emitters';
import type { Emitters } from './emitters';
import { createHandlers } from './handlers';
import type { CoreWorkerData } from './protocol';

export type Emit = (name: EventName, payload: unknown) => void;

export interface CoreContext {
  config: CoreWorkerData;
  startedAt: Date;
  events: Emitters;
  log: (message: string) => void;
}

export interface Core {
  dispatch: Dispatch;
  close(): Promise<void>;
}

export async function createCore(
  config: CoreWorkerData,
  emit: Emit,
  log: (message: string) => void,
): Promise<Core> {
  const context: CoreContext = { config, startedAt: new Date(), events: buildEmitters(emit), log };
  const dispatch = createDispatcher(createHandlers(context), { log });
  const heartbeat =
    config.heartbeatMs > 0
      ? setInterval(() => {
          context.events.app.heartbeat({
            at: new Date().toISOString(),
            uptimeMs: Date.now() - context.startedAt.getTime(),
          });
        }, config.heartbeatMs)
      : undefined;
  heartbeat?.unref();
  return {
    dispatch,
    async close() {
      if (heartbeat) clearInterval(heartbeat);
    },
  };
}
