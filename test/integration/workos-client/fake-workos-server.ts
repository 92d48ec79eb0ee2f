import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scripted WorkOS stand-in on 127.0.0.1 for the client's integration tests: each route answers from a queue of
 * replies (then from its fallback), every request is recorded with its arrival time on performance.now() — the
 * same monotonic clock the client's limiter uses — so tests assert on what the server observed.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request reached the server. */
  at: number;
  /** performance.now() when the answer was written (for Retry-After checks). */
  answeredAt: number;
}

export type Reply =
  | {
      status: number;
      /** JSON-encoded unless `raw` is set. */
      body?: unknown;
      raw?: string;
      /** Defaults to application/json; null sends none. */
      contentType?: string | null;
      headers?: Record<string, string>;
    }
  | { reset: 'before-headers' }
  | { reset: 'mid-body' };

type Handler = (req: RecordedRequest) => Reply;

export class FakeWorkosServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queues = new Map<string, Reply[]>();
  private readonly fallbacks = new Map<string, Handler>();
  private server: http.Server | null = null;
  port = 0;

  /** Replies to `METHOD /path` (exact path, no query), used once each, in order. */
  enqueue(route: string, ...replies: Reply[]): void {
    this.queues.set(route, [...(this.queues.get(route) ?? []), ...replies]);
  }

  /** What `METHOD /path` answers once its queue is empty. */
  fallback(route: string, handler: Handler): void {
    this.fallbacks.set(route, handler);
  }

  hits(route: string): RecordedRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.path}` === route);
  }

  reset(): void {
    this.requests.length = 0;
    this.queues.clear();
    this.fallbacks.clear();
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const at = performance.now();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at,
          answeredAt: 0,
        };
        this.requests.push(recorded);
        const route = `${recorded.method} ${recorded.path}`;
        const queued = this.queues.get(route)?.shift();
        const reply = queued ??
          this.fallbacks.get(route)?.(recorded) ?? { status: 404, body: { message: 'Not Found' } };
        recorded.answeredAt = performance.now();
        send(res, reply);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === null) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }
}

function send(res: http.ServerResponse, reply: Reply): void {
  if ('reset' in reply) {
    if (reply.reset === 'before-headers') {
      res.socket?.destroy();
      return;
    }
    // Promise a long JSON body, send the start of it, then cut the connection.
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000' });
    res.write('{"object":"list","data":[{"object":"directory_user","id":"dir');
    setTimeout(() => res.socket?.destroy(), 20);
    return;
  }
  const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const headers: Record<string, string> = { 'X-Request-ID': `req_${Math.random().toString(16).slice(2)}` };
  const contentType = reply.contentType === undefined ? 'application/json' : reply.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  res.writeHead(reply.status, { ...headers, ...reply.headers });
  res.end(payload);
}

// ---- WorkOS-shaped bodies (api-contract §1–§5) ----

const T = '2026-01-15T12:00:00.000Z';

export function listBody(data: unknown[], after: string | null = null): unknown {
  return { object: 'list', data, list_metadata: { before: null, after } };
}

export function directoryBody(id: string, state = 'linked'): unknown {
  return {
    object: 'directory',
    id,
    organization_id: 'org_1',
    external_key: 'ext',
    type: 'okta scim v2.0',
    state,
    name: 'Foo Corp',
    domain: 'foo-corp.com',
    created_at: T,
    updated_at: T,
  };
}

export function groupBody(id: string, directoryId = 'directory_1'): unknown {
  return {
    object: 'directory_group',
    id,
    idp_id: `idp_${id}`,
    directory_id: directoryId,
    organization_id: 'org_1',
    name: `Group ${id}`,
    raw_attributes: {},
    created_at: T,
    updated_at: T,
  };
}

export function userBody(
  id: string,
  options: { directoryId?: string; role?: string; groups?: string[] } = {},
): unknown {
  const directoryId = options.directoryId ?? 'directory_1';
  return {
    object: 'directory_user',
    id,
    directory_id: directoryId,
    organization_id: 'org_1',
    idp_id: `idp_${id}`,
    email: `${id}@example.com`,
    first_name: 'Ada',
    last_name: 'Lovelace',
    state: 'active',
    raw_attributes: {},
    custom_attributes: {},
    ...(options.role === undefined ? {} : { role: { slug: options.role }, roles: [{ slug: options.role }] }),
    created_at: T,
    updated_at: T,
    groups: (options.groups ?? []).map((g) => groupBody(g, directoryId)),
  };
}

export function roleBody(slug: string, name: string, type = 'OrganizationRole'): unknown {
  return {
    object: 'role',
    id: `role_${slug}`,
    name,
    slug,
    description: null,
    permissions: [],
    resource_type_slug: 'organization',
    type,
    created_at: T,
    updated_at: T,
  };
}

export function organizationBody(id: string, name: string, externalId: string | null = null): unknown {
  return {
    object: 'organization',
    id,
    name,
    allow_profiles_outside_organization: false,
    domains: [],
    metadata: {},
    external_id: externalId,
    created_at: T,
    updated_at: T,
  };
}
