/**
 * Bundles the benchmark's worker threads (sandbox-thread.ts, sync-thread.ts) with esbuild, the way
 * test/support/build-worker.ts builds the core worker: into a temp folder under `.tmp/` in the repo, so the
 * external packages (better-sqlite3, @workos-inc/node, …) resolve from node_modules.
 *
 * Benchmarks run from the repo root (`npm run bench`), so the sources are found from the working directory.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { NODE_BUNDLE_OPTIONS } from '../../support/build-worker';

export interface BenchWorkers {
  sandboxThread: string;
  syncThread: string;
  dispose(): void;
}

const ENTRIES = {
  'sandbox-thread': 'test/bench/support/sandbox-thread.ts',
  'sync-thread': 'test/bench/support/sync-thread.ts',
} as const;

export async function bundleBenchWorkers(): Promise<BenchWorkers> {
  for (const source of Object.values(ENTRIES)) {
    if (!fs.existsSync(path.resolve(source))) {
      throw new Error(`${source} not found: run the benchmarks from the repo root (npm run bench)`);
    }
  }
  fs.mkdirSync(path.resolve('.tmp'), { recursive: true });
  const outdir = fs.mkdtempSync(path.resolve('.tmp', 'bench-workers-'));
  try {
    await build({
      entryPoints: Object.fromEntries(
        Object.entries(ENTRIES).map(([name, source]) => [name, path.resolve(source)]),
      ),
      outdir,
      outExtension: { '.js': '.mjs' },
      ...NODE_BUNDLE_OPTIONS,
    });
  } catch (error) {
    fs.rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
  return {
    sandboxThread: path.join(outdir, 'sandbox-thread.mjs'),
    syncThread: path.join(outdir, 'sync-thread.mjs'),
    dispose: () => fs.rmSync(outdir, { recursive: true, force: true }),
  };
}
