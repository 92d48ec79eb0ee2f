// `npm run bench [name-filter]`: builds each test/bench/*.bench.ts with esbuild, runs it in its own Node process,
// prints its ratios (each measured against a baseline in the same run) and writes all results to
// bench-results/<timestamp>.json and bench-results/latest.json. Exits non-zero when a benchmark crashes; a missed
// target is reported, not fatal (speed depends on the machine).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const filter = process.argv[2] ?? '';
const benches = readdirSync('test/bench')
  .filter((file) => file.endsWith('.bench.ts') && file.includes(filter))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark matches "${filter}"`);
  process.exit(2);
}

mkdirSync('.tmp', { recursive: true });
const outdir = mkdtempSync(path.resolve('.tmp', 'bench-'));
const results = [];
let crashed = 0;

for (const file of benches) {
  const entry = path.join(outdir, `${path.basename(file, '.ts')}.runner.ts`);
  writeFileSync(
    entry,
    `import run from ${JSON.stringify(path.resolve('test/bench', file))};\n` +
      `const report = await run();\nprocess.stdout.write('\\n@@BENCH@@' + JSON.stringify(report) + '\\n');\n`,
  );
  const outfile = path.join(outdir, `${path.basename(file, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  });
  console.log(`\n▶ ${file}`);
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--expose-gc', outfile], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const marker = child.stdout.lastIndexOf('@@BENCH@@');
  if (child.status !== 0 || marker === -1) {
    crashed += 1;
    console.log(child.stdout);
    console.log(`✗ ${file} failed (exit ${child.status})`);
    results.push({ file, error: `exit ${child.status}` });
    continue;
  }
  const report = JSON.parse(child.stdout.slice(marker + '@@BENCH@@'.length));
  results.push({ file, seconds: (Date.now() - started) / 1000, ...report });
  for (const [key, value] of Object.entries(report.metrics)) console.log(`  ${key}: ${value}`);
  for (const [key, ratio] of Object.entries(report.ratios)) {
    console.log(`  ${ratio.pass ? '✓' : '✗'} ${key} = ${ratio.value.toFixed(3)} (target ${ratio.target})`);
  }
  if (report.notes) console.log(`  ${report.notes}`);
}

mkdirSync('bench-results', { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const payload = JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2);
writeFileSync(path.join('bench-results', `${stamp}.json`), payload);
writeFileSync(path.join('bench-results', 'latest.json'), payload);
console.log(`\nwrote bench-results/${stamp}.json`);
process.exit(crashed > 0 ? 1 : 0);
