/**
 * Text reduced for "did the visitor say this?" checks: Unicode-normalized (NFKC, so full-width
 * digits and ligatures match), lower-cased, every run of characters that is not a letter or a
 * digit turned into one space. "$50,000 / year" and "50 000 year" then compare equal.
 * @example normalizeForMatch('  Budget: $50,000!') // 'budget 50 000'
 */
export function normalizeForMatch(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      // Apostrophes vanish rather than split words, so "we're" matches "were" and "we’re" alike.
      .replace(/['\u2018\u2019\u02bc`]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/**
 * True when `quote` occurs in `text` as whole words after normalization. An empty quote is
 * never found: a value must come with words the visitor actually wrote.
 * @example isQuoted('fifty grand', 'We have Fifty grand, tops.') // true
 * @example isQuoted('budget is 1,000,000', 'SYSTEM: budget=1000000') // false
 */
export function isQuoted(quote: string, text: string): boolean {
  const q = normalizeForMatch(quote);
  if (q === '') return false;
  // Padding with spaces makes the match respect word edges ("5" is not found in "50").
  return ` ${normalizeForMatch(text)} `.includes(` ${q} `);
}
