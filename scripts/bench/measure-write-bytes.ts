/**
 * Bytes the lowdb store writes per message of one long conversation (issue 11: "bytes written
 * per message of a 1,000-message conversation are within 2x of its first message's"). Saves a
 * conversation one message at a time, as chat turns do, and after each save writes its files at
 * once (the background flush, every save: the worst case), reading this process's write
 * syscall bytes (`wchar` of /proc/self/io, Linux) around the save and the flush. Prints one
 * JSON line. Run by test/unit/store/lowdb-write-bytes.test.ts:
 *
 *   node --import tsx scripts/bench/measure-write-bytes.ts [messages] [dataDir]
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Conversation } from '../../src/conversation/conversation-schema.js';
import { newConversation } from '../../src/conversation/new-conversation.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';

const BASE_TIME = Date.parse('2030-01-01T00:00:00.000Z');
const iso = (seconds: number): string => new Date(BASE_TIME + seconds * 1000).toISOString();

/** Bytes this process has passed to write() so far. */
function written(): number {
  const line = readFileSync('/proc/self/io', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('wchar:'));
  return Number(line?.split(/\s+/)[1]);
}

const count = Number(process.argv[2] ?? 1000);
const dataDir = process.argv[3] ?? (await mkdtemp(join(tmpdir(), 'leadbot-write-bytes-')));
const store = await createLowdbStore({ dataDir, flushDelayMs: 3_600_000 });
const entry = (value: string, messageId: string, at: string) => ({
  value,
  evidence: value,
  source: 'rules' as const,
  messageId,
  at,
  history: [],
});
let conv: Conversation = {
  ...newConversation({
    id: 'long-conversation',
    visitor: { timezone: 'UTC', locale: 'en-US', page: '/pricing', referrer: null, utm: null },
    now: new Date(BASE_TIME),
  }),
  lead: {
    'company.name': entry('Brightfield Tooling', 'm0', iso(0)),
    'contact.email': entry('dana@brightfield.example', 'm0', iso(0)),
  },
};

const perMessage: number[] = [];
for (let n = 1; n <= count; n++) {
  // Every message the same length, so the first and the last are compared like for like.
  const text = `message ${String(n).padStart(5, '0')}: `.padEnd(160, n % 2 === 0 ? 'a' : 'b');
  const before = written();
  conv = await store.saveConversation({
    ...conv,
    updatedAt: iso(n),
    messages: [
      ...conv.messages,
      { id: `m${n}`, role: n % 2 === 0 ? 'agent' : 'visitor', text, at: iso(n) },
    ],
  });
  await store.flush();
  perMessage.push(written() - before);
}
await store.close();
if (process.argv[3] === undefined) await rm(dataDir, { recursive: true, force: true });

const first = perMessage[0] ?? 0;
const last = perMessage.at(-1) ?? 0;
const total = perMessage.reduce((a, b) => a + b, 0);
process.stdout.write(
  `${JSON.stringify({ messages: count, first, last, ratio: last / first, max: Math.max(...perMessage), total })}\n`,
);
