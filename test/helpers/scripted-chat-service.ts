import type { AgentEvent, ChatService } from '../../src/conversation/chat-service.js';
import type { ChatMessage, QuickReply } from '../../src/conversation/conversation-schema.js';
import { AppError } from '../../src/errors/app-error.js';
import type { Slot } from '../../src/lead/slots.js';
import type { Visitor } from '../../src/lead/visitor.js';
import { agentPayload } from './agent-payload.js';

/**
 * A stand-in ChatService for transport tests: it asks a fixed list of slots in order, takes
 * whatever the visitor says as the answer, and ends with a final message. It keeps the real
 * service's contract (store before ack, dedupe by clientId, SESSION_NOT_FOUND, replies through
 * `emit`) so the gateway and the widget are tested against the port, not the engine. It can
 * stream each question as deltas first, which rules mode never does.
 */
export type ScriptedChatService = ChatService & {
  /** The stored transcript of a conversation (by its id), for assertions. */
  transcript(conversationId: string): ChatMessage[];
  /** The visitor context each conversation said hello with. */
  visitorOf(conversationId: string): Visitor | undefined;
};

const QUESTIONS: { slot: Slot; text: string; quickReplies?: QuickReply[] }[] = [
  { slot: 'need', text: 'What would you like Beacon to help with?' },
  { slot: 'authority', text: 'What is your role in choosing a tool like this?' },
  { slot: 'company', text: 'Which company are you with, and roughly how many people work there?' },
  { slot: 'budget', text: 'Do you have a budget in mind?' },
  {
    slot: 'timeline',
    text: 'When would you like to have it running?',
    quickReplies: [
      { label: 'This month', value: 'within the next 30 days' },
      { label: 'This quarter', value: 'within three months' },
      { label: 'Just exploring', value: 'no timeline yet' },
    ],
  },
  { slot: 'contact', text: 'Who should we follow up with? A name and work email, please.' },
];

export function createScriptedChatService(
  opts: { stream?: boolean; at?: string } = {},
): ScriptedChatService {
  const at = opts.at ?? '2030-03-04T10:00:00.000Z';
  const sessions = new Map<string, { visitor: Visitor; messages: ChatMessage[]; step: number }>();
  // Resume token -> conversation id: as with the real service, only the token resumes.
  const tokens = new Map<string, string>();
  let ids = 0;
  const newId = (prefix: string): string => `${prefix}-${++ids}`;

  const question = (step: number): ChatMessage => {
    const q = QUESTIONS[step];
    if (!q)
      return {
        id: newId('a'),
        role: 'agent',
        text: 'Thank you! Someone from our team will be in touch shortly.',
        at,
        expecting: null,
        quickReplies: [],
        final: true,
      };
    return {
      id: newId('a'),
      role: 'agent',
      text: q.text,
      at,
      expecting: q.slot,
      quickReplies: q.quickReplies ?? [],
      final: false,
    };
  };

  return {
    async hello({ sessionId, visitor }) {
      const knownId = sessionId === undefined ? undefined : tokens.get(sessionId);
      const known = knownId === undefined ? undefined : sessions.get(knownId);
      if (sessionId !== undefined && knownId !== undefined && known)
        return { sessionId, conversationId: knownId, messages: [...known.messages], resumed: true };
      const id = newId('s');
      const token = `${id}.token-${ids}`;
      tokens.set(token, id);
      const greeting: ChatMessage = {
        id: newId('a'),
        role: 'agent',
        text: 'Hi! I am the Beacon assistant.',
        at,
        expecting: null,
        quickReplies: [],
        final: false,
      };
      const messages = [greeting, question(0)];
      sessions.set(id, { visitor, messages, step: 0 });
      return { sessionId: token, conversationId: id, messages: [...messages], resumed: false };
    },

    async receive(conversationId, { clientId, text }, emit: (e: AgentEvent) => void) {
      const s = sessions.get(conversationId);
      if (!s)
        throw new AppError('SESSION_NOT_FOUND', `no conversation with id "${conversationId}"`);
      const dup = s.messages.find((m) => m.role === 'visitor' && m.clientId === clientId);
      if (dup) return { id: dup.id, duplicate: true, reply: Promise.resolve() };
      const msg: ChatMessage = { id: newId('v'), role: 'visitor', text, at, clientId };
      s.messages.push(msg);
      s.step += 1;
      const next = question(s.step);
      s.messages.push(next);
      const reply = (async () => {
        await Promise.resolve(); // the reply comes after the ack, as with the real service
        emit({ type: 'agent:typing', payload: { on: true } });
        if (opts.stream)
          for (const word of next.text.split(/(?<= )/))
            emit({ type: 'agent:delta', payload: { id: next.id, text: word } });
        emit({ type: 'agent:message', payload: agentPayload(next) });
        emit({ type: 'agent:typing', payload: { on: false } });
      })();
      return { id: msg.id, duplicate: false, reply };
    },

    transcript: (conversationId) => [...(sessions.get(conversationId)?.messages ?? [])],
    visitorOf: (conversationId) => sessions.get(conversationId)?.visitor,
  };
}
