import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCore } from '../../src/app/create-core.js';
import { sequentialIds } from '../../src/app/sequential-ids.js';
import { createMemoryCalendar } from '../../src/booking/memory-calendar.js';
import { parseConfig } from '../../src/config/load-config.js';
import type { Conversation } from '../../src/conversation/conversation-schema.js';
import { createChatService } from '../../src/conversation/create-chat-service.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { withStageHistory } from '../../src/analytics/record-stages.js';
import { conversationPath } from '../../src/store/conversation-path.js';
import { parseConversation } from '../../src/store/parse-conversation.js';
import { REPO_ROOT } from './rules-server.js';
import { answerFor, personaFor } from './visitor-script.js';

const WRITE_CONCURRENCY = 64;
const ID_PLACEHOLDER = '__BENCH_ID__';

/** The id of the `index`-th seeded conversation: "stored-000042". */
export const seededId = (index: number): string => `stored-${String(index).padStart(6, '0')}`;

/**
 * Fills `<dataDir>/conversations/<shard>/` with `count` valid, finished conversations, as the lowdb
 * store writes them (indented JSON, one file per conversation), without going through the
 * store: one real conversation is played through the engine once, then written `count` times
 * under different ids. Returns the size of one file in bytes.
 */
export async function seedStore(dataDir: string, count: number): Promise<{ bytesPerFile: number }> {
  const template = await templateConversation();
  const text = JSON.stringify({ ...template, id: ID_PLACEHOLDER }, null, 2);
  // Checked once here, so the server never meets an invalid seeded file.
  parseConversation(JSON.parse(text.replace(ID_PLACEHOLDER, seededId(0))), 'the seed template');

  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const id = seededId(i);
      const file = conversationPath(dataDir, id);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text.replace(ID_PLACEHOLDER, id));
    }
  };
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, worker));
  return { bytesPerFile: Buffer.byteLength(text) };
}

/** A whole conversation of the first persona, played through the real engine in memory. */
async function templateConversation(): Promise<Conversation> {
  const config = parseConfig({});
  const core = createCore(config, { promptsDir: path.join(REPO_ROOT, 'prompts') });
  const clock = (): Date => new Date('2026-03-03T15:00:00.000Z');
  const store = withStageHistory(createMemoryStore(), config, clock);
  const service = createChatService({
    config,
    store,
    calendar: createMemoryCalendar(),
    ...core,
    clock,
    newId: sequentialIds('seed'),
  });
  const persona = personaFor(0);
  const hello = await service.hello({ visitor: persona.visitor });
  let last = hello.messages.at(-1);
  for (let turn = 0; turn < 8 && last !== undefined && last.final !== true; turn++) {
    const text = answerFor(persona, last.expecting ?? null, last.quickReplies ?? []);
    if (text === null) break;
    const result = await service.receive(
      hello.sessionId,
      { clientId: `seed-${turn}`, text },
      () => undefined,
    );
    await result.reply;
    const conv = await service.conversation(hello.sessionId);
    last = conv?.messages.at(-1);
  }
  const done = await service.conversation(hello.sessionId);
  if (done === null) throw new Error('the seed conversation was not stored');
  return done;
}
