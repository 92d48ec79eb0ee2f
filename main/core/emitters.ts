/**
 * Typed push-event emitters, nested like `window.gemConsole.on` (`events.sync.progress(payload)`), built from the
 * contract so no event name is spelled outside preload/api.ts.
 */
import { eventNames, splitName } from '../../preload/api';
import type { EventName, EventPayload, MemberOf, NamespaceOf } from '../../preload/api';

export type Emitters = {
  [NS in NamespaceOf<EventName>]: {
    [M in MemberOf<EventName, NS>]: `${NS}.${M}` extends EventName
      ? (payload: EventPayload<`${NS}.${M}`>) => void
      : never;
  };
};

export function buildEmitters(emit: (name: EventName, payload: unknown) => void): Emitters {
  const emitters: Record<string, Record<string, (payload: unknown) => void>> = {};
  for (const name of eventNames) {
    const [ns, member] = splitName(name);
    (emitters[ns] ??= {})[member] = (payload) => emit(name, payload);
  }
  return emitters as unknown as Emitters;
}
