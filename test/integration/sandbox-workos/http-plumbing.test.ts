import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Router,
  SlidingWindowRateLimiter,
  createDispatcher,
  jsonResult,
  rateLimitedResult,
  startHttpServer,
  type RunningHttpServer,
} from '../../../main/sandbox/http';

let server: RunningHttpServer | undefined;
function base(): string {
  if (!server) throw new Error('server not started');
  return server.url;
}
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  aborted: boolean;
}

/** A raw node:http request, so resets and truncated bodies are observable. */
function raw(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      let body = '';
      let aborted = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('aborted', () => (aborted = true));
      res.on('error', () => (aborted = true));
      res.on('close', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          aborted: aborted || !res.complete,
        }),
      );
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

async function startEcho(options: Parameters<typeof createDispatcher>[1] = {}) {
  const router = new Router();
  router.get('/items/:id', (ctx) =>
    jsonResult(200, { id: ctx.params.id, tags: ctx.query.getList('tag'), padding: 'x'.repeat(200) }),
  );
  router.post('/echo', async (ctx) => jsonResult(201, { got: await ctx.bodyJson() }));
  const dispatcher = createDispatcher(router, { maxBodyBytes: 64, ...options });
  server = await startHttpServer(dispatcher.handle);
  return dispatcher;
}

describe('http plumbing', () => {
  it('serves JSON with Content-Type and a generated or echoed X-Request-ID, and counts requests', async () => {
    const dispatcher = await startEcho();
    const first = await raw(`${base()}/items/a%20b?tag=x,y&tag[]=z`);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['x-request-id']).toMatch(/^req_[0-9a-f-]{36}$/);
    expect(JSON.parse(first.body)).toMatchObject({ id: 'a b', tags: ['x', 'y', 'z'] });
    const echoed = await raw(`${base()}/items/1`, { headers: { 'X-Request-ID': 'abc-123' } });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const missing = await raw(`${base()}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    const stats = dispatcher.stats.snapshot();
    expect(stats.byRoute['GET /items/:id']).toEqual({ total: 2, byStatus: { '200': 2 } });
    expect(stats.byRoute['GET (unmatched)']?.byStatus['404']).toBe(1);
  });

  it('caps the body size and rejects invalid JSON with JSON errors', async () => {
    await startEcho();
    const ok = await raw(`${base()}/echo`, { method: 'POST', body: '{"a":1}' });
    expect(ok.status).toBe(201);
    expect(JSON.parse(ok.body)).toEqual({ got: { a: 1 } });
    const big = await raw(`${base()}/echo`, {
      method: 'POST',
      body: JSON.stringify({ a: 'x'.repeat(100) }),
    });
    expect(big.status).toBe(413);
    const bad = await raw(`${base()}/echo`, { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ code: 'bad_request' });
  });

  it('injects 429s with Retry-After, 5xx, malformed bodies, wrong content types and resets at the configured shares', async () => {
    const dispatcher = await startEcho();
    dispatcher.faults.set('/items/:id', { status429Share: 0.5, retryAfterSeconds: 3 });
    const results = await Promise.all(Array.from({ length: 60 }, () => raw(`${base()}/items/1`)));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(15);
    expect(limited.length).toBeLessThan(45);
    for (const r of limited) {
      expect(r.headers['retry-after']).toBe('3');
      expect(JSON.parse(r.body)).toEqual({ message: 'Rate limit exceeded', code: 'rate_limit_exceeded' });
    }
    expect(dispatcher.stats.snapshot().faults.injected429).toBe(limited.length);

    dispatcher.faults.replaceAll({ '/items/:id': { status5xxShare: 1 } });
    const failed = await raw(`${base()}/items/1`);
    expect([500, 502, 503]).toContain(failed.status);

    dispatcher.faults.replaceAll({ '/items/:id': { malformedShare: 1 } });
    const malformed = await raw(`${base()}/items/1`);
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.body)).toThrow();

    dispatcher.faults.replaceAll({ '/items/:id': { wrongContentTypeShare: 1 } });
    const html = await raw(`${base()}/items/1`);
    expect(html.headers['content-type']).toMatch(/^text\/html/);

    dispatcher.faults.replaceAll({ '/items/:id': { resetShare: 1 } });
    const reset = await raw(`${base()}/items/1`).catch(() => ({ aborted: true, body: '' }));
    expect(reset.aborted).toBe(true);
    expect(dispatcher.stats.snapshot().faults.resets).toBe(1);

    dispatcher.faults.replaceAll({ '/items/:id': { latencyMs: 120 } });
    const started = Date.now();
    await raw(`${base()}/items/1`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('runs middleware such as a rate limiter before the handler', async () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: 60_000 });
    await startEcho({
      middleware: [
        () => {
          const verdict = limiter.check('all');
          return verdict.allowed ? undefined : rateLimitedResult(verdict.retryAfterSeconds);
        },
      ],
    });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await raw(`${base()}/items/1`)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    limiter.enabled = false;
    expect((await raw(`${base()}/items/1`)).status).toBe(200);
  });
});
