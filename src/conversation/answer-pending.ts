import type { AgentEvent } from './chat-service.js';
import type { ChatShell } from './chat-shell.js';

/**
 * Pending-reply recovery: answers the visitor's last message when no reply followed it (the
 * process stopped after storing and acknowledging it, before the reply was saved). Run when
 * the visitor comes back.
 */
export function createAnswerPending(
  { serialize, load }: ChatShell,
  answer: (
    sessionId: string,
    messageId: string,
    text: string,
    emit: (e: AgentEvent) => void,
  ) => Promise<void>,
) {
  return function answerPending(sessionId: string, emit: (e: AgentEvent) => void): Promise<void> {
    return serialize(sessionId, async () => {
      const conv = await load(sessionId);
      const last = conv.messages.at(-1);
      // While a rep has the chat, the visitor's last word waits for them, not for the bot.
      if (last?.role === 'visitor' && conv.console.takeover === null)
        await answer(sessionId, last.id, last.text, emit);
    });
  };
}
