import { describe, expect, it } from 'vitest';
import { assignmentOf, pickVariant } from '../../../src/experiments/assign-variant.js';
import type { Variant } from '../../../src/experiments/experiment.js';

const variants = (...weights: number[]): Variant[] =>
  weights.map((weight, i) => ({ name: 'ABCDEF'[i] ?? '?', version: i + 1, weight }));
const share = (weights: number[], n = 10_000): Record<string, number> => {
  const counts: Record<string, number> = {};
  const e = { id: 'exp_1', variants: variants(...weights) };
  for (let i = 0; i < n; i++) {
    const v = pickVariant(e, `conv_${i}`).name;
    counts[v] = (counts[v] ?? 0) + 1 / n;
  }
  return counts;
};

describe('assigning a conversation a variant', () => {
  it('when the same conversation is assigned twice, then it gets the same variant', () => {
    const e = { id: 'exp_1', variants: variants(1, 1) };
    for (let i = 0; i < 50; i++)
      expect(pickVariant(e, `conv_${i}`)).toEqual(pickVariant(e, `conv_${i}`));
  });

  it.each([
    [[1, 1], { A: 0.5, B: 0.5 }],
    [[3, 1], { A: 0.75, B: 0.25 }],
    [[1, 1, 2], { A: 0.25, B: 0.25, C: 0.5 }],
  ])('when the weights are %j, then the shares follow them', (weights, expected) => {
    const got = share(weights);
    for (const [name, p] of Object.entries(expected)) expect(got[name]).toBeCloseTo(p, 1);
  });

  it('when two experiments run, then a conversation is assigned in each independently', () => {
    const a = { id: 'exp_1', variants: variants(1, 1) };
    const b = { id: 'exp_2', variants: variants(1, 1) };
    let same = 0;
    for (let i = 0; i < 1000; i++)
      if (pickVariant(a, `c${i}`).name === pickVariant(b, `c${i}`).name) same += 1;
    expect(same / 1000).toBeGreaterThan(0.4);
    expect(same / 1000).toBeLessThan(0.6);
  });

  it('when the conversation already has an assignment, then it is kept even though the weights changed', () => {
    const at = new Date('2026-03-02T10:00:00Z');
    const e = { id: 'exp_1', variants: variants(1, 1) };
    const first = assignmentOf(e, 'conv_7', undefined, at);
    expect(first.fresh).toBe(true);
    const stored = { exp_1: first.assignment };
    const other = first.assignment.variant === 'A' ? variants(1, 1000) : variants(1000, 1);
    const later = assignmentOf({ id: 'exp_1', variants: other }, 'conv_7', stored, at);
    expect(later).toEqual({ assignment: first.assignment, fresh: false });
  });
});
