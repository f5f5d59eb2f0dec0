import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/conversation/conversation-schema.js';
import type { VisitorContext } from '../../src/server/socket-events.js';
import { createChatSession, type SessionState } from '../../widget/chat/chat-session.js';
import {
  createFakeWidgetSocket,
  memoryStore,
  settle,
  type Responder,
} from '../helpers/fake-widget-socket.js';

const KEY = 'leadbot:https://chat.beacon.example:session';
const VISITOR: VisitorContext = {
  timezone: 'Asia/Kolkata',
  locale: 'en-IN',
  page: 'https://www.halden.example/pricing',
  referrer: null,
  utm: null,
};
const GREETING: ChatMessage = {
  id: 'a-1',
  role: 'agent',
  text: 'Hi! What brings you here?',
  at: '2030-03-04T10:00:00.000Z',
  expecting: 'need',
  quickReplies: [],
};

/** A tiny server: one session, stores messages by clientId (deduped), acks them. */
function fakeServer(
  opts: {
    history?: ChatMessage[];
    refuse?: Record<string, { code: string; message: string }>;
  } = {},
) {
  const stored: ChatMessage[] = [...(opts.history ?? [GREETING])];
  let sessionId = 's-1';
  const respond: Responder = ({ event, payload }) => {
    const p = payload as { clientId: string; text: string; sessionId?: string };
    if (event === 'session:hello') {
      if (p.sessionId !== undefined && p.sessionId !== sessionId) sessionId = p.sessionId;
      return { ok: true, sessionId, messages: [...stored] };
    }
    const refusal = opts.refuse?.[p.text];
    if (refusal) return { ok: false, error: refusal };
    const known = stored.find((m) => m.clientId === p.clientId);
    if (known) return { ok: true, id: known.id };
    const msg: ChatMessage = {
      id: `v-${stored.length + 1}`,
      role: 'visitor',
      text: p.text,
      at: GREETING.at,
      clientId: p.clientId,
    };
    stored.push(msg);
    return { ok: true, id: msg.id };
  };
  return { stored, respond, setSession: (id: string) => void (sessionId = id) };
}

function setup(respond: Responder, storage = memoryStore()) {
  const fake = createFakeWidgetSocket(respond);
  let ids = 0;
  const session = createChatSession({
    socket: fake.socket,
    storage,
    sessionKey: KEY,
    visitor: () => VISITOR,
    newId: () => `c-${++ids}`,
  });
  const announced: string[] = [];
  let state: SessionState = session.state();
  session.subscribe((s, announce) => {
    state = s;
    if (announce !== null) announced.push(announce);
  });
  return { fake, session, storage, announced, state: () => state };
}

const texts = (s: SessionState) => s.messages.map((m) => `${m.role}:${m.text}:${m.status}`);

describe('the widget chat session', () => {
  it('when it starts with no stored session, then it says hello with the visitor context and keeps the new session id', async () => {
    const { fake, session, storage, state } = setup(fakeServer().respond);
    session.start();
    await settle();
    expect(fake.requests[0]).toEqual({
      event: 'session:hello',
      payload: { sessionId: undefined, visitor: VISITOR },
    });
    expect(storage.get(KEY)).toBe('s-1');
    expect(state().connection).toBe('online');
    expect(texts(state())).toEqual(['agent:Hi! What brings you here?:sent']);
  });

  it('when a session id is stored (a reload), then hello sends it and the history is shown', async () => {
    const server = fakeServer({
      history: [
        GREETING,
        {
          id: 'v-2',
          role: 'visitor',
          text: 'Leads go cold overnight',
          at: GREETING.at,
          clientId: 'old',
        },
      ],
    });
    const { fake, session, state } = setup(server.respond, memoryStore({ [KEY]: 's-77' }));
    session.start();
    await settle();
    expect(fake.requests[0]?.payload).toMatchObject({ sessionId: 's-77' });
    expect(texts(state())).toEqual([
      'agent:Hi! What brings you here?:sent',
      'visitor:Leads go cold overnight:sent',
    ]);
  });

  it('when the server answers a stored id with a new resume token (a migrated conversation), then the widget keeps the new token and sends it next time', async () => {
    const { fake, session, storage } = setup(
      (req) =>
        req.event === 'session:hello'
          ? { ok: true, sessionId: 'c-9.new-secret', conversationId: 'c-9', messages: [GREETING] }
          : { ok: true, id: 'v-1' },
      memoryStore({ [KEY]: 'c-9' }),
    );
    session.start();
    await settle();
    expect(fake.requests[0]?.payload).toMatchObject({ sessionId: 'c-9' });
    expect(storage.get(KEY)).toBe('c-9.new-secret');
  });

  it('when the visitor sends a message online, then it shows at once as pending and turns sent on its ack', async () => {
    const { session, state } = setup(fakeServer().respond);
    session.start();
    await settle();
    session.send('  We need faster replies  ');
    expect(state().messages.at(-1)).toMatchObject({
      role: 'visitor',
      text: 'We need faster replies',
      status: 'pending',
    });
    await settle();
    expect(state().messages.at(-1)?.status).toBe('sent');
  });

  it('when the visitor types while offline, then the message waits and is sent once, after hello, when back', async () => {
    const server = fakeServer();
    const { fake, session, state } = setup(server.respond);
    session.start();
    await settle();
    fake.drop();
    expect(state().connection).toBe('reconnecting');
    session.send('Typed on the train');
    await settle();
    expect(state().messages.at(-1)).toMatchObject({
      text: 'Typed on the train',
      status: 'pending',
    });
    fake.reconnect();
    await settle();
    expect(fake.requests.map((r) => r.event)).toEqual([
      'session:hello',
      'session:hello',
      'visitor:message',
    ]);
    expect(server.stored.filter((m) => m.text === 'Typed on the train')).toHaveLength(1);
    expect(state().messages.at(-1)).toMatchObject({ text: 'Typed on the train', status: 'sent' });
  });

  it('when an ack is lost but the server stored the message, then it is not sent again after reconnecting', async () => {
    const server = fakeServer();
    let loseNextAck = true;
    const { fake, session, state } = setup((req) => {
      const res = server.respond(req);
      if (req.event === 'visitor:message' && loseNextAck) {
        loseNextAck = false;
        return 'no-ack';
      }
      return res;
    });
    session.start();
    await settle();
    session.send('Did this arrive?');
    await settle();
    fake.drop();
    fake.reconnect();
    await settle();
    expect(fake.requests.filter((r) => r.event === 'visitor:message')).toHaveLength(1);
    expect(texts(state()).filter((t) => t.startsWith('visitor:'))).toEqual([
      'visitor:Did this arrive?:sent',
    ]);
  });

  it('when an ack is lost and the server never got it, then it is sent again with the same clientId', async () => {
    const server = fakeServer();
    let first = true;
    const { fake, session } = setup((req) => {
      if (req.event === 'visitor:message' && first) {
        first = false;
        return 'no-ack';
      }
      return server.respond(req);
    });
    session.start();
    await settle();
    session.send('Second try');
    await settle();
    fake.drop();
    fake.reconnect();
    await settle();
    const sends = fake.requests.filter((r) => r.event === 'visitor:message').map((r) => r.payload);
    expect(sends).toEqual([
      { clientId: 'c-1', text: 'Second try' },
      { clientId: 'c-1', text: 'Second try' },
    ]);
    expect(server.stored.filter((m) => m.clientId === 'c-1')).toHaveLength(1);
  });

  it('when the agent streams deltas, then they grow one bubble that the final message replaces', async () => {
    const { fake, session, state, announced } = setup(fakeServer().respond);
    session.start();
    await settle();
    fake.serverEmits('agent:typing', { on: true });
    expect(state().typing).toBe(true);
    fake.serverEmits('agent:delta', { id: 'a-9', text: 'Which company ' });
    fake.serverEmits('agent:delta', { id: 'a-9', text: 'are you wi' });
    expect(state().messages.at(-1)).toMatchObject({
      key: 'a-9',
      text: 'Which company are you wi',
      status: 'streaming',
    });
    expect(state().typing).toBe(false);
    fake.serverEmits('agent:message', {
      id: 'a-9',
      text: 'Which company are you with?',
      expecting: 'company',
      quickReplies: [],
      final: false,
    });
    expect(state().messages.filter((m) => m.key === 'a-9')).toEqual([
      {
        key: 'a-9',
        role: 'agent',
        text: 'Which company are you with?',
        status: 'sent',
        quickReplies: [],
        final: false,
      },
    ]);
    expect(announced).toEqual(['Which company are you with?']);
  });

  it('when the visitor picks a quick reply, then the bubble shows its label and the server gets its value', async () => {
    const { fake, session, state } = setup(fakeServer().respond);
    session.start();
    await settle();
    session.send('within three months', 'This quarter');
    await settle();
    expect(fake.requests.at(-1)?.payload).toEqual({ clientId: 'c-1', text: 'within three months' });
    expect(state().messages.at(-1)).toMatchObject({ text: 'This quarter', status: 'sent' });
  });

  it('when the server refuses a message, then the bubble is marked failed and the reason is shown', async () => {
    const server = fakeServer({
      refuse: {
        'spam spam': {
          code: 'RATE_LIMITED',
          message: 'Too many messages: at most 30 a minute. Try again in 2 s.',
        },
      },
    });
    const { session, state } = setup(server.respond);
    session.start();
    await settle();
    session.send('spam spam');
    await settle();
    expect(state().messages.at(-1)?.status).toBe('failed');
    expect(state().notice).toBe('Too many messages: at most 30 a minute. Try again in 2 s.');
    session.send('a calmer message');
    expect(state().notice).toBeNull();
  });

  it('when the server no longer knows the session, then the widget starts a new one and delivers the message there', async () => {
    const server = fakeServer();
    let forgotten = true;
    const { fake, session, storage, state } = setup((req) => {
      if (req.event === 'visitor:message' && forgotten) {
        forgotten = false;
        server.setSession('s-2');
        return {
          ok: false,
          error: { code: 'SESSION_NOT_FOUND', message: 'no conversation with id "s-1"' },
        };
      }
      return server.respond(req);
    });
    session.start();
    await settle();
    session.send('Still there?');
    await settle();
    expect(fake.requests.map((r) => r.event)).toEqual([
      'session:hello',
      'visitor:message',
      'session:hello',
      'visitor:message',
    ]);
    expect(fake.requests[2]?.payload).toMatchObject({ sessionId: undefined });
    expect(storage.get(KEY)).toBe('s-2');
    expect(state().messages.at(-1)).toMatchObject({ text: 'Still there?', status: 'sent' });
  });

  it.each([
    ['agent:message', { id: 5, text: null }],
    ['agent:message', 'not an object'],
    ['agent:delta', { text: 'no id' }],
    ['agent:typing', { on: 'yes' }],
  ])('when the server sends a malformed %s, then it is ignored', async (event, payload) => {
    const { fake, session, state } = setup(fakeServer().respond);
    session.start();
    await settle();
    const before = state();
    fake.serverEmits(event, payload);
    expect(state()).toEqual(before);
  });

  it('when hello is refused, then the reason is shown', async () => {
    const { session, state } = setup(() => ({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Invalid session:hello payload' },
    }));
    session.start();
    await settle();
    expect(state().notice).toBe('Invalid session:hello payload');
  });

  it('when the server refuses the connection (too many from one network), then the reason is shown', async () => {
    const { fake, session, state } = setup(fakeServer().respond);
    session.start();
    const message =
      'Too many connections from your network: at most 200 at once. Close other chats and try again.';
    fake.serverEmits(
      'connect_error',
      Object.assign(new Error(message), { data: { code: 'RATE_LIMITED', message } }),
    );
    expect(state()).toMatchObject({ connection: 'reconnecting', notice: message });
  });

  it('when the text is longer than the server accepts, then nothing is sent and the notice says why', async () => {
    const { fake, session, state } = setup((req) =>
      req.event === 'session:hello'
        ? { ok: true, sessionId: 's-1', messages: [GREETING], maxMessageChars: 100 }
        : { ok: true, id: 'v-1' },
    );
    session.start();
    await settle();
    expect(state().maxChars).toBe(100);
    expect(session.send('x'.repeat(101))).toBe(false);
    await settle();
    expect(fake.requests.map((r) => r.event)).toEqual(['session:hello']);
    expect(texts(state())).toEqual(['agent:Hi! What brings you here?:sent']);
    expect(state().notice).toBe(
      'Message too long: 101 characters, at most 100. Please shorten it.',
    );
    // Counted as the server counts: 100 emoji are 100 characters, not 200 UTF-16 units.
    expect(session.send('\u{1F600}'.repeat(100))).toBe(true);
    // As the visitor sees them: a family emoji (7 code points) or a flag (2) is one character.
    expect(session.send('👨‍👩‍👧‍👦'.repeat(100))).toBe(true);
    expect(session.send('🇩🇪'.repeat(101))).toBe(false);
    expect(state().notice).toBe(
      'Message too long: 101 characters, at most 100. Please shorten it.',
    );
  });

  it("when the conversation is at its length cap, then the message is marked failed and the server's reason is shown", async () => {
    const full = {
      code: 'CONVERSATION_FULL',
      message:
        'This conversation has reached its length limit, so your message was not sent. Everything said so far is kept; please reach us by email or phone to continue.',
    };
    const { session, state } = setup(fakeServer({ refuse: { 'one more thing': full } }).respond);
    session.start();
    await settle();
    session.send('one more thing');
    await settle();
    expect(state().messages.at(-1)).toMatchObject({ text: 'one more thing', status: 'failed' });
    expect(state().notice).toBe(full.message);
  });

  it('when the hello ack carries no limit, then the server default of 2000 characters applies', async () => {
    const { session, state } = setup(fakeServer().respond);
    session.start();
    await settle();
    expect(session.send('a'.repeat(2001))).toBe(false);
    expect(session.send('a'.repeat(2000))).toBe(true);
    expect(state().maxChars).toBe(2000);
  });

  it('when the server refuses a message with an error ack, then it is never sent again, not even after reconnecting', async () => {
    const server = fakeServer({
      refuse: {
        'too big': {
          code: 'PAYLOAD_TOO_LARGE',
          message: 'Message too long: 30000 characters, at most 2000.',
        },
      },
    });
    const { fake, session, state } = setup(server.respond);
    session.start();
    await settle();
    session.send('too big');
    await settle();
    fake.drop();
    fake.reconnect();
    await settle();
    expect(fake.requests.filter((r) => r.event === 'visitor:message')).toHaveLength(1);
    expect(state().messages.at(-1)).toMatchObject({ text: 'too big', status: 'failed' });
  });

  it('when a message breaks the connection every time it is sent, then after a few tries it is shown as not sent instead of retried forever', async () => {
    const server = fakeServer();
    const { fake, session, state } = setup((req) =>
      req.event === 'visitor:message' && (req.payload as { text: string }).text === 'poison'
        ? 'no-ack'
        : server.respond(req),
    );
    session.start();
    await settle();
    session.send('poison');
    for (let i = 0; i < 10; i++) {
      await settle();
      fake.drop();
      fake.reconnect();
    }
    await settle();
    expect(fake.requests.filter((r) => r.event === 'visitor:message')).toHaveLength(4);
    expect(state().messages.at(-1)).toMatchObject({ text: 'poison', status: 'failed' });
    expect(state().notice).toBe('Your message could not be sent.');
    session.send('a normal message');
    await settle();
    expect(state().messages.at(-1)).toMatchObject({ text: 'a normal message', status: 'sent' });
  });

  it('when the history has a quick reply the visitor picked before a reload, then its bubble shows the label, not the stored value', async () => {
    const offer: ChatMessage = {
      ...GREETING,
      id: 'a-2',
      text: 'When would you like to have it running?',
      quickReplies: [
        { label: 'This quarter', value: 'within three months' },
        { label: 'Just exploring', value: 'no timeline yet' },
      ],
    };
    const history: ChatMessage[] = [
      GREETING,
      { id: 'v-1', role: 'visitor', text: 'no timeline yet', at: GREETING.at, clientId: 'old-1' },
      offer,
      {
        id: 'v-2',
        role: 'visitor',
        text: 'within three months',
        at: GREETING.at,
        clientId: 'old-2',
      },
      { id: 'v-3', role: 'visitor', text: 'no timeline yet', at: GREETING.at, clientId: 'old-3' },
    ];
    const { session, state } = setup(
      fakeServer({ history }).respond,
      memoryStore({ [KEY]: 's-1' }),
    );
    session.start();
    await settle();
    // v-1 came before any offer, and v-3 follows the visitor's own message: typed, shown as typed;
    // v-2 answers the offer just before it: its label.
    expect(texts(state()).filter((t) => t.startsWith('visitor:'))).toEqual([
      'visitor:no timeline yet:sent',
      'visitor:This quarter:sent',
      'visitor:no timeline yet:sent',
    ]);
  });

  it('when the visitor starts a new chat after the final message, then the stored session is forgotten and a fresh hello is said', async () => {
    const final: ChatMessage = {
      ...GREETING,
      id: 'a-9',
      text: 'Thanks, that is all!',
      final: true,
    };
    let sessions = 0;
    const { fake, session, storage, state, announced } = setup(
      (req) => {
        if (req.event !== 'session:hello') return { ok: true, id: 'v-1' };
        const p = req.payload as { sessionId?: string };
        return p.sessionId === 's-1'
          ? { ok: true, sessionId: 's-1', messages: [GREETING, final] }
          : {
              ok: true,
              sessionId: `s-new-${++sessions}`,
              messages: [{ ...GREETING, id: 'a-100' }],
            };
      },
      memoryStore({ [KEY]: 's-1' }),
    );
    session.start();
    await settle();
    expect(state().messages.at(-1)).toMatchObject({ key: 'a-9', final: true });
    session.restart();
    expect(state().messages).toEqual([]);
    await settle();
    expect(fake.requests.at(-1)).toEqual({
      event: 'session:hello',
      payload: { sessionId: undefined, visitor: VISITOR },
    });
    expect(storage.get(KEY)).toBe('s-new-1');
    expect(state().messages.map((m) => m.key)).toEqual(['a-100']);
    expect(state().connection).toBe('online');
    expect(announced).toContain('Starting a new chat');
  });

  it('when the visitor starts a new chat while offline, then the next connect says hello without the old session', async () => {
    const server = fakeServer();
    const { fake, session, storage } = setup(server.respond, memoryStore({ [KEY]: 's-1' }));
    session.start();
    await settle();
    fake.drop();
    session.restart();
    expect(storage.get(KEY)).toBeNull();
    fake.reconnect();
    await settle();
    expect(fake.requests.at(-1)?.payload).toMatchObject({ sessionId: undefined });
  });

  it('when stopped, then it closes the socket', async () => {
    const { fake, session } = setup(fakeServer().respond);
    session.start();
    session.stop();
    expect(fake.isClosed()).toBe(true);
  });
});
