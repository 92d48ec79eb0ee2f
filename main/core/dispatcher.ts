/**
 * Validates every call against the contract, routes it to its handler and turns every outcome into a Result.
 * Nothing a caller sends can crash the worker: bad names and inputs become `invalid_input`, unexpected throws
 * become `internal` with a generic message (details go to the log, never to the caller).
 */
import { calls, isCallName, splitName } from '../../preload/api';
import type { CallName, CallOutput, CallParsedInput, MemberOf, NamespaceOf, Result } from '../../preload/api';
import { AppError, isAppError } from './errors';

type HandlerFn<N> = N extends CallName ? (input: CallParsedInput<N>) => Promise<CallOutput<N>> : never;

/** One handler per call, nested like `window.gemConsole` (`handlers.teams.list`), so no call name is spelled twice. */
export type Handlers = {
  [NS in NamespaceOf<CallName>]: { [M in MemberOf<CallName, NS>]: HandlerFn<`${NS}.${M}`> };
};

export interface DispatcherOptions {
  log?: (message: string) => void;
}

function describeIssues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}) {
  const log = options.log ?? (() => undefined);
  return async function dispatch(name: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isCallName(name)) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Unknown call ${typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : `(a ${typeof name}, not a name)`}.`,
          retryable: false,
        },
      };
    }
    const spec = calls[name];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Invalid input for ${name}: ${describeIssues(parsed.error)}`,
          retryable: false,
        },
      };
    }
    try {
      const [namespace, member] = splitName(name);
      const group = handlers[namespace as keyof Handlers] as Record<
        string,
        (input: unknown) => Promise<unknown>
      >;
      const handler = group[member];
      if (!handler) throw new Error(`no handler for ${name}`);
      const value = await handler(parsed.data);
      // The output schema strips anything the contract does not declare, so nothing extra (a secret) can leak.
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(`output of ${name} broke the contract: ${describeIssues(checked.error)}`);
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `The core produced an invalid answer for ${name}.`,
            retryable: false,
          },
        };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.toData() };
      log(
        `unexpected failure in ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return {
        ok: false,
        error: new AppError(
          'internal',
          `Something went wrong in ${name}; the details are in the log.`,
        ).toData(),
      };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
