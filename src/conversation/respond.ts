import { phraseReplies } from '../llm/phrase-replies.js';
import type { AgentEvent } from './chat-service.js';
import type { ChatServiceDeps, ChatShell } from './chat-shell.js';
import type { ChatMessage, Conversation } from './conversation-schema.js';
import { createMessageReader, RECENT_TURNS, sideOf } from './read-visitor-message.js';
import type { RunTurn } from './run-turn.js';
import { speculate } from '../llm/speculative-phrasing.js';

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

/**
 * {@link ChatShell.respond}: read the message, run the turn, phrase, save, emit. With a phraser
 * (LLM mode), the replies of the rules' reading are phrased while the model extracts, and
 * shown only when the engine, deciding from the validated fields, gives the same replies
 * (`speculate`); otherwise the real replies are phrased anew.
 */
export function createResponder(deps: ChatServiceDeps, runTurn: RunTurn): ChatShell['respond'] {
  const readVisitorMessage = createMessageReader(deps);
  const readByRules = createMessageReader({ ...deps, extractor: deps.fallback });
  /** The replies of the turn as the rules alone read the message (a dry run), or null. */
  async function guessTurn(conv: Conversation, messageId: string, text: string, now: Date) {
    try {
      const event = await readByRules(conv, messageId, text, now);
      const said = { text, meeting: event.meeting };
      const r = await runTurn(conv, event, now, said, true);
      return r.stoppedShort || r.awaitRep
        ? null
        : { replies: r.replies, question: event.extraction.signals.question };
    } catch {
      // A guess that cannot be made only costs the head start.
      return null;
    }
  }
  return async function respond(
    conv: Conversation,
    messageId: string,
    text: string,
    emit: (e: AgentEvent) => void,
  ): Promise<Conversation> {
    const now = deps.clock();
    const reading = readVisitorMessage(conv, messageId, text, now);
    const turn = {
      recent: conv.messages
        .slice(-RECENT_TURNS)
        .map((m) => ({ role: sideOf(m.role), text: m.text })),
      visitor: conv.visitor,
      conversationId: conv.id,
    };
    const onPhraseError = (e: unknown): void => deps.onError?.(e, 'phrase');
    // While the model extracts, the replies of the rules' reading are phrased, held back.
    const guess = deps.phraser?.mayStartEarly?.()
      ? await guessTurn(conv, messageId, text, now).then((g) =>
          g && deps.phraser
            ? speculate(
                deps.phraser,
                g.replies,
                { ...turn, question: g.question },
                emit,
                onPhraseError,
              )
            : null,
        )
      : null;
    const event = await reading;
    const { conversation, replies, awaitRep } = await runTurn(conv, event, now, {
      text,
      meeting: event.meeting,
    });
    const question = event.extraction.signals.question;
    const phrased = deps.phraser
      ? ((await guess?.settle(replies, question)) ??
        (await phraseReplies(deps.phraser, replies, { ...turn, question }, emit, onPhraseError)))
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
