import type { Conversation } from '../conversation/conversation-schema.js';
import type { StageHistory } from './stage-history-schema.js';

/**
 * When the conversation reached each funnel stage, as analytics reads it: its `stageHistory`,
 * completed for conversations stored before stage history from what they still hold (SQL and
 * MQL at `qualifiedAt`, lead at the first time the email was given, the booking at the
 * meeting's `bookedAt`, a cancel at the last update). Recorded times always win.
 *
 * @example reachedStages(conv).sql // '2026-01-05T10:02:00.000Z'
 */
export function reachedStages(conv: Conversation): StageHistory {
  const h = conv.stageHistory;
  const email = conv.lead['contact.email'];
  const emailAt = email === undefined ? undefined : (email.history[0] ?? email).at;
  const qualified = conv.qualifiedAt ?? undefined;
  return {
    lead: h.lead ?? qualified ?? emailAt,
    mql: h.mql ?? qualified,
    sql: h.sql ?? qualified,
    booked: h.booked ?? conv.meeting?.bookedAt,
    canceled: h.canceled ?? (conv.meeting?.status === 'canceled' ? conv.updatedAt : undefined),
  };
}
