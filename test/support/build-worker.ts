/**
 * Builds the core worker and the CLI for integration tests into `.tmp/` (inside the repo, so their external
 * packages resolve from node_modules), the same way scripts/build.mjs does for the hosts.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';

/** How tests bundle a Node entry (like scripts/build.mjs): ESM, packages from node_modules, `require` available. */
export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
} as const;

let cached: Promise<string> | undefined;

/** Returns the folder holding `core-worker.js` and `cli.js`. */
export function buildNodeBundles(): Promise<string> {
  cached ??= (async () => {
    mkdirSync(path.resolve('.tmp'), { recursive: true });
    const outdir = mkdtempSync(path.resolve('.tmp', 'bundles-'));
    await build({
      entryPoints: { 'core-worker': 'main/core/worker.ts', cli: 'main/cli.ts' },
      outdir,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      logLevel: 'warning',
    });
    return outdir;
  })();
  return cached;
}

export async function buildCoreWorker(): Promise<string> {
  return path.join(await buildNodeBundles(), 'core-worker.js');
}

export async function buildCli(): Promise<string> {
  return path.join(await buildNodeBundles(), 'cli.js');
}
