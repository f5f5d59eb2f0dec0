import type { Slot } from '../lead/slots.js';
import type { Visitor } from '../lead/visitor.js';
import type { ChatMessage, QuickReply } from './conversation-schema.js';

/** What the agent sends a connected widget (DESIGN.md "Socket protocol"). */
export type AgentEvent =
  | { type: 'agent:typing'; payload: { on: boolean } }
  | { type: 'agent:delta'; payload: { id: string; text: string } }
  | {
      type: 'agent:message';
      payload: {
        id: string;
        text: string;
        expecting: Slot | null;
        quickReplies: QuickReply[];
        final: boolean;
      };
    };

/**
 * Who is on the other end of a transport, as far as the server can tell: the client's IP (the
 * socket's address, or the proxy's X-Forwarded-For when `server.trustProxy` says so). Used for
 * limits per client; never stored as is.
 */
export type ClientInfo = {
  ip: string;
  /** The Origin header the connection was accepted with (the page's site, as the browser says). */
  origin?: string | undefined;
};

export type HelloResult = {
  /**
   * The visitor's resume token (a secret: never logged, stored only as a hash). The same one on
   * a resume, a new one for a new conversation or a migrated one.
   */
  sessionId: string;
  /** The conversation's public id (webhooks, logs, the console); it resumes nothing. */
  conversationId: string;
  messages: ChatMessage[];
  resumed: boolean;
  /** The rep who has the chat now (live takeover), when one has. */
  rep?: { name: string };
};
export type ReceiveResult = {
  /** The stored visitor message's id. */
  id: string;
  /** True when this clientId was already stored: nothing new happened. */
  duplicate: boolean;
  /** Settles when the agent has finished replying (its events went through `emit`). */
  reply: Promise<void>;
};

/**
 * The conversation as the transport sees it. The socket gateway, the terminal chat and the
 * eval all drive conversations through this port.
 */
export type ChatService = {
  /**
   * Starts a conversation (greeting + first question) or resumes the one whose resume token
   * `sessionId` is, with its history. Anything else (a conversation id included) starts anew.
   */
  hello(input: {
    sessionId?: string | undefined;
    visitor: Visitor;
    client?: ClientInfo | undefined;
  }): Promise<HelloResult>;
  /**
   * Stores the visitor's message and resolves once it is stored (persist before ack); the
   * agent's reply is then produced through `emit`. Takes the conversation id that hello
   * returned (never the resume token). Throws AppError('SESSION_NOT_FOUND').
   */
  receive(
    conversationId: string,
    input: { clientId: string; text: string },
    emit: (e: AgentEvent) => void,
    client?: ClientInfo,
  ): Promise<ReceiveResult>;
  /** Replies to a stored visitor message that no reply followed (a crash between ack and reply). */
  answerPending?(conversationId: string, emit: (e: AgentEvent) => void): Promise<void>;
};
