/**
 * Crash-test helper: saves one conversation through the lowdb store in a loop, adding a
 * message each time, until it is killed. Prints "ready <messages>" once the first save has
 * landed. Run by test/unit/store/lowdb-store-crash.test.ts:
 *
 *   node --import tsx scripts/store-crash-writer.ts <dataDir>
 */
import type { Conversation } from '../src/conversation/conversation-schema.js';
import { newConversation } from '../src/conversation/new-conversation.js';
import { createLowdbStore } from '../src/store/lowdb-store.js';

const CRASH_CONVERSATION_ID = 'crash-test';
const BASE_TIME = Date.parse('2030-01-01T00:00:00.000Z');

const dataDir = process.argv[2];
if (dataDir === undefined) {
  process.stderr.write('usage: store-crash-writer.ts <dataDir>\n');
  process.exit(2);
}

const iso = (seconds: number): string => new Date(BASE_TIME + seconds * 1000).toISOString();

// Files written right after each save, so a kill lands in a journal append or a file write.
const store = await createLowdbStore({ dataDir, flushDelayMs: 0 });
// Continue from what the previous (killed) run left, so the file keeps growing across runs.
let conv: Conversation =
  (await store.getConversation(CRASH_CONVERSATION_ID)) ??
  newConversation({
    id: CRASH_CONVERSATION_ID,
    visitor: { timezone: 'UTC', locale: 'en-US', page: null, referrer: null, utm: null },
    now: new Date(BASE_TIME),
  });

for (let saves = 0; ; saves++) {
  const n = conv.messages.length;
  // Long, varying text makes each file bigger than one write() call, widening the crash window.
  const text = `step ${n} `.padEnd(400 + (n % 97), n % 2 === 0 ? 'a' : 'b');
  conv = {
    ...conv,
    updatedAt: iso(n + 1),
    messages: [
      ...conv.messages,
      { id: `m${n}`, role: n % 2 === 0 ? 'visitor' : 'agent', text, at: iso(n + 1) },
    ],
  };
  conv = await store.saveConversation(conv);
  if (saves === 0) process.stdout.write(`ready ${conv.messages.length}\n`);
  // Lets the background file write run between saves, as a server's turns do.
  await new Promise((resolve) => setImmediate(resolve));
}
