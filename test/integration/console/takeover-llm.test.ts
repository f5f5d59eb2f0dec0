import { describe, expect, it } from 'vitest';
import { extractionReply, isExtractRequest, said } from '../../fakes/fake-extraction.js';
import { consoleUser } from '../../helpers/console-test-bed.js';
import { fakeLlmForTest } from '../../helpers/fake-llm-for-test.js';
import { liveConsoleBed } from '../../helpers/live-console-bed.js';
import { connectClient } from '../../helpers/socket-client.js';
import { testVisitor } from '../../helpers/test-visitor.js';

const ANA = 'ana@beacon.example';

describe('live takeover in LLM mode', () => {
  it('when a rep has the chat, then the model still reads the visitor words into the record, and nothing is phrased or sent by the bot', async () => {
    const llm = await fakeLlmForTest({ timeoutMs: 5_000 });
    llm.fake.always((req) =>
      isExtractRequest(req)
        ? extractionReply({
            company: { name: said('Northwind', 'Northwind'), size: said(250, '250 people') },
          })
        : { type: 'content', content: 'Thanks!' },
    );
    const bed = await liveConsoleBed(
      [await consoleUser(ANA, 'rep', 'Ana Lima')],
      {},
      {
        chat: { core: { extractor: llm.parts.extractor }, phraser: llm.parts.phraser },
      },
    );
    const visitor = await connectClient(bed.server.url);
    const hello = await visitor.emitWithAck('session:hello', { visitor: testVisitor() });
    if (!hello.ok) throw new Error(hello.error.message);
    const id = hello.conversationId;
    const ana = await bed.consoleSocket(await bed.signIn(ANA));
    expect(await ana.emitWithAck('join', { conversationId: id })).toEqual({ ok: true });
    const fromBot: string[] = [];
    visitor.on('agent:message', (m) => fromBot.push(m.text));
    visitor.on('agent:typing', (t) => void (t.name === undefined && fromBot.push('typing')));
    const before = llm.fake.requests.length;

    const changed = new Promise<void>((resolve) => {
      const seen = (): void => {
        void bed.deps.store.getConversation(id).then((c) => {
          if (c?.lead['company.name'] === undefined) return;
          ana.off('conversation:changed', seen);
          resolve();
        });
      };
      ana.on('conversation:changed', seen);
    });
    await visitor.emitWithAck('visitor:message', { clientId: 'c1', text: 'Northwind, 250 people' });
    await changed;

    // A round trip on the visitor's connection: anything the bot sent before is in by now.
    await visitor.emitWithAck('visitor:message', { clientId: 'c1', text: 'Northwind, 250 people' });
    const conv = await bed.deps.store.getConversation(id);
    expect(conv?.lead['company.name']).toMatchObject({ value: 'Northwind', source: 'llm' });
    const after = llm.fake.requests.slice(before);
    expect(after.map((r) => (isExtractRequest(r) ? 'extract' : 'phrase'))).toEqual(['extract']);
    expect(fromBot).toEqual([]);
    visitor.close();
  });
});
