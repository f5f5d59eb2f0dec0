import { describe, expect, it } from 'vitest';
import { probabilityToBeat, wilsonInterval } from '../../../src/experiments/binomial-stats.js';
import type { Experiment, Goal } from '../../../src/experiments/experiment.js';
import { experimentReport } from '../../../src/experiments/experiment-report.js';
import { at, makeConversation } from '../../helpers/make-conversation.js';

const MIA = { email: 'mia@beacon.example', name: 'Mia' };
const experiment = (goal: Goal): Experiment => ({
  id: 'exp_1',
  template: 'ask-budget',
  variants: [
    { name: 'A', version: 1, weight: 1 },
    { name: 'B', version: 2, weight: 1 },
  ],
  goal,
  status: 'running',
  startedAt: at(0),
  startedBy: MIA,
  stoppedAt: null,
  stoppedBy: null,
  promoted: null,
});
const NOW = new Date(at(100_000));

describe('the figures of a variant', () => {
  it.each([
    // reached, n, low, high (Wilson 95%, published tables)
    [50, 100, 0.4038, 0.5962],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [81, 263, 0.2553, 0.3662],
  ])('when %i of %i reach the goal, then the 95%% interval is [%f, %f]', (k, n, low, high) => {
    const i = wilsonInterval(k, n);
    expect(i?.low).toBeCloseTo(low, 3);
    expect(i?.high).toBeCloseTo(high, 3);
  });

  it.each([
    [{ reached: 0, n: 0 }, { reached: 0, n: 0 }, 0.5],
    [{ reached: 30, n: 100 }, { reached: 30, n: 100 }, 0.5],
    [{ reached: 30, n: 100 }, { reached: 45, n: 100 }, 0.9855],
    [{ reached: 45, n: 100 }, { reached: 30, n: 100 }, 0.0145],
    [{ reached: 500, n: 5000 }, { reached: 560, n: 5000 }, 0.9743],
  ])(
    'when the control has %j and the variant %j, then it beats the control with p = %f',
    (a, b, p) => {
      expect(probabilityToBeat(a, b)).toBeCloseTo(p, 3);
    },
  );
});

describe('the report of an experiment', () => {
  /** A conversation assigned to `variant` at second 10, with stages reached at the given seconds. */
  const assigned = (id: string, variant: 'A' | 'B', stages: Record<string, number> = {}) =>
    makeConversation({
      id,
      experiments: { exp_1: { variant, version: variant === 'A' ? 1 : 2, at: at(10) } },
      stageHistory: Object.fromEntries(Object.entries(stages).map(([k, s]) => [k, at(s)])),
    });

  it.each<[Goal, number, number]>([
    ['mql', 2, 1],
    ['sql', 1, 1],
    ['booked', 1, 0],
  ])(
    'when the goal is %s, then each variant counts the conversations reaching it after their assignment',
    (goal, a, b) => {
      const conversations = [
        assigned('c1', 'A', { mql: 20, sql: 30, booked: 40 }),
        assigned('c2', 'A', { mql: 20 }),
        // Reached before it was shown the variant: not counted.
        assigned('c3', 'A', { mql: 5, sql: 5 }),
        assigned('c4', 'B', { mql: 20, sql: 20 }),
        assigned('c5', 'B'),
        // Never assigned (it never saw the template): not counted at all.
        makeConversation({ id: 'c6', stageHistory: { mql: at(20) } }),
      ];
      const report = experimentReport(experiment(goal), conversations, NOW);
      expect(report.variants.map((v) => [v.name, v.conversations, v.reached])).toEqual([
        ['A', 3, a],
        ['B', 2, b],
      ]);
      expect(report.variants[0]?.beatControl).toBeNull();
    },
  );

  it('when the sample is small, then the report says so; with enough, it does not', () => {
    const small = experimentReport(experiment('mql'), [assigned('c1', 'A', { mql: 20 })], NOW);
    expect(small.enough).toBe(false);
    expect(small.message).toMatch(/Too few conversations to judge yet.*fewest has 0/);
    const many = Array.from({ length: 220 }, (_, i) =>
      assigned(`c${i}`, i % 2 === 0 ? 'A' : 'B', i % 10 === 0 ? { mql: 20 } : {}),
    );
    const report = experimentReport(experiment('mql'), many, NOW);
    expect(report).toMatchObject({ enough: true, message: null });
    expect(report.variants.map((v) => [v.conversations, v.reached])).toEqual([
      [110, 22],
      [110, 0],
    ]);
    expect(report.variants[1]?.beatControl).toBeLessThan(0.001);
  });
});
