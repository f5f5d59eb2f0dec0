import { describe, expect, it } from 'vitest';
import { createBoundedMemo } from '../../../src/lib/bounded-memo.js';

describe('createBoundedMemo', () => {
  it('when a key comes back, then its value is not computed again, even when it is undefined', () => {
    const memo = createBoundedMemo<string, string | undefined>(10);
    let builds = 0;
    const build = (): undefined => void (builds += 1);
    expect(memo.get('Europe/Paris', build)).toBeUndefined();
    expect(memo.get('Europe/Paris', build)).toBeUndefined();
    expect(builds).toBe(1);
  });

  it('when more keys than its limit come, then it forgets them all and never holds more than the limit', () => {
    const memo = createBoundedMemo<number, number>(3);
    const built: number[] = [];
    const square = (n: number) => () => (built.push(n), n * n);
    for (const n of [1, 2, 3]) memo.get(n, square(n));
    expect(memo.get(4, square(4))).toBe(16);
    // 1 was forgotten when 4 came in; 4 is remembered.
    expect(memo.get(1, square(1))).toBe(1);
    expect(memo.get(4, square(4))).toBe(16);
    expect(built).toEqual([1, 2, 3, 4, 1]);
  });
});
