/**
 * Builds `window.gemConsole` from the contract over any transport (Electron IPC in preload/index.ts, a WebSocket in
 * the web host's browser adapter). Pure: no Electron, no Node, no DOM.
 */
import { callNames, eventNames, splitName } from './api';
import type { CallName, EventName, GemConsoleApi, Result } from './api';

export interface BridgeTransport {
  invoke(name: CallName, input: unknown): Promise<Result<unknown>>;
  /** Registers one listener for every push event; returns the function that removes it. */
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

export function buildGemConsole(transport: BridgeTransport): GemConsoleApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of callNames) {
    const [ns, member] = splitName(name);
    const group = (api[ns] ??= {});
    group[member] = (input: unknown) => transport.invoke(name, input);
  }
  const on: Record<string, Record<string, unknown>> = {};
  for (const name of eventNames) {
    const [ns, member] = splitName(name);
    const group = (on[ns] ??= {});
    group[member] = (listener: (payload: unknown) => void) =>
      transport.subscribe((eventName, payload) => {
        if (eventName === name) listener(payload);
      });
  }
  api['on'] = on;
  // The object is assembled from the same keys the type is derived from.
  return api as unknown as GemConsoleApi;
}
