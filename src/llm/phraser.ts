import type { Slot } from '../lead/slots.js';
import type { Visitor } from '../lead/visitor.js';

/** What the phraser gets for one agent message. */
export type PhraseInput = {
  /** The template wording the engine chose: the content to keep, in the marketer's words. */
  draft: string;
  /** The slot the message asks for (its goal), or null. */
  expecting: Slot | null;
  /** Recent turns, oldest first, ending with the visitor's message being answered. */
  recent: readonly { role: 'visitor' | 'agent'; text: string }[];
  visitor: Visitor;
  /** The visitor's own question this turn (from the extraction signals), answered from the knowledge file. */
  question: string | null;
  /** For per-conversation usage accounting and the turn's shared time budget. */
  conversationId?: string | null;
};

/**
 * The reply-phrasing port (LLM mode). Streams a rephrased reply through `onDelta`, in order,
 * and resolves to the full text. Throws on any failure (breaker open, no time left in the turn,
 * timeout, refusal, a cut-off or unfaithful answer): the shell then sends the template draft
 * unchanged. Deltas already streamed are replaced by the final `agent:message`, which always
 * carries the text to keep.
 *
 * @example
 *   const text = await phraser.phrase({ draft, expecting: 'budget', recent, visitor, question: null }, (d) => emit(d));
 */
export type Phraser = {
  phrase(input: PhraseInput, onDelta: (text: string) => void): Promise<string>;
  /** Called once a turn's messages are phrased (summary, time budget released). */
  finishTurn?(conversationId: string): void;
  /**
   * Whether phrasing may start before the turn's replies are known (a guess, phrased while the
   * model extracts): only while the service answers, so a failing one is not asked twice.
   */
  mayStartEarly?(): boolean;
};
