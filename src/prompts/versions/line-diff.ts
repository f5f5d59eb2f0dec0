import { diffLines } from 'diff';

/** One line of a diff: kept, removed from the old text, or added in the new one. */
export type DiffLine = { op: 'same' | 'removed' | 'added'; text: string };

/** Line ends made `\n`, and one more at the end so the last line compares like the others. */
const normalized = (text: string): string => `${text.split(/\r?\n/).join('\n')}\n`;

/**
 * A line diff of two texts (jsdiff's `diffLines`, Myers' algorithm), one entry per line.
 * Windows line ends count as `\n`, and a missing newline at the end is no change.
 *
 * @example lineDiff('a\nb', 'a\nc') // [{ op: 'same', text: 'a' }, { op: 'removed', text: 'b' }, { op: 'added', text: 'c' }]
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(normalized(before), normalized(after))) {
    const op = change.added ? 'added' : change.removed ? 'removed' : 'same';
    // Every value ends with '\n' (both texts do): the last piece of the split is empty.
    for (const text of change.value.split('\n').slice(0, -1)) lines.push({ op, text });
  }
  return lines;
}
