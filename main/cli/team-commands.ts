/**
 * `gem-scim team enable-scim|disable-scim|link|portal-link --team T`: the CSM's actions, acting as the profile's
 * Gem staff member. `link` without `--organization` links (or creates) the organization whose external id is the
 * team id; `portal-link` prints a fresh Admin Portal link (valid five minutes).
 */
import type { CommandContext } from './context';
import { requireFlag, stringFlag, unwrap, UsageError } from './context';
import { renderRows } from './output';

export async function runTeamCommand(context: CommandContext): Promise<number> {
  const [, action] = context.positionals;
  const teamId = requireFlag(context, 'team');
  const { api, io } = context;
  switch (action) {
    case 'enable-scim':
    case 'disable-scim': {
      const team = await unwrap(api.teams.setScimModule({ teamId, enabled: action === 'enable-scim' }));
      io.stdout(
        renderRows(
          [{ team: team.id, scim: team.scimModuleEnabled ? 'enabled' : 'disabled' }],
          context.format,
        ),
      );
      return 0;
    }
    case 'link': {
      const linked = await unwrap(
        api.teams.linkOrganization({ teamId, organizationId: stringFlag(context, 'organization') ?? null }),
      );
      io.stdout(
        renderRows(
          [{ team: teamId, organization: linked.organizationId, created: linked.created }],
          context.format,
        ),
      );
      return 0;
    }
    case 'portal-link': {
      const intent = stringFlag(context, 'intent') ?? 'dsync';
      if (intent !== 'dsync' && intent !== 'sso') throw new UsageError('--intent must be dsync or sso');
      const portal = await unwrap(api.teams.portalLink({ teamId, intent }));
      io.stdout(renderRows([portal], context.format));
      return 0;
    }
    default:
      throw new UsageError(`Unknown team action: ${action ?? '(none)'}`);
  }
}
