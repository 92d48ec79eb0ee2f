/**
 * Runs in the browser page served by the web host, before the app: provides `window.gemConsole` over the
 * host's WebSocket bridge, built from the same contract as the Electron preload. Reconnects when the socket
 * drops; calls made while disconnected wait for the connection (and fail as `offline` after a while).
 */
import type { CallName, EventName, GemConsoleApi, Result } from '../../../preload/api';
import { isEventName } from '../../../preload/api';
import { buildGemConsole } from '../../../preload/bridge';

declare global {
  interface Window {
    gemConsole: GemConsoleApi;
  }
}

const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
const bridgeUrl = `${window.location.origin.replace(/^http/, 'ws')}/bridge?token=${encodeURIComponent(token)}`;

const pending = new Map<number, (result: Result<unknown>) => void>();
const listeners = new Set<(name: EventName, payload: unknown) => void>();
let nextId = 1;
let socket: WebSocket | null = null;
let open: Promise<WebSocket> | null = null;

function offline(message: string): Result<unknown> {
  return { ok: false, error: { code: 'offline', message, retryable: true } };
}

function connect(): Promise<WebSocket> {
  if (open) return open;
  open = new Promise((resolve, reject) => {
    const ws = new WebSocket(bridgeUrl);
    ws.addEventListener('open', () => {
      socket = ws;
      resolve(ws);
    });
    ws.addEventListener('message', (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as {
        id?: number | null;
        result?: Result<unknown>;
        event?: string;
        payload?: unknown;
      };
      if (typeof message.id === 'number' && message.result) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (isEventName(message.event)) {
        for (const listener of listeners) listener(message.event, message.payload);
      }
    });
    ws.addEventListener('close', () => {
      socket = null;
      open = null;
      for (const resolvePending of pending.values())
        resolvePending(offline('The connection to the console core was lost.'));
      pending.clear();
      reject(new Error('closed'));
      // Try again shortly: the host may be restarting.
      setTimeout(() => void connect().catch(() => undefined), 1000);
    });
  });
  return open;
}

window.gemConsole = buildGemConsole({
  async invoke(name: CallName, input: unknown) {
    let ws: WebSocket;
    try {
      ws = socket ?? (await connect());
    } catch {
      return offline('The console core is not reachable.');
    }
    const id = nextId++;
    // No timeout: a full sync may take minutes. A lost connection settles every pending call as `offline`.
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, name, input }));
    });
  },
  subscribe(listener) {
    listeners.add(listener);
    void connect().catch(() => undefined);
    return () => listeners.delete(listener);
  },
});
void connect().catch(() => undefined);
