import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import { createLowdbStore, type LowdbStore } from '../../../src/store/lowdb-store.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';
import { at, makeConversation, makeMessage } from '../../helpers/make-conversation.js';

const EMAIL = 'erase.me@visitor.example';
const OTHER_EMAIL = 'keep.me@visitor.example';

/** Every file under `dir` that holds `text`, as paths relative to it. */
async function filesHolding(dir: string, text: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hits: string[] = [];
  for (const e of entries.filter((e) => e.isFile())) {
    const file = join(e.parentPath, e.name);
    if ((await readFile(file)).includes(text)) hits.push(file.slice(dir.length + 1));
  }
  return hits;
}

/** Saves `turns` versions of a conversation whose visitor gives `email`, with an outbox event. */
async function chat(store: LowdbStore, id: string, email: string, turns: number) {
  let conv: Conversation = makeConversation({ id });
  for (let n = 1; n <= turns; n++) {
    conv = await store.saveConversation({
      ...conv,
      messages: [...conv.messages, makeMessage(n, `write to ${email}, turn ${n}`)],
      outbox:
        n === 2
          ? [{ id: `evt-${id}`, type: 'lead.qualified', occurredAt: at(n), conversationId: id }]
          : conv.outbox,
    });
  }
  return conv;
}

describe('lowdb store: erasing a conversation', () => {
  // Versions in the files and in the journal, flushed or not, pending events or not.
  it.each([
    { when: 'its versions are in the files and in the journal', flushAfter: 3 },
    { when: 'its versions are only in the journal', flushAfter: null },
  ])(
    'when a conversation is erased and $when, then no file of the data folder holds its text, others are intact, and a restart does not bring it back',
    async ({ flushAfter }) => {
      const { dir } = tempDirForTest('leadbot-erase-');
      // Never closed, as after a crash: the restart replays whatever the journal still holds.
      const store = await createLowdbStore({ dataDir: dir, flushDelayMs: 60_000 });
      const kept = await chat(store, 'c-kept', OTHER_EMAIL, 4);
      await chat(store, 'c-gone', EMAIL, flushAfter ?? 5);
      if (flushAfter !== null) {
        await store.flush();
        await chat(store, 'c-gone-2', EMAIL, 1);
        await store.eraseConversation('c-gone-2');
      }
      expect(await filesHolding(dir, EMAIL)).not.toEqual([]);

      expect(await store.eraseConversation('c-gone')).toBe(true);
      expect(await filesHolding(dir, EMAIL)).toEqual([]);
      expect(await store.getConversation('c-gone')).toBeNull();
      expect(await store.pendingEvents()).toEqual([
        { conversationId: 'c-kept', events: kept.outbox },
      ]);

      const restarted = await createLowdbStore({ dataDir: dir });
      expect(await restarted.getConversation('c-gone')).toBeNull();
      expect(await restarted.listConversationIds()).toEqual(['c-kept']);
      expect(await restarted.getConversation('c-kept')).toEqual(kept);
      expect(await restarted.pendingEvents()).toEqual([
        { conversationId: 'c-kept', events: kept.outbox },
      ]);
      await restarted.close();
      expect(await filesHolding(dir, EMAIL)).toEqual([]);
      expect(await filesHolding(dir, OTHER_EMAIL)).not.toEqual([]);
    },
  );
});
