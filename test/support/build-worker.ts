/**
 * Builds the core worker bundle for integration tests into `.tmp/` (inside the repo, so its external packages
 * resolve from node_modules), the same way scripts/build.mjs does for the hosts.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';

let cached: Promise<string> | undefined;

export function buildCoreWorker(): Promise<string> {
  cached ??= (async () => {
    mkdirSync(path.resolve('.tmp'), { recursive: true });
    const outdir = mkdtempSync(path.resolve('.tmp', 'worker-'));
    await build({
      entryPoints: { 'core-worker': 'main/core/worker.ts' },
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
    return path.join(outdir, 'core-worker.js');
  })();
  return cached;
}
