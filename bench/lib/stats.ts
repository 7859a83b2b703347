// Summaries of timing samples. Percentiles use the nearest-rank method: with n samples the
// p95 is an actual sample, never an interpolation between two.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  if (p < 0 || p > 100) throw new Error(`percentile out of range: ${p}`);
  // oxlint-disable-next-line unicorn/no-array-sort -- a copy; toSorted is ES2023 and the tests room compiles as ES2022
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export const median = (samples: readonly number[]): number => {
  if (samples.length === 0) throw new Error('median of no samples');
  // oxlint-disable-next-line unicorn/no-array-sort -- a copy; toSorted is ES2023 and the tests room compiles as ES2022
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export const p95 = (samples: readonly number[]): number => percentile(samples, 95);

/** Rounds for display and for results.json: enough digits to compare, no float noise. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 10 ? 2 : digits;
  const f = 10 ** magnitude;
  return Math.round(value * f) / f;
}
