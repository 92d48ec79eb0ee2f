// Builds everything the hosts run: the renderer (Vite), and with esbuild the core worker, the web host, the CLI,
// the Electron main process, the preload and the browser adapter. Native modules stay external (node_modules).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';

const onlyNode = process.argv.includes('--node-only');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

if (!onlyNode) rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/main', { recursive: true });

const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'linked',
  define,
  logLevel: 'warning',
  // esbuild's ESM output needs `require` for the few CommonJS paths it keeps.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
};

await Promise.all([
  esbuild({
    ...nodeCommon,
    entryPoints: {
      'core-worker': 'main/core/worker.ts',
      'web-host': 'main/web/start.ts',
      cli: 'main/cli.ts',
    },
    outdir: 'dist/main',
  }),
  esbuild({
    ...nodeCommon,
    entryPoints: { 'electron-main': 'main/electron/main.ts' },
    outdir: 'dist/main',
    external: ['electron'],
  }),
  // A sandboxed preload can only require('electron'): bundle everything else into one CommonJS file.
  esbuild({
    entryPoints: { index: 'preload/index.ts' },
    outdir: 'dist/preload',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'chrome130',
    format: 'cjs',
    external: ['electron'],
    define,
    logLevel: 'warning',
  }),
]);

if (!onlyNode) {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', define });
  await esbuild({
    entryPoints: { 'web-adapter': 'main/web/browser/adapter.ts' },
    outdir: 'dist/renderer',
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    define,
    logLevel: 'warning',
  });
}
console.log(`built ${onlyNode ? 'node bundles' : 'all bundles'} into dist/`);
