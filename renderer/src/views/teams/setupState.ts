/** Words for a team's SCIM setup, in the order the article describes it: module → organization → directory. */
import type { TeamListRow, TeamOverview } from '../../../../preload/api';

export const SETUP_STATE_LABELS: Record<TeamOverview['setupState'], string> = {
  not_enabled: 'SCIM module not enabled',
  not_linked: 'No WorkOS organization yet',
  awaiting_directory: 'Awaiting a directory',
  directory_inactive: 'Directory not active yet',
  active: 'Directory active',
};

/** The list's short setup column, from what a team row carries (the overview knows more). */
export function rowSetupLabel(team: TeamListRow): string {
  if (!team.scimModuleEnabled) return 'Module off';
  if (team.workosOrganizationId === null) return 'Not linked';
  if (team.oktaSsoMissing === true) return 'SSO missing (Okta)';
  if (team.setupCompletedAt !== null) return 'Setup completed';
  return 'Setup in progress';
}

export type StepState = 'done' | 'current' | 'todo';

export interface SetupStep {
  title: string;
  state: StepState;
  detail: string;
}

/** The three steps with where the team stands on each; the first step not done is the current one. */
export function setupSteps(overview: TeamOverview): SetupStep[] {
  const { team, scim, setupState, directories } = overview;
  const directoryDone = setupState === 'active';
  const done = [scim.moduleEnabled, scim.linked, directoryDone];
  const firstOpen = done.indexOf(false);
  const stateOf = (i: number): StepState => (done[i] ? 'done' : i === firstOpen ? 'current' : 'todo');
  const enabledDetail = scim.moduleEnabled
    ? `Enabled${team.scimEnabledAt ? ` on ${new Date(team.scimEnabledAt).toLocaleDateString()}` : ''}${
        team.scimEnabledBy ? ` by ${team.scimEnabledBy}` : ''
      }.`
    : 'Gem must enable the SCIM module before the customer can start setup.';
  const linkedDetail = scim.linked
    ? `Organization ${team.workosOrganizationId ?? ''}.`
    : 'Link or create the team’s WorkOS organization.';
  let directoryDetail: string;
  if (directoryDone) {
    const active = directories.filter((d) => d.state === 'active').map((d) => d.name);
    directoryDetail = `${active.join(', ')} is active${scim.setupCompleted ? '; setup completed in Gem' : ''}.`;
  } else if (setupState === 'directory_inactive') {
    directoryDetail = `The directory exists but is ${directories.map((d) => d.state).join(', ')}: the customer finishes it in the WorkOS Admin Portal.`;
  } else {
    directoryDetail = 'No directory yet: the customer sets it up in the WorkOS Admin Portal.';
  }
  const steps: SetupStep[] = [
    { title: 'SCIM module enabled', state: stateOf(0), detail: enabledDetail },
    { title: 'WorkOS organization linked', state: stateOf(1), detail: linkedDetail },
    { title: 'Directory active', state: stateOf(2), detail: directoryDetail },
  ];
  // The article's Okta rule: an Okta directory is not enough, SSO must be configured too.
  if (overview.okta.usesOkta) {
    const ssoDone = overview.okta.hasActiveOktaSso;
    steps.push({
      title: 'Okta SSO connection active',
      state: ssoDone ? 'done' : firstOpen === -1 ? 'current' : 'todo',
      detail: ssoDone
        ? 'Okta teams need SSO as well as SCIM: an active Okta SSO connection exists.'
        : 'Okta teams need SSO as well as SCIM: no active Okta SSO connection yet.',
    });
  }
  return steps;
}

/** The heading's words: the setup state, unless an Okta team still lacks SSO. */
export function setupHeadline(overview: TeamOverview): string {
  if (overview.okta.warning && overview.setupState === 'active') return 'Directory active, SSO missing';
  return SETUP_STATE_LABELS[overview.setupState];
}
