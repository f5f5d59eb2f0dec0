import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import { isAppError } from '../../../src/errors/app-error.js';
import { createLowdbStore } from '../../../src/store/lowdb-store.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import { updateConversation } from '../../../src/store/update-conversation.js';
import { at, makeConversation, makeLead, makeMessage } from '../../helpers/make-conversation.js';
import { rejectionOf } from './rejection-of.js';
import { inboxProjection } from '../../../src/console/inbox/inbox-row.js';
import type { InboxSearch } from '../../../src/console/inbox/inbox-query.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { inboxConversation } from '../../helpers/inbox-conversation.js';

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
      return createLowdbStore({ dataDir, inbox: inboxProjection(parseConfig({})) });
    },
  },
];

describe.each(adapters)('$name (Store contract)', ({ open }) => {
  async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
    const store = await open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  }

  it('when a conversation is saved, then getting it returns an equal document with the next version', () =>
    withStore(async (store) => {
      const conv = makeConversation({
        id: 'c-equal',
        lead: makeLead(),
        messages: [makeMessage(1), makeMessage(2)],
        phase: { kind: 'qualifying', asked: 'budget' },
      });
      const saved = await store.saveConversation(conv);
      expect(saved).toEqual({ ...conv, version: 1 });
      expect(await store.getConversation('c-equal')).toEqual(saved);
    }));

  it('when an id was never saved, then getting it returns null', () =>
    withStore(async (store) => {
      expect(await store.getConversation('never-saved')).toBeNull();
    }));

  it('when a conversation is saved again from what the last save returned, then the second save replaces the first', () =>
    withStore(async (store) => {
      const first = await store.saveConversation(
        makeConversation({ id: 'c-replace', messages: [makeMessage(1)] }),
      );
      const second = {
        ...first,
        messages: [makeMessage(1), makeMessage(2)],
        phase: { kind: 'ended' as const },
        updatedAt: at(60),
      };
      const saved = await store.saveConversation(second);
      expect(saved.version).toBe(2);
      expect(await store.getConversation('c-replace')).toEqual(saved);
    }));

  it('when several conversations are saved, then their ids are listed once each', () =>
    withStore(async (store) => {
      expect(await store.listConversationIds()).toEqual([]);
      for (const id of ['b-two', 'a-one', 'c_three'])
        await store.saveConversation(makeConversation({ id }));
      await store.saveConversation(makeConversation({ id: 'b-two', version: 1 }));
      expect(await store.listConversationIds()).toEqual(['a-one', 'b-two', 'c_three']);
    }));

  it('when many different conversations are saved at once, then every one of them lands', () =>
    withStore(async (store) => {
      const convs = Array.from({ length: 40 }, (_, i) =>
        makeConversation({ id: `c${i}`, messages: [makeMessage(i)] }),
      );
      await Promise.all(convs.map((c) => store.saveConversation(c)));
      expect(await store.listConversationIds()).toHaveLength(40);
      for (const c of convs)
        expect(await store.getConversation(c.id)).toEqual({ ...c, version: 1 });
    }));

  it('when saves of the same conversation overlap, each based on the one before, then they land in call order', () =>
    withStore(async (store) => {
      const versions = Array.from({ length: 25 }, (_, i) =>
        makeConversation({
          id: 'c-busy',
          version: i,
          messages: Array.from({ length: i + 1 }, (_, n) => makeMessage(n, 'x'.repeat(500))),
        }),
      );
      await Promise.all(versions.map((v) => store.saveConversation(v)));
      expect(await store.getConversation('c-busy')).toEqual({ ...versions.at(-1), version: 25 });
    }));

  it('when a save is based on an older version than the stored one, then it is refused as a stale write and changes nothing', () =>
    withStore(async (store) => {
      const first = await store.saveConversation(makeConversation({ id: 'c-stale' }));
      const second = await store.saveConversation({ ...first, messages: [makeMessage(1)] });
      for (const stale of [
        { ...first, phase: { kind: 'ended' as const } },
        makeConversation({ id: 'c-stale', phase: { kind: 'ended' } }),
        { ...second, version: 7, phase: { kind: 'ended' as const } },
      ]) {
        const err = await rejectionOf(store.saveConversation(stale));
        expect(isAppError(err) && err.code).toBe('STALE_WRITE');
        expect(await store.getConversation('c-stale')).toEqual(second);
      }
    }));

  it('when nothing is stored and the save is based on a later version, then it is refused as a stale write', () =>
    withStore(async (store) => {
      const err = await rejectionOf(
        store.saveConversation(makeConversation({ id: 'c-ghost', version: 3 })),
      );
      expect(isAppError(err) && err.code).toBe('STALE_WRITE');
      expect(await store.getConversation('c-ghost')).toBeNull();
    }));

  it('when two writers read the same version and both save, then exactly one wins, and after a re-read and retry both changes are in', () =>
    withStore(async (store) => {
      await store.saveConversation(makeConversation({ id: 'c-race', messages: [makeMessage(1)] }));
      const [a, b] = await Promise.all([
        store.getConversation('c-race'),
        store.getConversation('c-race'),
      ]);
      if (a === null || b === null) throw new Error('the conversation was not saved');
      const changes = [
        (c: Conversation): Conversation => ({ ...c, messages: [...c.messages, makeMessage(2)] }),
        (c: Conversation): Conversation => ({ ...c, phase: { kind: 'ended' } }),
      ];
      const outcomes = await Promise.allSettled([
        store.saveConversation(changes[0]!(a)),
        store.saveConversation(changes[1]!(b)),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.findIndex((o) => o.status === 'rejected');
      const reason = outcomes[lost]?.status === 'rejected' ? outcomes[lost].reason : null;
      expect(isAppError(reason) && reason.code).toBe('STALE_WRITE');

      const fresh = await store.getConversation('c-race');
      if (fresh === null) throw new Error('the conversation is gone');
      await store.saveConversation(changes[lost]!(fresh));
      const final = await store.getConversation('c-race');
      expect(final?.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
      expect(final?.phase.kind).toBe('ended');
      expect(final?.version).toBe(3);
    }));

  it('when three writers update the same conversation through updateConversation, then the stale saves are retried and every change is in', () =>
    withStore(async (store) => {
      await store.saveConversation(makeConversation({ id: 'c-update' }));
      let stale = 0;
      const counting: Store = {
        ...store,
        saveConversation: (c) =>
          store.saveConversation(c).catch((e: unknown) => {
            if (isAppError(e) && e.code === 'STALE_WRITE') stale++;
            throw e;
          }),
      };
      await Promise.all(
        [1, 2, 3].map((n) =>
          updateConversation(counting, 'c-update', (c) => ({
            ...c,
            messages: [...c.messages, makeMessage(n)],
          })),
        ),
      );
      const final = await store.getConversation('c-update');
      expect(final?.messages.map((m) => m.id).sort()).toEqual(['m1', 'm2', 'm3']);
      expect(final?.version).toBe(4);
      expect(stale).toBeGreaterThan(0);
    }));

  it('when a save adds outbox events, then they are pending until handed over, and a later save makes only its own new events pending', () =>
    withStore(async (store) => {
      const event = (n: number) => ({
        id: `evt-${n}`,
        type: 'lead.qualified',
        occurredAt: at(n),
        conversationId: 'c-outbox',
      });
      expect(await store.pendingEvents()).toEqual([]);
      const first = await store.saveConversation(
        makeConversation({ id: 'c-outbox', outbox: [event(1), event(2)] }),
      );
      await store.saveConversation(makeConversation({ id: 'c-other' }));
      expect(await store.pendingEvents()).toEqual([
        { conversationId: 'c-outbox', events: [event(1), event(2)] },
      ]);
      await store.markHandedOver('c-outbox', ['evt-1']);
      const second = await store.saveConversation({
        ...first,
        outbox: [...first.outbox, event(3)],
      });
      expect(await store.pendingEvents('c-outbox')).toEqual([
        { conversationId: 'c-outbox', events: [event(2), event(3)] },
      ]);
      expect(await store.pendingEvents('c-other')).toEqual([]);
      await store.saveConversation({ ...second, phase: { kind: 'ended' } });
      await store.markHandedOver('c-outbox', ['evt-2', 'evt-3']);
      await store.markHandedOver('c-outbox', ['evt-3']);
      expect(await store.pendingEvents()).toEqual([]);
    }));

  it('when a save with new outbox events is refused as stale, then none of its events is pending', () =>
    withStore(async (store) => {
      const first = await store.saveConversation(makeConversation({ id: 'c-stale-outbox' }));
      await store.saveConversation(first);
      const err = await rejectionOf(
        store.saveConversation({
          ...first,
          outbox: [
            { id: 'evt-9', type: 'lead.qualified', occurredAt: at(9), conversationId: first.id },
          ],
        }),
      );
      expect(isAppError(err) && err.code).toBe('STALE_WRITE');
      expect(await store.pendingEvents()).toEqual([]);
    }));

  it('when a conversation is erased, then it is gone with its pending events, others stay, and a second erase finds nothing', () =>
    withStore(async (store) => {
      const event = {
        id: 'evt-e',
        type: 'lead.qualified',
        occurredAt: at(1),
        conversationId: 'c-gone',
      };
      const gone = await store.saveConversation(
        makeConversation({ id: 'c-gone', outbox: [event] }),
      );
      await store.saveConversation({ ...gone, messages: [makeMessage(1)] });
      const kept = await store.saveConversation(
        makeConversation({ id: 'c-kept', lead: makeLead() }),
      );
      expect(await store.eraseConversation('c-gone')).toBe(true);
      expect(await store.getConversation('c-gone')).toBeNull();
      expect(await store.pendingEvents()).toEqual([]);
      expect(await store.listConversationIds()).toEqual(['c-kept']);
      expect(await store.getConversation('c-kept')).toEqual(kept);
      expect(await store.eraseConversation('c-gone')).toBe(false);
      // Erased, the id starts from scratch: a new conversation under it saves as version 1.
      expect((await store.saveConversation(makeConversation({ id: 'c-gone' }))).version).toBe(1);
    }));

  it('when an erase is asked for an id that could leave the folder, then it is refused as a bad request', () =>
    withStore(async (store) => {
      const err = await rejectionOf(store.eraseConversation('../c-kept'));
      expect(isAppError(err) && err.code).toBe('BAD_REQUEST');
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

describe.each(adapters)('$name (Store contract: the inbox)', ({ open }) => {
  async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
    const store = await open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  }
  const ANA = 'ana@beacon.example';
  // Newest first: the minutes are when each conversation last changed.
  const seed = [
    inboxConversation({
      id: 'sql-ana',
      level: 'SQL',
      name: 'Dana Reyes',
      company: 'Brightfield Tooling',
      minutes: 50,
      wantsPerson: true,
      assignedTo: ANA,
      utmSource: 'Google',
    }),
    inboxConversation({
      id: 'mql-omar',
      level: 'MQL',
      name: 'Omar Haddad',
      company: 'Northwind',
      minutes: 40,
      booked: true,
      referrer: 'https://www.linkedin.com/feed',
    }),
    inboxConversation({
      id: 'lead-lena',
      level: 'lead',
      name: 'Lena Berg',
      minutes: 30,
      email: 'lena@gmail.com',
    }),
    inboxConversation({
      id: 'silent',
      level: 'SQL',
      name: 'Never Wrote',
      minutes: 20,
      wrote: false,
    }),
    inboxConversation({
      id: 'visitor-x',
      level: 'visitor',
      minutes: 10,
      assignedTo: 'bo@beacon.example',
    }),
  ];
  const page = (more: Partial<InboxSearch> = {}): InboxSearch => ({
    page: 1,
    pageSize: 50,
    ...more,
  });
  const ids = async (store: Store, more: Partial<InboxSearch> = {}) =>
    (await store.queryInbox(page(more))).rows.map((r) => r.id);

  it('lists the conversations in which the visitor wrote, newest first, each with what a rep scans', () =>
    withStore(async (store) => {
      for (const c of seed) await store.saveConversation(c);
      const result = await store.queryInbox(page());
      expect(result.rows.map((r) => r.id)).toEqual([
        'sql-ana',
        'mql-omar',
        'lead-lena',
        'visitor-x',
      ]);
      expect(result.total).toBe(4);
      expect(result.rows[0]).toMatchObject({
        name: 'Dana Reyes',
        company: 'Brightfield Tooling',
        email: 'sql-ana@brightfield.example',
        stage: 'SQL',
        grade: 'hot',
        score: 75,
        wantsPerson: true,
        source: 'google',
        assignedTo: ANA,
        status: 'active',
      });
      expect(result.rows[1]).toMatchObject({
        stage: 'MQL',
        source: 'linkedin.com',
        meeting: { status: 'booked' },
      });
      expect(result.rows[2]).toMatchObject({ stage: 'lead', source: 'direct' });
      expect(result.counts).toMatchObject({
        all: 4,
        stage: { visitor: 1, lead: 1, MQL: 1, SQL: 1 },
        wantsPerson: 1,
        booked: 1,
      });
    }));

  it.each<[string, Partial<InboxSearch>, string[]]>([
    ['stage SQL', { stage: 'SQL' }, ['sql-ana']],
    ['grade warm', { grade: 'warm' }, ['mql-omar']],
    ['wants a person', { person: true }, ['sql-ana']],
    ['does not want a person', { person: false }, ['mql-omar', 'lead-lena', 'visitor-x']],
    ['booked', { booked: true }, ['mql-omar']],
    ['assigned to Ana', { assignedTo: ANA }, ['sql-ana']],
    ['source linkedin.com', { source: 'linkedin.com' }, ['mql-omar']],
    ['search by name, any case', { q: 'omar' }, ['mql-omar']],
    ['search by email', { q: 'gmail.com' }, ['lead-lena']],
    ['search by company', { q: 'brightfield tool' }, ['sql-ana']],
    [
      'started from minute 30 on',
      { createdFrom: Date.parse(at(30 * 60)) },
      ['sql-ana', 'mql-omar', 'lead-lena'],
    ],
    [
      'started before minute 40',
      { createdBefore: Date.parse(at(40 * 60)) },
      ['lead-lena', 'visitor-x'],
    ],
    ['nothing matches', { q: 'nobody at all' }, []],
  ])('filters: %s', (_title, filter, expected) =>
    withStore(async (store) => {
      for (const c of seed) await store.saveConversation(c);
      expect(await ids(store, filter)).toEqual(expected);
    }),
  );

  it('pages through the list: every row once, with the total on every page', () =>
    withStore(async (store) => {
      for (const c of seed) await store.saveConversation(c);
      const pages = [1, 2, 3].map((n) => store.queryInbox(page({ page: n, pageSize: 2 })));
      const [p1, p2, p3] = await Promise.all(pages);
      expect(p1?.rows.map((r) => r.id)).toEqual(['sql-ana', 'mql-omar']);
      expect(p2?.rows.map((r) => r.id)).toEqual(['lead-lena', 'visitor-x']);
      expect(p3?.rows).toEqual([]);
      expect([p1?.total, p2?.total, p3?.total]).toEqual([4, 4, 4]);
    }));

  it('follows every save and erase: a changed lead moves to the top with its new stage, an erased one is gone', () =>
    withStore(async (store) => {
      for (const c of seed) await store.saveConversation(c);
      const lena = await store.getConversation('lead-lena');
      if (lena === null) throw new Error('lead-lena was not stored');
      const changed = inboxConversation({
        id: 'lead-lena',
        level: 'SQL',
        name: 'Lena Berg',
        minutes: 60,
      });
      await store.saveConversation({ ...changed, version: lena.version });
      expect((await store.queryInbox(page())).rows[0]).toMatchObject({
        id: 'lead-lena',
        stage: 'SQL',
      });
      expect(await store.eraseConversation('sql-ana')).toBe(true);
      expect(await ids(store)).toEqual(['lead-lena', 'mql-omar', 'visitor-x']);
      expect(await ids(store, { q: 'dana' })).toEqual([]);
    }));

  it('reports speed to lead since the given time: the count of touched leads and their median seconds', () =>
    withStore(async (store) => {
      const touched = (id: string, minutes: number, seconds: number) =>
        inboxConversation({
          id,
          level: 'SQL',
          minutes,
          overrides: {
            qualifiedAt: at(minutes * 60),
            console: {
              assignedTo: null,
              review: null,
              notes: [],
              actions: [{ kind: 'join', by: ANA, byName: 'Ana', at: at(minutes * 60 + seconds) }],
              takeover: null,
            },
          },
        });
      await store.saveConversation(touched('t-old', 0, 1000));
      await store.saveConversation(touched('t-a', 100, 60));
      await store.saveConversation(touched('t-b', 110, 120));
      await store.saveConversation(touched('t-c', 120, 600));
      await store.saveConversation(
        inboxConversation({
          id: 'waiting',
          level: 'SQL',
          minutes: 130,
          overrides: { qualifiedAt: at(130 * 60) },
        }),
      );
      const result = await store.queryInbox(page({ speedSince: Date.parse(at(90 * 60)) }));
      expect(result.speedToLead).toEqual({ count: 3, medianSeconds: 120 });
      expect(result.rows.find((r) => r.id === 'waiting')?.waitingSince).toBe(at(130 * 60));
      expect(result.counts.waiting).toBe(1);
    }));
});
