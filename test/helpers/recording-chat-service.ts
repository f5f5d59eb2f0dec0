import type { ChatService } from '../../src/conversation/chat-service.js';
import type { AgentMessagePayload } from '../../src/server/socket-events.js';
import { agentPayload } from './agent-payload.js';

/**
 * Wraps a ChatService and records every agent message it produces (in hello histories and in
 * replies), so a browser test knows what the agent asked (`expecting`, quick replies) without
 * reading it back from the page.
 */
export function recordAgentMessages(inner: ChatService) {
  const messages: AgentMessagePayload[] = [];
  const chatService: ChatService = {
    async hello(input) {
      const res = await inner.hello(input);
      if (!res.resumed)
        for (const m of res.messages) if (m.role === 'agent') messages.push(agentPayload(m));
      return res;
    },
    receive(sessionId, input, emit) {
      return inner.receive(sessionId, input, (e) => {
        if (e.type === 'agent:message') messages.push(e.payload);
        emit(e);
      });
    },
  };
  return {
    chatService,
    messages,
    latest: (): AgentMessagePayload | undefined => messages.at(-1),
  };
}
