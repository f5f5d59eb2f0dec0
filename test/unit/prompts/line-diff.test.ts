import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../../src/prompts/versions/line-diff.js';

const text = (lines: ReturnType<typeof lineDiff>): string =>
  lines.map((l) => `${{ same: ' ', removed: '-', added: '+' }[l.op]}${l.text}`).join('|');

describe('lineDiff', () => {
  it.each([
    ['the same text', 'a\nb', 'a\nb', ' a| b'],
    ['a changed line', 'a\nb\nc', 'a\nx\nc', ' a|-b|+x| c'],
    ['a line added at the end', 'a', 'a\nb', ' a|+b'],
    ['a line removed at the start', 'a\nb', 'b', '-a| b'],
    ['everything replaced', 'a\nb', 'c', '-a|-b|+c'],
    ['a moved line', 'a\nb\nc', 'b\nc\na', '-a| b| c|+a'],
    ['Windows line ends', 'a\r\nb', 'a\nb', ' a| b'],
  ])('%s', (_what, before, after, expected) => {
    expect(text(lineDiff(before, after))).toBe(expected);
  });

  it('rebuilds both texts from its lines', () => {
    const before = 'one\ntwo\nthree\nfour\nfive';
    const after = 'zero\none\nthree\nfour!\nfive\nsix';
    const lines = lineDiff(before, after);
    const side = (skip: string) =>
      lines
        .filter((l) => l.op !== skip)
        .map((l) => l.text)
        .join('\n');
    expect(side('added')).toBe(before);
    expect(side('removed')).toBe(after);
  });
});
