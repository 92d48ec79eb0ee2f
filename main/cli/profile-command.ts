/**
 * `gem-scim profile list|add|use|set-secret|clear-secret|remove`. Secrets come from standard input only
 * (`workos=<key>` and `gem=<token>` lines), are verified with their service, and are saved in the OS keychain.
 */
import type { CommandContext } from './context';
import { requireFlag, stringFlag, unwrap, UsageError } from './context';
import { renderRows } from './output';
import { parseSecretLines } from './stdin';

async function saveSecrets(context: CommandContext, profileId: string, text: string): Promise<void> {
  const secrets = parseSecretLines(text);
  for (const which of ['workos', 'gem'] as const) {
    const secret = secrets[which];
    if (secret === undefined) continue;
    const saved = await unwrap(context.api.credentials.set({ profileId, which, secret }));
    context.io.stderr(
      `${which}: verified and saved (${saved.hint ?? 'no hint'}${saved.verifiedAs ? `, ${saved.verifiedAs}` : ''})\n`,
    );
  }
}

export async function runProfileCommand(context: CommandContext): Promise<number> {
  const [, action, id] = context.positionals;
  const { api, io } = context;
  switch (action) {
    case 'list': {
      const { activeProfileId, profiles } = await unwrap(api.profiles.list({}));
      const rows = profiles.map((p) => ({ active: p.id === activeProfileId ? '*' : '', ...p }));
      io.stdout(
        renderRows(rows, context.format, ['active', 'id', 'name', 'kind', 'workosBaseUrl', 'gemBaseUrl']),
      );
      return 0;
    }
    case 'add': {
      const kind = requireFlag(context, 'kind');
      if (kind !== 'production' && kind !== 'staging' && kind !== 'sandbox') {
        throw new UsageError('--kind must be production, staging or sandbox (a local emulator)');
      }
      const profile = await unwrap(
        api.profiles.create({
          name: requireFlag(context, 'name'),
          kind,
          workosBaseUrl: requireFlag(context, 'workos-url'),
          gemBaseUrl: requireFlag(context, 'gem-url'),
        }),
      );
      io.stderr(`created profile ${profile.id}\n`);
      if (context.flags['secrets-from-stdin'] === true)
        await saveSecrets(context, profile.id, await io.readStdin());
      io.stdout(renderRows([profile], context.format));
      return 0;
    }
    case 'use': {
      if (!id) throw new UsageError('profile use <id>');
      const profile = await unwrap(api.profiles.activate({ id }));
      io.stderr(`active profile: ${profile.name} (${profile.kind})\n`);
      return 0;
    }
    case 'set-secret': {
      if (!id) throw new UsageError('profile set-secret <id>  (reads workos=… / gem=… lines from stdin)');
      await saveSecrets(context, id, await io.readStdin());
      return 0;
    }
    case 'clear-secret': {
      const which = stringFlag(context, 'which');
      if (!id || (which !== 'workos' && which !== 'gem'))
        throw new UsageError('profile clear-secret <id> --which workos|gem');
      const { cleared } = await unwrap(api.credentials.clear({ profileId: id, which }));
      io.stderr(cleared ? `cleared the ${which} secret\n` : `no ${which} secret was saved\n`);
      return 0;
    }
    case 'remove': {
      if (!id) throw new UsageError('profile remove <id> --confirm <profile name>');
      const confirmName = requireFlag(context, 'confirm');
      const result = await unwrap(api.profiles.remove({ id, confirmName }));
      io.stderr(`removed ${result.removedId}; active profile: ${result.activeProfileId}\n`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown profile action: ${action ?? '(none)'}`);
  }
}
