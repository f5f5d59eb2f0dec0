import { phraseReplies } from '../llm/phrase-replies.js';
import type { AgentEvent } from './chat-service.js';
import type { ChatServiceDeps, ChatShell } from './chat-shell.js';
import type { ChatMessage, Conversation } from './conversation-schema.js';
import { createMessageReader, RECENT_TURNS, sideOf } from './read-visitor-message.js';
import type { RunTurn } from './run-turn.js';

/** An agent message as the widget receives it. */
export function agentMessage(m: ChatMessage): AgentEvent {
  return {
    type: 'agent:message',
    payload: {
      id: m.id,
      text: m.text,
      expecting: m.expecting ?? null,
      quickReplies: m.quickReplies ?? [],
      final: m.final ?? false,
    },
  };
}

/** {@link ChatShell.respond}: read the message, run the turn, phrase, save, emit. */
export function createResponder(deps: ChatServiceDeps, runTurn: RunTurn): ChatShell['respond'] {
  const readVisitorMessage = createMessageReader(deps);
  return async function respond(
    conv: Conversation,
    messageId: string,
    text: string,
    emit: (e: AgentEvent) => void,
  ): Promise<Conversation> {
    const now = deps.clock();
    const event = await readVisitorMessage(conv, messageId, text, now);
    const { conversation, replies, awaitRep } = await runTurn(conv, event, now, {
      text,
      meeting: event.meeting,
    });
    const phrased = deps.phraser
      ? await phraseReplies(
          deps.phraser,
          replies,
          {
            recent: conv.messages
              .slice(-RECENT_TURNS)
              .map((m) => ({ role: sideOf(m.role), text: m.text })),
            visitor: conv.visitor,
            question: event.extraction.signals.question,
            conversationId: conv.id,
          },
          emit,
          (e) => deps.onError?.(e, 'phrase'),
        )
      : replies;
    const kept = conversation.messages.slice(0, conversation.messages.length - replies.length);
    // Read by the fallback extractor: the LLM failed on this message (counted for analytics).
    const fellBack = event.source !== deps.extractor.name ? 1 : 0;
    const saved = await deps.store.saveConversation({
      ...conversation,
      messages: [...kept, ...phrased],
      ...(fellBack ? { llmFallbacks: (conversation.llmFallbacks ?? 0) + fellBack } : {}),
    });
    if (awaitRep) deps.reps?.awaited(conv.id);
    for (const m of phrased) emit(agentMessage(m));
    return saved;
  };
}
