import { DateTime } from 'luxon';
import { SLOTS, type Slot } from '../lead/slots.js';
import type { Funnel, QuestionRow, Report, ReportOptions } from './build-report.js';
import type { ConversationFacts } from './conversation-facts.js';
import { median } from './median.js';
import { ABANDON_AFTER_MS } from './question-facts.js';
import { checkPeriod } from './report-period.js';
import { compareSourceRows, type SourceRow } from './report-sources.js';

const STAGES = ['lead', 'mql', 'sql', 'booked'] as const;

/** Each source object's key, kept: the analytics index shares one object per source. */
const sourceIds = new WeakMap<object, string>();
function sourceIdOf(source: ConversationFacts['source']): string {
  let id = sourceIds.get(source);
  if (id === undefined) {
    id = JSON.stringify(source);
    sourceIds.set(source, id);
  }
  return id;
}

/**
 * The report summed from conversation facts (conversation-facts.ts): the conversations that
 * started between `from` and `to` (both days included, in `timezone`), each stage counted once
 * its time is at or before `now`. `buildReport` is this over the facts of the conversations;
 * the analytics index is this over its stored rows. AppError('BAD_REQUEST') for a bad period.
 *
 * @example sumFacts(rows, { from: '2026-01-01', to: '2026-01-31', timezone: 'UTC', now: new Date() }).funnel.lead
 */
export function sumFacts(rows: Iterable<ConversationFacts>, options: ReportOptions): Report {
  const { from, to, timezone } = checkPeriod(options);
  const now = options.now.getTime();
  const start = DateTime.fromISO(from, { zone: timezone }).startOf('day').toMillis();
  const end = DateTime.fromISO(to, { zone: timezone }).plus({ days: 1 }).startOf('day').toMillis();
  const reached = (ms: number | null): boolean => ms !== null && ms <= now;
  const funnel: Funnel = {
    conversations: 0,
    engaged: 0,
    lead: 0,
    mql: 0,
    sql: 0,
    booked: 0,
    canceled: 0,
  };
  const questions = new Map<Slot, { row: QuestionRow; seconds: number[] }>(
    SLOTS.map((s) => [s, { row: emptyQuestionRow(), seconds: [] }]),
  );
  const sources = new Map<string, { row: SourceRow; speeds: number[] }>();
  const speeds: number[] = [];
  const fallbacks = { turns: 0, conversations: 0 };

  for (const f of rows) {
    if (f.startMs < start || f.startMs >= end || f.startMs > now) continue;
    const has = {
      lead: reached(f.stages.lead),
      mql: reached(f.stages.mql),
      sql: reached(f.stages.sql),
      booked: reached(f.stages.booked),
    };
    const engaged = reached(f.engagedMs);
    funnel.conversations++;
    if (engaged) funnel.engaged++;
    for (const key of STAGES) if (has[key]) funnel[key]++;
    if (has.booked && reached(f.stages.canceled)) funnel.canceled++;

    const { open } = f;
    const stopped = open.ended || (open.lastMs !== null && now - open.lastMs >= ABANDON_AFTER_MS);
    for (const fact of f.questions) {
      const q = questions.get(fact.slot);
      if (q === undefined) continue;
      q.row.asked++;
      if (fact.answered) q.row.answered++;
      if (fact.reaskedNotUnderstood) q.row.reaskedNotUnderstood++;
      if (fact.refused) q.row.refused++;
      if (stopped && open.slot === fact.slot) q.row.abandoned++;
      if (fact.secondsToAnswer !== null) q.seconds.push(fact.secondsToAnswer);
    }

    const id = sourceIdOf(f.source);
    const source = sources.get(id) ?? { row: emptySourceRow(f), speeds: [] };
    source.row.conversations++;
    if (engaged) source.row.engaged++;
    for (const k of STAGES) if (has[k]) source.row[k]++;
    sources.set(id, source);

    if (f.speed !== null && f.speed.touchMs <= now) {
      speeds.push(f.speed.seconds);
      source.speeds.push(f.speed.seconds);
    }
    if (f.llmFallbacks > 0) {
      fallbacks.turns += f.llmFallbacks;
      fallbacks.conversations++;
    }
  }

  const rowOf = (slot: Slot): QuestionRow => {
    const q = questions.get(slot);
    return q === undefined
      ? emptyQuestionRow()
      : { ...q.row, medianSecondsToAnswer: median(q.seconds) };
  };
  return {
    from,
    to,
    timezone,
    funnel,
    questions: {
      need: rowOf('need'),
      authority: rowOf('authority'),
      company: rowOf('company'),
      budget: rowOf('budget'),
      timeline: rowOf('timeline'),
      contact: rowOf('contact'),
      booking: rowOf('booking'),
    },
    sources: [...sources.values()]
      .map(({ row, speeds: s }) => ({ ...row, medianSecondsToLead: median(s) }))
      .sort(compareSourceRows),
    speedToLead: { count: speeds.length, medianSeconds: median(speeds) },
    llmFallbacks: fallbacks,
  };
}

function emptySourceRow(f: ConversationFacts): SourceRow {
  return {
    ...f.source,
    conversations: 0,
    engaged: 0,
    lead: 0,
    mql: 0,
    sql: 0,
    booked: 0,
    medianSecondsToLead: null,
  };
}

function emptyQuestionRow(): QuestionRow {
  return {
    asked: 0,
    answered: 0,
    reaskedNotUnderstood: 0,
    refused: 0,
    abandoned: 0,
    medianSecondsToAnswer: null,
  };
}
