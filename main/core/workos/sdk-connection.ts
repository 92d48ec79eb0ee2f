import { AppError } from '../errors';

/** The three WorkOS constructor options that decide where requests go. */
export interface SdkConnection {
  apiHostname: string;
  https: boolean;
  port?: number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Turns a base URL into SDK 8.13 options. The SDK builds `${protocol}://${apiHostname}:${port}` and resolves
 * paths with `new URL(path, base)`, so a path prefix would be silently dropped: refuse it instead. Plain http is
 * allowed only for the local stand-in on loopback; the real API is HTTPS only.
 */
export function toSdkConnection(baseUrl: string): SdkConnection {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new AppError('invalid_input', 'WorkOS base URL is not a valid URL.');
  }
  // Checked first so that a URL carrying credentials is never echoed in a message.
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new AppError(
      'invalid_input',
      'WorkOS base URL must be only a scheme, a host and an optional port.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('invalid_input', `WorkOS base URL must use https: ${baseUrl}`);
  }
  const https = url.protocol === 'https:';
  if (!https && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new AppError(
      'invalid_input',
      `WorkOS base URL must use https unless it points to this machine: ${baseUrl}`,
    );
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    throw new AppError(
      'invalid_input',
      `WorkOS base URL cannot have a path (the SDK would drop it): ${baseUrl}`,
    );
  }
  const connection: SdkConnection = { apiHostname: url.hostname, https };
  // `port: 0` is ignored by the SDK (falsy); URL gives '' for the scheme's default port.
  if (url.port !== '') connection.port = Number(url.port);
  return connection;
}
