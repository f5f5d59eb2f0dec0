import type { FieldPath } from '../lead/field-paths.js';
import type { Conversation, OutboxEvent, QuickReply } from './conversation-schema.js';
import type { EngineContext, ReplyPart, Transition } from './engine-types.js';
import { expectingOf } from './phase.js';

/** Whether the conversation has a meeting that is booked (not canceled). */
export function hasBookedMeeting(
  conv: Conversation,
): conv is Conversation & { meeting: NonNullable<Conversation['meeting']> } {
  return conv.meeting !== null && conv.meeting.status === 'booked';
}

const LEARNED: Record<string, string> = {
  need: 'what you need',
  authority: 'your role',
  company: 'your company',
  budget: 'your budget',
  timeline: 'your timeline',
  contact: 'your contact details',
};

/** Short phrases for what a message taught the agent ("your budget"), for the acknowledgement. */
export function learnedPhrases(changed: readonly FieldPath[]): string[] {
  const out: string[] = [];
  for (const p of changed) {
    const phrase = LEARNED[p.split('.')[0] ?? ''];
    if (phrase && !out.includes(phrase)) out.push(phrase);
  }
  return out;
}

/** Appends an event to the conversation's outbox (saved in the same write as the change). */
export function withEvent(
  conv: Conversation,
  type: string,
  now: Date,
  ctx: Pick<EngineContext, 'newId'>,
  /** What the event carries besides the record (the question of `lead.question_unanswered`). */
  extra: Pick<OutboxEvent, 'question' | 'review'> = {},
): Conversation {
  const event: OutboxEvent = {
    id: ctx.newId(),
    type,
    occurredAt: now.toISOString(),
    conversationId: conv.id,
    ...extra,
  };
  return { ...conv, outbox: [...conv.outbox, event] };
}

/** A transition that says one thing and waits (or ends, when `final`). */
export function say(
  conversation: Conversation,
  parts: ReplyPart[],
  final = false,
  quickReplies: QuickReply[] | null = null,
): Transition {
  return {
    conversation,
    outputs: [
      { type: 'reply', parts, expecting: expectingOf(conversation.phase), quickReplies, final },
    ],
  };
}
