import type { ChatService } from '../conversation/chat-service.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import type { Config } from '../config/config-schema.js';
import type { MergeCounts } from '../extract/llm/merge-tally.js';
import type { LlmFailure } from '../llm/llm-error.js';
import { tokensPerTurn, type LlmUsage, type TokensPerTurn } from '../llm/llm-usage.js';
import type { FailureNote } from '../llm/model-gate.js';
import { isFieldPath } from '../lead/field-paths.js';
import { getField, readField } from '../lead/lead-record.js';
import { scoreLead } from '../scoring/score-lead.js';
import { fieldMatches, keywordsMatch } from './compare-field.js';
import type { CorpusItem } from './corpus-schema.js';
import { runItem } from './run-item.js';

export type Tally = { correct: number; total: number };
export type Failure = { id: string; field: string; expected: unknown; actual: unknown };
/** What the model did during an LLM-mode run (the report's `llm` key; absent in rules mode). */
export type LlmFigures = {
  model: string;
  baseUrl: string;
  /** Visitor messages the LLM extractor handled. */
  turns: number;
  /** Of those, turns whose extraction fell back to the rules (model failed or skipped). */
  turnsOnRules: number;
  /** Requests that reached the model service. */
  calls: number;
  failures: number;
  /** Failed or skipped calls by kind (`config`, `timeout`, `breaker_open`, ...). */
  failuresByKind: Partial<Record<LlmFailure, number>>;
  fallbacks: number;
  promptTokens: number;
  /** Of `promptTokens`: served from the provider's prompt cache. */
  cachedPromptTokens: number;
  completionTokens: number;
  /** Mean tokens per turn: input, cached input, output. */
  tokensPerTurn: TokensPerTurn;
  meanCallMs: number;
  /** Messages screened as instructions to the model (not sent to it). */
  screened: number;
  /** Proposed values dropped (evidence not in the visitor's words). */
  rejected: number;
  /** The last failure, with its hint for a configuration error. */
  lastFailure: FailureNote | null;
  /** Per field, how often the rules and the model read a message differently and who won. */
  merges: MergeCounts;
};

/** The LLM parts' figures for the report. */
export function llmFigures(llm: {
  usage: { total(): LlmUsage };
  gate: { lastFailure(): FailureNote | null };
  setup: { baseUrl: string; model: string };
  merges?: { counts(): MergeCounts };
}): LlmFigures {
  const u = llm.usage.total();
  return {
    model: llm.setup.model,
    baseUrl: llm.setup.baseUrl,
    turns: u.turns,
    turnsOnRules: u.extractFallbacks,
    calls: u.calls,
    failures: u.failures,
    failuresByKind: u.failureKinds,
    fallbacks: u.fallbacks,
    promptTokens: u.promptTokens,
    cachedPromptTokens: u.cachedPromptTokens,
    completionTokens: u.completionTokens,
    tokensPerTurn: tokensPerTurn(u),
    meanCallMs: u.calls === 0 ? 0 : Math.round(u.latencyMs / u.calls),
    screened: u.screened,
    rejected: u.rejected,
    lastFailure: llm.gate.lastFailure(),
    merges: llm.merges?.counts() ?? {},
  };
}

/** The `--json` report (DESIGN.md "Evaluation"), plus `llm` in LLM mode. */
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
  llm?: LlmFigures;
};

/** Fields reported on their own, not in fieldAccuracy. */
const OUTCOMES = ['stage', 'grade', 'booked'] as const;
type Outcome = (typeof OUTCOMES)[number];
const isOutcome = (field: string): field is Outcome =>
  (OUTCOMES as readonly string[]).includes(field);

const ratio = (t: Tally): number => (t.total === 0 ? 1 : t.correct / t.total);

/**
 * Runs every item through a fresh service (`makeService(item)`) and scores the final records.
 * With the LLM parts the services use, the report adds what the model did (`llm`).
 */
export async function runEval(
  items: readonly CorpusItem[],
  config: Config,
  makeService: (
    item: CorpusItem,
  ) => ChatService & { conversation(id: string): Promise<Conversation | null> },
  llm: Parameters<typeof llmFigures>[0] | null = null,
): Promise<EvalReport> {
  const fields: Record<string, Tally> = {};
  const outcomes: Record<Outcome, Tally> = {
    stage: { correct: 0, total: 0 },
    grade: { correct: 0, total: 0 },
    booked: { correct: 0, total: 0 },
  };
  const failures: Failure[] = [];
  let turns = 0;
  let redundant = 0;
  for (const item of items) {
    const run = await runItem(item, makeService(item));
    turns += run.visitorTurns;
    redundant += run.redundantAsks;
    const { lead, visitor } = run.conversation;
    const score = scoreLead(lead, visitor, config.scoring, config.currency);
    const outcome: Record<Outcome, unknown> = {
      stage: score.stage,
      grade: score.grade,
      booked: run.conversation.meeting?.status === 'booked',
    };
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
  const all = Object.values(fields).reduce(
    (a, t) => ({ correct: a.correct + t.correct, total: a.total + t.total }),
    { correct: 0, total: 0 },
  );
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
    ...(llm ? { llm: llmFigures(llm) } : {}),
  };
}
