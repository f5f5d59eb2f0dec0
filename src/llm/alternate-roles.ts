import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';

/** One turn of a chat request after the system prompt. */
export type ChatTurn = { role: 'user' | 'assistant'; content: string };

/**
 * What stands in for the visitor when the conversation starts with the agent's greeting: chat
 * templates that enforce alternation (Mistral, Gemma under vLLM or LM Studio) want a user turn
 * first. Code-owned text, so no visitor words are invented.
 */
export const OPENING_TURN = '(The visitor opened the chat.)';

/**
 * The messages of a chat request: the system prompt, then turns that strictly alternate
 * user/assistant starting with a user turn. Consecutive turns of the same role are merged (a
 * blank line between them), empty turns dropped, and a leading assistant turn gets
 * `OPENING_TURN` before it. Strict chat templates answer 400 to anything else.
 *
 * @example
 *   alternateRoles('You are...', [{ role: 'assistant', content: 'Hi!' }, { role: 'user', content: 'Hello' }, { role: 'user', content: '<draft>…</draft>' }])
 *   // system, user "(The visitor opened the chat.)", assistant "Hi!", user "Hello\n\n<draft>…</draft>"
 */
export function alternateRoles(
  system: string,
  turns: readonly ChatTurn[],
): ChatCompletionMessageParam[] {
  const merged: ChatTurn[] = [];
  for (const turn of turns) {
    if (turn.content.trim() === '') continue;
    const last = merged.at(-1);
    if (last?.role === turn.role) last.content = `${last.content}\n\n${turn.content}`;
    else merged.push({ ...turn });
  }
  if (merged[0]?.role === 'assistant') merged.unshift({ role: 'user', content: OPENING_TURN });
  return [
    { role: 'system', content: system },
    ...merged.map((t): ChatCompletionMessageParam => ({ role: t.role, content: t.content })),
  ];
}
