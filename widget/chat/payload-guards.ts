/**
 * Hand-written checks of what the server sends (no zod in the browser: it would triple the
 * bundle). They guard the shapes of src/server/socket-events.ts.
 */
import type { ChatMessage, QuickReply } from '../../src/conversation/conversation-schema.js';
import type {
  AgentMessagePayload,
  ErrorAck,
  HelloAck,
  PrivacyNotice,
  VisitorMessageAck,
} from '../../src/server/socket-events.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const isStr = (v: unknown): v is string => typeof v === 'string';

export function isQuickReply(v: unknown): v is QuickReply {
  return isObj(v) && isStr(v.label) && isStr(v.value);
}

/** Quick replies of a message, dropping any malformed entry. */
export function quickRepliesOf(v: unknown): QuickReply[] {
  return Array.isArray(v) ? v.filter(isQuickReply) : [];
}

export function isErrorAck(v: unknown): v is ErrorAck {
  return (
    isObj(v) && v.ok === false && isObj(v.error) && isStr(v.error.code) && isStr(v.error.message)
  );
}

export function isHelloOk(v: unknown): v is Extract<HelloAck, { ok: true }> {
  // `ok` is optional here: DESIGN.md's ack is `{ sessionId, messages }`.
  return isObj(v) && v.ok !== false && isStr(v.sessionId) && Array.isArray(v.messages);
}

export function isMessageOk(v: unknown): v is Extract<VisitorMessageAck, { ok: true }> {
  return isObj(v) && v.ok === true && isStr(v.id);
}

export function isChatMessage(v: unknown): v is ChatMessage {
  const role = isObj(v) ? v.role : null;
  return (
    isObj(v) &&
    isStr(v.id) &&
    (role === 'visitor' || role === 'agent' || role === 'rep') &&
    isStr(v.text)
  );
}

export function isAgentMessage(v: unknown): v is AgentMessagePayload {
  return isObj(v) && isStr(v.id) && isStr(v.text);
}

export function isDelta(v: unknown): v is { id: string; text: string } {
  return isObj(v) && isStr(v.id) && isStr(v.text);
}

export function isTyping(v: unknown): v is { on: boolean } {
  return isObj(v) && typeof v.on === 'boolean';
}

/** The privacy notice of a hello ack; null when absent or malformed, and no link unless http(s). */
export function privacyNoticeOf(v: unknown): PrivacyNotice | null {
  if (!isObj(v) || !isStr(v.text) || v.text.trim() === '') return null;
  const url = isStr(v.linkUrl) && /^https?:\/\//i.test(v.linkUrl) ? v.linkUrl : null;
  return {
    text: v.text,
    linkLabel: isStr(v.linkLabel) ? v.linkLabel : 'Privacy policy',
    linkUrl: url,
  };
}

/** The rep's name of an `agent:message` or `agent:typing` from a person (`sender`/`name`), else null. */
export function repNameOf(v: unknown): string | null {
  if (!isObj(v)) return null;
  if (isObj(v.sender))
    return v.sender.kind === 'rep' && isStr(v.sender.name) ? v.sender.name : null;
  return isStr(v.name) ? v.name : null;
}

/** `agent:status`: a rep joined (`human`) or handed back (`bot`), with their name; null when malformed. */
export function statusOf(v: unknown): { mode: 'bot' | 'human'; name: string } | null {
  if (!isObj(v) || (v.mode !== 'bot' && v.mode !== 'human')) return null;
  const name = isObj(v.rep) && isStr(v.rep.name) ? v.rep.name : 'Our team';
  return { mode: v.mode, name };
}
