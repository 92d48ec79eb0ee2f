/**
 * `gem-scim sandbox`: starts the WorkOS and Gem stand-ins from a scenario file or a generated preset, prints one JSON
 * line with their URLs and credentials, and serves until stopped (SIGINT/SIGTERM, or `options.stop` in tests). With
 * `--state-file F` it starts from F when F exists and writes the live state to F (atomically) when stopped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { generateScenario, PRESETS, type Preset } from '../sandbox/generator';
import { parseScenario, ScenarioValidationError, type Scenario } from '../sandbox/scenario/schema';
import { exportScenario, startSandbox, type RunningSandbox } from '../sandbox/sandbox';
import { writeFileAtomically } from '../sandbox/write-file-atomically';

export const SANDBOX_USAGE = `Usage: gem-scim sandbox [--scenario FILE | --preset demo|large] [options]

Starts the local WorkOS and Gem stand-ins, prints one JSON line with their URLs and credentials, and serves
until stopped (Ctrl-C).

Options:
  --scenario FILE    a scenario file (docs/sandbox-scenarios.md)
  --preset NAME      a generated scenario: demo (default) or large
  --seed N           seed of the generated scenario (default 1)
  --users N          large preset: number of directory users (default 100000)
  --port P           WorkOS stand-in port; the Gem stand-in uses P+1 (default: random free ports)
  --state-file F     start from F if it exists; write the live state to F when stopped
  -h, --help         this help
`;

export interface SandboxCommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface SandboxCommandOptions {
  /** Stops the sandbox when aborted; without it, SIGINT and SIGTERM do. */
  stop?: AbortSignal;
  /** Called once the sandbox serves (tests reach the running stand-ins through it). */
  onStarted?(running: RunningSandbox): void;
}

class UsageError extends Error {}

interface ParsedCommand {
  scenario: Scenario;
  label: string;
  port: number;
  stateFile?: string;
}

function integerOption(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got '${value}'`);
  }
  return parsed;
}

/** Reads and validates a scenario file; a missing file, bad JSON or a bad scenario is the caller's error (exit 2). */
function readScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read scenario file ${file} (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `scenario file ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseScenario(json);
}

function parseCommand(argv: string[]): ParsedCommand | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        scenario: { type: 'string' },
        preset: { type: 'string' },
        seed: { type: 'string' },
        users: { type: 'string' },
        port: { type: 'string' },
        'state-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  if (values.scenario !== undefined && values.preset !== undefined) {
    throw new UsageError('use either --scenario or --preset, not both');
  }
  const preset = values.preset ?? 'demo';
  if (!(PRESETS as readonly string[]).includes(preset)) {
    throw new UsageError(`--preset must be one of ${PRESETS.join(', ')}, got '${preset}'`);
  }
  const seed = integerOption('seed', values.seed, 0, 2 ** 32 - 1) ?? 1;
  const users = integerOption('users', values.users, 1, 5_000_000);
  if (users !== undefined && preset !== 'large')
    throw new UsageError('--users applies to --preset large only');
  if (values.scenario !== undefined && (values.seed !== undefined || users !== undefined)) {
    throw new UsageError('--seed and --users apply to presets, not to --scenario');
  }
  const port = integerOption('port', values.port, 0, 65534) ?? 0;
  const stateFile = values['state-file'];

  if (stateFile !== undefined && existsSync(stateFile)) {
    const scenario = readScenarioFile(stateFile);
    return { scenario, label: scenario.name ?? basename(stateFile), port, stateFile };
  }
  if (values.scenario !== undefined) {
    const scenario = readScenarioFile(values.scenario);
    return { scenario, label: scenario.name ?? basename(values.scenario), port, stateFile };
  }
  const scenario = generateScenario({ preset: preset as Preset, seed, users });
  return { scenario, label: preset, port, stateFile };
}

/** Resolves when `stop` aborts, or on SIGINT/SIGTERM when there is no `stop`. */
function untilStopped(stop: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (stop) {
      if (stop.aborted) resolve();
      else stop.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export async function runSandboxCommand(
  argv: string[],
  io: SandboxCommandIo,
  options: SandboxCommandOptions = {},
): Promise<number> {
  let command: ParsedCommand | 'help';
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (error instanceof ScenarioValidationError) {
      io.stderr(`gem-scim sandbox: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`gem-scim sandbox: ${error.message}\n\n${SANDBOX_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (command === 'help') {
    io.stdout(SANDBOX_USAGE);
    return 0;
  }

  let running: RunningSandbox;
  try {
    running = await startSandbox({
      scenario: command.scenario,
      workosPort: command.port,
      gemPort: command.port === 0 ? 0 : command.port + 1,
    });
  } catch (error) {
    if (error instanceof ScenarioValidationError) {
      io.stderr(`gem-scim sandbox: ${error.message}\n`);
      return 2;
    }
    io.stderr(
      `gem-scim sandbox: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }

  io.stdout(`${JSON.stringify({ workos: running.workos, gem: running.gem, scenario: command.label })}\n`);
  options.onStarted?.(running);
  await untilStopped(options.stop);

  let code = 0;
  if (command.stateFile !== undefined) {
    try {
      writeFileAtomically(command.stateFile, `${JSON.stringify(exportScenario(running), null, 2)}\n`);
    } catch (error) {
      io.stderr(
        `gem-scim sandbox: could not save the state to ${command.stateFile}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      code = 1;
    }
  }
  await running.close();
  return code;
}
