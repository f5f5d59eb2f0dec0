import { describe, expect, it } from 'vitest';
import type { HelloAck } from '../../src/server/socket-events.js';
import { extractionReply, isExtractRequest } from '../fakes/fake-extraction.js';
import { faults, type FakeReply } from '../fakes/fake-openai-server.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { fakeLlmForTest } from '../helpers/fake-llm-for-test.js';
import { connectClient, inbox } from '../helpers/socket-client.js';
import { startTestServer } from '../helpers/start-test-server.js';
import { createTestDeps } from '../helpers/test-deps.js';
import { testVisitor } from '../helpers/test-visitor.js';

/**
 * The real server and chat service in LLM mode (fake model), with the phrasing step, and a
 * connected client. The model's budget is short for the fault cases (a timeout must not stall
 * the test) and long where the reply must stream, so a busy machine cannot turn it into a timeout.
 */
async function start(phrasing: FakeReply, timeoutMs = 500) {
  const llm = await fakeLlmForTest({ timeoutMs });
  const { parts } = llm;
  llm.fake.always((req) => (isExtractRequest(req) ? extractionReply() : phrasing));
  const deps = createTestDeps({ core: { extractor: parts.extractor }, phraser: parts.phraser });
  const server = closeAfterTest(await startTestServer({ chatService: deps.chatService }));
  const socket = closeAfterTest(await connectClient(server.url));
  const box = inbox(socket);
  const deltas: { id: string; text: string }[] = [];
  socket.on('agent:delta', (d) => deltas.push(d));
  const ack: HelloAck = await socket.emitWithAck('session:hello', { visitor: testVisitor() });
  if (!ack.ok) throw new Error(ack.error.message);
  return { socket, box, deltas };
}

describe('streamed replies over the socket in LLM mode', () => {
  it('when the model streams a reply, then the deltas reach the client in order, then the message with the same id and the full text', async () => {
    const chunks = [
      'Got it, ',
      'thanks! ',
      'What is ',
      'your role ',
      'in choosing ',
      'a tool like this?',
    ];
    const {
      socket: s,
      box,
      deltas,
    } = await start({ type: 'content', content: '', chunks }, 10_000);
    const ack = await s.emitWithAck('visitor:message', {
      clientId: 'c-1',
      text: 'We need a faster way to answer inbound quote requests.',
    });
    expect(ack.ok).toBe(true);
    const [message] = await box.turn();
    expect(deltas.map((d) => d.text)).toEqual(chunks);
    expect(new Set(deltas.map((d) => d.id))).toEqual(new Set([message?.id]));
    expect(message?.text).toBe(chunks.join(''));
    expect(message?.expecting).toBe('authority');
  });

  it.each<[string, FakeReply]>([
    ['breaks mid-stream', faults.brokenStream()],
    ['refuses', faults.refusal()],
    ['times out', faults.timeout()],
  ])(
    'when the phrasing model %s, then the client still gets the template question and the chat goes on',
    async (_, fault) => {
      const { socket: s, box } = await start(fault);
      await s.emitWithAck('visitor:message', {
        clientId: 'c-1',
        text: 'We need a faster way to answer inbound quote requests.',
      });
      const [message] = await box.turn();
      expect(message?.expecting).toBe('authority');
      expect(message?.text).toMatch(/\?/);
      expect(message?.text).not.toMatch(/^Thanks! And roughly $/);
    },
  );
});
