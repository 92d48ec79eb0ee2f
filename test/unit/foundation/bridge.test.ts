import { describe, expect, it } from 'vitest';
import { buildGemConsole } from '../../../preload/bridge';
import { callNames, eventNames, splitName } from '../../../preload/api';
import type { CallName, EventName } from '../../../preload/api';

describe('buildGemConsole', () => {
  it('exposes one function per call, grouped by namespace, that invokes the transport with its name', async () => {
    const seen: [CallName, unknown][] = [];
    const api = buildGemConsole({
      invoke: async (name, input) => {
        seen.push([name, input]);
        return { ok: true, value: null };
      },
      subscribe: () => () => undefined,
    }) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    for (const name of callNames) {
      const [ns, member] = splitName(name);
      await api[ns]?.[member]?.({ probe: name });
    }
    expect(seen).toEqual(callNames.map((name) => [name, { probe: name }]));
  });

  it('delivers each push event only to the listeners of that event', () => {
    let emit: (name: EventName, payload: unknown) => void = () => undefined;
    const api = buildGemConsole({
      invoke: async () => ({ ok: true, value: null }),
      subscribe: (listener) => {
        emit = listener;
        return () => undefined;
      },
    });
    const got: unknown[] = [];
    api.on.app.heartbeat((payload) => got.push(payload));
    const [first] = eventNames;
    if (!first) throw new Error('no events in the contract');
    emit(first, { at: 'x', uptimeMs: 1 });
    emit('not.an-event' as EventName, { at: 'y' });
    expect(got).toEqual([{ at: 'x', uptimeMs: 1 }]);
  });
});
