/** The corpus README's "How a field counts as correct", one rule per field. */

const squash = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '');
const words = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '';

/**
 * Whether the actual value meets the expected one for a field path. `null` expected means the
 * field must be empty. `need.keywords` is checked against `need.summary` by the caller.
 */
export function fieldMatches(path: string, expected: unknown, actual: unknown): boolean {
  if (expected === null) return isEmpty(actual);
  if (isEmpty(actual)) return false;
  switch (path) {
    case 'contact.name':
    case 'company.name':
      return squash(String(actual)) === squash(String(expected));
    case 'contact.email':
      return String(actual).toLowerCase() === String(expected).toLowerCase();
    case 'contact.phone':
      return String(actual).replace(/[^\d+]/g, '') === String(expected).replace(/[^\d+]/g, '');
    case 'authority.role': {
      const a = words(String(actual));
      const e = words(String(expected));
      return a.length > 0 && e.length > 0 && (a.includes(e) || e.includes(a));
    }
    case 'company.size':
      return (
        typeof actual === 'number' &&
        typeof expected === 'number' &&
        Math.abs(actual - expected) <= 0.1 * expected
      );
    case 'budget.amount':
      return (
        typeof actual === 'number' &&
        typeof expected === 'number' &&
        Math.abs(actual - expected) <= 0.01 * expected
      );
    default:
      return actual === expected;
  }
}

/** need.keywords: the stored need summary contains at least one of the words (case-insensitive). */
export function keywordsMatch(expected: unknown, summary: unknown): boolean {
  if (expected === null) return isEmpty(summary);
  if (isEmpty(summary) || !Array.isArray(expected)) return false;
  const text = String(summary).toLowerCase();
  return expected.some((w) => text.includes(String(w).toLowerCase()));
}
