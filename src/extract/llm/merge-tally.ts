import type { MergeDecision } from './merge-extractions.js';

/** Per field: how often the rules and the model read it differently, and who won. */
export type MergeCounts = Record<string, { disagreed: number; llmWon: number; rulesWon: number }>;

export type MergeTally = {
  record(decision: MergeDecision): void;
  /** A copy of the counts so far, fields in the order first seen. */
  counts(): MergeCounts;
};

/**
 * Counts the merge's decisions of a process (or an eval run), for the eval's `--mode llm` report.
 * @example const tally = createMergeTally(); tally.record(d); tally.counts()['budget.amount'] // { disagreed: 1, llmWon: 1, rulesWon: 0 }
 */
export function createMergeTally(): MergeTally {
  const counts: MergeCounts = {};
  return {
    record(d) {
      const c = (counts[d.path] ??= { disagreed: 0, llmWon: 0, rulesWon: 0 });
      c.disagreed++;
      if (d.winner === 'llm') c.llmWon++;
      else c.rulesWon++;
    },
    counts: () => Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, { ...v }])),
  };
}
