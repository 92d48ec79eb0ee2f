#!/usr/bin/env node
// The `gem-scim` command: runs the built CLI (npm run build makes dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('gem-scim: the console is not built yet; run `npm run build` first.\n');
  process.exit(1);
}
await import(cli);
