const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Text is segmented in pieces of about this many UTF-16 units (see below). */
const PIECE = 256;

/**
 * The number of characters in `text` as a reader sees them (grapheme clusters): a family
 * emoji, a flag or a letter with its accents is one. Counting stops once it passes `atMost`
 * (the result is then `atMost + 1`), so a huge paste costs no more than a text at the limit.
 *
 * Segmented piece by piece: V8's segment iterator takes time in proportion to the whole
 * input at every step (a 66,000-letter text took seconds). Each piece starts on a cluster
 * boundary and its last cluster, which may continue past the piece, is counted with the next
 * one; a cluster longer than a piece (hundreds of combining marks) widens the piece.
 *
 * @example graphemeCount('👨‍👩‍👧‍👦 🇩🇪') // 3
 * @example graphemeCount('a'.repeat(5000), 2000) // 2001
 */
export function graphemeCount(text: string, atMost = Number.POSITIVE_INFINITY): number {
  // No cluster is shorter than one UTF-16 unit: a short text needs no segmenting.
  if (text.length <= 1) return text.length;
  let count = 0;
  let start = 0;
  let size = PIECE;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    // Never cut a surrogate pair: half a code point would end a cluster early.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    const piece = text.slice(start, end);
    let clusters = 0;
    let lastStart = 0;
    for (const { index } of segmenter.segment(piece)) {
      clusters += 1;
      lastStart = index;
    }
    if (end === text.length) return Math.min(count + clusters, atMost + 1);
    if (clusters <= 1) {
      size *= 2;
      continue;
    }
    count += clusters - 1;
    if (count > atMost) return atMost + 1;
    start += lastStart;
    size = PIECE;
  }
  return Math.min(count, atMost + 1);
}

/**
 * Whether `text` has more than `max` characters as a reader sees them; the cheap bounds first
 * (a text of at most `max` UTF-16 units or code points cannot have more clusters).
 *
 * @example isLongerThan('🇩🇪'.repeat(200), 200) // false
 */
export function isLongerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let codePoints = 0;
  for (const _ of text) if (++codePoints > max) break;
  if (codePoints <= max) return false;
  return graphemeCount(text, max) > max;
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
