import type { Config } from '../../config/config-schema.js';
import type { Conversation } from '../../conversation/conversation-schema.js';
import { conversationStatus } from '../../conversation/phase.js';
import { FIELD_PATHS, type FieldPath } from '../../lead/field-paths.js';
import { leadValues, type Lead, type Source } from '../../lead/lead-record.js';
import { scoreLead } from '../../scoring/score-lead.js';

type Scalar = string | number | boolean;

/** Where one field's value came from: the visitor's words, the source, when, and what it replaced. */
export type FieldEvidence = {
  quote: string;
  source: Source;
  at: string;
  /** The values it replaced, oldest first. */
  previous: Scalar[];
};

/**
 * The evidence behind every known field of a lead, by field path (unknown fields are absent).
 *
 * @example leadEvidence(conv.lead)['budget.amount'] // { quote: '$30k a year', source: 'rules', ... }
 */
export function leadEvidence(lead: Lead): Partial<Record<FieldPath, FieldEvidence>> {
  const out: Partial<Record<FieldPath, FieldEvidence>> = {};
  for (const p of FIELD_PATHS) {
    const e = lead[p];
    if (e !== undefined)
      out[p] = {
        quote: e.evidence,
        source: e.source,
        at: e.at,
        previous: e.history.map((h) => h.value),
      };
  }
  return out;
}

/**
 * One conversation's lead as a rep or an operator reads it (`GET /admin/leads/:id`, the console's
 * lead page): the record with the evidence behind each value, score, breakdown, grade and
 * stage, the meeting, attribution and the transcript.
 *
 * @example res.json(leadView(conv, config));
 */
export function leadView(conv: Conversation, config: Config) {
  const score = scoreLead(conv.lead, conv.visitor, config.scoring, config.currency);
  return {
    id: conv.id,
    createdAt: conv.createdAt,
    updatedAt: conv.updatedAt,
    status: conversationStatus(conv),
    ...score,
    lead: leadValues(conv.lead),
    evidence: leadEvidence(conv.lead),
    meeting: conv.meeting,
    handoffRequested: conv.handoffRequested,
    qualifiedAt: conv.qualifiedAt,
    attribution: {
      page: conv.visitor.page,
      referrer: conv.visitor.referrer,
      utm: conv.visitor.utm,
    },
    transcript: conv.messages.map(({ role, text, at }) => ({ role, text, at })),
  };
}
export type LeadView = ReturnType<typeof leadView>;
