/** What every benchmark in test/bench/*.bench.ts returns from its default export. */
export interface BenchRatio {
  value: number;
  /** The target as a readable condition, e.g. "≤ 1.05" or "≥ 3". */
  target: string;
  pass: boolean;
}

export interface BenchReport {
  name: string;
  metrics: Record<string, number>;
  ratios: Record<string, BenchRatio>;
  notes?: string;
}
