import { describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../src/handoff/delivery/delivery-worker.js';
import { createMemoryDeliveryStore } from '../../src/handoff/delivery/memory-delivery-store.js';
import type { HandoffPacket } from '../../src/handoff/webhook/build-handoff.js';
import { withOutbox } from '../../src/handoff/outbox/with-outbox.js';
import { createLeadsRouter } from '../../src/server/leads-router.js';
import type { HelloAck } from '../../src/server/socket-events.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { startCrmReceiver } from '../fakes/crm-receiver.js';
import { lastAgentPayload } from '../helpers/agent-payload.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { makeConversation } from '../helpers/make-conversation.js';
import { connectClient, inbox, type ClientSocket } from '../helpers/socket-client.js';
import { startTestServer } from '../helpers/start-test-server.js';
import { createTestDeps } from '../helpers/test-deps.js';
import { testVisitor } from '../helpers/test-visitor.js';
import { answerFor } from '../helpers/visitor-answers.js';
import { destinationsFor, recordingLogger, SECRET } from '../unit/handoff/handoff-fixtures.js';

const ADMIN = 'an-admin-token-long-enough-to-be-strong-0123';
const VISITOR = testVisitor({ timezone: 'America/Chicago', page: 'https://beacon.example/' });
type OkAck = Extract<HelloAck, { ok: true }>;

/** The real server over a store whose outbox feeds a CRM and a Slack destination. */
async function serverWithCrm() {
  const crm = closeAfterTest(await startCrmReceiver({ secrets: [SECRET] }));
  const inner = createMemoryStore();
  const { config, destinations } = destinationsFor({
    destinations: [
      { id: 'crm', url: crm.url, secret: SECRET },
      { id: 'slack', url: `${crm.url}/slack`, secret: SECRET, template: 'slack-message' },
    ],
  });
  const workerLog = recordingLogger();
  const worker = createDeliveryWorker({
    store: inner,
    deliveries: createMemoryDeliveryStore(),
    destinations,
    config,
    clock: () => new Date(),
    logger: workerLog,
    random: () => 0.5,
  });
  await worker.start({ loop: false });
  const store = withOutbox(inner, worker.outbox);
  const deps = createTestDeps({ store });
  const server = closeAfterTest(
    await startTestServer({
      chatService: deps.chatService,
      routers: [createLeadsRouter({ adminToken: ADMIN, store, config })],
    }),
  );
  const client = async (): Promise<ClientSocket> => closeAfterTest(await connectClient(server.url));
  return { crm, inner, worker, workerLog, server, client };
}

async function hello(socket: ClientSocket, sessionId?: string): Promise<OkAck> {
  const ack = await socket.emitWithAck('session:hello', { sessionId, visitor: VISITOR });
  if (!ack.ok) throw new Error(ack.error.message);
  return ack;
}

/** Answers the agent until the chat ends; returns the hello ack. */
async function qualifiedChat(socket: ClientSocket): Promise<OkAck> {
  const box = inbox(socket);
  const ack = await hello(socket);
  let last = lastAgentPayload(ack.messages);
  for (let n = 0; last && !last.final && n < 12; n++) {
    const answer = answerFor(last.expecting, last.quickReplies);
    if (!answer) break;
    await socket.emitWithAck('visitor:message', { clientId: `c${n}`, text: answer.text });
    last = (await box.turn()).at(-1) ?? last;
  }
  return ack;
}

describe('the resume token and the conversation id', () => {
  it('when a hello acks, then the resume token and the public conversation id are different values', async () => {
    const { client } = await serverWithCrm();
    const ack = await hello(await client());
    expect(ack.conversationId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(ack.sessionId).not.toBe(ack.conversationId);
    // At least 128 random bits beside the id.
    expect(ack.sessionId.length - ack.conversationId.length - 1).toBeGreaterThanOrEqual(22);
  });

  it('when someone says hello with the conversation id from a webhook, then they get a new conversation with none of the old messages, and what they send lands there', async () => {
    const { crm, worker, inner, client } = await serverWithCrm();
    const visitor = await client();
    const ack = await qualifiedChat(visitor);
    await worker.runDue();
    const packets = [...crm.processed.values()].filter(
      (b): b is HandoffPacket => typeof b === 'object' && b !== null && 'conversationId' in b,
    );
    const fromWebhook = packets[0]?.conversationId;
    expect(fromWebhook).toBe(ack.conversationId);
    const before = await inner.getConversation(ack.conversationId);

    const attacker = await client();
    const stolen = await hello(attacker, fromWebhook);
    expect(stolen.conversationId).not.toBe(ack.conversationId);
    expect(stolen.messages.filter((m) => m.role === 'visitor')).toEqual([]);
    expect(stolen.messages.some((m) => m.text.includes('@'))).toBe(false);

    const sent = await attacker.emitWithAck('visitor:message', {
      clientId: 'x1',
      text: 'Please cancel my meeting',
    });
    expect(sent.ok).toBe(true);
    const after = await inner.getConversation(ack.conversationId);
    expect(after?.messages.length).toBe(before?.messages.length);
    const theirs = await inner.getConversation(stolen.conversationId);
    expect(theirs?.messages.some((m) => m.text === 'Please cancel my meeting')).toBe(true);
  });

  it('when the visitor says hello with their resume token, then the conversation resumes with its history', async () => {
    const { client } = await serverWithCrm();
    const first = await qualifiedChat(await client());
    const again = await hello(await client(), first.sessionId);
    expect(again.conversationId).toBe(first.conversationId);
    expect(again.sessionId).toBe(first.sessionId);
    expect(again.messages.filter((m) => m.role === 'visitor').length).toBeGreaterThan(2);
  });

  it('when the token has the right id and a wrong verifier, then nothing is resumed', async () => {
    const { client } = await serverWithCrm();
    const first = await hello(await client());
    const forged = `${first.conversationId}.${'A'.repeat(32)}`;
    const other = await hello(await client(), forged);
    expect(other.conversationId).not.toBe(first.conversationId);
  });

  it('when a conversation was stored before tokens, then its old id resumes it once with a new token, and never again', async () => {
    const { inner, client } = await serverWithCrm();
    const legacy = makeConversation({
      id: 'legacy-1',
      messages: [
        {
          id: 'm1',
          role: 'agent',
          text: 'Hi! What brings you here?',
          at: '2030-03-04T10:00:00.000Z',
        },
        { id: 'm2', role: 'visitor', text: 'Our leads go cold', at: '2030-03-04T10:01:00.000Z' },
      ],
    });
    await inner.saveConversation(legacy);

    const resumed = await hello(await client(), 'legacy-1');
    expect(resumed.conversationId).toBe('legacy-1');
    expect(resumed.messages.map((m) => m.text)).toContain('Our leads go cold');
    expect(resumed.sessionId).not.toBe('legacy-1');
    expect((await inner.getConversation('legacy-1'))?.sessionHash).toBeDefined();

    const replay = await hello(await client(), 'legacy-1');
    expect(replay.conversationId).not.toBe('legacy-1');
    const withToken = await hello(await client(), resumed.sessionId);
    expect(withToken.conversationId).toBe('legacy-1');
  });

  it('when a lead qualifies, then no webhook body, Slack message, log line, lead JSON or stored record carries the resume token', async () => {
    const { crm, worker, workerLog, inner, server, client } = await serverWithCrm();
    const ack = await qualifiedChat(await client());
    await worker.runDue();
    expect(crm.requests.length).toBeGreaterThanOrEqual(2);
    const verifier = ack.sessionId.slice(ack.conversationId.length + 1);
    const lead = await fetch(`${server.url}/admin/leads/${ack.conversationId}`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(lead.status).toBe(200);
    const leadJson = await lead.text();
    expect(leadJson).toContain(ack.conversationId);
    const stored = JSON.stringify(await inner.getConversation(ack.conversationId));
    const everything = [
      ...crm.requests.map((r) => r.body),
      leadJson,
      stored,
      JSON.stringify(server.logs),
      JSON.stringify(workerLog.entries),
    ];
    for (const text of everything) expect(text).not.toContain(verifier);
  });
});
