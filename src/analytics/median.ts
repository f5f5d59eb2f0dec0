/**
 * The median of some numbers (the mean of the two middle ones for an even count), or null for
 * none.
 *
 * @example median([30, 10, 20, 40]) // 25
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically without a comparator: fast for 100,000 values.
  const sorted = Float64Array.from(values).sort();
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}
