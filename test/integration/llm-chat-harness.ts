import type { AgentEvent } from '../../src/conversation/chat-service.js';
import { scoreLead } from '../../src/scoring/score-lead.js';
import { startFakeLlm, type FakeLlm } from '../fakes/fake-llm.js';
import { createTestDeps } from '../helpers/test-deps.js';

export type AgentPayload = Extract<AgentEvent, { type: 'agent:message' }>['payload'];

export type LlmChat = FakeLlm & {
  sessionId: string;
  /** Sends one visitor message and resolves with the agent's messages once the reply settled. */
  send(text: string): Promise<AgentPayload[]>;
  conversation(): Promise<
    NonNullable<Awaited<ReturnType<ReturnType<typeof createTestDeps>['store']['getConversation']>>>
  >;
  score(): Promise<ReturnType<typeof scoreLead>>;
};

/**
 * The real chat service in LLM mode against a fresh fake model: the LLM extractor (rules as
 * the fallback) and, unless `phrasing` is false, the LLM phraser, sharing one gate as in
 * production. One conversation is open; `send` plays a visitor turn.
 */
export async function startLlmChat(
  opts: Parameters<typeof startFakeLlm>[0] & { phrasing?: boolean } = {},
): Promise<LlmChat> {
  const llm = await startFakeLlm(opts);
  const deps = createTestDeps({
    core: { extractor: llm.parts.extractor },
    phraser: opts.phrasing === false ? null : llm.parts.phraser,
  });
  const hello = await deps.chatService.hello({
    visitor: {
      timezone: 'America/New_York',
      locale: 'en-US',
      page: null,
      referrer: null,
      utm: null,
    },
  });
  let n = 0;
  const conversation = async () => {
    const conv = await deps.store.getConversation(hello.sessionId);
    if (!conv) throw new Error('conversation vanished');
    return conv;
  };
  return {
    ...llm,
    sessionId: hello.sessionId,
    async send(text) {
      const replies: AgentPayload[] = [];
      const r = await deps.chatService.receive(
        hello.sessionId,
        { clientId: `c-${++n}`, text },
        (e) => {
          if (e.type === 'agent:message') replies.push(e.payload);
        },
      );
      await r.reply;
      return replies;
    },
    conversation,
    async score() {
      const conv = await conversation();
      return scoreLead(conv.lead, conv.visitor, deps.config.scoring, deps.config.currency);
    },
  };
}
