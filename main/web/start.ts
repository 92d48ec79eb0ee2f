/**
 * `node dist/main/web-host.js [--data-dir D] [--port P] [--open]`: starts the core and the web host, prints one
 * JSON line `{"url": …}` on stdout, optionally opens Chromium in an app window, and serves until stopped.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../host/data-dir';
import { bundleDir, startCoreFromBundle } from '../host/start-core';
import { openInBrowser } from './open-browser';
import { startWebHost } from './server';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    open: { type: 'boolean', default: false },
  },
});

const dataDir = resolveDataDir(values['data-dir']);
const core = await startCoreFromBundle(import.meta.url, { host: 'web', dataDir });
const web = await startWebHost({
  core,
  rendererDir: path.join(bundleDir(import.meta.url), '..', 'renderer'),
  ...(values.port ? { port: Number(values.port) } : {}),
});

process.stdout.write(`${JSON.stringify({ url: web.url, origin: web.origin, dataDir })}\n`);
if (values.open) {
  const opened = openInBrowser(web.url);
  process.stderr.write(`${opened.message}\n`);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await web.close();
  await core.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
