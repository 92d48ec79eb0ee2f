/**
 * Tests that write to the real keychain run inside the throwaway keyring of scripts/with-keyring.sh, never against
 * a developer's own keyring. Outside it they fail loudly (the CI always runs them under the wrapper).
 */
export const KEYRING_COMMAND =
  'dbus-run-session -- bash scripts/with-keyring.sh npx vitest run test/integration/secrets test/integration/profiles';

export function requireTestKeyring(): void {
  if (process.env.GEM_SCIM_TEST_KEYRING !== '1') {
    throw new Error(
      `This test needs the throwaway Secret Service of scripts/with-keyring.sh and is not running under it. Run:\n  ${KEYRING_COMMAND}`,
    );
  }
}
