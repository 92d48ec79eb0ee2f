import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../../main/host/core-client';
import type { CoreClient } from '../../../main/host/core-client';
import { buildGemConsole } from '../../../preload/bridge';
import { callNames } from '../../../preload/api';
import type { CallName } from '../../../preload/api';
import { buildCoreWorker } from '../../support/build-worker';

let core: CoreClient;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-core-'));
  core = await startCore({
    workerFile: await buildCoreWorker(),
    host: 'cli',
    dataDir,
    appVersion: '9.9.9',
    heartbeatMs: 50,
    backgroundSyncMs: 0,
  });
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the core worker', () => {
  it('answers a real call through the message protocol', async () => {
    const api = buildGemConsole({ invoke: core.call, subscribe: core.onEvent });
    const result = await api.app.status({});
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.dataDir).toBe(dataDir);
      expect(result.value.host).toBe('cli');
      expect(result.value.appVersion).toBe('9.9.9');
    }
  });

  it('pushes heartbeat events', async () => {
    const api = buildGemConsole({ invoke: core.call, subscribe: core.onEvent });
    const payload = await new Promise<{ at: string }>((resolve) => {
      const off = api.on.app.heartbeat((p) => {
        off();
        resolve(p);
      });
    });
    expect(Number.isNaN(Date.parse(payload.at))).toBe(false);
  });

  it('survives a burst of malformed calls and keeps answering', async () => {
    const garbage: [unknown, unknown][] = [
      ['nope', {}],
      [null, null],
      [{ toString: 1 }, []],
      ['__proto__.constructor', {}],
      ['constructor.name', {}],
      [callNames[0], { extra: true }],
      [callNames[0], 'x'.repeat(100_000)],
    ];
    for (const [name, input] of garbage) {
      const result = await core.call(name as CallName, input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
    const api = buildGemConsole({ invoke: core.call, subscribe: core.onEvent });
    expect((await api.app.status({})).ok).toBe(true);
  });
});
