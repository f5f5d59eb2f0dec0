import type { ChatService } from '../conversation/chat-service.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import type { Config } from '../config/config-schema.js';
import { isFieldPath } from '../lead/field-paths.js';
import { getField, readField } from '../lead/lead-record.js';
import { scoreLead } from '../scoring/score-lead.js';
import { fieldMatches, keywordsMatch } from './compare-field.js';
import type { CorpusItem } from './corpus-schema.js';
import { runItem } from './run-item.js';

export type Tally = { correct: number; total: number };
export type Failure = { id: string; field: string; expected: unknown; actual: unknown };
/** The `--json` report (DESIGN.md "Evaluation"). */
export type EvalReport = {
  items: number;
  fieldAccuracy: number;
  fields: Record<string, Tally>;
  stageAccuracy: number;
  gradeAccuracy: number;
  bookedAccuracy: number;
  avgVisitorTurns: number;
  redundantAsks: number;
  failures: Failure[];
};

/** Fields reported on their own, not in fieldAccuracy. */
const OUTCOMES = ['stage', 'grade', 'booked'] as const;
type Outcome = (typeof OUTCOMES)[number];
const isOutcome = (field: string): field is Outcome => (OUTCOMES as readonly string[]).includes(field);

const ratio = (t: Tally): number => (t.total === 0 ? 1 : t.correct / t.total);

/** Runs every item through a fresh service (`makeService(item)`) and scores the final records. */
export async function runEval(items: readonly CorpusItem[], config: Config, makeService: (item: CorpusItem) => ChatService & { conversation(id: string): Promise<Conversation | null> }): Promise<EvalReport> {
  const fields: Record<string, Tally> = {};
  const outcomes: Record<Outcome, Tally> = { stage: { correct: 0, total: 0 }, grade: { correct: 0, total: 0 }, booked: { correct: 0, total: 0 } };
  const failures: Failure[] = [];
  let turns = 0;
  let redundant = 0;
  for (const item of items) {
    const run = await runItem(item, makeService(item));
    turns += run.visitorTurns;
    redundant += run.redundantAsks;
    const { lead, visitor } = run.conversation;
    const score = scoreLead(lead, visitor, config.scoring, config.currency);
    const outcome: Record<Outcome, unknown> = { stage: score.stage, grade: score.grade, booked: run.conversation.meeting?.status === 'booked' };
    for (const [field, expected] of Object.entries(item.expected)) {
      let ok: boolean;
      let actual: unknown;
      let tally: Tally;
      if (isOutcome(field)) {
        actual = outcome[field];
        ok = actual === expected;
        tally = outcomes[field];
      } else {
        if (field === 'need.keywords') {
          actual = getField(lead, 'need.summary') ?? null;
          ok = keywordsMatch(expected, actual);
        } else {
          actual = isFieldPath(field) ? readField(lead, field) : null;
          ok = fieldMatches(field, expected, actual);
        }
        tally = fields[field] ??= { correct: 0, total: 0 };
      }
      tally.total++;
      if (ok) tally.correct++;
      else failures.push({ id: item.id, field, expected, actual });
    }
  }
  const all = Object.values(fields).reduce((a, t) => ({ correct: a.correct + t.correct, total: a.total + t.total }), { correct: 0, total: 0 });
  return {
    items: items.length,
    fieldAccuracy: ratio(all),
    fields,
    stageAccuracy: ratio(outcomes.stage),
    gradeAccuracy: ratio(outcomes.grade),
    bookedAccuracy: ratio(outcomes.booked),
    avgVisitorTurns: items.length === 0 ? 0 : turns / items.length,
    redundantAsks: redundant,
    failures,
  };
}
