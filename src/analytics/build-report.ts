import type { Conversation } from '../conversation/conversation-schema.js';
import type { Slot } from '../lead/slots.js';
import { conversationFacts } from './conversation-facts.js';
import type { ReportPeriod } from './report-period.js';
import type { SourceRow } from './report-sources.js';
import { sumFacts } from './sum-facts.js';

export type Funnel = {
  conversations: number;
  engaged: number;
  lead: number;
  mql: number;
  sql: number;
  booked: number;
  canceled: number;
};

export type QuestionRow = {
  asked: number;
  answered: number;
  reaskedNotUnderstood: number;
  refused: number;
  abandoned: number;
  medianSecondsToAnswer: number | null;
};

/** The report (DESIGN.md "Analytics definitions"): `npm run report --json` and the console API. */
export type Report = ReportPeriod & {
  funnel: Funnel;
  questions: Record<Slot, QuestionRow>;
  sources: SourceRow[];
  speedToLead: { count: number; medianSeconds: number | null };
  /** Visitor messages the LLM failed on and the rules read instead, and in how many conversations. */
  llmFallbacks: { turns: number; conversations: number };
};

export type ReportOptions = ReportPeriod & {
  /** The time the report is read at: stages, messages and touches after it do not count yet. */
  now: Date;
};

/**
 * The report for the conversations that started between `from` and `to` (both days included,
 * in `timezone`): the funnel from each conversation's stage history, every question's fate,
 * the funnel by first-touch source, and speed to lead. A pure function of the conversations:
 * the same conversations and options always give the same report (the sum of their facts,
 * sum-facts.ts, as the analytics index sums its stored rows). AppError('BAD_REQUEST') for
 * a bad period.
 *
 * @example buildReport(conversations, { from: '2026-01-01', to: '2026-01-31', timezone: 'America/New_York', now: new Date() }).funnel.sql // 12
 */
export function buildReport(conversations: Iterable<Conversation>, options: ReportOptions): Report {
  const facts = [];
  for (const conv of conversations) facts.push(conversationFacts(conv, options.now));
  return sumFacts(facts, options);
}
