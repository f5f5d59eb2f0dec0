import { createHash } from 'node:crypto';
import type { Config } from '../../config/config-schema.js';
import type { Conversation } from '../../conversation/conversation-schema.js';
import { conversationStatus } from '../../conversation/phase.js';
import { getField } from '../../lead/lead-record.js';
import { scoreLead, type Grade, type Stage } from '../../scoring/score-lead.js';
import { speedToLead } from '../speed-to-lead.js';

/**
 * One conversation as the inbox lists it: small, flat and derived from the conversation alone
 * (and the scoring policy), so a store can keep one per conversation and answer the inbox's
 * queries without reading any conversation file.
 */
export type InboxRow = {
  id: string;
  name: string | null;
  email: string | null;
  company: string | null;
  stage: Stage;
  grade: Grade;
  score: number;
  /** The visitor asked for a person. */
  wantsPerson: boolean;
  meeting: { start: string; status: 'booked' | 'canceled' } | null;
  /** `utm_source`, else the referrer's domain, else "direct". */
  source: string;
  /** The console user (email) the lead is assigned to. */
  assignedTo: string | null;
  review: 'accepted' | 'rejected' | null;
  createdAt: string;
  updatedAt: string;
  /** The visitor's last message; null when they never wrote (not worth a look). */
  lastVisitorMessageAt: string | null;
  /** When the lead began waiting for a human (qualified or asked for a person) while no rep touched it yet. */
  waitingSince: string | null;
  /** Speed to lead: when it began, and the seconds to the first rep touch (null: none yet). */
  speedToLead: { since: string; seconds: number | null } | null;
  status: 'active' | 'ended';
};

/** How a store turns a conversation into its inbox row; `key` changes whenever rows would. */
export type InboxProjection = { key: string; project(conv: Conversation): InboxRow };

/** Bump when InboxRow or the projection changes: persisted indexes are then rebuilt. */
const PROJECTION_VERSION = 2;

/**
 * The inbox row of a conversation, scored with `config.scoring` (scoreLead).
 *
 * @example inboxRowOf(conv, config) // { id, name: 'Ana Lima', stage: 'SQL', grade: 'hot', source: 'google', ... }
 */
export function inboxRowOf(
  conv: Conversation,
  config: Pick<Config, 'scoring' | 'currency'>,
): InboxRow {
  const { score, grade, stage } = scoreLead(
    conv.lead,
    conv.visitor,
    config.scoring,
    config.currency,
  );
  const speed = speedToLead(conv);
  const lastVisitor = conv.messages.findLast((m) => m.role === 'visitor');
  return {
    id: conv.id,
    name: getField(conv.lead, 'contact.name') ?? null,
    email: getField(conv.lead, 'contact.email') ?? null,
    company: getField(conv.lead, 'company.name') ?? null,
    stage,
    grade,
    score,
    wantsPerson: conv.handoffRequested,
    meeting: conv.meeting && { start: conv.meeting.start, status: conv.meeting.status },
    source: sourceOf(conv.visitor),
    assignedTo: conv.console.assignedTo,
    review: conv.console.review?.verdict ?? null,
    createdAt: conv.createdAt,
    updatedAt: conv.updatedAt,
    lastVisitorMessageAt: lastVisitor?.at ?? null,
    waitingSince: speed !== null && speed.firstTouchAt === null ? speed.since : null,
    speedToLead: speed && { since: speed.since, seconds: speed.seconds },
    status: conversationStatus(conv),
  };
}

/**
 * Where the visitor came from: `utm_source` (lower case), else the referrer's host without
 * `www.`, else "direct".
 *
 * @example sourceOf({ utm: null, referrer: 'https://www.google.com/search?q=x', ... }) // 'google.com'
 */
export function sourceOf(visitor: Conversation['visitor']): string {
  // The widget sends the page's parameters as named (`utm_source`); an API client may send `source`.
  const utm = (visitor.utm?.utm_source ?? visitor.utm?.source)?.trim().toLowerCase();
  if (utm) return utm;
  if (visitor.referrer && URL.canParse(visitor.referrer)) {
    const host = new URL(visitor.referrer).hostname.replace(/^www\./, '');
    if (host !== '') return host;
  }
  return 'direct';
}

/**
 * The projection a store indexes with for this config; its key is a hash of the scoring policy
 * and currency (what scores depend on), so an index built under another policy is rebuilt.
 *
 * @example createLowdbStore({ dataDir, inbox: inboxProjection(config) })
 */
export function inboxProjection(config: Pick<Config, 'scoring' | 'currency'>): InboxProjection {
  const key = createHash('sha256')
    .update(JSON.stringify([PROJECTION_VERSION, config.scoring, config.currency]))
    .digest('hex')
    .slice(0, 32);
  return { key, project: (conv) => inboxRowOf(conv, config) };
}
