import { AppError } from '../errors';
import type { ProfileKind } from './profile';

/**
 * Validation of a profile's base URLs. Production and staging talk to real services and must use https; plain http
 * is accepted only towards this machine (the sandbox stand-ins, a local emulator). A URL never carries a user name or
 * password: profiles.json must not hold anything secret.
 */

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type BaseUrlService = 'WorkOS' | 'Gem';

function invalid(service: BaseUrlService, raw: string, why: string): AppError {
  return new AppError('invalid_input', `${service} base URL "${raw}" is not accepted: ${why}.`);
}

/** Returns the normalised URL (no trailing slash) or throws AppError('invalid_input'). */
export function validateBaseUrl(service: BaseUrlService, raw: string, kind: ProfileKind): string {
  const trimmed = raw.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw invalid(service, trimmed, 'it is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(service, trimmed, 'only https (or http to this machine) is supported');
  }
  if (url.username !== '' || url.password !== '') {
    // Never echo the URL back here: it carries credentials.
    throw new AppError(
      'invalid_input',
      `${service} base URL is not accepted: it contains a user name or password; credentials go in the keychain.`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalid(service, trimmed, 'it must not have a query or fragment');
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if ((kind === 'production' || kind === 'staging') && url.protocol !== 'https:') {
    throw invalid(service, trimmed, `a ${kind} profile requires https`);
  }
  if (url.protocol === 'http:' && !loopback) {
    throw invalid(service, trimmed, 'plain http is accepted only for 127.0.0.1 or localhost');
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (service === 'WorkOS' && path !== '') {
    // The WorkOS SDK resolves request paths against the origin, so a path prefix would be silently dropped.
    throw invalid(service, trimmed, 'the WorkOS SDK ignores a path, so give only scheme, host and port');
  }
  return `${url.protocol}//${url.host}${path}`;
}
