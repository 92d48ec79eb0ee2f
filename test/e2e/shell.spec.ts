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

test('the status panel is filled by the core', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('status-profile')).toHaveText('Sandbox');
  await expect(page.getByTestId('status-host')).toHaveText('web');
  await expect(page.getByTestId('status-data-dir')).toHaveText(host.dataDir);
  await expect(page.getByTestId('status-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(page.getByTestId('profile-band')).toHaveClass(/profile-sandbox/);
});

test('the UI reacts to the core heartbeat push event', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('status-heartbeat')).toHaveText(/^alive · /, { timeout: 15_000 });
});

test('navigation switches sections', async ({ page }) => {
  await page.goto(host.url);
  for (const label of ['Members', 'Mappings', 'Custom roles', 'Activity', 'Settings', 'Teams']) {
    await page.getByRole('button', { name: label, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(label);
  }
});

test('the page runs under the strict CSP with no violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(host.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByTestId('status-profile')).toHaveText('Sandbox');
  expect(violations).toEqual([]);
});

test('without the token the bridge refuses the page', async ({ page }) => {
  await page.goto(host.origin + '/');
  await expect(page.getByTestId('status-panel')).toContainText('not reachable', { timeout: 15_000 });
});
