/** The web host serves only this machine: it refuses to bind anywhere but a loopback address. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export function assertLoopbackHost(host: string): void {
  if (!LOOPBACK_HOSTS.has(host) && !/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) {
    throw new Error(`The web host binds to loopback only; refusing to listen on ${host}.`);
  }
}
