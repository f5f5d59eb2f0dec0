import type { ChatMessage, Conversation } from '../../../src/conversation/conversation-schema.js';
import type { FieldPath } from '../../../src/lead/field-paths.js';
import type { Lead } from '../../../src/lead/lead-record.js';
import type { Slot } from '../../../src/lead/slots.js';
import type { Visitor } from '../../../src/lead/visitor.js';
import { makeConversation } from '../../helpers/make-conversation.js';

/** One step of a seeded transcript, `at` seconds after the conversation started. */
export type Step =
  | { ask: Slot; at: number }
  | { say: string; at: number; fills?: Partial<Record<FieldPath, string | number>> }
  | { final: number };

/**
 * A conversation built by construction: the agent's asks (`expecting`), the visitor's replies
 * (each filling the lead fields given, with that message as provenance), and `extra` on top.
 */
export function seeded(
  id: string,
  start: string,
  steps: Step[],
  visitor: Partial<Visitor>,
  extra: (t: (seconds: number) => string) => Partial<Conversation> = () => ({}),
): Conversation {
  const base = Date.parse(start);
  const t = (seconds: number): string => new Date(base + seconds * 1000).toISOString();
  const messages: ChatMessage[] = [];
  const lead: Lead = {};
  steps.forEach((step, i) => {
    const mid = `${id}-m${i + 1}`;
    if ('ask' in step)
      messages.push({
        id: mid,
        role: 'agent',
        text: `Ask ${step.ask}`,
        at: t(step.at),
        expecting: step.ask,
      });
    else if ('final' in step)
      messages.push({
        id: mid,
        role: 'agent',
        text: 'Thanks!',
        at: t(step.final),
        expecting: null,
        final: true,
      });
    else {
      messages.push({ id: mid, role: 'visitor', text: step.say, at: t(step.at) });
      for (const [path, value] of Object.entries(step.fills ?? {}))
        lead[path as FieldPath] = {
          value,
          source: 'rules',
          messageId: mid,
          at: t(step.at),
          evidence: step.say,
          history: [],
        };
    }
  });
  return makeConversation({
    id,
    createdAt: start,
    updatedAt: messages.at(-1)?.at ?? start,
    visitor: {
      timezone: 'UTC',
      locale: 'en-US',
      page: null,
      referrer: null,
      utm: null,
      ...visitor,
    },
    messages,
    lead,
    ...extra(t),
  });
}
