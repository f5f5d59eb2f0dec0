import type { ChatService } from '../../src/conversation/chat-service.js';
import type { ChatMessage } from '../../src/conversation/conversation-schema.js';
import type { Visitor } from '../../src/lead/visitor.js';
import { createScriptedChatService } from './scripted-chat-service.js';
import { createTestDeps } from './test-deps.js';

/** The ChatService the transport tests run against, plus read access to what it stored. */
export type ChatHarness = {
  chatService: ChatService;
  /** What was stored for a conversation, by its id (the ack's `conversationId`). */
  transcript(conversationId: string): Promise<ChatMessage[]>;
  visitorOf(conversationId: string): Promise<Visitor | undefined>;
};

/**
 * The real conversation service (rules mode, in-memory store and calendar, fixed clock) from
 * `createTestDeps`: the transport is tested with the engine it will carry in production.
 */
export function realHarness(): ChatHarness {
  const { chatService, store } = createTestDeps();
  return {
    chatService,
    transcript: async (id) => (await store.getConversation(id))?.messages ?? [],
    visitorOf: async (id) => (await store.getConversation(id))?.visitor,
  };
}

/**
 * The scripted stand-in, for what rules mode never does: streaming a reply as `agent:delta`
 * chunks (LLM mode does).
 */
export function scriptedHarness(opts: { stream?: boolean } = {}): ChatHarness {
  const chatService = createScriptedChatService(opts);
  return {
    chatService,
    transcript: async (id) => chatService.transcript(id),
    visitorOf: async (id) => chatService.visitorOf(id),
  };
}
