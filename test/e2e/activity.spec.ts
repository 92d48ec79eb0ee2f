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

test('syncing the custom-role queue from the Activity view records the run', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Activity', exact: true }).click();
  await page.getByRole('button', { name: 'Sync the custom-role queue' }).click();
  await expect(page.getByTestId('last-sync')).toContainText(': ok', { timeout: 30_000 });
  const runs = page.getByTestId('sync-runs');
  await expect(runs.locator('tbody tr')).toHaveCount(1);
  await expect(runs.locator('tbody tr').first()).toContainText('requests');
  await expect(runs.locator('tbody tr').first()).toContainText('succeeded');
});
