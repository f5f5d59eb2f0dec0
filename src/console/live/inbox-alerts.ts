import type { Conversation, OutboxEvent } from '../../conversation/conversation-schema.js';
import { getField } from '../../lead/lead-record.js';
import type { InboxAlert } from './console-events.js';

const KIND: Record<string, InboxAlert['kind']> = {
  'lead.qualified': 'sql',
  'lead.handoff_requested': 'person',
  'lead.question_unanswered': 'question',
};

const RAISED_MAX = 10_000;

/** Turns a save into the alerts it raises; made once per console namespace. */
export type InboxAlerts = (conv: Conversation, pending: readonly OutboxEvent[]) => InboxAlert[];

/**
 * The alerts of a console: it remembers the events it already raised (the last 10,000), so a
 * save that leaves them pending raises no repeat; each namespace has its own memory.
 *
 * @example const alertsOf = createInboxAlerts(); alertsOf(conv, pending);
 */
export function createInboxAlerts(): InboxAlerts {
  const raised = new Set<string>();
  return (conv, pending) => alertsOf(conv, pending, raised);
}

/**
 * The alerts a save raises: one per new `lead.qualified`, `lead.handoff_requested` or
 * `lead.question_unanswered` event, with a line a rep reads in a notification.
 *
 * @example alertsOf(conv, pending, raised) // [{ kind: 'sql', conversationId, text: 'New SQL lead: Ana (Beacon)', at }]
 */
function alertsOf(
  conv: Conversation,
  pending: readonly OutboxEvent[],
  raised: Set<string>,
): InboxAlert[] {
  const who = [getField(conv.lead, 'contact.name'), getField(conv.lead, 'company.name')]
    .filter((s) => s !== undefined && s !== '')
    .join(', ');
  const name = who === '' ? 'A visitor' : who;
  const alerts: InboxAlert[] = [];
  for (const e of pending) {
    const kind = KIND[e.type];
    if (kind === undefined || raised.has(e.id)) continue;
    if (raised.size >= RAISED_MAX) raised.clear();
    raised.add(e.id);
    const text =
      kind === 'sql'
        ? `New SQL lead: ${name}`
        : kind === 'person'
          ? `${name} asks for a person`
          : `${name} asked: ${e.question?.text ?? 'a question'}`;
    alerts.push({ kind, conversationId: conv.id, text, at: e.occurredAt });
  }
  return alerts;
}
