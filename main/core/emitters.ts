/**
 * Typed push-event emitters, nested like `window.gemConsole.on` (`events.sync.progress(payload)`), built from the
 * contract so no event name is spelled outside preload/api.ts.
 */
import { eventNames, splitName } from '../../preload/api';
import type { EventName, EventPayload, MemberOf, NamespaceOf } from '../../preload/api';

type EmitFn<E> = E extends EventName ? (payload: EventPayload<E>) => void : never;

export type Emitters = {
  [NS in NamespaceOf<EventName>]: { [M in MemberOf<EventName, NS>]: EmitFn<`${NS}.${M}`> };
};

export function buildEmitters(emit: (name: EventName, payload: unknown) => void): Emitters {
  const emitters: Record<string, Record<string, (payload: unknown) => void>> = {};
  for (const name of eventNames) {
    const [ns, member] = splitName(name);
    (emitters[ns] ??= {})[member] = (payload) => emit(name, payload);
  }
  return emitters as unknown as Emitters;
}
