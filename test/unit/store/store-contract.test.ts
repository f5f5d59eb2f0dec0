import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import { isAppError } from '../../../src/errors/app-error.js';
import { createLowdbStore } from '../../../src/store/lowdb-store.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import { at, makeConversation, makeLead, makeMessage } from '../../helpers/make-conversation.js';
import { rejectionOf } from './rejection-of.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const adapters: Array<{ name: string; open: () => Promise<Store> }> = [
  { name: 'memory store', open: async () => createMemoryStore() },
  {
    name: 'lowdb store',
    open: async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'leadbot-store-'));
      dirs.push(dataDir);
      return createLowdbStore({ dataDir });
    },
  },
];

/** What the store holds after saving `c`: the same document, one version on. */
const stored = (c: Conversation | undefined) => c && { ...c, version: c.version + 1 };

describe.each(adapters)('$name (Store contract)', ({ open }) => {
  async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
    const store = await open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  }

  it('when a conversation is saved, then getting it returns an equal document', () =>
    withStore(async (store) => {
      const conv = makeConversation({
        id: 'c-equal',
        lead: makeLead(),
        messages: [makeMessage(1), makeMessage(2)],
        phase: { kind: 'qualifying', asked: 'budget' },
      });
      await store.saveConversation(conv);
      expect(await store.getConversation('c-equal')).toEqual(stored(conv));
    }));

  it('when a conversation is peeked, then it is the saved document, and null for an id never saved', () =>
    withStore(async (store) => {
      const conv = makeConversation({ id: 'c-peek', lead: makeLead(), messages: [makeMessage(1)] });
      await store.saveConversation(conv);
      expect(await store.peekConversation('c-peek')).toEqual(stored(conv));
      expect(await store.peekConversation('never-saved')).toBeNull();
      const next = makeConversation({
        id: 'c-peek',
        messages: [makeMessage(1), makeMessage(2)],
        updatedAt: at(5),
      });
      await store.saveConversation(next);
      expect(await store.peekConversation('c-peek')).toEqual(stored(next));
    }));

  it('when an id was never saved, then getting it returns null', () =>
    withStore(async (store) => {
      expect(await store.getConversation('never-saved')).toBeNull();
    }));

  it('when a conversation is saved twice, then the second save replaces the first', () =>
    withStore(async (store) => {
      await store.saveConversation(
        makeConversation({ id: 'c-replace', messages: [makeMessage(1)] }),
      );
      const second = makeConversation({
        id: 'c-replace',
        messages: [makeMessage(1), makeMessage(2)],
        phase: { kind: 'ended' },
        updatedAt: at(60),
      });
      await store.saveConversation(second);
      expect(await store.getConversation('c-replace')).toEqual(stored(second));
    }));

  it('when several conversations are saved, then their ids are listed once each', () =>
    withStore(async (store) => {
      expect(await store.listConversationIds()).toEqual([]);
      for (const id of ['b-two', 'a-one', 'c_three', 'b-two'])
        await store.saveConversation(makeConversation({ id }));
      expect(await store.listConversationIds()).toEqual(['a-one', 'b-two', 'c_three']);
    }));

  it('when many different conversations are saved at once, then every one of them lands', () =>
    withStore(async (store) => {
      const convs = Array.from({ length: 40 }, (_, i) =>
        makeConversation({ id: `c${i}`, messages: [makeMessage(i)] }),
      );
      await Promise.all(convs.map((c) => store.saveConversation(c)));
      expect(await store.listConversationIds()).toHaveLength(40);
      for (const c of convs) expect(await store.getConversation(c.id)).toEqual(stored(c));
    }));

  it('when saves of the same conversation overlap, then the last one called wins', () =>
    withStore(async (store) => {
      const versions = Array.from({ length: 25 }, (_, i) =>
        makeConversation({
          id: 'c-busy',
          messages: Array.from({ length: i + 1 }, (_, n) => makeMessage(n, 'x'.repeat(500))),
        }),
      );
      await Promise.all(versions.map((v) => store.saveConversation(v)));
      expect(await store.getConversation('c-busy')).toEqual(stored(versions.at(-1)));
    }));

  it('when the caller mutates a document after saving it, then the stored one is unchanged', () =>
    withStore(async (store) => {
      const conv = makeConversation({ id: 'c-mutate', messages: [makeMessage(1)] });
      await store.saveConversation(conv);
      conv.messages.push(makeMessage(2));
      conv.phase = { kind: 'ended' };
      const stored = await store.getConversation('c-mutate');
      expect(stored?.messages).toHaveLength(1);
      expect(stored?.phase.kind).toBe('qualifying');
    }));

  it('when the caller mutates a document it got, then the stored one is unchanged', () =>
    withStore(async (store) => {
      await store.saveConversation(makeConversation({ id: 'c-got', messages: [makeMessage(1)] }));
      const got = await store.getConversation('c-got');
      got?.messages.push(makeMessage(2));
      expect((await store.getConversation('c-got'))?.messages).toHaveLength(1);
    }));

  it('when a document breaks the schema, then saving it is refused as an internal error naming the field', () =>
    withStore(async (store) => {
      const broken = { ...makeConversation({ id: 'c-broken' }), createdAt: 'yesterday' };
      const err = await rejectionOf(store.saveConversation(broken));
      expect(isAppError(err) && err.code).toBe('INTERNAL');
      expect(String(err)).toContain('createdAt');
      expect(await store.getConversation('c-broken')).toBeNull();
    }));

  it.each([
    '',
    '../escape',
    'a/b',
    'a\\b',
    '.hidden',
    'c1.json',
    'x'.repeat(65),
    'café',
    'with space',
    'nul\u0000byte',
  ])('when the id is %j, then get and save are refused as a bad request', (id) =>
    withStore(async (store) => {
      for (const attempt of [
        store.getConversation(id),
        store.saveConversation(makeConversation({ id })),
      ]) {
        const err = await rejectionOf(attempt);
        expect(isAppError(err) && err.code).toBe('BAD_REQUEST');
      }
      expect(await store.listConversationIds()).toEqual([]);
    }),
  );

  it('when the store is closed, then it refuses further work', () =>
    withStore(async (store) => {
      await store.close();
      const err = await rejectionOf(store.saveConversation(makeConversation({ id: 'c-late' })));
      expect(isAppError(err) && err.code).toBe('INTERNAL');
    }));
});
