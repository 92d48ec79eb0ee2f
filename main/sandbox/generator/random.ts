/** Seeded choices for the scenario generator: the same seed always makes the same picks, in the same order. */
import { createSeededRandom, hashString } from '../http/prng';

export interface Picker {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items (all of them when count ≥ length), in a seeded order. */
  sample<T>(items: readonly T[], count: number): T[];
  chance(probability: number): boolean;
}

/** One independent stream per purpose (`stream`), so adding a pick in one place does not shift every other one. */
export function createPicker(seed: number, stream: string): Picker {
  const random = createSeededRandom((seed ^ hashString(stream)) >>> 0);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return {
    next: random,
    int,
    pick: <T>(items: readonly T[]) => items[int(0, items.length - 1)] as T,
    sample: <T>(items: readonly T[], count: number) => {
      const copy = [...items];
      const n = Math.min(count, copy.length);
      for (let i = 0; i < n; i += 1) {
        const j = int(i, copy.length - 1);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy.slice(0, n);
    },
    chance: (probability) => random() < probability,
  };
}
