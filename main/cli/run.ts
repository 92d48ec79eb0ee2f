/** Parses the command line, starts the core and runs one command. Exit codes: 0 ok, 1 failure, 2 usage. */
import { parseArgs } from 'node:util';
import type { GemConsoleApi } from '../../preload/api';
import { buildGemConsole } from '../../preload/bridge';
import { resolveDataDir } from '../host/data-dir';
import { startCoreFromBundle } from '../host/start-core';
import type { CliIo, CommandContext } from './context';
import { unwrap, UsageError } from './context';
import type { OutputFormat } from './output';
import { runProfileCommand } from './profile-command';
import { runSandboxCommand } from './sandbox-command';
import { runSyncCommand } from './sync-command';
import { runDriftCommand, runGroupsCommand, runMembersCommand, runTeamsCommand } from './report-commands';
import { runAuditCommand, runRequestActionCommand } from './request-commands';
import { runTeamCommand } from './team-commands';
import { runReviewCommand } from './review-commands';

export const USAGE = `Usage: gem-scim [--data-dir DIR] [--profile ID] [--format json|csv|table] <command> [options]

Commands:
  status [--json]                         the core's status: version, data folder, active profile
  profile list                            the profiles in this data folder (* = active)
  profile add --name N --kind production|staging|sandbox --workos-url URL --gem-url URL [--secrets-from-stdin]
  profile use <id>                        make a profile the active one
  profile set-secret <id>                 read workos=<API key> and/or gem=<staff token> lines from stdin,
                                          verify each with its service and save it in the OS keychain
  profile clear-secret <id> --which workos|gem
  profile remove <id> --confirm <name>    delete a profile, its local cache and its keychain entries
  sync [--team T | --scope requests|pinned] [--full] [--confirm-mass-change]
                                          sync the active profile's cache: a team or scope in full, else
                                          incremental; progress on stderr, a JSON summary on stdout
  teams                                   the cached teams (SCIM module, organization, setup, CSM)
  members --team T [--query Q]            a team's Gem members and who manages them (IdP or Gem)
  groups --team T                         a team's IdP groups with member counts
  mappings --team T                       the inferred group -> role mappings: candidates, status, evidence
  drift --team T                          Gem members vs directory users: every difference, both sides
  requests                                the custom-role sync queue with ages against the 2-day target
  requests claim|release|complete --team T --role SLUG
                                          claim a request in Gem, give it back, or complete it: create the
                                          WorkOS organization role org-SLUG and record it in Gem
  audit [--team T]                        who did what, when
  review approve|flag --team T --group G [--note N]
                                          record a verdict on an inferred group -> role mapping (offline)
  review export --team T                  the team's review: every group's inferred mapping and verdict (CSV;
                                          JSON with --format json)
  team enable-scim|disable-scim --team T  switch the team's SCIM module in Gem
  team link --team T [--organization ORG] link a WorkOS organization (none given: the one created for the team)
  team portal-link --team T [--intent dsync|sso]
                                          a fresh WorkOS Admin Portal setup link (valid five minutes)
  sandbox [--scenario FILE | --preset demo|large] [--seed N] [--users N] [--port P] [--state-file F]
                                          serve the local WorkOS and Gem stand-ins (see gem-scim sandbox --help)
`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  name: { type: 'string' },
  kind: { type: 'string' },
  'workos-url': { type: 'string' },
  'gem-url': { type: 'string' },
  'secrets-from-stdin': { type: 'boolean' },
  which: { type: 'string' },
  confirm: { type: 'string' },
  team: { type: 'string' },
  scope: { type: 'string' },
  full: { type: 'boolean' },
  'confirm-mass-change': { type: 'boolean' },
  profile: { type: 'string' },
  query: { type: 'string' },
  role: { type: 'string' },
  organization: { type: 'string' },
  intent: { type: 'string' },
  group: { type: 'string' },
  note: { type: 'string' },
} as const;

/** Index of the command word: the first argument that is neither a flag nor a global flag's value. */
function firstPositionalIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-')) return i;
    const name = arg.replace(/^--?/, '').split('=')[0] ?? '';
    const option = (OPTIONS as Record<string, { type: string }>)[name];
    if (option?.type === 'string' && !arg.includes('=')) i++;
  }
  return -1;
}

export interface RunCliIo extends CliIo {
  importMetaUrl: string;
}

function formatOf(value: string | undefined, json: boolean | undefined): OutputFormat {
  if (json) return 'json';
  if (value === undefined) return 'table';
  if (value === 'json' || value === 'csv' || value === 'table') return value;
  throw new UsageError(`--format must be json, csv or table (got ${value})`);
}

async function runCommand(context: CommandContext): Promise<number> {
  const [command] = context.positionals;
  switch (command) {
    case 'status': {
      const status = await unwrap(context.api.app.status({}));
      if (context.format === 'json') context.io.stdout(`${JSON.stringify(status)}\n`);
      else {
        context.io.stdout(
          `Gem SCIM Console ${status.appVersion}\nprofile: ${status.profile.name} (${status.profile.kind})\ndata: ${status.dataDir}\n`,
        );
      }
      return 0;
    }
    case 'profile':
      return runProfileCommand(context);
    case 'sync':
      return runSyncCommand(context);
    case 'teams':
      return runTeamsCommand(context);
    case 'members':
      return runMembersCommand(context);
    case 'groups':
      return runGroupsCommand(context, false);
    case 'mappings':
      return runGroupsCommand(context, true);
    case 'drift':
      return runDriftCommand(context);
    case 'requests':
      return runRequestActionCommand(context);
    case 'audit':
      return runAuditCommand(context);
    case 'team':
      return runTeamCommand(context);
    case 'review':
      return runReviewCommand(context);
    default:
      throw new UsageError(`Unknown command: ${command ?? '(none)'}`);
  }
}

export async function runCli(argv: string[], io: RunCliIo): Promise<number> {
  // The sandbox serves the stand-ins itself; it needs no core and has its own options.
  const commandAt = firstPositionalIndex(argv);
  if (commandAt !== -1 && argv[commandAt] === 'sandbox')
    return runSandboxCommand(argv.slice(commandAt + 1), io);
  let parsed;
  let format: OutputFormat;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    format = formatOf(parsed.values.format, parsed.values.json);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    io.stdout(USAGE);
    return parsed.values.help ? 0 : 2;
  }

  let core;
  try {
    core = await startCoreFromBundle(io.importMetaUrl, {
      host: 'cli',
      dataDir: resolveDataDir(parsed.values['data-dir']),
      heartbeatMs: 0,
      ...(parsed.values.profile === undefined ? {} : { profileId: parsed.values.profile }),
    });
  } catch (error) {
    io.stderr(
      `gem-scim: the console core could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const api: GemConsoleApi = buildGemConsole({ invoke: core.call, subscribe: core.onEvent });
  try {
    return await runCommand({ api, io, positionals: parsed.positionals, flags: parsed.values, format });
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
