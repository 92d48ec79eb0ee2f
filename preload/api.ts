/**
 * The single contract between the renderer and the core (design §2).
 *
 * Every call has a name, an input schema and an output schema; every push event has a name and a payload schema.
 * The hosts validate inputs against it, the preload and the web adapter build `window.gemConsole` from it, and the
 * renderer imports its types only. Call and event names appear nowhere else in the repo: code addresses them
 * through the nested `window.gemConsole.<namespace>.<method>` objects built from these keys.
 */
import { z } from 'zod';

/** The one Electron IPC channel for calls, and the one for push events. */
export const IPC_CALL_CHANNEL = 'gem-console:call';
export const IPC_EVENT_CHANNEL = 'gem-console:event';

export const ERROR_CODES = [
  'offline',
  'unauthorized',
  'rate_limited',
  'not_found',
  'conflict',
  'invalid_input',
  'keychain_unavailable',
  'internal',
] as const;

export const ApiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryable: z.boolean(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const EmptyInput = z.object({}).strict();

const ProfileKind = z.enum(['production', 'staging', 'sandbox']);

const AppStatus = z.object({
  appVersion: z.string(),
  host: z.enum(['electron', 'web', 'cli']),
  dataDir: z.string(),
  profile: z.object({ id: z.string(), name: z.string(), kind: ProfileKind }),
  coreStartedAt: z.string(),
  nodeVersion: z.string(),
});
export type AppStatus = z.infer<typeof AppStatus>;

interface CallSpec {
  input: z.ZodType;
  output: z.ZodType;
}

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): { input: I; output: O } {
  return { input, output };
}

export const calls = {
  'app.status': call(EmptyInput, AppStatus),
} satisfies Record<string, CallSpec>;

export const events = {
  /** The core is alive; sent every few seconds so the UI can show a live indicator. */
  'app.heartbeat': z.object({ at: z.string(), uptimeMs: z.number().nonnegative() }),
} satisfies Record<string, z.ZodType>;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
/** What a handler receives: the input after the schema parsed it (defaults applied). */
export type CallParsedInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

export type NamespaceOf<N extends string> = N extends `${infer NS}.${string}` ? NS : never;
export type MemberOf<N extends string, NS extends string> = N extends `${NS}.${infer M}` ? M : never;

/** `"teams.list"` → `["teams", "list"]`: how the nested objects of `window.gemConsole` are keyed. */
export function splitName(name: string): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** `window.gemConsole`: one async function per call, grouped by namespace, plus `on.<ns>.<event>(listener)`. */
export type GemConsoleApi = {
  [NS in NamespaceOf<CallName>]: {
    [M in MemberOf<CallName, NS>]: `${NS}.${M}` extends CallName
      ? (input: CallInput<`${NS}.${M}`>) => Promise<Result<CallOutput<`${NS}.${M}`>>>
      : never;
  };
} & {
  on: {
    [NS in NamespaceOf<EventName>]: {
      [M in MemberOf<EventName, NS>]: `${NS}.${M}` extends EventName
        ? (listener: (payload: EventPayload<`${NS}.${M}`>) => void) => () => void
        : never;
    };
  };
};
