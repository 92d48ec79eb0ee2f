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

test('a CSM adds a staging profile, switches to it, fails to save an unreachable key, and removes it', async ({
  page,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByTestId('profile-row-sandbox')).toContainText('active');

  const form = page.getByRole('form', { name: 'Add a profile' });
  await form.getByLabel('Name').fill('Staging EU');
  await form.getByLabel('Kind').selectOption('staging');
  await form.getByLabel('WorkOS API base URL').fill('https://workos.staging.invalid');
  await form.getByLabel('Gem admin API base URL').fill('https://gem.staging.invalid/admin/v0');
  await form.getByRole('button', { name: 'Add profile' }).click();

  const row = page.locator('[data-testid^="profile-row-staging-eu"]');
  await expect(row).toContainText('Staging EU');
  await row.getByRole('button', { name: 'Switch to' }).click();
  await expect(page.getByTestId('profile-band')).toHaveClass(/profile-staging/);
  await expect(page.getByTestId('status-profile')).toHaveText('Staging EU');

  await row.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit Staging EU' });
  await edit.getByLabel('Gem admin API base URL').fill('https://gem-eu.staging.invalid/admin/v0');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('https://gem-eu.staging.invalid/admin/v0');

  await row.getByRole('button', { name: 'Staging EU' }).click();
  const workosSecret = page.getByTestId('secret-workos');
  await expect(page.getByTestId('secret-workos-state')).toHaveText('not set');
  await workosSecret.getByLabel('New WorkOS API key').fill('sk_test_unreachable_12345678');
  await workosSecret.getByRole('button', { name: 'Verify and save' }).click();
  await expect(workosSecret.getByRole('alert')).toContainText('nothing was saved', { timeout: 30_000 });
  await expect(page.getByTestId('secret-workos-state')).toHaveText('not set');

  await row.getByRole('button', { name: 'Remove…' }).click();
  const confirm = page.getByLabel('Confirm profile name');
  await confirm.fill('staging eu');
  await expect(page.getByRole('button', { name: 'Remove profile' })).toBeDisabled();
  await confirm.fill('Staging EU');
  await page.getByRole('button', { name: 'Remove profile' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('profile-band')).toHaveClass(/profile-sandbox/);
});

test('a production profile must use https', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const form = page.getByRole('form', { name: 'Add a profile' });
  await form.getByLabel('Name').fill('Prod');
  await form.getByLabel('Kind').selectOption('production');
  await form.getByLabel('WorkOS API base URL').fill('http://api.workos.com');
  await form.getByLabel('Gem admin API base URL').fill('https://api.gem.com/admin/v0');
  await form.getByRole('button', { name: 'Add profile' }).click();
  await expect(form.getByRole('alert')).toContainText('requires https');
});
