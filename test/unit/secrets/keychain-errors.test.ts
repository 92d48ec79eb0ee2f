import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { keychainErrorFrom, keychainModuleMissing } from '../../../main/core/secrets/keychain-errors';

// The messages below are what keytar 7.9 / libsecret actually threw when probed on Linux
// (see test/integration/secrets/no-secret-service.test.ts for the live versions).
const PROBED: [string, RegExp][] = [
  ['Cannot autolaunch D-Bus without X11 $DISPLAY', /No D-Bus session bus is running/],
  ['Could not connect: No such file or directory', /DBUS_SESSION_BUS_ADDRESS cannot be reached/],
  [
    'The name org.freedesktop.secrets was not provided by any .service files',
    /No Secret Service is running: install gnome-keyring \(or KeePassXC\) and unlock it/,
  ],
  [
    'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
    /no default keyring to save into: create and unlock a "login" keyring/,
  ],
  ['Cannot create an item in a locked collection', /The keyring is locked: unlock it/],
];

describe('keychainErrorFrom', () => {
  it.each(PROBED)('explains "%s"', (raw, explanation) => {
    const error = keychainErrorFrom(new Error(raw), 'setPassword');
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('keychain_unavailable');
    expect(error.message).toMatch(explanation);
    expect(error.message).toContain('Keychain (keytar setPassword) failed');
    expect(error.message).toContain('the console stays read-only from its cache');
    expect(error.message).toContain(raw);
  });

  it('still reports an unknown keychain error as keychain_unavailable, quoting it', () => {
    const error = keychainErrorFrom(new Error('Something odd\nsecond line'), 'getPassword');
    expect(error.code).toBe('keychain_unavailable');
    expect(error.message).toContain('The OS keychain refused the request');
    expect(error.message).toContain('"Something odd"');
    expect(error.message).not.toContain('second line');
  });

  it('passes an AppError through unchanged', () => {
    const original = new AppError('keychain_unavailable', 'already explained');
    expect(keychainErrorFrom(original, 'getPassword')).toBe(original);
  });

  it('tells what to install when the native module does not load', () => {
    const error = keychainModuleMissing(new Error('libsecret-1.so.0: cannot open shared object file'));
    expect(error.code).toBe('keychain_unavailable');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/keytar\) could not be loaded.*libsecret.*gnome-keyring/);
  });
});
