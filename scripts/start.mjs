// `npm start`: runs the console in Electron when its binary is installed; otherwise (machines where the Electron
// binary cannot be downloaded) builds if needed, starts the web host and opens the console in Chromium, or prints
// its URL when there is no display. It says which it did and why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the binary was never downloaded.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (
  !existsSync('dist/main/web-host.js') ||
  !existsSync('dist/renderer/index.html') ||
  process.env.GEM_SCIM_REBUILD
) {
  console.error('Building the console (dist/ is missing)…');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const binary = electronBinary();
if (binary) {
  console.error('Starting the Electron app.');
  const child = spawn(binary, ['.', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error(
    'The Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1), so the console runs in the web host: the same core and UI, served on 127.0.0.1.',
  );
  const child = spawn(process.execPath, ['dist/main/web-host.js', '--open', ...passThrough], {
    stdio: 'inherit',
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
