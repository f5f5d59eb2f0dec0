import type { Conversation } from './conversation-schema.js';
import { withEvent } from './engine-support.js';
import type { EngineContext, VisitorMessage } from './engine-types.js';

export const QUESTION_UNANSWERED = 'lead.question_unanswered';

/**
 * Queues `lead.question_unanswered` when the visitor asked a question the knowledge file could
 * not answer, with the question in their words, so the "specialists will follow up" promise
 * reaches someone who can keep it; a question about meetings is the meeting flow's, not one. Once per question: the same question asked again (the same
 * `questionKey`, read before the engine) raises nothing new.
 *
 * @example conv = withQuestionUnanswered(conv, event, now, ctx);
 */
export function withQuestionUnanswered(
  conv: Conversation,
  event: VisitorMessage,
  now: Date,
  ctx: EngineContext,
): Conversation {
  const text = event.extraction.signals.question;
  if (text === null || event.answer !== null) return conv;
  // "Can we move it to Thursday?" is a meeting request, which the meeting flow answers.
  if (event.meeting.intent !== null || event.meeting.asksForMeeting) return conv;
  const key = event.questionKey ?? text;
  const raised = conv.outbox.some((e) => e.type === QUESTION_UNANSWERED && e.question?.key === key);
  if (raised) return conv;
  return withEvent(conv, QUESTION_UNANSWERED, now, ctx, {
    question: { text, at: now.toISOString(), messageId: event.messageId, key },
  });
}
