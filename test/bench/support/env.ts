/** Small helpers every sync benchmark shares: sizes from the environment, rounding, ratios, temp folders. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchRatio } from '../harness';

/** A positive integer from the environment (e.g. `BENCH_USERS=20000 npm run bench sync-`), or the default. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** `value ≤ bound` as a BenchRatio. */
export function atMost(value: number, bound: number, unit = ''): BenchRatio {
  return { value: round(value, 4), target: `≤ ${bound}${unit}`, pass: value <= bound };
}

/** `value ≥ bound` as a BenchRatio. */
export function atLeast(value: number, bound: number, unit = ''): BenchRatio {
  return { value: round(value, 4), target: `≥ ${bound}${unit}`, pass: value >= bound };
}

export interface TempDir {
  dir: string;
  file(name: string): string;
  dispose(): void;
}

export function makeTempDir(prefix: string): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name) => path.join(dir, name),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `body` with cleanups registered along the way, and runs them (last first) whatever happens. */
export async function withCleanup<T>(
  body: (defer: (cleanup: () => unknown) => void) => Promise<T>,
): Promise<T> {
  const cleanups: (() => unknown)[] = [];
  try {
    return await body((cleanup) => cleanups.push(cleanup));
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`bench cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/** Prints a progress line on stderr (the harness keeps stdout for the report). */
export function say(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}
