/** A summary of a set of durations in milliseconds. */
export type LatencyStats = {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
};

/**
 * Nearest-rank percentiles (p50, p90, p99), the maximum and the mean of `ms`. NaN everywhere
 * for an empty set, so a phase that measured nothing shows as such instead of as zero.
 *
 * @example latencyStats([1, 2, 3, 4]).p50 // 2
 */
export function latencyStats(ms: readonly number[]): LatencyStats {
  const sorted = [...ms].sort((a, b) => a - b);
  const n = sorted.length;
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  const at = (q: number): number =>
    n === 0 ? Number.NaN : (sorted[Math.max(0, Math.ceil(q * n) - 1)] ?? Number.NaN);
  const mean = n === 0 ? Number.NaN : sorted.reduce((a, b) => a + b, 0) / n;
  return { n, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1), mean };
}
