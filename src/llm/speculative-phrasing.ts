import type { AgentEvent } from '../conversation/chat-service.js';
import type { ChatMessage } from '../conversation/conversation-schema.js';
import { phraseReplies, type PhraseTurn } from './phrase-replies.js';
import type { Phraser } from './phraser.js';

/** A phrasing started on a guess of the turn's replies, shown only once the guess is confirmed. */
export type Speculation = {
  /**
   * Compares the turn's real replies (the engine's, from validated fields) and question with
   * the guess. Same: the phrasing held so far is sent under the real messages' ids, the rest
   * streams live, and this resolves to the real messages with their phrased text. Different:
   * nothing of the guess is ever sent, and this resolves to null (phrase the real replies).
   */
  settle(real: readonly ChatMessage[], question: string | null): Promise<ChatMessage[] | null>;
};

/** True when two reply lists say the same thing: same texts, slots, quick replies and ends. */
export function sameReplies(a: readonly ChatMessage[], b: readonly ChatMessage[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => {
      const o = b[i];
      return (
        o !== undefined &&
        m.role === o.role &&
        m.text === o.text &&
        (m.expecting ?? null) === (o.expecting ?? null) &&
        (m.final ?? false) === (o.final ?? false) &&
        JSON.stringify(m.quickReplies ?? []) === JSON.stringify(o.quickReplies ?? [])
      );
    })
  );
}

/**
 * Starts phrasing `guess` (the replies the engine gives when the rules' reading of the message
 * is all there is) while the model still extracts. Its deltas are held back, never sent, until
 * `settle` confirms that the engine, deciding from the validated fields, gives the same
 * replies: a streamed sentence is never contradicted by a later message of the same turn.
 *
 * @example
 *   const guess = speculate(phraser, rulesReplies, { ...turn, question: rulesQuestion }, emit);
 *   const phrased = (await guess.settle(replies, question)) ?? (await phraseReplies(...));
 */
export function speculate(
  phraser: Phraser,
  guess: readonly ChatMessage[],
  turn: PhraseTurn,
  emit: (e: AgentEvent) => void,
  onError?: (error: unknown) => void,
): Speculation {
  const indexOf = new Map(guess.map((m, i) => [m.id, i]));
  const held: { index: number; text: string }[] = [];
  let target: readonly ChatMessage[] | null = null;
  let dropped = false;
  let failures: unknown[] = [];
  const forward = (index: number, text: string): void => {
    const id = target?.[index]?.id;
    if (id !== undefined) emit({ type: 'agent:delta', payload: { id, text } });
  };
  const phrased = phraseReplies(
    phraser,
    guess,
    turn,
    (e) => {
      if (dropped || e.type !== 'agent:delta') return;
      const index = indexOf.get(e.payload.id);
      if (index === undefined) return;
      if (target === null) held.push({ index, text: e.payload.text });
      else forward(index, e.payload.text);
    },
    // A failure of a guess that is dropped is no failure of the turn's reply.
    (e) => {
      if (dropped) return;
      if (target === null) failures.push(e);
      else onError?.(e);
    },
  );
  return {
    async settle(real, question) {
      if (!sameReplies(guess, real) || question !== turn.question) {
        dropped = true;
        held.length = 0;
        failures = [];
        return null;
      }
      target = real;
      for (const h of held.splice(0)) forward(h.index, h.text);
      for (const e of failures.splice(0)) onError?.(e);
      const out = await phrased;
      return real.map((m, i) => ({ ...m, text: out[i]?.text ?? m.text }));
    },
  };
}
