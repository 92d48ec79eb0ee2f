/** Deterministic scenario generator: `generateScenario({preset, seed, users?})` (docs/sandbox-scenarios.md). */
import type { Scenario } from '../scenario/schema';
import { demoScenario } from './demo-preset';
import { DEFAULT_LARGE_USERS, largeScenario } from './large-preset';

export const PRESETS = ['demo', 'large'] as const;
export type Preset = (typeof PRESETS)[number];

export interface GenerateOptions {
  preset: Preset;
  seed: number;
  /** `large` only: the number of directory users (default 100,000). */
  users?: number;
}

/** Same options → byte-identical JSON: a seeded PRNG and fixed timestamps, never the clock. */
export function generateScenario(options: GenerateOptions): Scenario {
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  if (options.preset === 'demo') return demoScenario(options.seed);
  const users = options.users ?? DEFAULT_LARGE_USERS;
  if (!Number.isInteger(users) || users < 1)
    throw new Error(`users must be a positive integer, got ${users}`);
  return largeScenario(options.seed, users);
}

export { DEFAULT_LARGE_USERS } from './large-preset';
export { GENERATOR_BASE_TIME, SANDBOX_CREDENTIALS, type SandboxTokenName } from './common';
