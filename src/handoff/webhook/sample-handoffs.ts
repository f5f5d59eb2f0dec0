import type { Config } from '../../config/config-schema.js';
import {
  ConversationSchema,
  type Conversation,
  type Meeting,
} from '../../conversation/conversation-schema.js';
import { candidate, isFieldPath, type Candidate } from '../../lead/field-paths.js';
import { applyCandidates, type Lead } from '../../lead/lead-record.js';
import { buildHandoff } from './build-handoff.js';
import { EVENT_TYPES } from './event-types.js';
import type { TemplateContext } from './webhook-template.js';
import { serverSecretFrom } from '../../lib/server-secret.js';

/** Signs the sample meeting links, so the samples show links as real bodies carry them. */
const SAMPLE_SECRET = serverSecretFrom('sample-handoffs-only-not-a-real-key');

const AT = '2026-03-03T15:00:00.000Z';

/** A sample lead through the real merge code, so it has the shape and evidence of a real one. */
function sampleLead(values: Record<string, unknown>): Lead {
  const candidates = Object.entries(values)
    .map(([path, value]) =>
      isFieldPath(path) ? candidate(path, value, `(sample words for ${path})`) : null,
    )
    .filter((c): c is Candidate => c !== null);
  return applyCandidates({}, candidates, { source: 'rules', messageId: 'm1', at: AT }).lead;
}

const QUALIFIED = {
  'need.summary': 'Our inbound demo requests pile up over the weekend',
  'authority.level': 'decision_maker',
  'authority.role': 'COO',
  'company.name': 'Northwind "NW" Parcel',
  'company.size': 120,
  'budget.amount': 30000,
  'budget.currency': 'USD',
  'budget.period': 'yearly',
  'budget.status': 'stated',
  'timeline.bucket': 'quarter',
  'intent.demo': true,
  'contact.name': 'Kim "KO" O\'Sei',
  'contact.email': 'kim.osei@northwind.example',
  'contact.phone': '+14155550123',
  'consent.contact': true,
};

function conversation(lead: Lead, extra: Partial<Conversation>): Conversation {
  const parsed = ConversationSchema.parse({
    id: 'conv-sample',
    createdAt: AT,
    updatedAt: AT,
    visitor: {
      timezone: 'America/Chicago',
      locale: 'en-US',
      page: 'https://beacon.example/pricing',
      referrer: 'https://search.example/',
      utm: { source: 'newsletter' },
    },
    messages: [
      { id: 'm0', role: 'agent', text: 'Hi! What brings you here today?', at: AT },
      {
        id: 'm1',
        role: 'visitor',
        text: 'We lose weekend demo requests <and> want that "fixed"\nthis quarter.',
        at: AT,
      },
    ],
    ...extra,
    lead: {},
  });
  return { ...parsed, lead };
}

/**
 * What body templates are checked with (`npm run prompts:check`): every event type for a
 * qualified lead with a meeting (canceled for `meeting.canceled`), plus a handoff request from a
 * visitor with no email yet (nothing known but the need). Text has quotes, markup and a line
 * break, so a template that writes a value without `json`/`text` shows up as invalid JSON.
 */
export function sampleHandoffs(config: Config): { label: string; context: TemplateContext }[] {
  const meeting: Meeting = {
    id: 'mtg-sample',
    start: '2026-03-05T15:00:00.000Z',
    end: '2026-03-05T15:30:00.000Z',
    repId: config.booking.reps[0]?.id ?? 'rep-1',
    status: 'booked',
    bookedAt: AT,
  };
  const qualified = sampleLead(QUALIFIED);
  const cases: { label: string; conv: Conversation; type: string }[] = EVENT_TYPES.map((type) => ({
    label: type,
    type,
    conv: conversation(qualified, {
      qualifiedAt: AT,
      meeting:
        type === 'meeting.canceled'
          ? { ...meeting, status: 'canceled' }
          : type.startsWith('meeting.')
            ? meeting
            : null,
    }),
  }));
  cases.push({
    label: 'lead.handoff_requested, no email yet',
    type: 'lead.handoff_requested',
    conv: conversation(sampleLead({ 'need.summary': 'pricing for 3 sites' }), {
      handoffRequested: true,
    }),
  });
  return cases.map(({ label, conv, type }) => {
    const { packet, view } = buildHandoff(
      conv,
      {
        id: 'evt-sample',
        type,
        occurredAt: AT,
        conversationId: conv.id,
        ...(type === 'lead.question_unanswered'
          ? {
              question: {
                text: 'Do you support SSO with Okta?',
                at: AT,
                messageId: 'm-sample',
                key: 'okta sso support',
              },
            }
          : {}),
        ...(type === 'lead.reviewed'
          ? {
              review: {
                verdict: 'accepted' as const,
                reason: 'Budget and timeline confirmed on the call',
                by: 'ana@beacon.example',
                byName: 'Ana',
                at: AT,
              },
            }
          : {}),
      },
      config,
      SAMPLE_SECRET,
    );
    return { label, context: { ...packet, view } };
  });
}
