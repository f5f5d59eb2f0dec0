import { beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  AgentMessagePayload,
  HelloAck,
  VisitorContext,
} from '../../src/server/socket-events.js';
import { lastAgentPayload } from '../helpers/agent-payload.js';
import { realHarness, type ChatHarness } from '../helpers/chat-harness.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { connectClient, inbox, type ClientSocket } from '../helpers/socket-client.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { answerFor } from '../helpers/visitor-answers.js';

const VISITOR: VisitorContext = {
  timezone: 'America/Chicago',
  locale: 'en-US',
  page: 'https://beacon.example/pricing?utm_source=newsletter',
  referrer: 'https://search.example/',
  utm: { utm_source: 'newsletter', utm_campaign: 'spring' },
};

let harness: ChatHarness;
let server: TestServer;

const client = async (): Promise<ClientSocket> => closeAfterTest(await connectClient(server.url));

async function hello(
  socket: ClientSocket,
  sessionId?: string,
): Promise<Extract<HelloAck, { ok: true }>> {
  const ack = await socket.emitWithAck('session:hello', { sessionId, visitor: VISITOR });
  if (!ack.ok) throw new Error(`hello refused: ${ack.error.message}`);
  return ack;
}

let n = 0;
const clientId = (): string => `client-${++n}`;

beforeEach(async () => {
  harness = realHarness();
  server = closeAfterTest(await startTestServer({ chatService: harness.chatService }));
});

describe('a conversation over the socket', () => {
  it('when the visitor answers each question the agent asks, then the chat reaches a final message', async () => {
    const socket = await client();
    const box = inbox(socket);
    const { messages } = await hello(socket);
    let last: AgentMessagePayload | undefined = lastAgentPayload(messages);
    let turns = 0;
    while (last && !last.final && turns < 12) {
      const answer = answerFor(last.expecting, last.quickReplies);
      if (!answer) throw new Error(`no answer for "${last.text}"`);
      const ack = await socket.emitWithAck('visitor:message', {
        clientId: clientId(),
        text: answer.text,
      });
      expect(ack.ok).toBe(true);
      last = (await box.turn()).at(-1);
      turns += 1;
    }
    expect(last?.final).toBe(true);
    expect(box.errors).toEqual([]);
  });

  it('when a message is acknowledged, then it is already in the stored transcript', async () => {
    const socket = await client();
    const { conversationId } = await hello(socket);
    const ack = await socket.emitWithAck('visitor:message', {
      clientId: 'stored-1',
      text: 'We need help answering leads at night',
    });
    if (!ack.ok) throw new Error(ack.error.message);
    const stored = await harness.transcript(conversationId);
    expect(stored.find((m) => m.id === ack.id)).toMatchObject({
      role: 'visitor',
      text: 'We need help answering leads at night',
      clientId: 'stored-1',
    });
  });

  it('when the widget says hello, then the service receives the visitor context it reported', async () => {
    const socket = await client();
    const { conversationId } = await hello(socket);
    expect(await harness.visitorOf(conversationId)).toEqual(VISITOR);
  });

  it('when a chat starts, then the greeting is the only message and it invites the visitor to say what brings them here', async () => {
    // The engine asks nothing after the greeting (expecting null): the greeting must not
    // promise questions, it must get the visitor talking.
    const { messages } = await hello(await client());
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ role: 'agent', expecting: null });
    expect(messages[0]?.text).toMatch(/what brings you here\b.*\?/i);
    expect(messages[0]?.text).not.toMatch(/quick questions/i);
  });

  it('when the widget says hello, then the ack carries the longest message the server accepts', async () => {
    const ack = await (await client()).emitWithAck('session:hello', { visitor: VISITOR });
    expect(ack).toMatchObject({ ok: true, maxMessageChars: 2000 });
  });

  it('when the visitor resumes on another page, then the stored page is the new one and the first touch stays', async () => {
    const first = await client();
    const { sessionId, conversationId } = await hello(first);
    first.disconnect();
    const later: VisitorContext = {
      ...VISITOR,
      page: 'https://beacon.example/pricing/enterprise',
      referrer: 'https://beacon.example/',
      utm: { utm_source: 'retargeting' },
    };
    const ack = await (await client()).emitWithAck('session:hello', { sessionId, visitor: later });
    expect(ack.ok).toBe(true);
    await vi.waitFor(async () =>
      expect((await harness.visitorOf(conversationId))?.page).toBe(
        'https://beacon.example/pricing/enterprise',
      ),
    );
    expect(await harness.visitorOf(conversationId)).toEqual({
      ...VISITOR,
      page: 'https://beacon.example/pricing/enterprise',
    });
  });

  it('when the conversation started without attribution, then a resume with it fills it in', async () => {
    const bare: VisitorContext = {
      ...VISITOR,
      page: 'https://beacon.example/',
      referrer: null,
      utm: null,
    };
    const first = await client();
    const ack1 = await first.emitWithAck('session:hello', { visitor: bare });
    if (!ack1.ok) throw new Error(ack1.error.message);
    const ack2 = await (
      await client()
    ).emitWithAck('session:hello', { sessionId: ack1.sessionId, visitor: VISITOR });
    expect(ack2.ok).toBe(true);
    await vi.waitFor(async () =>
      expect(await harness.visitorOf(ack1.conversationId)).toEqual(VISITOR),
    );
  });

  it('when a resumed visitor answers at once, then the reply is handled after the page update and keeps it', async () => {
    const first = await client();
    const ack1 = await first.emitWithAck('session:hello', {
      visitor: { ...VISITOR, page: 'https://beacon.example/' },
    });
    if (!ack1.ok) throw new Error(ack1.error.message);
    first.disconnect();
    const second = await client();
    const box = inbox(second);
    await second.emitWithAck('session:hello', {
      sessionId: ack1.sessionId,
      visitor: { ...VISITOR, page: 'https://beacon.example/pricing' },
    });
    // Sent without waiting: the turn queues behind the page update, so it scores the new page
    // and its save does not bring the old one back.
    await second.emitWithAck('visitor:message', {
      clientId: clientId(),
      text: 'We lose inbound leads at night',
    });
    await box.turn();
    expect((await harness.visitorOf(ack1.conversationId))?.page).toBe(
      'https://beacon.example/pricing',
    );
  });

  it('when the visitor comes back after a disconnect, then hello with the session id restores the whole history', async () => {
    const first = await client();
    const box = inbox(first);
    const { sessionId, conversationId } = await hello(first);
    await first.emitWithAck('visitor:message', {
      clientId: 'before-drop',
      text: 'Inbound leads wait too long for an answer',
    });
    const [question] = await box.turn();
    first.disconnect();

    const second = await client();
    const resumed = await hello(second, sessionId);
    expect(resumed.sessionId).toBe(sessionId);
    expect(resumed.conversationId).toBe(conversationId);
    expect(resumed.messages.map((m) => m.text)).toContain(
      'Inbound leads wait too long for an answer',
    );
    expect(resumed.messages.at(-1)?.id).toBe(question?.id);
    expect(resumed.messages).toEqual(await harness.transcript(conversationId));

    const box2 = inbox(second);
    const ack = await second.emitWithAck('visitor:message', {
      clientId: 'after-drop',
      text: 'I lead the sales team and decide on tools',
    });
    expect(ack.ok).toBe(true);
    expect((await box2.turn()).length).toBeGreaterThan(0);
  });

  it('when a message is retried with the same clientId, then the same id comes back and it is stored once', async () => {
    const socket = await client();
    const box = inbox(socket);
    const { conversationId } = await hello(socket);
    const payload = { clientId: 'retry-me', text: 'We want faster replies to inbound requests' };
    const first = await socket.emitWithAck('visitor:message', payload);
    await box.turn();
    const again = await socket.emitWithAck('visitor:message', payload);
    expect(again).toEqual(first);
    const stored = await harness.transcript(conversationId);
    expect(stored.filter((m) => m.clientId === 'retry-me')).toHaveLength(1);
    expect(stored.filter((m) => m.role === 'visitor')).toHaveLength(1);
    // The retry is answered by its ack alone: the agent replies to the next message, not to it.
    await socket.emitWithAck('visitor:message', {
      clientId: 'next-one',
      text: 'I am the sales director',
    });
    await box.turn();
    expect(box.repliesFinished()).toBe(2);
  });

  it('when the same conversation is open in two tabs, then both receive the agent reply', async () => {
    const tabA = await client();
    const { sessionId } = await hello(tabA);
    const tabB = await client();
    await hello(tabB, sessionId);
    const boxA = inbox(tabA);
    const boxB = inbox(tabB);
    await tabA.emitWithAck('visitor:message', {
      clientId: 'two-tabs',
      text: 'Leads slip through after office hours',
    });
    const [a, b] = await Promise.all([boxA.turn(), boxB.turn()]);
    expect(a.map((m) => m.id)).toEqual(b.map((m) => m.id));
  });

  it('when a socket says hello for another session, then it stops receiving the first one', async () => {
    const tab = await client();
    const box = inbox(tab);
    const first = await hello(tab);
    const other = await client();
    await hello(other, first.sessionId);
    await hello(tab); // a new conversation on the same connection
    const otherBox = inbox(other);
    await other.emitWithAck('visitor:message', {
      clientId: 'elsewhere',
      text: 'Only the other tab should hear back',
    });
    await otherBox.turn();
    expect(box.messages).toEqual([]);
  });
});
