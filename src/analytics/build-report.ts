import { speedToLead } from '../console/speed-to-lead.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import { SLOTS, type Slot } from '../lead/slots.js';
import { median } from './median.js';
import { questionFacts } from './question-facts.js';
import { reachedStages } from './reached-stages.js';
import { checkPeriod, localDay, type ReportPeriod } from './report-period.js';
import { compareSourceRows, sourceKeyOf, type SourceRow } from './report-sources.js';

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
};

export type ReportOptions = ReportPeriod & {
  /** The time the report is read at: stages, messages and touches after it do not count yet. */
  now: Date;
};

/**
 * The report for the conversations that started between `from` and `to` (both days included,
 * in `timezone`): the funnel from each conversation's stage history, every question's fate,
 * the funnel by first-touch source, and speed to lead. A pure function of the conversations:
 * the same conversations and options always give the same report. AppError('BAD_REQUEST') for
 * a bad period.
 *
 * @example buildReport(conversations, { from: '2026-01-01', to: '2026-01-31', timezone: 'America/New_York', now: new Date() }).funnel.sql // 12
 */
export function buildReport(conversations: Iterable<Conversation>, options: ReportOptions): Report {
  const { from, to, timezone } = checkPeriod(options);
  const now = options.now.getTime();
  const reached = (at: string | undefined): boolean => at !== undefined && Date.parse(at) <= now;
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
  const sources = new Map<string, SourceRow>();
  const speeds: number[] = [];

  for (const conv of conversations) {
    const day = localDay(conv.createdAt, timezone);
    if (day < from || day > to || Date.parse(conv.createdAt) > now) continue;
    const stages = reachedStages(conv);
    const has = {
      lead: reached(stages.lead),
      mql: reached(stages.mql),
      sql: reached(stages.sql),
      booked: reached(stages.booked),
    };
    funnel.conversations++;
    if (conv.messages.some((m) => m.role === 'visitor' && Date.parse(m.at) <= now))
      funnel.engaged++;
    for (const key of ['lead', 'mql', 'sql', 'booked'] as const) if (has[key]) funnel[key]++;
    if (has.booked && reached(stages.canceled)) funnel.canceled++;

    for (const [slot, facts] of questionFacts(conv, options.now)) {
      const q = questions.get(slot);
      if (q === undefined) continue;
      q.row.asked++;
      if (facts.answered) q.row.answered++;
      if (facts.reaskedNotUnderstood) q.row.reaskedNotUnderstood++;
      if (facts.refused) q.row.refused++;
      if (facts.abandoned) q.row.abandoned++;
      if (facts.secondsToAnswer !== null) q.seconds.push(facts.secondsToAnswer);
    }

    const key = sourceKeyOf(conv);
    const id = JSON.stringify(key);
    const row = sources.get(id) ?? { ...key, conversations: 0, lead: 0, mql: 0, sql: 0, booked: 0 };
    row.conversations++;
    for (const k of ['lead', 'mql', 'sql', 'booked'] as const) if (has[k]) row[k]++;
    sources.set(id, row);

    const speed = speedToLead(conv);
    if (speed !== null && speed.seconds !== null && reached(speed.firstTouchAt ?? undefined))
      speeds.push(speed.seconds);
  }

  const rowOf = (slot: Slot): QuestionRow => {
    const q = questions.get(slot);
    return q === undefined
      ? emptyQuestionRow()
      : { ...q.row, medianSecondsToAnswer: median(q.seconds) };
  };
  const questionRows: Record<Slot, QuestionRow> = {
    need: rowOf('need'),
    authority: rowOf('authority'),
    company: rowOf('company'),
    budget: rowOf('budget'),
    timeline: rowOf('timeline'),
    contact: rowOf('contact'),
    booking: rowOf('booking'),
  };
  return {
    from,
    to,
    timezone,
    funnel,
    questions: questionRows,
    sources: [...sources.values()].sort(compareSourceRows),
    speedToLead: { count: speeds.length, medianSeconds: median(speeds) },
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
