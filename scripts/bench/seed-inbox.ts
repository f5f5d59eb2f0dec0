import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConversationSchema } from '../../src/conversation/conversation-schema.js';
import { conversationPath, conversationsFolder } from '../../src/store/conversation-path.js';
import { parseConversation } from '../../src/store/parse-conversation.js';

const WRITE_CONCURRENCY = 64;
const FIRST = ['Ana', 'Omar', 'Lena', 'Priya', 'Jonas', 'Mei', 'Carlos', 'Fatima', 'Noah', 'Sofia'];
const LAST = ['Lima', 'Haddad', 'Berg', 'Castellanos', 'Weber', 'Chen', 'Ruiz', 'Okafor', 'Smith'];
const COMPANIES = ['Harborline', 'Northwind', 'Brightfield', 'Acme', 'Globex', 'Initech', 'Umbra'];
const SOURCES = ['google', 'newsletter', 'linkedin', null, null];

/** The id of the `i`-th seeded conversation. */
export const inboxSeedId = (i: number): string => `inbox-${String(i).padStart(6, '0')}`;

const field = (value: string | number | boolean, at: string) => ({
  value,
  evidence: String(value),
  source: 'rules',
  messageId: 'v1',
  at,
  history: [],
});

/** The `i`-th conversation: names, companies, stages and sources rotate; times spread over 60 days. */
function seedConversation(i: number, now: number): unknown {
  const at = new Date(now - ((i * 7919) % (60 * 24 * 60)) * 60_000).toISOString();
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i >> 3) % LAST.length]}`;
  const company = `${COMPANIES[i % COMPANIES.length]} ${i % 97}`;
  const level = i % 4; // 0 visitor, 1 lead, 2 MQL, 3 SQL
  const lead: Record<string, ReturnType<typeof field>> = {
    'contact.name': field(name, at),
    'company.name': field(company, at),
  };
  if (level >= 1)
    lead['contact.email'] = field(
      `${name.split(' ')[0]?.toLowerCase()}${i}@${company.split(' ')[0]?.toLowerCase()}.example`,
      at,
    );
  if (level >= 2)
    Object.assign(lead, {
      'need.summary': field('faster replies', at),
      'company.size': field(120, at),
    });
  if (level >= 3)
    Object.assign(lead, {
      'authority.level': field('decision_maker', at),
      'intent.demo': field(true, at),
    });
  const source = SOURCES[i % SOURCES.length];
  return {
    id: inboxSeedId(i),
    createdAt: at,
    updatedAt: at,
    visitor: {
      timezone: 'UTC',
      locale: 'en-US',
      page: 'https://beacon.example/pricing',
      referrer: null,
      utm: source ? { source } : null,
    },
    lead,
    messages: [
      { id: 'a0', role: 'agent', text: 'Hi! What brings you here today?', at },
      // One in ten never wrote: not worth a look, so not listed.
      ...(i % 10 === 9
        ? []
        : [{ id: 'v1', role: 'visitor', text: 'We need faster replies to inbound leads', at }]),
    ],
    handoffRequested: i % 13 === 0,
    qualifiedAt: level === 3 ? at : null,
  };
}

/**
 * Writes `count` varied conversations into `<dataDir>/conversations/<shard>/<id>.json` as the
 * lowdb store reads them (one JSON file each, the transcript inside), without going through
 * the store: a save goes through the journal and a flush, far too slow for 100,000 seeds. The
 * first one is parsed by the store's own schema, so the server never meets an invalid file.
 * No inbox index is written: the server builds it at its first start.
 */
export async function seedInbox(dataDir: string, count: number, now = Date.now()): Promise<void> {
  parseConversation(ConversationSchema.parse(seedConversation(3, now)), 'the inbox seed');
  for (let shard = 0; shard < 256; shard++)
    await mkdir(path.join(conversationsFolder(dataDir), shard.toString(16).padStart(2, '0')), {
      recursive: true,
    });
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const id = inboxSeedId(i);
      const file = conversationPath(dataDir, id);
      await writeFile(file, JSON.stringify(seedConversation(i, now)));
    }
  };
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, worker));
}
