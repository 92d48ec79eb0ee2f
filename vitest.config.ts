import { defineConfig } from 'vitest/config';

// Unit and integration tests run under Node. Integration tests use real SQLite files, the real keychain
// (under dbus-run-session, see scripts/with-keyring.sh) and real HTTP to the sandbox stand-ins.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
