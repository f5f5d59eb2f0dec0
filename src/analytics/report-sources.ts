import type { Conversation } from '../conversation/conversation-schema.js';
import { pagePath } from '../lead/visitor.js';

/** Where a conversation came from, as the report groups conversations (first touch). */
export type SourceKey = {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  /** The referrer's host without `www.`. */
  referrer: string | null;
  /** The path of the visitor's page (`visitor.page`). */
  landingPage: string | null;
};

/** One row of the report's `sources`: a source and its funnel counts. */
export type SourceRow = SourceKey & {
  conversations: number;
  /** At least one visitor message. */
  engaged: number;
  lead: number;
  mql: number;
  sql: number;
  booked: number;
  /** Speed to lead of this source's touched leads (median seconds), null when none was touched. */
  medianSecondsToLead: number | null;
};

/**
 * The first-touch source of a conversation: `utm_source` / `utm_medium` / `utm_campaign` (or
 * `source` / ... as an API client may send them), the referrer's domain, the landing page path;
 * null for what is unknown.
 *
 * @example sourceKeyOf(conv) // { source: 'newsletter', medium: 'email', campaign: null, referrer: null, landingPage: '/pricing' }
 */
export function sourceKeyOf(conv: Conversation): SourceKey {
  const { utm, referrer } = conv.visitor;
  const param = (name: string): string | null => {
    const value = (utm?.[`utm_${name}`] ?? utm?.[name])?.trim();
    return value === undefined || value === '' ? null : value;
  };
  let domain: string | null = null;
  if (referrer !== null && URL.canParse(referrer)) {
    const host = new URL(referrer).hostname.replace(/^www\./, '');
    domain = host === '' ? null : host;
  }
  const path = pagePath(conv.visitor);
  return {
    source: param('source'),
    medium: param('medium'),
    campaign: param('campaign'),
    referrer: domain,
    landingPage: path === '' ? null : path,
  };
}

/** Rows with most conversations first; ties by source, medium, ... (unknowns last). */
export function compareSourceRows(a: SourceRow, b: SourceRow): number {
  if (a.conversations !== b.conversations) return b.conversations - a.conversations;
  for (const key of ['source', 'medium', 'campaign', 'referrer', 'landingPage'] as const) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}
