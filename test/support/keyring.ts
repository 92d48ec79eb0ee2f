/** Keychain tests run under scripts/with-keyring.sh (npm test does); they fail loudly anywhere else. */
export function requireTestKeyring(): void {
  if (process.env['GEM_SCIM_TEST_KEYRING'] !== '1') {
    throw new Error(
      'This test uses the real keychain: run it with `dbus-run-session -- bash scripts/with-keyring.sh npx vitest run …`.',
    );
  }
}
