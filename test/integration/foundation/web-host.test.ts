import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startCore } from '../../../main/host/core-client';
import type { CoreClient } from '../../../main/host/core-client';
import { BRIDGE_PATH, startWebHost } from '../../../main/web/server';
import type { WebHost } from '../../../main/web/server';
import { callNames } from '../../../preload/api';
import { buildCoreWorker } from '../../support/build-worker';

let core: CoreClient;
let web: WebHost;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'gem-renderer-'));
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body>console</body></html>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  core = await startCore({
    workerFile: await buildCoreWorker(),
    host: 'web',
    dataDir: rendererDir,
    appVersion: '1.0.0',
    heartbeatMs: 0,
    backgroundSyncMs: 0,
  });
  web = await startWebHost({ core, rendererDir });
});

afterAll(async () => {
  await web.close();
  await core.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

function rawGetStatus(rawPath: string): Promise<number> {
  const { port } = new URL(web.origin);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: Number(port), path: rawPath }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

type Outcome = { opened: true; socket: WebSocket } | { opened: false; status: number };

function openBridge(token: string, origin: string | undefined): Promise<Outcome> {
  const url = `${web.origin.replace('http', 'ws')}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url, origin === undefined ? {} : { origin });
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_req, res) =>
      resolve({ opened: false, status: res.statusCode ?? 0 }),
    );
    socket.once('error', () => resolve({ opened: false, status: 0 }));
  });
}

function request(
  socket: WebSocket,
  message: unknown,
): Promise<{ id: number | null; result: { ok: boolean; error?: { code: string } } }> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(data.toString())));
    socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('web host', () => {
  it('binds to loopback only', async () => {
    expect(web.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(startWebHost({ core, rendererDir, host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
    await expect(startWebHost({ core, rendererDir, host: '192.168.1.10' })).rejects.toThrow(/loopback only/);
  });

  it('serves the renderer with the CSP and the bridge adapter, and refuses traversal', async () => {
    const page = await fetch(`${web.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script src="./web-adapter.js"></script>');
    expect((await fetch(`${web.origin}/assets/app.js`)).status).toBe(200);
    // Sent raw: fetch would normalise the dots away before they reach the server.
    expect(await rawGetStatus('/%2e%2e/%2e%2e/etc/passwd')).toBe(400);
    expect(await rawGetStatus('/../../etc/passwd')).toBe(400);
    expect((await fetch(`${web.origin}/missing.js`)).status).toBe(404);
  });

  it('rejects a wrong token and a wrong or missing Origin', async () => {
    expect(await openBridge('wrong-token', web.origin)).toEqual({ opened: false, status: 401 });
    expect(await openBridge(web.token, 'http://evil.test')).toEqual({ opened: false, status: 403 });
    expect(await openBridge(web.token, undefined)).toEqual({ opened: false, status: 403 });
  });

  it('relays valid calls and answers garbage with invalid_input on the same validation path', async () => {
    const outcome = await openBridge(web.token, web.origin);
    if (!outcome.opened) throw new Error(`bridge refused: ${outcome.status}`);
    const { socket } = outcome;
    const ok = await request(socket, { id: 1, name: callNames[0], input: {} });
    expect(ok).toMatchObject({ id: 1, result: { ok: true } });
    const bad = await request(socket, { id: 2, name: callNames[0], input: { nope: 1 } });
    expect(bad).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid_input' } } });
    const notJson = await request(socket, '{not json');
    expect(notJson).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_input' } } });
    const unknown = await request(socket, { id: 3, name: 'x.y', input: {} });
    expect(unknown).toMatchObject({ id: 3, result: { ok: false, error: { code: 'invalid_input' } } });
    socket.close();
  });
});
