import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../src/conversation/conversation-schema.js';
import { createChatSession } from '../../widget/chat/chat-session.js';
import { createFakeWidgetSocket, memoryStore, settle } from '../helpers/fake-widget-socket.js';

const GREETING: ChatMessage = {
  id: 'a-1',
  role: 'agent',
  text: 'Hi! What brings you here?',
  at: '2030-03-04T10:00:00.000Z',
};
const REP_SAID: ChatMessage = {
  id: 'r-1',
  role: 'rep',
  name: 'Ana Lima',
  text: 'Ana here, happy to help.',
  at: '2030-03-04T10:01:00.000Z',
};

async function started(history: ChatMessage[] = [GREETING]) {
  const fake = createFakeWidgetSocket(({ event }) =>
    event === 'session:hello'
      ? { ok: true, sessionId: 's-1', messages: history }
      : { ok: true, id: 'v-9' },
  );
  const session = createChatSession({
    socket: fake.socket,
    storage: memoryStore(),
    sessionKey: 'k',
    visitor: () => ({ timezone: 'UTC', locale: 'en-US', page: null, referrer: null, utm: null }),
    newId: () => `c-${Math.random()}`,
  });
  session.start();
  await settle();
  return { fake, session };
}

afterEach(() => void vi.useRealTimers());

describe('the widget session during a takeover', () => {
  it('when a rep joins, writes and leaves, then the chat shows the joined line, their message under their name, and the left line', async () => {
    const { fake, session } = await started();
    fake.serverEmits('agent:status', { mode: 'human', rep: { name: 'Ana Lima' } });
    fake.serverEmits('agent:typing', { on: true, name: 'Ana Lima' });
    expect(session.state()).toMatchObject({ typing: true, typingName: 'Ana Lima' });
    fake.serverEmits('agent:message', {
      id: 'r-1',
      text: 'Ana here, happy to help.',
      expecting: null,
      quickReplies: [],
      final: false,
      sender: { kind: 'rep', name: 'Ana Lima' },
    });
    fake.serverEmits('agent:status', { mode: 'bot', rep: { name: 'Ana Lima' } });
    expect(session.state().messages.map((m) => [m.role, m.name ?? null, m.text])).toEqual([
      ['agent', null, 'Hi! What brings you here?'],
      ['system', null, 'Ana Lima joined the chat'],
      ['rep', 'Ana Lima', 'Ana here, happy to help.'],
      ['system', null, 'Ana Lima left the chat'],
    ]);
    expect(session.state().typing).toBe(false);
  });

  it('when the bot sends a message with sender bot, or a malformed status arrives, then nothing shows a rep', async () => {
    const { fake, session } = await started();
    fake.serverEmits('agent:message', {
      id: 'a-2',
      text: 'And your role?',
      expecting: 'authority',
      quickReplies: [],
      final: false,
      sender: { kind: 'bot', name: 'Beacon assistant' },
    });
    fake.serverEmits('agent:status', { mode: 'party', rep: null });
    fake.serverEmits('agent:status', 'human');
    expect(session.state().messages.map((m) => m.role)).toEqual(['agent', 'agent']);
  });

  it('when a visitor comes back, then the rep messages of the history keep the rep name', async () => {
    const { session } = await started([GREETING, REP_SAID]);
    expect(session.state().messages.at(-1)).toMatchObject({ role: 'rep', name: 'Ana Lima' });
  });

  it('when the visitor types, then the typing is sent at most every 2 s and ends after 4 s without a key or on send', async () => {
    vi.useFakeTimers();
    const { fake, session } = await started();
    session.typing();
    session.typing();
    vi.advanceTimersByTime(1000);
    session.typing();
    expect(fake.notified).toEqual([{ event: 'visitor:typing', payload: { on: true } }]);
    vi.advanceTimersByTime(1500);
    session.typing();
    expect(fake.notified).toHaveLength(2);
    vi.advanceTimersByTime(4000);
    expect(fake.notified.at(-1)).toEqual({ event: 'visitor:typing', payload: { on: false } });
    session.typing();
    session.send('hello');
    expect(fake.notified.slice(-2)).toEqual([
      { event: 'visitor:typing', payload: { on: true } },
      { event: 'visitor:typing', payload: { on: false } },
    ]);
  });
});
