import { describe, expect, it } from 'vitest';
import { graphemeCount, isLongerThan } from '../../../src/lib/grapheme-count.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const reference = (text: string): number => [...segmenter.segment(text)].length;

describe('characters as a visitor sees them', () => {
  it.each([
    ['an empty text', '', 0],
    ['plain letters', 'hello', 5],
    ['a family emoji (7 code points)', '👨‍👩‍👧‍👦', 1],
    ['a flag (2 regional indicators)', '🇩🇪', 1],
    ['the flag of England (a tag sequence)', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', 1],
    ['a thumbs up with a skin tone', '👍🏽', 1],
    ['a letter with a combining accent', 'e\u0301', 1],
    ['a Windows line break', 'a\r\nb', 3],
    ['three flags in a row', '🇩🇪🇫🇷🇯🇵', 3],
  ])('when the text is %s, then it has %s characters', (_case, text, n) => {
    expect(graphemeCount(text)).toBe(n);
  });

  it('when a long text mixes emoji, flags, accents and line breaks, then the count is that of Intl.Segmenter over the whole text', () => {
    const parts = ['a', ' ', '\r\n', '👨‍👩‍👧‍👦', '🇩🇪', '🇺', 'e\u0301', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '漢', '\u200d', '👍🏽'];
    // Deterministic: every part after every other, many times over, so pieces are cut everywhere.
    let text = '';
    for (let i = 0; i < 3000; i++) text += parts[(i * 7 + (i >> 3)) % parts.length];
    text += 'x' + '\u0301'.repeat(900); // one character longer than a piece
    expect(graphemeCount(text)).toBe(reference(text));
  });

  it('when counting stops at a limit, then a longer text reports the limit plus one', () => {
    expect(graphemeCount('a'.repeat(50_000), 2000)).toBe(2001);
    expect(graphemeCount('🇩🇪'.repeat(2000), 2000)).toBe(2000);
  });

  it.each([
    ['200 flags', '🇩🇪'.repeat(200), false],
    ['201 flags', '🇩🇪'.repeat(201), true],
    ['200 family emoji', '👨‍👩‍👧‍👦'.repeat(200), false],
    ['201 letters', 'a'.repeat(201), true],
    ['a 60,000-letter paste', 'a'.repeat(60_000), true],
  ])('when the text is %s and the cap 200, then it is too long: %s', (_case, text, over) => {
    expect(isLongerThan(text, 200)).toBe(over);
  });
});
