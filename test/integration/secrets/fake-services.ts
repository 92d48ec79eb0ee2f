import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Tiny stand-ins for the two calls that verify credentials, on 127.0.0.1: WorkOS `GET /organizations` (the shape
 * recorded from api.workos.com, see the WorkOS API contract §6) and Gem `GET /me` (the Gem admin API contract).
 */

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
}

export interface FakeService {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function serve(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
  pathPrefix = '',
): Promise<FakeService> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${pathPrefix}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Accepts `validKey` only. `forbiddenKey`, when given, is a valid key without permission (403). */
export function startFakeWorkos(options: { validKey: string; forbiddenKey?: string }): Promise<FakeService> {
  return serve((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/organizations') {
      sendJson(res, 404, { message: `Not found: ${url.pathname}` });
      return;
    }
    const auth = req.headers.authorization;
    if (options.forbiddenKey && auth === `Bearer ${options.forbiddenKey}`) {
      sendJson(res, 403, { message: 'Forbidden' });
      return;
    }
    if (auth !== `Bearer ${options.validKey}`) {
      sendJson(res, 401, { message: 'Unauthorized' });
      return;
    }
    sendJson(res, 200, { object: 'list', data: [], list_metadata: { before: null, after: null } });
  });
}

/** Accepts `validToken` only; served under `/admin/v0` like Gem's admin API base URL. */
export function startFakeGem(options: { validToken: string; staffEmail: string }): Promise<FakeService> {
  return serve((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/admin/v0/me') {
      sendJson(res, 404, { error: { code: 'not_found', message: `No route ${url.pathname}` } });
      return;
    }
    if (req.headers.authorization !== `Bearer ${options.validToken}`) {
      sendJson(res, 401, { error: { code: 'unauthorized', message: 'Unknown or revoked token' } });
      return;
    }
    sendJson(res, 200, {
      id: 'staff_01',
      email: options.staffEmail,
      name: 'Dana Lee',
      capabilities: ['teams:read', 'scim:manage'],
    });
  }, '/admin/v0');
}

/** A 127.0.0.1 port with nothing listening on it (bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const service = await serve(() => {});
  await service.close();
  return service.baseUrl;
}

/** A server that answers every request with `status`, `contentType` and `body`; `hang` never answers at all. */
export function startScriptedServer(
  answer: { status: number; contentType: string; body: string } | 'hang',
): Promise<FakeService> {
  return serve((_req, res) => {
    if (answer === 'hang') return;
    res.writeHead(answer.status, { 'Content-Type': answer.contentType });
    res.end(answer.body);
  });
}
