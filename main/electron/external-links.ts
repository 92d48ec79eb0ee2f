/**
 * Which URLs the console may hand to the OS browser (`shell.openExternal`). Pure, so it is unit-tested:
 * https only, exact host matches (no look-alikes such as `workos.com.evil.test`), no credentials, default port.
 */
export const EXTERNAL_HOST_ALLOWLIST: ReadonlySet<string> = new Set([
  // WorkOS Admin Portal links (current and older forms) and the dashboard.
  'setup.workos.com',
  'id.workos.com',
  'dashboard.workos.com',
  'workos.com',
  // Gem help pages.
  'support.gem.com',
  'help.gem.com',
]);

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  if (url.port !== '') return false;
  return EXTERNAL_HOST_ALLOWLIST.has(url.hostname);
}
