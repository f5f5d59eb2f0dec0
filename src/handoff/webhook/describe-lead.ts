import { slotLabel } from '../../booking/availability.js';
import type { Config } from '../../config/config-schema.js';
import type { Conversation } from '../../conversation/conversation-schema.js';
import type { TimelineBucket } from '../../lead/field-paths.js';
import { getField } from '../../lead/lead-record.js';
import type { ScoreResult } from '../../scoring/score-lead.js';

/** The short phrases a rep reads, and the one-line summary built from them. */
export type LeadDescription = {
  /** "Dana Lee, COO at Acme Corp (120 people)", or the email, or "Unnamed visitor". */
  who: string;
  firstName: string | null;
  lastName: string | null;
  /** "$30K/yr", "no budget", or null when not given. */
  budget: string | null;
  /** "live within a quarter", "live by Apr 30, 2026", or null when not given. */
  timeline: string | null;
  /** The meeting start in the rep's time zone ("Thu, Mar 5, 10:00 AM EST"), or null. */
  meetingWhen: string | null;
  /** "Dana Lee, COO at Acme Corp (120 people): $30K/yr, live within a quarter, wants a demo. Hot (85), SQL." */
  summary: string;
};

const TIMELINE_PHRASES: Record<TimelineBucket, string> = {
  immediate: 'live within 30 days',
  quarter: 'live within a quarter',
  half: 'live within six months',
  year: 'live within a year',
  later: 'more than a year out',
  none: 'no timeline yet',
};
const PERIOD_SUFFIX = { monthly: '/mo', yearly: '/yr', one_time: ' one-off' } as const;

/** Visitor text on one line: a name typed with a line break must not break the summary. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Describes a lead for a sales rep: who it is, budget, timeline, intent, meeting, and a summary
 * line readable in ten seconds. Pure: the same conversation, score and config give the same text.
 *
 * @example describeLead(conversation, scoreLead(...), config).summary
 * // 'Dana Lee, COO at Acme Corp (120 people): $30K/yr, live within a quarter, wants a demo. Hot (85), SQL.'
 */
export function describeLead(
  conv: Conversation,
  score: ScoreResult,
  config: Config,
): LeadDescription {
  const lead = conv.lead;
  const name = getField(lead, 'contact.name');
  const [firstName = null, ...rest] = name === undefined ? [] : oneLine(name).split(' ');
  const role = getField(lead, 'authority.role');
  const company = getField(lead, 'company.name');
  const size = getField(lead, 'company.size');

  let who = oneLine(name ?? getField(lead, 'contact.email') ?? 'Unnamed visitor');
  if (role !== undefined) who += `, ${oneLine(role)}`;
  if (company !== undefined) who += ` at ${oneLine(company)}`;
  if (size !== undefined) who += ` (${size.toLocaleString('en-US')} people)`;

  const budget = describeBudget(conv, config);
  const timeline = describeTimeline(conv);
  const meetingWhen =
    conv.meeting === null
      ? null
      : slotLabel(conv.meeting.start, repTimezone(conv.meeting.repId, config), 'en-US');

  const facts: string[] = [];
  if (budget !== null) facts.push(budget);
  if (timeline !== null) facts.push(timeline);
  if (getField(lead, 'intent.demo') === true) facts.push('wants a demo');
  if (conv.handoffRequested) facts.push('asked to talk to a person');
  if (conv.meeting !== null)
    facts.push(
      conv.meeting.status === 'booked'
        ? `meeting ${meetingWhen}`
        : `canceled the meeting of ${meetingWhen}`,
    );

  const grade = `${score.grade.charAt(0).toUpperCase()}${score.grade.slice(1)}`;
  const summary = `${who}${facts.length > 0 ? `: ${facts.join(', ')}` : ''}. ${grade} (${score.score}), ${score.stage}.`;
  return {
    who,
    firstName,
    lastName: rest.length > 0 ? rest.join(' ') : null,
    budget,
    timeline,
    meetingWhen,
    summary,
  };
}

function describeBudget(conv: Conversation, config: Config): string | null {
  if (getField(conv.lead, 'budget.status') === 'none') return 'no budget';
  const amount = getField(conv.lead, 'budget.amount');
  if (amount === undefined) return null;
  const currency = getField(conv.lead, 'budget.currency') ?? config.currency.base;
  const period = getField(conv.lead, 'budget.period');
  // Intl's compact notation writes "$30K", "€2.5K", "£1.2M" in the currency's own symbol.
  const money = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(amount);
  return `${money}${period === undefined ? '' : PERIOD_SUFFIX[period]}`;
}

function describeTimeline(conv: Conversation): string | null {
  const target = getField(conv.lead, 'timeline.targetDate');
  if (target !== undefined) {
    const day = new Intl.DateTimeFormat('en-US', {
      timeZone: 'UTC',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    }).format(new Date(`${target}T00:00:00Z`));
    return `live by ${day}`;
  }
  const bucket = getField(conv.lead, 'timeline.bucket');
  return bucket === undefined ? null : TIMELINE_PHRASES[bucket];
}

function repTimezone(repId: string, config: Config): string {
  return config.booking.reps.find((r) => r.id === repId)?.timezone ?? config.booking.timezone;
}
