import type { Conversation } from '../conversation/conversation-schema.js';

/** The rep actions that are a human touch (DESIGN.md "Speed to lead"). */
const TOUCHES = new Set(['join', 'message', 'review']);

/** When the lead began waiting for a human, and when the first human touch came (or null). */
export type SpeedToLead = { since: string; firstTouchAt: string | null; seconds: number | null };

/**
 * Speed to lead of one conversation: from `lead.qualified` or `lead.handoff_requested`
 * (whichever came first) to the first rep action that touches the visitor (join, message,
 * accept or reject), 0 when a rep touched it before it began waiting. Null when the lead never qualified nor asked for a person.
 *
 * @example speedToLead(conv)?.seconds // 95: a rep joined 95 s after the lead qualified
 */
export function speedToLead(conv: Conversation): SpeedToLead | null {
  const starts = conv.outbox
    .filter((e) => e.type === 'lead.qualified' || e.type === 'lead.handoff_requested')
    .map((e) => e.occurredAt);
  if (conv.qualifiedAt !== null) starts.push(conv.qualifiedAt);
  if (starts.length === 0) return null;
  const since = starts.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
  // A rep already in the chat when the lead qualified touched it first: it never waited (0 s).
  const touch = conv.console.actions.find((a) => TOUCHES.has(a.kind));
  if (touch === undefined) return { since, firstTouchAt: null, seconds: null };
  const seconds = Math.max(0, Math.round((Date.parse(touch.at) - Date.parse(since)) / 1000));
  return { since, firstTouchAt: touch.at, seconds };
}
