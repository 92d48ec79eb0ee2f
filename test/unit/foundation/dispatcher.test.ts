import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/core/dispatcher';
import type { Handlers } from '../../../main/core/dispatcher';
import { AppError } from '../../../main/core/errors';
import { callNames } from '../../../preload/api';

const status = {
  appVersion: '1.2.3',
  host: 'cli' as const,
  dataDir: '/data',
  profile: { id: 'sandbox', name: 'Sandbox', kind: 'sandbox' as const },
  coreStartedAt: new Date(0).toISOString(),
  nodeVersion: '20',
  notices: [],
  readOnly: false,
};

function handlersWith(statusImpl: () => Promise<unknown>): Handlers {
  // Only the status call is exercised; the other namespaces are never reached.
  return { app: { status: statusImpl } } as unknown as Handlers;
}

const [statusName] = callNames.filter((name) => name.endsWith('.status'));
if (!statusName) throw new Error('the contract lost its status call');

describe('dispatcher', () => {
  it('routes a valid call to its handler and returns its value', async () => {
    const dispatch = createDispatcher(handlersWith(async () => status));
    await expect(dispatch(statusName, {})).resolves.toEqual({ ok: true, value: status });
  });

  it.each([
    ['an unknown name', 'nope.nothing', {}],
    ['a non-string name', 42, {}],
    ['an input with unknown keys', statusName, { extra: 1 }],
    ['a non-object input', statusName, 'hello'],
    ['a missing input', statusName, undefined],
  ])('rejects %s with invalid_input', async (_label, name, input) => {
    let called = false;
    const dispatch = createDispatcher(
      handlersWith(async () => {
        called = true;
        return status;
      }),
    );
    const result = await dispatch(name, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
    expect(called).toBe(false);
  });

  it('turns an AppError into its data and an unexpected throw into a generic internal error', async () => {
    const appError = createDispatcher(
      handlersWith(async () => Promise.reject(new AppError('offline', 'WorkOS is unreachable'))),
    );
    await expect(appError(statusName, {})).resolves.toEqual({
      ok: false,
      error: { code: 'offline', message: 'WorkOS is unreachable', retryable: true },
    });
    const logs: string[] = [];
    const crash = createDispatcher(
      handlersWith(async () => Promise.reject(new Error('secret sk_live_123 in a stack'))),
      {
        log: (m) => logs.push(m),
      },
    );
    const result = await crash(statusName, {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('sk_live_123');
    }
    expect(logs.join('\n')).toContain('secret sk_live_123');
  });

  it('strips fields the contract does not declare and refuses outputs that break it', async () => {
    const leaky = createDispatcher(handlersWith(async () => ({ ...status, apiKey: 'sk_live_leak' })));
    const result = await leaky(statusName, {});
    expect(result.ok && JSON.stringify(result.value)).not.toContain('sk_live_leak');
    const broken = createDispatcher(
      handlersWith(async () => ({ appVersion: 5 })),
      { log: () => undefined },
    );
    const brokenResult = await broken(statusName, {});
    expect(brokenResult.ok).toBe(false);
    if (!brokenResult.ok) expect(brokenResult.error.code).toBe('internal');
  });
});
