/**
 * The Teams, Members, Mappings and Custom roles views against the web host's demo sandbox (seeded, deterministic):
 * Halcyon Health (healthy Okta team with drift and pending custom roles), Brightwater Logistics (Okta without
 * SSO), Juniper Analytics (mid-setup), Tessellate Robotics (no WorkOS organization).
 *
 * The tests share one host and its cache, so they run in order: the first one fills the cache.
 * Set VIEWS_SCREENSHOT_DIR to also save screenshots of the Teams and Mappings views there.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { launchWebHost } from './web-host';
import type { RunningWebHost } from './web-host';

let host: RunningWebHost;
const screenshotDir = process.env['VIEWS_SCREENSHOT_DIR'];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await launchWebHost();
});

test.afterAll(async () => {
  await host.stop();
});

async function openSection(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label);
}

/** Opens the console and selects a team in the Teams view. */
async function selectTeam(page: Page, name: string): Promise<void> {
  await page.goto(host.url);
  await openSection(page, 'Teams');
  await page.getByRole('table', { name: 'Teams' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByTestId('team-detail').getByRole('heading', { level: 2 })).toHaveText(name);
}

test('Teams: an empty cache says what to do; the queue sync fills it; Halcyon syncs and shows its setup', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(host.url);
  await openSection(page, 'Teams');
  await expect(page.getByTestId('teams-empty')).toContainText('No teams in the cache yet');

  await page.getByRole('button', { name: 'Sync the custom-role queue' }).click();
  const teams = page.getByRole('table', { name: 'Teams' });
  // Every team is listed (the queue sync reads all teams, SCIM or not); only SCIM teams have a queue.
  await expect(teams.locator('tbody tr')).toHaveCount(5, { timeout: 30_000 });
  await expect(page.getByTestId('pager-teams')).toHaveText('1–5 of 5 teams');

  // Text filter (debounced, in SQL), then the SCIM filter and the pinned filter.
  await page.getByLabel('Search teams').fill('halcy');
  await expect(teams.locator('tbody tr')).toHaveCount(1);
  await expect(teams).toContainText('halcyonhealth.com');
  await expect(teams).toContainText('org_halcyon');
  await page.getByLabel('SCIM module').selectOption('disabled');
  await expect(page.getByText('No team matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(teams.locator('tbody tr')).toHaveCount(5);
  await page.getByLabel('SCIM module').selectOption('disabled');
  await expect(teams.locator('tbody tr')).toHaveCount(1);
  await expect(teams).toContainText('Marigold Media');
  await page.getByLabel('SCIM module').selectOption('any');
  await expect(teams.locator('tbody tr')).toHaveCount(5);

  await teams.getByRole('button', { name: 'Halcyon Health', exact: true }).click();
  const detail = page.getByTestId('team-detail');
  await expect(detail.getByTestId('team-as-of')).toContainText('Never synced — sync this team');

  // Pin, and the pinned filter finds it.
  await detail.getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(detail.getByRole('button', { name: 'Unpin' })).toBeVisible();
  await page.getByLabel('Pinned only').check();
  await expect(teams.locator('tbody tr')).toHaveCount(1);
  await expect(teams).toContainText('pinned');
  await page.getByLabel('Pinned only').uncheck();

  await detail.getByRole('button', { name: 'Sync this team' }).click();
  await expect(detail.getByTestId('team-as-of')).toContainText('As of', { timeout: 30_000 });
  await expect(detail.getByRole('button', { name: 'Sync this team' })).toBeEnabled();
  await expect(detail.getByTestId('setup-state')).toHaveText('Directory active');
  const steps = detail.getByRole('list', { name: 'Setup steps' }).getByRole('listitem');
  // An Okta team: the fourth step is the SSO connection the article requires.
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toContainText('SCIM module enabled');
  await expect(steps.nth(2)).toContainText('Halcyon Okta is active');
  await expect(steps.nth(3)).toContainText('an active Okta SSO connection exists');
  await expect(detail.getByRole('table', { name: 'Directories' })).toContainText('okta scim v2.0');
  await expect(detail.getByTestId('team-counts')).toContainText('IdP groups8');
  await expect(detail.getByTestId('okta-warning')).toHaveCount(0);
  if (screenshotDir)
    await page.screenshot({ path: path.join(screenshotDir, 'teams-view.png'), fullPage: true });
});

test('Members: search, who manages each member, no edits for SCIM-managed ones, a role explanation', async ({
  page,
}) => {
  await selectTeam(page, 'Halcyon Health');
  await page.getByRole('button', { name: 'Open members' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Members');
  await expect(page.getByTestId('selected-team')).toContainText('Halcyon Health');
  await expect(page.getByTestId('view-as-of')).toContainText('As of');
  await expect(page.getByTestId('pager-members')).toHaveText(/^1–50 of \d+ members$/);

  await page.getByLabel('Search members').fill('okafor');
  const table = page.getByRole('table', { name: 'Members' });
  await expect(table.locator('tbody tr')).toHaveCount(4);
  const nora = table.locator('tr', { hasText: 'nora.okafor@halcyonhealth.com' });
  await expect(nora).toContainText('Managed in your IdP');
  await expect(nora.getByText('Managed in your IdP')).toHaveAttribute('title', /identity provider/);
  const rafael = table.locator('tr', { hasText: 'r.okafor.contractor@gmail.com' });
  await expect(rafael).toContainText('Managed in Gem');
  // The only buttons in the table open role explanations: no edit, role change or removal anywhere.
  await expect(table.getByRole('button')).toHaveCount(4);
  await expect(
    page.getByRole('button', { name: /edit|change (role|email)|remove|delete|invite|add member/i }),
  ).toHaveCount(0);
  await expect(page.getByTestId('scim-managed-note')).toContainText(
    'adding users, changing email and changing roles happen only in the customer’s identity provider',
  );

  await page.getByLabel('Filter by status').selectOption('deactivated');
  await expect(page.getByText('No member matches these filters.')).toBeVisible();
  await page.getByLabel('Filter by status').selectOption('any');

  await table.getByRole('button', { name: 'Explain the role of Nora Okafor' }).click();
  const explanation = page.getByTestId('role-explanation');
  await expect(explanation).toContainText('inferred, not read from WorkOS');
  await expect(explanation.getByTestId('role-explanation-text')).not.toBeEmpty();
  await expect(explanation.getByRole('list', { name: 'Possible source groups' })).toContainText(
    'Recruiting Operations',
  );
  if (screenshotDir)
    await page.screenshot({ path: path.join(screenshotDir, 'members-view.png'), fullPage: true });
});

test('Drift: the planted differences, with both sides', async ({ page }) => {
  await selectTeam(page, 'Halcyon Health');
  await page.getByRole('button', { name: 'Open members' }).click();
  await page.getByRole('tab', { name: 'Drift' }).click();
  const counts = page.getByRole('list', { name: 'Drift by kind' });
  await expect(counts.getByRole('listitem').filter({ hasText: 'Role differs' })).toContainText('1');
  await expect(counts.getByRole('listitem').filter({ hasText: 'Not provisioned' })).toContainText('1');
  await expect(counts.getByRole('listitem').filter({ hasText: 'Not SCIM-managed' })).toContainText('1');
  const findings = page.getByRole('table', { name: 'Drift findings' });
  const roleRow = findings.locator('tr', { hasText: 'Role differs' });
  await expect(roleRow).toContainText('dara.lee@halcyonhealth.com');
  await expect(roleRow.locator('mark.differs')).toHaveText(['admin', 'standard']);
  await expect(findings.locator('tr', { hasText: 'Not provisioned' })).toContainText(
    'amara.shah@halcyonhealth.com',
  );
  await expect(findings.locator('tr', { hasText: 'Not SCIM-managed' })).toContainText(
    'r.okafor.contractor@gmail.com',
  );
  if (screenshotDir)
    await page.screenshot({ path: path.join(screenshotDir, 'drift-view.png'), fullPage: true });
});

test('Mappings: inferred groups with evidence; pinning a default role recomputes them', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await selectTeam(page, 'Halcyon Health');
  await page.getByRole('button', { name: 'Open mappings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mappings');
  await expect(page.getByTestId('inferred-banner')).toContainText('never read from WorkOS');
  await expect(page.getByTestId('inferred-banner')).toContainText('Gem does not provision user groups');

  const groups = page.getByRole('table', { name: 'IdP groups' });
  await expect(groups.locator('tbody tr')).toHaveCount(8);
  await expect(page.getByTestId('mapping-status')).toHaveText(Array(8).fill('Determined'));
  const hiringManagers = groups.locator('tr', { hasText: 'Hiring Managers' });
  await expect(hiringManagers).toContainText('org-hiring-manager');
  await expect(hiringManagers).toContainText(
    'pinned to Hiring Manager by 8 members who are only in this group',
  );
  const engineering = groups.locator('tr', { hasText: 'Engineering' });
  await expect(engineering).toContainText('default role or unmapped');

  const defaultRole = page.getByTestId('default-role-text');
  await expect(defaultRole).toContainText('(standard)');
  await expect(defaultRole).toContainText('guessed');
  if (screenshotDir)
    await page.screenshot({ path: path.join(screenshotDir, 'mappings-view.png'), fullPage: true });

  // Pin Restricted as the default: Standard is then no longer "default or unmapped" anywhere.
  await page.getByLabel('Role to pin as default').selectOption('restricted');
  await page.getByRole('button', { name: 'Pin as default' }).click();
  await expect(defaultRole).toContainText('(restricted)');
  await expect(defaultRole).toContainText('pinned by an admin');
  // Engineering's members who hold Standard through it alone now need a mapping the data rules out.
  await expect(engineering.getByTestId('mapping-status')).toHaveText('Inconsistent');
  await expect(engineering).toContainText('none fits');
  await expect(groups.locator('tr', { hasText: 'Contractors' })).toContainText('default role or unmapped');
  if (screenshotDir)
    await page.screenshot({ path: path.join(screenshotDir, 'mappings-pinned.png'), fullPage: true });

  await page.getByRole('button', { name: 'Unpin (guess again)' }).click();
  await expect(defaultRole).toContainText('(standard)');
  await expect(engineering).toContainText('default role or unmapped');
});

test('Custom roles: the queue with ages against the 2-day target, filtered by status', async ({ page }) => {
  await page.goto(host.url);
  await openSection(page, 'Custom roles');
  await expect(page.getByTestId('queue-as-of')).toContainText('As of');
  const table = page.getByRole('table', { name: 'Custom-role requests' });
  await page.getByLabel('Filter by request status').selectOption('pending');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table).toContainText('Interview Coordinator');
  await expect(table).toContainText('org-interview-coordinator');
  await expect(table.getByTestId('request-age').first()).toHaveAttribute(
    'title',
    /business days; the target is 2/,
  );
  await expect(table.getByTestId('request-age').first()).toContainText('overdue');
  await page.getByLabel('Filter by request status').selectOption('all');
  await expect(page.getByTestId('pager-requests')).toHaveText(/of [1-9]\d* requests/);
  await expect(table.locator('tr', { hasText: 'Agency Partner' })).toContainText('eli.nakamura@gem.com');
  if (screenshotDir)
    await page.screenshot({ path: path.join(screenshotDir, 'custom-roles-view.png'), fullPage: true });
  await page.getByRole('button', { name: 'Refresh queue' }).click();
  await expect(page.getByRole('button', { name: 'Refresh queue' })).toBeEnabled({ timeout: 30_000 });
  await expect(table.locator('tbody tr').first()).toBeVisible();
});

test('An Okta team without SSO shows the SSO warning once synced', async ({ page }) => {
  await selectTeam(page, 'Brightwater Logistics');
  const detail = page.getByTestId('team-detail');
  await expect(detail.getByTestId('okta-warning')).toHaveCount(0);
  await detail.getByRole('button', { name: 'Sync this team' }).click();
  await expect(detail.getByTestId('okta-warning')).toContainText('SSO must also be set up', {
    timeout: 30_000,
  });
  await expect(detail.getByTestId('setup-state')).toHaveText('Directory active, SSO missing');
  await expect(detail.getByRole('list', { name: 'Setup steps' }).getByRole('listitem').nth(3)).toContainText(
    'no active Okta SSO connection yet',
  );
  // The list says it too, so a CSM sees it without opening the team.
  const row = page
    .getByRole('table', { name: 'Teams' })
    .locator('tbody tr', { hasText: 'Brightwater Logistics' });
  await expect(row).toContainText('SSO missing (Okta)');
  if (screenshotDir)
    await page.screenshot({ path: path.join(screenshotDir, 'okta-warning.png'), fullPage: true });
});
