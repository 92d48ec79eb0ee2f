/** What every CLI command gets: the parsed flags, the bridge to the core, and the output streams. */
import type { GemConsoleApi, Result } from '../../preload/api';
import type { OutputFormat } from './output';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

export interface CommandContext {
  api: GemConsoleApi;
  io: CliIo;
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
  format: OutputFormat;
}

export class UsageError extends Error {}

/** Unwraps a call's Result; a failure becomes the CLI's error message. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(`${result.error.message} (${result.error.code})`);
  return result.value;
}

export function stringFlag(context: CommandContext, name: string): string | undefined {
  const value = context.flags[name];
  return typeof value === 'string' ? value : undefined;
}

export function requireFlag(context: CommandContext, name: string): string {
  const value = stringFlag(context, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}
