import type { ChatMessage, QuickReply } from '../conversation/conversation-schema.js';
import type { ErrorCode } from '../errors/app-error.js';
import type { Slot } from '../lead/slots.js';

/**
 * The socket protocol as types (DESIGN.md "Socket protocol", default namespace). The server
 * validates the client's payloads with the zod schemas in socket-schemas.ts; the widget
 * imports these types with `import type` and guards what it receives by hand.
 */
export type ErrorBody = { code: ErrorCode; message: string };
export type ErrorAck = { ok: false; error: ErrorBody };

export type VisitorContext = {
  timezone: string;
  locale: string;
  page: string | null;
  referrer: string | null;
  utm: Record<string, string> | null;
};

export type HelloPayload = { sessionId?: string | undefined; visitor: VisitorContext };
/**
 * `sessionId` is the visitor's resume token (a secret: keep it, send it in the next hello; it
 * may change, so store the one in every ack); `conversationId` is the conversation's public id
 * (webhooks, logs, the console), which resumes nothing. `ok` is an addition to DESIGN.md's
 * `{ sessionId, messages }` so a client can tell errors apart; `maxMessageChars` (config
 * `server.maxMessageChars`) lets the widget refuse a longer message before sending it.
 */
/** The notice shown above the chat's input before the first message (config `widget.privacyNotice`). */
export type PrivacyNotice = { text: string; linkLabel: string; linkUrl: string | null };

export type HelloAck =
  | {
      ok: true;
      sessionId: string;
      conversationId: string;
      messages: ChatMessage[];
      maxMessageChars: number;
      privacyNotice?: PrivacyNotice | null;
    }
  | ErrorAck;

export type VisitorMessagePayload = { clientId: string; text: string };
export type VisitorMessageAck = { ok: true; id: string } | ErrorAck;

/**
 * Who wrote an agent message (live takeover, DESIGN.md "Console"): the bot (under the
 * assistant's name) or a rep who joined the chat (under their display name).
 */
export type Sender = { kind: 'bot' | 'rep'; name: string };

export type AgentMessagePayload = {
  id: string;
  text: string;
  expecting: Slot | null;
  quickReplies: QuickReply[];
  final: boolean;
  /** An addition of live takeover; clients written before it ignore it. */
  sender?: Sender;
};

/**
 * `agent:status`: a rep joined the chat (`human`, the bot stops answering) or handed it back
 * (`bot`); `rep` names the rep in both cases (the widget shows "Ana joined / left the chat").
 */
export type AgentStatusPayload = { mode: 'bot' | 'human'; rep: { name: string } | null };

/** `agent:typing`: `name` is set while a rep types (the bot's typing has none). */
export type AgentTypingPayload = { on: boolean; name?: string };

/** `visitor:typing` (no ack): the visitor is typing; relayed to the reps watching the chat. */
export type VisitorTypingPayload = { on: boolean };

export type ServerToClientEvents = {
  'agent:typing': (payload: AgentTypingPayload) => void;
  'agent:delta': (payload: { id: string; text: string }) => void;
  'agent:message': (payload: AgentMessagePayload) => void;
  'agent:status': (payload: AgentStatusPayload) => void;
  /** Sent with every refused event, so a client without an ack callback still learns why. */
  error: (payload: ErrorBody) => void;
};

export type ClientToServerEvents = {
  'session:hello': (payload: HelloPayload, ack: (res: HelloAck) => void) => void;
  'visitor:message': (
    payload: VisitorMessagePayload,
    ack: (res: VisitorMessageAck) => void,
  ) => void;
  'visitor:typing': (payload: VisitorTypingPayload) => void;
};
