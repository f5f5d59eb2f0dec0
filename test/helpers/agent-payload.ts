import type { ChatMessage } from '../../src/conversation/conversation-schema.js';
import type { AgentMessagePayload } from '../../src/server/socket-events.js';

/**
 * A stored agent message as the gateway sends it in `agent:message` (what the agent asks,
 * its quick replies, whether it is the last): for tests that start from a hello history.
 */
export function agentPayload(m: ChatMessage): AgentMessagePayload {
  return {
    id: m.id,
    text: m.text,
    expecting: m.expecting ?? null,
    quickReplies: m.quickReplies ?? [],
    final: m.final ?? false,
  };
}

/** The payload of the last agent message in a history, if any. */
export function lastAgentPayload(messages: ChatMessage[]): AgentMessagePayload | undefined {
  const last = messages.filter((m) => m.role === 'agent').at(-1);
  return last ? agentPayload(last) : undefined;
}
