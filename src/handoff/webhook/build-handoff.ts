import { meetingPaths, meetingToken } from '../../booking/meeting-links.js';
import type { Config } from '../../config/config-schema.js';
import type { ServerSecret } from '../../lib/server-secret.js';
import type { Conversation, OutboxEvent } from '../../conversation/conversation-schema.js';
import { FIELD_PATHS } from '../../lead/field-paths.js';
import { getField, leadValues, type Source } from '../../lead/lead-record.js';
import { scoreLead, type BreakdownLine, type Grade, type Stage } from '../../scoring/score-lead.js';
import { describeLead, type LeadDescription } from './describe-lead.js';
import { isEventType, type EventType } from './event-types.js';
import { leadUrl } from './lead-url.js';

/** Where a field's value came from: the visitor's words, the extractor and the time. */
export type Evidence = { quote: string; source: Source; at: string };

/** The lead record as nested values (`contact.name`, ...) plus evidence and the score. */
export type LeadPacket = {
  [group: string]: unknown;
  /**
   * True only when the visitor proved they read `contact.email` (they confirmed a meeting from
   * the email, `booking.confirmEmail`); a typed email is a claim, and anyone can type any address.
   */
  emailVerified: boolean;
  evidence: Record<string, Evidence>;
  score: number;
  grade: Grade;
  stage: Stage;
  breakdown: BreakdownLine[];
};

export type MeetingPacket = {
  id: string;
  start: string;
  end: string;
  status: 'booked' | 'canceled';
  bookedAt: string;
  rep: { id: string; name: string; email: string } | null;
  /**
   * The invite, when `server.publicUrl` (PUBLIC_URL) is set: signed with the view-only invite
   * token (booking/meeting-links.ts), so whoever reads the webhook can add the meeting to a
   * calendar but not open its page, move or cancel it.
   */
  icsUrl: string | null;
};

/** The webhook body (DESIGN.md "Handoff webhook"), built from the conversation as stored. */
export type HandoffPacket = {
  type: string;
  id: string;
  occurredAt: string;
  conversationId: string;
  /** The console's page for the lead (`PUBLIC_URL/console/leads/<conversationId>`); null without PUBLIC_URL. */
  leadUrl: string | null;
  lead: LeadPacket;
  meeting: MeetingPacket | null;
  attribution: { page: string | null; referrer: string | null; utm: Record<string, string> | null };
  consent: { contact: boolean | null };
  /** `lead.question_unanswered`: the question the knowledge file could not answer, in the visitor's words; null for other events. */
  question: { text: string; at: string; messageId: string } | null;
  /** `lead.reviewed`: the rep's verdict, the reason and who gave it; null for other events. */
  review: {
    verdict: 'accepted' | 'rejected';
    reason: string;
    reviewer: { email: string; name: string };
    at: string;
  } | null;
  transcript: { role: 'visitor' | 'agent' | 'rep'; text: string; at: string }[];
  summary: string;
};

/** Ready-made phrases for body templates, next to the packet (`view.firstName`, ...). */
export type TemplateView = Omit<LeadDescription, 'summary'> & {
  /** A title for the event: "New qualified lead: Dana Lee, COO at Acme Corp" (150 characters at most). */
  headline: string;
  /** The invite of a booked meeting; null without a meeting and once it is canceled. */
  meetingUrl: string | null;
  /** The meeting was canceled: show it struck out, with no calendar button. */
  meetingCanceled: boolean;
  /** This event moved the meeting: `meetingWhen` is the new time. */
  meetingRescheduled: boolean;
};

type Phrases = Omit<LeadDescription, 'summary'>;
/** One title per event type: the Record makes a new type without a headline a type error. */
const HEADLINES: Record<EventType, (d: Phrases) => string> = {
  'lead.qualified': (d) => `New qualified lead: ${d.who}`,
  'lead.handoff_requested': (d) => `${d.who} asks to talk to a person`,
  'lead.updated': (d) => `Lead updated: ${d.who}`,
  'meeting.booked': (d) => `Meeting booked: ${d.who}`,
  'meeting.rescheduled': (d) =>
    d.meetingWhen === null
      ? `Meeting moved: ${d.who}`
      : `Meeting moved to ${d.meetingWhen}: ${d.who}`,
  'meeting.canceled': (d) => `Meeting canceled: ${d.who}`,
  'lead.question_unanswered': (d) => `${d.who} asked a question we could not answer`,
  'lead.reviewed': (d) => `Lead reviewed: ${d.who}`,
};
/** Slack's header block takes 150 characters. */
const HEADLINE_MAX = 150;

/**
 * Builds the rep packet for one event from the conversation as stored: the lead's values with
 * their evidence, score, grade, stage and breakdown, the meeting, attribution, consent, the
 * transcript and a one-line summary; and the phrases body templates use. Pure.
 *
 * @example const { packet } = buildHandoff(conversation, event, config, secret); JSON.stringify(packet)
 */
export function buildHandoff(
  conv: Conversation,
  event: OutboxEvent,
  config: Config,
  /** Signs the invite link; without it the packet carries no link (an unsigned one opens nothing). */
  secret?: ServerSecret,
): { packet: HandoffPacket; view: TemplateView } {
  const score = scoreLead(conv.lead, conv.visitor, config.scoring, config.currency);
  const { summary, ...description } = describeLead(conv, score, config);
  const evidence: Record<string, Evidence> = {};
  for (const path of FIELD_PATHS) {
    const entry = conv.lead[path];
    if (entry !== undefined)
      evidence[path] = { quote: entry.evidence, source: entry.source, at: entry.at };
  }
  const meeting = meetingPacket(conv, config, secret);
  const packet: HandoffPacket = {
    type: event.type,
    id: event.id,
    occurredAt: event.occurredAt,
    conversationId: conv.id,
    leadUrl: leadUrl(config.server.publicUrl, conv.id),
    lead: {
      ...leadValues(conv.lead),
      emailVerified:
        conv.verifiedEmail !== undefined &&
        conv.verifiedEmail === getField(conv.lead, 'contact.email'),
      evidence,
      score: score.score,
      grade: score.grade,
      stage: score.stage,
      breakdown: score.breakdown,
    },
    meeting,
    attribution: {
      page: conv.visitor.page,
      referrer: conv.visitor.referrer,
      utm: conv.visitor.utm,
    },
    consent: { contact: getField(conv.lead, 'consent.contact') ?? null },
    question: questionOf(conv, event),
    review: reviewOf(conv, event),
    transcript: conv.messages.map((m) => ({ role: m.role, text: m.text, at: m.at })),
    summary,
  };
  const headline = isEventType(event.type)
    ? HEADLINES[event.type](description)
    : `${event.type}: ${description.who}`;
  const canceled = meeting?.status === 'canceled';
  const view: TemplateView = {
    ...description,
    headline: truncate(headline, HEADLINE_MAX),
    meetingUrl: canceled ? null : (meeting?.icsUrl ?? null),
    meetingCanceled: canceled,
    meetingRescheduled: event.type === 'meeting.rescheduled' && !canceled,
  };
  return { packet, view };
}

function meetingPacket(
  conv: Conversation,
  config: Config,
  secret: ServerSecret | undefined,
): MeetingPacket | null {
  const m = conv.meeting;
  if (m === null) return null;
  const rep = config.booking.reps.find((r) => r.id === m.repId);
  const base = config.server.publicUrl;
  return {
    id: m.id,
    start: m.start,
    end: m.end,
    status: m.status,
    bookedAt: m.bookedAt,
    rep: rep === undefined ? null : { id: rep.id, name: rep.name, email: rep.email },
    // Relative to the base with a trailing slash, so a base with a path ("https://x.example/chat") keeps it.
    icsUrl:
      base === undefined || secret === undefined
        ? null
        : new URL(
            meetingPaths(m.id, meetingToken(secret, 'invite', m.id)).ics.slice(1),
            base.endsWith('/') ? base : `${base}/`,
          ).href,
  };
}

/** The question an event carries, found on the stored outbox event (a delivery knows only its id). */
function questionOf(conv: Conversation, event: OutboxEvent): HandoffPacket['question'] {
  const q = event.question ?? conv.outbox.find((e) => e.id === event.id)?.question;
  return q === undefined ? null : { text: q.text, at: q.at, messageId: q.messageId };
}

/** The review a `lead.reviewed` event carries, found on the stored outbox event like the question. */
function reviewOf(conv: Conversation, event: OutboxEvent): HandoffPacket['review'] {
  const r = event.review ?? conv.outbox.find((e) => e.id === event.id)?.review;
  if (r === undefined) return null;
  return {
    verdict: r.verdict,
    reason: r.reason,
    reviewer: { email: r.by, name: r.byName },
    at: r.at,
  };
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
