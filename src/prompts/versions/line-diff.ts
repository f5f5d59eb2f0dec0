/** One line of a diff: kept, removed from the old text, or added in the new one. */
export type DiffLine = { op: 'same' | 'removed' | 'added'; text: string };

/**
 * A line diff of two texts (longest common subsequence). Hand-written because no diff library
 * is installed (node_modules has none, and installing one is not this change's call): a
 * template is at most MAX_TEMPLATE_CHARS, so after trimming the common head and tail the
 * quadratic table stays small (a few hundred lines each side at worst).
 *
 * @example lineDiff('a\nb', 'a\nc') // [{ op: 'same', text: 'a' }, { op: 'removed', text: 'b' }, { op: 'added', text: 'c' }]
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  // lcs[i][j]: the longest common subsequence of x[i..] and y[j..], one flat row-major table.
  const width = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i * width + j] =
        x[i] === y[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const xi = x[i];
    const yj = y[j];
    if (xi !== undefined && yj !== undefined && xi === yj) {
      middle.push({ op: 'same', text: xi });
      i++;
      j++;
    } else if (
      yj === undefined ||
      (xi !== undefined && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))
    ) {
      middle.push({ op: 'removed', text: xi ?? '' });
      i++;
    } else {
      middle.push({ op: 'added', text: yj });
      j++;
    }
  }
  const same = (text: string): DiffLine => ({ op: 'same', text });
  return [...a.slice(0, head).map(same), ...middle, ...a.slice(a.length - tail).map(same)];
}
