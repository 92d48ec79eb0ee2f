import { expect, test } from '@playwright/test';
import { launchWebHost } from './web-host';
import type { RunningWebHost } from './web-host';

let host: RunningWebHost;

test.beforeAll(async () => {
  host = await launchWebHost();
});

test.afterAll(async () => {
  await host.stop();
});

test('an engineer claims a pending custom role and completes it', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Custom roles', exact: true }).click();
  await page.getByRole('button', { name: 'Refresh queue' }).click();
  const table = page.getByTestId('requests-table');
  await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });

  const pendingRow = table.locator('tbody tr', { hasText: 'Pending' }).first();
  const slug = (await pendingRow.locator('.mono').first().innerText()).trim();
  const actions = page.getByTestId(`request-actions-${slug}`);
  await actions.getByRole('button', { name: 'Claim' }).click();
  await expect(actions.getByRole('status')).toContainText('Claimed');
  await expect(actions.getByRole('button', { name: 'Complete' })).toBeVisible();
  await actions.getByRole('button', { name: 'Complete' }).click();
  await expect(actions.getByRole('status')).toContainText(`org-${slug}`, { timeout: 30_000 });
  await expect(actions.getByRole('status')).toContainText('bottom of the organization');
  const row = table.locator('tbody tr', { hasText: slug });
  await expect(row).toContainText('Synced (ready to map)');
});

test('a CSM enables SCIM for a team, creates its WorkOS organization and gets the setup link', async ({
  page,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Teams', exact: true }).click();
  await page.getByRole('button', { name: 'Sync the custom-role queue' }).click();
  const teams = page.getByRole('table', { name: 'Teams' });
  await teams.getByRole('button', { name: 'Marigold Media', exact: true }).click({ timeout: 30_000 });
  const actions = page.getByTestId('setup-actions');
  await actions.getByRole('button', { name: 'Enable the SCIM module' }).click();
  await expect(actions.getByRole('status')).toContainText('The SCIM module is on.');
  await actions.getByRole('button', { name: 'Create and link organization' }).click();
  await expect(actions.getByRole('status')).toContainText('Created and linked WorkOS organization org_');
  await actions.getByRole('button', { name: 'Get the SCIM setup link' }).click();
  const link = page.getByTestId('portal-link');
  await expect(link.getByRole('link')).toHaveAttribute('href', /\/portal\/launch\?token=/);
  await expect(link).toContainText('expires at');
  // The link works: the stand-in's Admin Portal answers it while it is fresh.
  const href = await link.getByRole('link').getAttribute('href');
  const response = await page.request.get(href ?? '');
  expect(response.status()).toBe(200);
});

test('an admin reviewer approves and flags inferred mappings and exports the review', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Teams', exact: true }).click();
  await page.getByRole('button', { name: 'Sync the custom-role queue' }).click();
  const teams = page.getByRole('table', { name: 'Teams' });
  await teams.getByRole('button', { name: 'Halcyon Health', exact: true }).click({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Sync this team' }).click();
  await expect(page.getByTestId('team-as-of')).toContainText('As of', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Mappings', exact: true }).click();

  const engineering = page.getByTestId('review-directory_group_halcyon_engineering');
  await engineering.getByRole('button', { name: 'Approve' }).click();
  await expect(engineering.getByTestId('review-verdict')).toContainText('Approved by console@gem.com');
  const interviewers = page.getByTestId('review-directory_group_halcyon_interviewers');
  await interviewers
    .getByLabel('Review note for Interviewers')
    .fill('ask IT whether contractors belong here');
  await interviewers.getByRole('button', { name: 'Flag' }).click();
  await expect(interviewers.getByTestId('review-verdict')).toContainText(
    'ask IT whether contractors belong here',
  );

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export review (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^mapping-review-team_halcyon-\d{4}-\d{2}-\d{2}\.csv$/);
  const file = await download.path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(file, 'utf8');
  expect(csv).toContain('Engineering,directory_group_halcyon_engineering');
  expect(csv).toMatch(/Interviewers,.*,flag,ask IT whether contractors belong here,console@gem\.com/);
});
