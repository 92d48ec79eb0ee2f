/**
 * The web host: serves the built renderer and a WebSocket bridge to the core on loopback only.
 * Guarded by a random per-launch token (carried in the page URL's fragment, so it never reaches a log or a
 * Referer) and by an Origin check: only the page this server served can open the bridge.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { parseCallRequest } from '../host/call-request';
import type { CoreClient } from '../host/core-client';
import { contentSecurityPolicy } from '../host/csp';
import { assertLoopbackHost } from './loopback';
import { contentTypeFor, resolveInsideRoot } from './static-files';

export const BRIDGE_PATH = '/bridge';
const ADAPTER_SCRIPT = 'web-adapter.js';

export interface WebHostOptions {
  core: CoreClient;
  /** The built renderer folder (dist/renderer), holding index.html and web-adapter.js. */
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  origin: string;
  /** The URL to open: origin + fragment carrying the token. */
  url: string;
  token: string;
  close(): Promise<void>;
}

function tokensMatch(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Serves index.html with the bridge adapter loaded first, so `window.gemConsole` exists before the app runs. */
function withAdapter(html: string): string {
  return html.replace('<head>', `<head>\n    <script src="./${ADAPTER_SCRIPT}"></script>`);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  assertLoopbackHost(host);
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';

  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const file = resolveInsideRoot(options.rendererDir, req.url ?? '/');
      if (!file) {
        res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad path');
        return;
      }
      try {
        let body: Buffer | string = await readFile(file);
        if (file.endsWith('index.html')) body = withAdapter(body.toString('utf8'));
        res.writeHead(200, {
          'Content-Type': contentTypeFor(file),
          'Content-Security-Policy': contentSecurityPolicy(`'self' ${origin.replace('http', 'ws')}`),
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
          'Referrer-Policy': 'no-referrer',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      }
    })();
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 1024 * 1024,
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const refuse = (status: number, reason: string): void => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== BRIDGE_PATH) return refuse(404, 'Not Found');
    if (req.headers.origin !== origin) return refuse(403, 'Forbidden');
    if (!tokensMatch(token, url.searchParams.get('token'))) return refuse(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => attachBridge(ws, options.core));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostForUrl}:${address.port}`;

  return {
    origin,
    url: `${origin}/#token=${token}`,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One browser tab's bridge: requests `{id, name, input}` → `{id, result}`; push events `{event, payload}`. */
function attachBridge(ws: WebSocket, core: CoreClient): void {
  const unsubscribe = core.onEvent((name, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event: name, payload }));
  });
  ws.on('close', unsubscribe);
  ws.on('message', (data) => {
    void (async () => {
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        ws.send(
          JSON.stringify({
            id: null,
            result: {
              ok: false,
              error: { code: 'invalid_input', message: 'Messages must be JSON.', retryable: false },
            },
          }),
        );
        return;
      }
      const id =
        typeof message === 'object' && message !== null && 'id' in message
          ? (message as { id: unknown }).id
          : null;
      const safeId = typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
      const request = parseCallRequest(message);
      const result = request.ok
        ? await core.call(request.name, request.input)
        : { ok: false as const, error: request.error };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: safeId, result }));
    })();
  });
}
