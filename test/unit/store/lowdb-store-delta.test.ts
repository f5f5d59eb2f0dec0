import { appendFile, copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import { conversationPath } from '../../../src/store/conversation-path.js';
import { createLowdbStore, type LowdbStore } from '../../../src/store/lowdb-store.js';
import { at, makeConversation, makeMessage } from '../../helpers/make-conversation.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';

/** Saves `from`..`to` as turns that each add one message. */
async function turns(store: LowdbStore, conv: Conversation, from: number, to: number) {
  let c = conv;
  for (let n = from; n <= to; n++)
    c = await store.saveConversation({
      ...c,
      messages: [...c.messages, makeMessage(n)],
      updatedAt: at(n),
    });
  return c;
}
const journalOf = (dataDir: string) => join(dataDir, 'conversations', 'journal');
const segments = async (dataDir: string) =>
  (await readdir(journalOf(dataDir))).filter((n) => n.endsWith('.ndjson')).sort();

describe('lowdb store: saves that write what changed', () => {
  it('when a turn is saved, then its journal line holds the new message and not the earlier ones', async () => {
    const { dir } = tempDirForTest('leadbot-delta-');
    const store = await createLowdbStore({ dataDir: dir, flushDelayMs: 60_000 });
    await turns(store, makeConversation({ id: 'c-d' }), 1, 5);
    const [segment] = await segments(dir);
    const lines = (await readFile(join(journalOf(dir), segment!), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toContain('message number 5');
    expect(lines.at(-1)).not.toContain('message number 4');
    await store.close();
  });

  it('when the process stops after a flush and later turns, then a restart applies the later turns to the files', async () => {
    const { dir } = tempDirForTest('leadbot-delta-');
    // Never closed, as after a crash.
    const crashed = await createLowdbStore({ dataDir: dir, flushDelayMs: 60_000 });
    const flushed = await turns(crashed, makeConversation({ id: 'c-r' }), 1, 3);
    await crashed.flush();
    const latest = await turns(crashed, flushed, 4, 6);
    const restarted = await createLowdbStore({ dataDir: dir });
    expect(await restarted.getConversation('c-r')).toEqual(latest);
    await restarted.close();
    const again = await createLowdbStore({ dataDir: dir });
    expect(await again.getConversation('c-r')).toEqual(latest);
    await again.close();
  });

  it('when the process stopped after writing the files but before deleting the journal that holds them, then a restart skips what the files have', async () => {
    const { dir } = tempDirForTest('leadbot-delta-');
    const crashed = await createLowdbStore({ dataDir: dir, flushDelayMs: 60_000 });
    const mid = await turns(crashed, makeConversation({ id: 'c-k' }), 1, 5);
    // The segment as it was before the flush deleted it: restored below, as a crash would leave it.
    const [segment] = await segments(dir);
    const kept = join(dir, 'kept.ndjson');
    await copyFile(join(journalOf(dir), segment!), kept);
    await crashed.flush();
    const latest = await turns(crashed, mid, 6, 7);
    await copyFile(kept, join(journalOf(dir), segment!));
    const restarted = await createLowdbStore({ dataDir: dir });
    expect(await restarted.getConversation('c-k')).toEqual(latest);
    await restarted.close();
  });

  it('when a crash left part of an append after the messages the state file counts, then it is never read and the next write replaces it', async () => {
    const { dir } = tempDirForTest('leadbot-delta-');
    const first = await createLowdbStore({ dataDir: dir });
    const saved = await turns(first, makeConversation({ id: 'c-t' }), 1, 2);
    await first.close();
    const messages = join(dirname(conversationPath(dir, 'c-t')), 'c-t.messages-1.ndjson');
    await appendFile(messages, '{"id":"m9","role":"vis');
    const second = await createLowdbStore({ dataDir: dir });
    expect(await second.getConversation('c-t')).toEqual(saved);
    const latest = await turns(second, saved, 3, 3);
    await second.close();
    const third = await createLowdbStore({ dataDir: dir });
    expect(await third.getConversation('c-t')).toEqual(latest);
    await third.close();
    expect((await readFile(messages, 'utf8')).trim().split('\n')).toHaveLength(3);
  });

  it('when an earlier message changes, then the transcript is written anew and the old messages file goes', async () => {
    const { dir } = tempDirForTest('leadbot-delta-');
    const store = await createLowdbStore({ dataDir: dir });
    const saved = await turns(store, makeConversation({ id: 'c-e' }), 1, 3);
    await store.flush();
    const edited = await store.saveConversation({
      ...saved,
      messages: [makeMessage(1, 'corrected'), ...saved.messages.slice(1)],
    });
    await store.close();
    const shard = dirname(conversationPath(dir, 'c-e'));
    expect((await readdir(shard)).sort()).toEqual(['c-e.json', 'c-e.messages-2.ndjson']);
    const reopened = await createLowdbStore({ dataDir: dir });
    expect(await reopened.getConversation('c-e')).toEqual(edited);
    await reopened.close();
  });

  it('when the messages file is missing, then reading the conversation is an internal error naming it, and a save writes it anew', async () => {
    const { dir } = tempDirForTest('leadbot-delta-');
    const first = await createLowdbStore({ dataDir: dir });
    const saved = await turns(first, makeConversation({ id: 'c-m' }), 1, 2);
    await first.close();
    const messages = join(dirname(conversationPath(dir, 'c-m')), 'c-m.messages-1.ndjson');
    await rm(messages);
    const second = await createLowdbStore({ dataDir: dir });
    await expect(second.getConversation('c-m')).rejects.toThrow('c-m.messages-1.ndjson');
    const replaced = await second.saveConversation({ ...saved, version: 0 });
    await second.close();
    const third = await createLowdbStore({ dataDir: dir });
    expect(await third.getConversation('c-m')).toEqual(replaced);
    await third.close();
    await writeFile(join(dir, 'done'), '');
  });
});
