/**
 * The console's Content-Security-Policy (design §3): scripts only from our own origin, no eval, no inline
 * scripts. `connect-src` differs per host: Electron needs no network at all; the web host's page talks to its
 * own WebSocket bridge.
 */
export function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
