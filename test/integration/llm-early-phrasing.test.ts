import { describe, expect, it } from 'vitest';
import type { HelloAck } from '../../src/server/socket-events.js';
import { extractionReply, isExtractRequest, said } from '../fakes/fake-extraction.js';
import type { FakeReply, FakeRequest } from '../fakes/fake-openai-server.js';
import type { LatencyProfile } from '../fakes/latency-profile.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { fakeLlmForTest } from '../helpers/fake-llm-for-test.js';
import { connectClient, inbox } from '../helpers/socket-client.js';
import { startTestServer } from '../helpers/start-test-server.js';
import { createTestDeps } from '../helpers/test-deps.js';
import { testVisitor } from '../helpers/test-visitor.js';

// The extraction takes long enough for the phrasing of the guess to stream before it ends.
const PROFILE: LatencyProfile = {
  plain: { firstTokenMs: 0, tokensPerSecond: Infinity },
  structured: { firstTokenMs: 400, tokensPerSecond: Infinity },
  streamed: { firstTokenMs: 10, tokensPerSecond: 4000 },
};

/** The draft of a phrasing request, streamed back word for word. */
function echoDraft(req: FakeRequest): FakeReply {
  const last = req.body.messages.at(-1)?.content ?? '';
  return { type: 'content', content: /<draft>([\s\S]*?)<\/draft>/.exec(last)?.[1]?.trim() ?? last };
}

async function start(extractions: FakeReply[]) {
  const llm = await fakeLlmForTest({ timeoutMs: 10_000, latency: PROFILE });
  llm.fake.always((req) =>
    isExtractRequest(req) ? (extractions.shift() ?? extractionReply()) : echoDraft(req),
  );
  const deps = createTestDeps({
    core: { extractor: llm.parts.extractor },
    phraser: llm.parts.phraser,
  });
  const server = closeAfterTest(await startTestServer({ chatService: deps.chatService }));
  const socket = closeAfterTest(await connectClient(server.url));
  const box = inbox(socket);
  const deltas: { id: string; text: string }[] = [];
  socket.on('agent:delta', (d) => deltas.push(d));
  const ack: HelloAck = await socket.emitWithAck('session:hello', { visitor: testVisitor() });
  if (!ack.ok) throw new Error(ack.error.message);
  const phrasings = () => llm.fake.requests.filter((r) => r.body.stream === true).length;
  const send = async (text: string, clientId: string) => {
    deltas.length = 0;
    await socket.emitWithAck('visitor:message', { clientId, text });
    return { replies: await box.turn(), deltas: [...deltas] };
  };
  return { send, phrasings };
}

/** Every streamed text belongs to a message of the turn and is the start of its final text. */
function expectNoContradiction(turn: {
  replies: { id: string; text: string }[];
  deltas: { id: string; text: string }[];
}): void {
  for (const m of turn.replies) {
    const streamed = turn.deltas
      .filter((d) => d.id === m.id)
      .map((d) => d.text)
      .join('');
    expect(m.text.startsWith(streamed)).toBe(true);
  }
  const ids = new Set(turn.replies.map((m) => m.id));
  expect(turn.deltas.every((d) => ids.has(d.id))).toBe(true);
}

describe('phrasing that starts while the model extracts', () => {
  it('when the rules and the model read the message alike, then the reply streams from the guess and one phrasing call serves the turn', async () => {
    const chat = await start([]);
    await chat.send('We need a faster way to answer inbound quote requests.', 'c-1');
    const before = chat.phrasings();
    const turn = await chat.send("I'm a marketing manager, I recommend tools to our VP.", 'c-2');
    expect(turn.replies.at(-1)?.expecting).toBe('company');
    expect(chat.phrasings() - before).toBe(1);
    expect(turn.deltas.length).toBeGreaterThan(0);
    expectNoContradiction(turn);
    expect(turn.deltas.map((d) => d.text).join('')).toBe(turn.replies.at(-1)?.text);
  });

  it("when the model's extraction changes the next step after phrasing started, then the visitor never sees a sentence of the guess", async () => {
    const chat = await start([
      extractionReply(),
      extractionReply({
        authority: { level: said('decision_maker', 'I run the team that would use it') },
      }),
    ]);
    const first = await chat.send('We need a faster way to answer inbound quote requests.', 'c-1');
    expect(first.replies.at(-1)?.expecting).toBe('authority');
    const before = chat.phrasings();
    const turn = await chat.send('I run the team that would use it.', 'c-2');
    // The rules alone read nothing here (the guess asks about the role again); the model's
    // validated level moves the engine on to the company.
    expect(turn.replies.at(-1)?.expecting).toBe('company');
    expect(chat.phrasings() - before).toBe(2);
    // What streamed is the final reply, word for word: nothing of the guess's question.
    expectNoContradiction(turn);
    expect(turn.deltas.map((d) => d.text).join('')).toBe(turn.replies.at(-1)?.text);
  });
});
