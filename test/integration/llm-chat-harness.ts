import type { Conversation } from '../../src/conversation/conversation-schema.js';
import type { AgentMessagePayload } from '../../src/server/socket-events.js';
import { scoreLead } from '../../src/scoring/score-lead.js';
import { startFakeLlm, type FakeLlm } from '../fakes/fake-llm.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { startChatVisitor } from '../helpers/chat-visitor.js';
import { createTestDeps } from '../helpers/test-deps.js';

export type LlmChat = FakeLlm & {
  conversationId: string;
  /** Sends one visitor message and resolves with the agent's messages once the reply settled. */
  send(text: string): Promise<AgentMessagePayload[]>;
  conversation(): Promise<Conversation>;
  score(): Promise<ReturnType<typeof scoreLead>>;
};

/**
 * The real chat service in LLM mode against a fresh fake model: the LLM extractor (rules as
 * the fallback) and, unless `phrasing` is false, the LLM phraser, sharing one gate as in
 * production. One conversation is open (a visitor in New York); `send` plays a visitor turn.
 */
export async function startLlmChat(
  opts: Parameters<typeof startFakeLlm>[0] & { phrasing?: boolean } = {},
): Promise<LlmChat> {
  const llm = await startFakeLlm(opts);
  const deps = createTestDeps({
    core: { extractor: llm.parts.extractor },
    phraser: opts.phrasing === false ? null : llm.parts.phraser,
  });
  const visitor = await startChatVisitor(deps.chatService);
  const conversation = async () => {
    const conv = await deps.store.getConversation(visitor.conversationId);
    if (!conv) throw new Error('conversation vanished');
    return conv;
  };
  return {
    ...llm,
    conversationId: visitor.conversationId,
    send: visitor.say,
    conversation,
    async score() {
      const conv = await conversation();
      return scoreLead(conv.lead, conv.visitor, deps.config.scoring, deps.config.currency);
    },
  };
}

/** `startLlmChat` for one test: the fake model closes when the test ends. */
export async function llmChatForTest(
  opts: Parameters<typeof startLlmChat>[0] = {},
): Promise<LlmChat> {
  return closeAfterTest(await startLlmChat(opts));
}
