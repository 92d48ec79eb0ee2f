/** A damaged or too-new cache is reported, never silently lost: through the real core and CLI. */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../support/build-worker';
import { runCliProcess } from '../../support/run-cli';

let cli: string;
let dataDir: string;

beforeAll(async () => {
  cli = await buildCli();
});

afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function sandboxDb(): string {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-cache-'));
  mkdirSync(path.join(dataDir, 'profiles'));
  return path.join(dataDir, 'profiles', 'sandbox.sqlite');
}

const status = async () =>
  JSON.parse((await runCliProcess(cli, ['--data-dir', dataDir, 'status', '--json'])).stdout) as {
    readOnly: boolean;
    notices: string[];
  };

describe('the cache of the active profile', () => {
  it('is moved aside and started fresh when it is not a database', async () => {
    const file = sandboxDb();
    writeFileSync(file, 'this is not sqlite '.repeat(500));
    const reported = await status();
    expect(reported.notices.join(' ')).toContain('moved aside');
    expect(reported.readOnly).toBe(false);
    const aside = readdirSync(path.dirname(file)).filter((name) => name.includes('.corrupt-'));
    expect(aside.length).toBe(1);
    expect(readFileSync(path.join(path.dirname(file), aside[0] ?? '')).toString()).toContain(
      'this is not sqlite',
    );
    expect(existsSync(file)).toBe(true);
  });

  it('is refused, untouched, when a newer console wrote it', async () => {
    const file = sandboxDb();
    const db = new Database(file);
    db.exec('CREATE TABLE future (x); PRAGMA user_version = 999;');
    db.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    const reported = await status();
    expect(reported.readOnly).toBe(true);
    expect(reported.notices.join(' ')).toMatch(/999/);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });
});
