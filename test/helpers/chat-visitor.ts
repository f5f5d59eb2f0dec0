import type { ChatService } from '../../src/conversation/chat-service.js';
import type { Visitor } from '../../src/lead/visitor.js';
import type { AgentMessagePayload } from '../../src/server/socket-events.js';
import { lastAgentPayload } from './agent-payload.js';
import { testVisitor } from './test-visitor.js';
import { answerFor } from './visitor-answers.js';

export type ChatVisitor = {
  /** The resume token hello returned (a secret). */
  sessionId: string;
  /** The conversation's public id, which receive takes. */
  conversationId: string;
  /** The agent's last message of the hello (its greeting and first question). */
  greeting: AgentMessagePayload | undefined;
  /** Plays one visitor turn; resolves with the agent's messages once its reply has settled. */
  say(text: string): Promise<AgentMessagePayload[]>;
  /**
   * Answers what the agent asks (`answerFor`, the qualified visitor) until it sends its final
   * message or asks what has no answer, at most `maxTurns` turns; resolves with its last message.
   */
  answerUntilDone(maxTurns?: number): Promise<AgentMessagePayload | undefined>;
};

/**
 * One visitor talking to a ChatService in-process, as the socket gateway would drive it:
 * hello with `testVisitor(visitor)`, then turn by turn. `afterTurn` runs after every turn
 * (tests move their clocks there).
 *
 * @example const v = await startChatVisitor(deps.chatService, { visitor: { timezone: 'Asia/Tokyo' } });
 */
export async function startChatVisitor(
  chatService: ChatService,
  opts: { visitor?: Partial<Visitor>; afterTurn?: () => void } = {},
): Promise<ChatVisitor> {
  const hello = await chatService.hello({ visitor: testVisitor(opts.visitor) });
  let n = 0;
  const say = async (text: string): Promise<AgentMessagePayload[]> => {
    const replies: AgentMessagePayload[] = [];
    const r = await chatService.receive(
      hello.conversationId,
      { clientId: `c${++n}`, text },
      (e) => {
        if (e.type === 'agent:message') replies.push(e.payload);
      },
    );
    await r.reply;
    opts.afterTurn?.();
    return replies;
  };
  const greeting = lastAgentPayload(hello.messages);
  return {
    sessionId: hello.sessionId,
    conversationId: hello.conversationId,
    greeting,
    say,
    async answerUntilDone(maxTurns = 12) {
      let last = greeting;
      for (let turn = 0; turn < maxTurns && last && !last.final; turn++) {
        const answer = answerFor(last.expecting, last.quickReplies);
        if (!answer) break;
        last = (await say(answer.text)).at(-1) ?? last;
      }
      return last;
    },
  };
}
