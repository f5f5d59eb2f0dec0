import type { AgentEvent } from '../conversation/chat-service.js';
import type { ChatMessage } from '../conversation/conversation-schema.js';
import type { Visitor } from '../lead/visitor.js';
import type { Phraser } from './phraser.js';

export type PhraseTurn = {
  /** Recent turns, oldest first, ending with the visitor's message being answered. */
  recent: readonly { role: 'visitor' | 'agent'; text: string }[];
  visitor: Visitor;
  /** The visitor's question this turn (extraction signals), or null. */
  question: string | null;
  conversationId: string;
};

/**
 * Whether a message may be reworded. Booking offers and messages with links keep the template
 * wording: their times, URLs and quick replies must match exactly what the engine booked or sent.
 */
export function mayRephrase(message: ChatMessage): boolean {
  return (
    message.role === 'agent' &&
    message.expecting !== 'booking' &&
    !/https?:\/\//i.test(message.text)
  );
}

/**
 * The shell's side of LLM phrasing: rewords the agent messages of one turn through `phraser`,
 * streaming each as `agent:delta` events under the message's id, and returns the messages with
 * their final text. A message keeps its template text when the phraser throws (reported through
 * `onError`) or when `mayRephrase` says no. Never throws: the turn always gets its reply. The
 * messages share the turn's time budget; the phraser is told when the turn is done.
 *
 * @example
 *   const final = await phraseReplies(phraser, replies, { recent, visitor, question, conversationId }, emit);
 *   // save `final` in the conversation, then emit one agent:message per message
 */
export async function phraseReplies(
  phraser: Phraser,
  replies: readonly ChatMessage[],
  turn: PhraseTurn,
  emit: (e: AgentEvent) => void,
  onError?: (error: unknown) => void,
): Promise<ChatMessage[]> {
  const out: ChatMessage[] = [];
  let question = turn.question;
  for (const message of replies) {
    if (!mayRephrase(message)) {
      out.push(message);
      continue;
    }
    try {
      const input = {
        draft: message.text,
        expecting: message.expecting ?? null,
        recent: turn.recent,
        visitor: turn.visitor,
        question,
        conversationId: turn.conversationId,
      };
      const text = await phraser.phrase(input, (delta) =>
        emit({ type: 'agent:delta', payload: { id: message.id, text: delta } }),
      );
      out.push({ ...message, text });
      // The question is answered once, in the first message that could carry the answer.
      question = null;
    } catch (e) {
      onError?.(e);
      out.push(message);
    }
  }
  phraser.finishTurn?.(turn.conversationId);
  return out;
}
