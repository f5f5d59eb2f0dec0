import type { AgentEvent, ChatService } from '../../src/conversation/chat-service.js';
import type { ChatMessage, Conversation } from '../../src/conversation/conversation-schema.js';
import { phraseReplies } from '../../src/llm/phrase-replies.js';
import type { Phraser } from '../../src/llm/phraser.js';

type Inner = ChatService & { conversation(id: string): Promise<Conversation | null> };

/**
 * A stand-in for the shell's phrasing step, until create-chat-service.ts calls the phraser
 * itself (see the LLM-mode wiring notes): it holds the real service's agent messages of a
 * turn, runs them through `phraseReplies` (streaming `agent:delta`), then emits the final
 * `agent:message`s and `agent:typing` off. Unlike the real wiring, the stored transcript keeps
 * the template wording; tests use it only for what the visitor's socket receives.
 */
export function withPhrasing(inner: Inner, phraser: Phraser): ChatService {
  return {
    hello: (input) => inner.hello(input),
    async receive(sessionId, input, emit) {
      const held: ChatMessage[] = [];
      const result = await inner.receive(sessionId, input, (e: AgentEvent) => {
        if (e.type === 'agent:message') held.push({ ...e.payload, role: 'agent', at: new Date(0).toISOString() });
        // Typing stays on until the phrased reply is out.
        else if (e.type === 'agent:delta' || e.payload.on) emit(e);
      });
      if (result.duplicate) return result;
      const reply = result.reply.then(async () => {
        const conv = await inner.conversation(sessionId);
        const before = (conv?.messages ?? []).filter((m) => !held.some((h) => h.id === m.id));
        const recent = before.slice(-6).map((m) => ({ role: m.role, text: m.text }));
        const visitor = conv?.visitor ?? { timezone: 'UTC', locale: 'en-US', page: null, referrer: null, utm: null };
        const phrased = await phraseReplies(phraser, held, { recent, visitor, question: null, conversationId: sessionId }, emit);
        for (const m of phrased) {
          emit({ type: 'agent:message', payload: { id: m.id, text: m.text, expecting: m.expecting ?? null, quickReplies: m.quickReplies ?? [], final: m.final ?? false } });
        }
        emit({ type: 'agent:typing', payload: { on: false } });
      });
      return { ...result, reply };
    },
  };
}
