/**
 * Reads a Retry-After header (RFC 9110): a number of seconds or an HTTP date. Returns the wait
 * in ms from `now` (0 for a date in the past), or null when absent or unreadable.
 *
 * @example
 *   parseRetryAfter('120', now) // 120000
 *   parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now) // ms until then
 */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number.parseInt(value, 10) * 1000;
  // An HTTP date has a weekday and month in letters; without the test, Date.parse would read "-5" as a year.
  if (!/[A-Za-z]/.test(value)) return null;
  // Date.parse reads the IMF-fixdate form HTTP uses ("Wed, 21 Oct 2026 07:28:00 GMT") and the obsolete ones.
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
