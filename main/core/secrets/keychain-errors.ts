import { AppError } from '../errors';

/**
 * Turns what keytar (libsecret over D-Bus on Linux, Keychain on macOS, Credential Manager on Windows) throws into
 * AppError('keychain_unavailable') with a message that says what to install or unlock. The patterns below were
 * probed for real on Linux (see test/integration/secrets): no session bus, a bus address that points nowhere, a bus
 * without a Secret Service, a keyring without a default collection, and a locked collection.
 *
 * Any error keytar raises is a keychain problem (it never sees our data), so unknown messages are still
 * keychain_unavailable, quoting keytar's own text; keytar's messages never contain the secret.
 */

const READ_ONLY = 'the console stays read-only from its cache.';

interface KnownCause {
  readonly pattern: RegExp;
  readonly explain: string;
}

const KNOWN_CAUSES: readonly KnownCause[] = [
  {
    // libsecret with DBUS_SESSION_BUS_ADDRESS unset and no X11 display to autolaunch one.
    pattern: /Cannot autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|X11 \$DISPLAY/i,
    explain:
      'No D-Bus session bus is running, so no Secret Service can be reached: start the console from a desktop ' +
      'session (or under dbus-run-session with gnome-keyring running and unlocked)',
  },
  {
    // DBUS_SESSION_BUS_ADDRESS set, but its socket is gone or refuses us.
    pattern: /Could not connect|Connection refused|No such file or directory/i,
    explain:
      'The D-Bus session bus named in DBUS_SESSION_BUS_ADDRESS cannot be reached, so no Secret Service is ' +
      'available: restart the desktop session (or run under dbus-run-session with gnome-keyring)',
  },
  {
    // A bus, but nothing provides org.freedesktop.secrets.
    pattern: /org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files/i,
    explain: 'No Secret Service is running: install gnome-keyring (or KeePassXC) and unlock it',
  },
  {
    // A Secret Service with no default ("login") collection to write into.
    pattern: /Object does not exist at path .*\/collection\/|No such (object|collection)/i,
    explain:
      'The Secret Service has no default keyring to save into: create and unlock a "login" keyring ' +
      '(GNOME Passwords and Keys / Seahorse, or a KeePassXC database with Secret Service integration)',
  },
  {
    pattern: /locked/i,
    explain:
      'The keyring is locked: unlock it (GNOME Passwords and Keys / Seahorse, or KeePassXC) and try again',
  },
  {
    // macOS Keychain and Windows Credential Manager refusals.
    pattern: /user interaction is not allowed|passphrase|access.*denied|not permitted/i,
    explain: 'The OS keychain refused access: unlock it and allow the Gem SCIM Console to use it',
  },
];

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return firstLine(error.message);
  return firstLine(String(error));
}

/** What the user should do, for an error keytar threw during `operation` (e.g. "setPassword"). */
export function keychainErrorFrom(error: unknown, operation: string): AppError {
  if (error instanceof AppError) return error;
  const raw = messageOf(error);
  const known = KNOWN_CAUSES.find((cause) => cause.pattern.test(raw));
  const explain = known?.explain ?? 'The OS keychain refused the request';
  return new AppError(
    'keychain_unavailable',
    `Keychain (keytar ${operation}) failed: ${explain}; ${READ_ONLY} (keytar said: "${raw}")`,
    { retryable: true, cause: error },
  );
}

/** The native keychain module itself could not be loaded (not built for this Node/Electron, or libsecret missing). */
export function keychainModuleMissing(error: unknown): AppError {
  return new AppError(
    'keychain_unavailable',
    'The keychain module (keytar) could not be loaded: reinstall the console; on Linux install libsecret ' +
      `(libsecret-1-0) and a Secret Service such as gnome-keyring; ${READ_ONLY} (loader said: "${messageOf(error)}")`,
    { retryable: false, cause: error },
  );
}
