/**
 * After saving credentials (and syncing nothing yet), no secret appears in the database file, its WAL, the data
 * folder, the logs or any IPC payload: the bytes are searched while the core still holds the cache open.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../../main/host/core-client';
import type { CoreClient } from '../../../main/host/core-client';
import { GemState, startGemStandIn } from '../../../main/sandbox/gem';
import { WorkosState } from '../../../main/sandbox/workos/state';
import { startWorkosStandIn } from '../../../main/sandbox/workos/server';
import type { CallName } from '../../../preload/api';
import { buildGemConsole } from '../../../preload/bridge';
import { buildCoreWorker } from '../../support/build-worker';
import { requireTestKeyring } from '../../support/keyring';

const WORKOS_KEY = `sk_test_leakcheck_${Date.now()}_q1w2`;
const GEM_TOKEN = `gem_leakcheck_${Date.now()}_e3r4`;

let dataDir: string;
let core: CoreClient;
let workos: Awaited<ReturnType<typeof startWorkosStandIn>>;
let gem: Awaited<ReturnType<typeof startGemStandIn>>;
const payloads: string[] = [];
const logs: string[] = [];

beforeAll(async () => {
  requireTestKeyring();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-leak-'));
  workos = await startWorkosStandIn({ state: new WorkosState(), apiKeys: [WORKOS_KEY] });
  const gemState = new GemState();
  gemState.addStaff({
    token: GEM_TOKEN,
    email: 'eng@gem.com',
    name: 'Eng',
    capabilities: ['teams:read', 'roles:sync'],
  });
  gem = await startGemStandIn({ state: gemState });
  const started = await startCore({
    workerFile: await buildCoreWorker(),
    host: 'web',
    dataDir,
    appVersion: '1.0.0',
    heartbeatMs: 20,
    backgroundSyncMs: 0,
    onLog: (message) => logs.push(message),
  });
  // Record every answer and every push event exactly as they cross the worker boundary.
  core = {
    ...started,
    async call(name: CallName, input: unknown) {
      const result = await started.call(name, input);
      payloads.push(JSON.stringify(result));
      return result;
    },
  };
  core.onEvent((name, payload) => payloads.push(JSON.stringify({ name, payload })));
});

afterAll(async () => {
  await core?.close();
  await workos?.close();
  await gem?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('secrets stay in the keychain', () => {
  it('is saved, used for status calls, and appears in no payload, log or file', async () => {
    const api = buildGemConsole({ invoke: core.call, subscribe: core.onEvent });
    const created = await api.profiles.create({
      name: 'Leak check',
      kind: 'sandbox',
      workosBaseUrl: workos.url,
      gemBaseUrl: gem.url,
    });
    if (!created.ok) throw new Error(created.error.message);
    const profileId = created.value.id;
    expect((await api.credentials.set({ profileId, which: 'workos', secret: WORKOS_KEY })).ok).toBe(true);
    expect((await api.credentials.set({ profileId, which: 'gem', secret: GEM_TOKEN })).ok).toBe(true);
    // A refused secret must not echo either.
    const refused = await api.credentials.set({ profileId, which: 'workos', secret: `${WORKOS_KEY}-wrong` });
    expect(refused.ok).toBe(false);
    expect((await api.profiles.activate({ id: profileId })).ok).toBe(true);
    const status = await api.credentials.status({ profileId });
    expect(status.ok && status.value.workos).toMatchObject({ configured: true, hint: '…q1w2' });
    expect((await api.app.status({})).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100)); // let some heartbeats through too

    const haystacks = [
      ...payloads.map((text, i) => [`payload ${i}`, Buffer.from(text)] as const),
      ['logs', Buffer.from(logs.join(''))] as const,
      // The cache is still open: its WAL and shared-memory files are searched too.
      ...readdirSync(dataDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => [entry.name, readFileSync(path.join(entry.parentPath, entry.name))] as const),
    ];
    expect(haystacks.some(([name]) => name.endsWith('.sqlite-wal'))).toBe(true);
    for (const [name, bytes] of haystacks) {
      for (const secret of [WORKOS_KEY, GEM_TOKEN])
        expect(bytes.includes(Buffer.from(secret)), name).toBe(false);
    }
    expect(payloads.length).toBeGreaterThan(5);
  });
});
