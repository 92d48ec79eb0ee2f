/** Replaced at build time with package.json's version (scripts/build.mjs); read from the env in tests. */
declare const __APP_VERSION__: string | undefined;

export function appVersion(): string {
  return typeof __APP_VERSION__ === 'string'
    ? __APP_VERSION__
    : (process.env['npm_package_version'] ?? '0.0.0-dev');
}
