/** Parses the command line, starts the core and runs one command. */
import { parseArgs } from 'node:util';
import type { GemConsoleApi, Result } from '../../preload/api';
import { buildGemConsole } from '../../preload/bridge';
import { resolveDataDir } from '../host/data-dir';
import { startCoreFromBundle } from '../host/start-core';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  importMetaUrl: string;
}

export const USAGE = `Usage: gem-scim [--data-dir DIR] <command> [options]

Commands:
  status [--json]      the core's status: version, data folder, active profile
`;

class UsageError extends Error {}

/** Unwraps a call's Result; a failure becomes the CLI's error message. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(`${result.error.message} (${result.error.code})`);
  return result.value;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (parsed.values.help || !command) {
    io.stdout(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }

  const core = await startCoreFromBundle(io.importMetaUrl, {
    host: 'cli',
    dataDir: resolveDataDir(parsed.values['data-dir']),
    heartbeatMs: 0,
  });
  const api: GemConsoleApi = buildGemConsole({ invoke: core.call, subscribe: core.onEvent });
  try {
    switch (command) {
      case 'status': {
        const status = await unwrap(api.app.status({}));
        if (parsed.values.json) io.stdout(`${JSON.stringify(status)}\n`);
        else {
          io.stdout(
            `Gem SCIM Console ${status.appVersion}\nprofile: ${status.profile.name} (${status.profile.kind})\ndata: ${status.dataDir}\n`,
          );
        }
        return 0;
      }
      default:
        throw new UsageError(`Unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`gem-scim: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await core.close();
  }
}
