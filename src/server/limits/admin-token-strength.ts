/** Shorter than this, an admin token is reported as weak at start. */
export const MIN_ADMIN_TOKEN_CHARS = 24;
/** Fewer distinct characters than this ("aaaa…", "123123…") is weak too. */
const MIN_DISTINCT_CHARS = 10;

/**
 * The start-up warning for a weak ADMIN_TOKEN (short, or few distinct characters), or null
 * for a strong one or none. Guessing is also throttled per IP; a strong token is what holds.
 *
 * @example adminTokenWarning('secret') // 'ADMIN_TOKEN is weak: 6 characters, ...'
 */
export function adminTokenWarning(token: string | null): string | null {
  if (token === null) return null;
  const length = [...token].length;
  const distinct = new Set(token).size;
  if (length >= MIN_ADMIN_TOKEN_CHARS && distinct >= MIN_DISTINCT_CHARS) return null;
  return (
    `ADMIN_TOKEN is weak: ${length} characters, ${distinct} distinct ` +
    `(want at least ${MIN_ADMIN_TOKEN_CHARS} and ${MIN_DISTINCT_CHARS}); anyone who guesses it ` +
    'reads every lead. Use a random one, e.g. the output of `openssl rand -hex 24`.'
  );
}
