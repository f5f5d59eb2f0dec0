import { expect, it } from 'vitest';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { connectClient, inbox } from '../helpers/socket-client.js';
import { startTestServer } from '../helpers/start-test-server.js';
import { createTestDeps } from '../helpers/test-deps.js';
import { testVisitor } from '../helpers/test-visitor.js';

const VISITOR = testVisitor({ timezone: 'America/Chicago', page: 'https://beacon.example/' });

it('when the server stopped after storing a message but before replying, then the visitor coming back gets the reply and nothing they said is lost', async () => {
  const { chatService, store } = createTestDeps();
  const { sessionId, conversationId } = await chatService.hello({ visitor: VISITOR });
  // What a crash between the ack and the reply leaves: the acknowledged message, no answer to it.
  const before = await store.getConversation(conversationId);
  if (!before) throw new Error('the conversation was not stored');
  const pending = {
    id: 'm-pending',
    role: 'visitor' as const,
    text: "I'm the COO at Brightwave Analytics, about 120 people.",
    at: before.updatedAt,
    clientId: 'c-before-crash',
  };
  await store.saveConversation({ ...before, messages: [...before.messages, pending] });

  const server = closeAfterTest(await startTestServer({ chatService }));
  const socket = closeAfterTest(await connectClient(server.url));
  const box = inbox(socket);
  const ack = await socket.emitWithAck('session:hello', { sessionId, visitor: VISITOR });
  expect(ack.ok).toBe(true);
  const reply = await box.turn();
  expect(reply.length).toBeGreaterThan(0);

  const after = await store.getConversation(conversationId);
  expect(after?.lead['company.name']?.value).toBe('Brightwave Analytics');
  expect(after?.lead['company.size']?.value).toBe(120);
  expect(after?.messages.at(-1)?.role).toBe('agent');
  // Coming back again answers nothing twice.
  await socket.emitWithAck('session:hello', { sessionId, visitor: VISITOR });
  await socket.emitWithAck('session:hello', { sessionId, visitor: VISITOR });
  // Queued behind the checks those hellos started, so they have all run when it resolves.
  await chatService.answerPending?.(conversationId, () => undefined);
  const again = await store.getConversation(conversationId);
  expect(again?.messages.length).toBe(after?.messages.length);
});
