import { spawn } from 'node:child_process';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  rmdir,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isAppError } from '../../../src/errors/app-error.js';
import { readConversationFile } from '../../../src/store/conversation-file.js';
import { conversationPath } from '../../../src/store/conversation-path.js';
import {
  createLowdbStore,
  type LowdbStore,
  type LowdbStoreOptions,
} from '../../../src/store/lowdb-store.js';
import { at, makeConversation, makeLead, makeMessage } from '../../helpers/make-conversation.js';
import { rejectionOf } from './rejection-of.js';

let dataDir: string;
let folder: string;
const opened: LowdbStore[] = [];

async function open(options: Omit<LowdbStoreOptions, 'dataDir'> = {}): Promise<LowdbStore> {
  const store = await createLowdbStore({ dataDir, ...options });
  opened.push(store);
  return store;
}

const fileOf = (id: string): string => conversationPath(dataDir, id);
/** Every file under the conversations folder, as "<shard>/<name>" (the journal apart). */
const filesIn = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((name) => !name.startsWith('journal/'))
    .sort();
const journalFiles = async (): Promise<string[]> =>
  (await readdir(join(folder, 'journal'))).filter((n) => n.endsWith('.ndjson')).sort();
const shardedName = (id: string): string => fileOf(id).slice(folder.length + 1);
/** The files a conversation is stored in: its state file and its messages file. */
const storedNames = (id: string): string[] => [
  shardedName(id),
  shardedName(id).replace(/\.json$/, '.messages-1.ndjson'),
];
/** The conversation as its files on disk hold it (not the store's memory). */
const onDisk = async (id: string) => (await readConversationFile(fileOf(id)))?.conversation;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'leadbot-lowdb-'));
  folder = join(dataDir, 'conversations');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await rm(dataDir, { recursive: true, force: true });
});

describe('lowdb store: files', () => {
  it('when a conversation is saved, then it is a JSON state file and a messages file named after its id, in a sub-folder of 256', async () => {
    const store = await open();
    const conv = await store.saveConversation(
      makeConversation({ id: 'c-file', lead: makeLead(), messages: [makeMessage(1)] }),
    );
    await store.flush();
    expect(await filesIn(folder)).toEqual(storedNames('c-file'));
    const state = JSON.parse(await readFile(fileOf('c-file'), 'utf8'));
    expect(state).toMatchObject({ id: 'c-file', lead: conv.lead, messageLog: { count: 1 } });
    expect(state).not.toHaveProperty('messages');
    expect(shardedName('c-file')).toMatch(/^[0-9a-f]{2}\/c-file\.json$/);
    expect(await onDisk('c-file')).toEqual(conv);
  });

  it('when the store is reopened on the same folder, then it reads what was saved', async () => {
    const first = await open();
    const conv = await first.saveConversation(
      makeConversation({ id: 'c-reopen', lead: makeLead(), messages: [makeMessage(1)] }),
    );
    await first.close();
    const second = await open();
    expect(await second.getConversation('c-reopen')).toEqual(conv);
    expect(await second.listConversationIds()).toEqual(['c-reopen']);
  });

  it('when an id tries to leave the folder, then nothing is read or written anywhere', async () => {
    const store = await open();
    await writeFile(
      join(dataDir, 'outside.json'),
      JSON.stringify(makeConversation({ id: 'outside' })),
    );
    for (const id of ['../outside', '..', '../../escape']) {
      expect(isAppError(await rejectionOf(store.getConversation(id)))).toBe(true);
      expect(isAppError(await rejectionOf(store.saveConversation(makeConversation({ id }))))).toBe(
        true,
      );
    }
    expect((await readdir(dataDir)).sort()).toEqual(['conversations', 'outside.json']);
    expect(await filesIn(folder)).toEqual([]);
  });

  it('when the folder holds conversations from before sub-folders, then they are moved into theirs and read as before', async () => {
    const old = [
      makeConversation({ id: 'c-old-1', lead: makeLead() }),
      makeConversation({ id: 'c-old-2', messages: [makeMessage(1)] }),
    ];
    await mkdir(folder, { recursive: true });
    for (const conv of old) await writeFile(join(folder, `${conv.id}.json`), JSON.stringify(conv));
    await writeFile(join(folder, 'notes.txt'), 'kept where it is');
    const store = await open();
    expect(await store.listConversationIds()).toEqual(['c-old-1', 'c-old-2']);
    expect(await store.getConversation('c-old-2')).toEqual(old[1]);
    expect(await filesIn(folder)).toEqual(
      [shardedName('c-old-1'), shardedName('c-old-2'), 'notes.txt'].sort(),
    );
  });

  it('when the folder holds temp leftovers or foreign files, then only conversation ids are listed', async () => {
    const store = await open();
    await store.saveConversation(makeConversation({ id: 'c-real' }));
    await store.flush();
    const shard = dirname(fileOf('c-real'));
    await writeFile(join(shard, '.c-real.json.tmp'), '{"half');
    await writeFile(join(shard, 'notes.txt'), 'hello');
    await writeFile(join(shard, 'bad name.json'), '{}');
    expect(await store.listConversationIds()).toEqual(['c-real']);
  });
});

describe('lowdb store: damaged files', () => {
  const cases = [
    { name: 'is empty', content: '', mentions: 'not valid JSON' },
    {
      name: 'is cut off mid-document',
      content: '{"id": "c-bad", "messages": [',
      mentions: 'not valid JSON',
    },
    {
      name: 'is JSON but not a conversation',
      content: '{"hello": "world"}',
      mentions: 'not a valid conversation',
    },
    {
      name: 'has a lead field that does not exist',
      content: JSON.stringify({
        ...makeConversation({ id: 'c-bad' }),
        lead: {
          'pet.name': {
            value: 'Rex',
            source: 'rules',
            messageId: 'm1',
            at: at(1),
            evidence: 'Rex',
          },
        },
      }),
      mentions: 'pet.name',
    },
  ];

  it.each(cases)(
    'when the file $name, then reading it is an internal error naming the file',
    async ({ content, mentions }) => {
      const store = await open();
      await store.saveConversation(makeConversation({ id: 'c-good' }));
      await mkdir(dirname(fileOf('c-bad')), { recursive: true });
      await writeFile(fileOf('c-bad'), content);
      const err = await rejectionOf(store.getConversation('c-bad'));
      expect(isAppError(err) && err.code).toBe('INTERNAL');
      expect(String(err)).toContain(fileOf('c-bad'));
      expect(String(err)).toContain(mentions);
      // The rest of the store keeps working.
      expect(await store.getConversation('c-good')).not.toBeNull();
      expect(await store.listConversationIds()).toEqual(['c-bad', 'c-good']);
    },
  );

  it('when a damaged file is repaired, then the next read sees the repair', async () => {
    const store = await open();
    await mkdir(dirname(fileOf('c-fix')), { recursive: true });
    await writeFile(fileOf('c-fix'), '{');
    await rejectionOf(store.getConversation('c-fix'));
    const repaired = makeConversation({ id: 'c-fix', messages: [makeMessage(1)] });
    await writeFile(fileOf('c-fix'), JSON.stringify(repaired));
    expect(await store.getConversation('c-fix')).toEqual(repaired);
  });

  it('when a damaged conversation is saved again, then the new version replaces the damage', async () => {
    const store = await open();
    await mkdir(dirname(fileOf('c-over')), { recursive: true });
    await writeFile(fileOf('c-over'), 'not json');
    // A damaged file counts as no version: the save is based on version 0.
    const conv = await store.saveConversation(makeConversation({ id: 'c-over' }));
    await store.close();
    expect(await (await open()).getConversation('c-over')).toEqual(conv);
  });

  it('when the journal cannot be written (disk full), then the save is an internal error and the previous version stays', async () => {
    const store = await open();
    const before = await store.saveConversation(
      makeConversation({ id: 'c-full', messages: [makeMessage(1)] }),
    );
    // The next journal segment is the kernel's always-full device: every append to it fails.
    await symlink('/dev/full', join(folder, 'journal', '0000000002.ndjson'));
    await store.flush();
    const err = await rejectionOf(
      store.saveConversation({ ...before, messages: [makeMessage(1), makeMessage(2)] }),
    );
    expect(isAppError(err) && err.code).toBe('INTERNAL');
    expect(String(err)).toContain('journal');
    expect(await store.getConversation('c-full')).toEqual(before);
    // The next save moves to a fresh segment, and what it saves survives a restart.
    const after = await store.saveConversation({
      ...before,
      messages: [makeMessage(1), makeMessage(3)],
    });
    expect(await store.getConversation('c-full')).toEqual(after);
    await store.close();
    expect(await (await open()).getConversation('c-full')).toEqual(after);
  });

  it('when writing a file fails, then the error is reported, the save stays readable and the file is written on a later try', async () => {
    const errors: string[] = [];
    const store = await open({
      flushDelayMs: 5,
      logger: {
        warn: () => undefined,
        error: (message, meta) => void errors.push(`${message} ${JSON.stringify(meta)}`),
      },
    });
    const first = await store.saveConversation(
      makeConversation({ id: 'c-fail', messages: [makeMessage(1)] }),
    );
    await store.flush();
    // A directory where steno writes its temp file makes the write fail, even for root.
    const blocker = join(dirname(fileOf('c-fail')), '.c-fail.json.tmp');
    await mkdir(blocker);
    const latest = await store.saveConversation({
      ...first,
      messages: [makeMessage(1), makeMessage(2)],
    });
    await vi.waitFor(() => expect(errors.join('\n')).toContain(fileOf('c-fail')));
    expect(await store.getConversation('c-fail')).toEqual(latest);
    await rmdir(blocker);
    await vi.waitFor(async () => expect(await onDisk('c-fail')).toEqual(latest));
  });
});

describe('lowdb store: journal', () => {
  it('when a save is made, then its file is written shortly after, without a flush', async () => {
    const store = await open({ flushDelayMs: 5 });
    const conv = await store.saveConversation(
      makeConversation({ id: 'c-later', lead: makeLead() }),
    );
    await vi.waitFor(async () => expect(await onDisk('c-later')).toEqual(conv));
    await vi.waitFor(async () =>
      expect(
        await readFile(join(folder, 'journal', (await journalFiles()).at(-1) ?? ''), 'utf8'),
      ).toBe(''),
    );
  });

  it('when the journal grows past its limit, then the files are written without waiting for the delay', async () => {
    const store = await open({ flushDelayMs: 60_000, journalLimitBytes: 1 });
    const conv = await store.saveConversation(
      makeConversation({ id: 'c-big', messages: [makeMessage(1)] }),
    );
    await vi.waitFor(async () => expect(await onDisk('c-big')).toEqual(conv));
  });

  it('when the process stops before the files are written, then the next start writes them from the journal', async () => {
    // Never closed, as after a crash: only the journal holds these saves.
    const crashed = await createLowdbStore({ dataDir, flushDelayMs: 60_000 });
    const saved = [
      await crashed.saveConversation(makeConversation({ id: 'c-j1', lead: makeLead() })),
      await crashed.saveConversation(makeConversation({ id: 'c-j2', messages: [makeMessage(1)] })),
    ];
    await crashed.saveConversation({ ...saved[0]!, phase: { kind: 'ended' } });
    expect(await filesIn(folder)).toEqual([]);

    const restarted = await open();
    expect(await filesIn(folder)).toEqual(['c-j1', 'c-j2'].flatMap(storedNames).sort());
    expect((await onDisk('c-j1'))?.phase.kind).toBe('ended');
    expect(await restarted.getConversation('c-j2')).toEqual(saved[1]);
    expect(await restarted.listConversationIds()).toEqual(['c-j1', 'c-j2']);
  });

  it('when the process stops after a save with outbox events, then the next start lists them pending until they are handed over', async () => {
    const event = { id: 'evt-1', type: 'lead.qualified', occurredAt: at(1), conversationId: 'c-o' };
    // Never closed, as after a crash; the files are written, so the segment that saved the
    // event is gone: its pending note was carried into the next one.
    const crashed = await createLowdbStore({ dataDir, flushDelayMs: 60_000 });
    await crashed.saveConversation(makeConversation({ id: 'c-o', outbox: [event] }));
    await crashed.flush();

    const restarted = await createLowdbStore({ dataDir, flushDelayMs: 60_000 });
    expect(await restarted.pendingEvents()).toEqual([{ conversationId: 'c-o', events: [event] }]);
    await restarted.markHandedOver('c-o', ['evt-1']);

    const again = await open();
    expect(await again.pendingEvents()).toEqual([]);
    expect((await again.getConversation('c-o'))?.outbox).toEqual([event]);
  });

  it('when the data folder holds outbox markers of the previous version, then the saved events they name become pending and the markers go', async () => {
    const event = { id: 'evt-3', type: 'lead.qualified', occurredAt: at(1), conversationId: 'c-m' };
    const first = await open();
    await first.saveConversation(makeConversation({ id: 'c-m', outbox: [event] }));
    await first.markHandedOver('c-m', ['evt-3']);
    await first.close();
    const markers = join(dataDir, 'outbox', 'pending');
    await mkdir(markers, { recursive: true });
    // evt-3 was saved; evt-4 was marked before a save that never happened.
    await writeFile(join(markers, 'c-m.json'), JSON.stringify({ eventIds: ['evt-3', 'evt-4'] }));
    await writeFile(join(markers, 'c-never.json'), JSON.stringify({ eventIds: ['evt-5'] }));

    const upgraded = await createLowdbStore({ dataDir, flushDelayMs: 60_000 });
    expect(await upgraded.pendingEvents()).toEqual([{ conversationId: 'c-m', events: [event] }]);
    expect(await readdir(markers)).toEqual([]);
    // Noted in the journal: a crash right after the upgrade keeps them.
    expect(await (await open()).pendingEvents()).toEqual([
      { conversationId: 'c-m', events: [event] },
    ]);
  });

  it('when the store is closed with outbox events still pending, then the next start lists them', async () => {
    const event = { id: 'evt-2', type: 'lead.qualified', occurredAt: at(1), conversationId: 'c-p' };
    const first = await open();
    await first.saveConversation(makeConversation({ id: 'c-p', outbox: [event] }));
    await first.close();
    expect(await (await open()).pendingEvents()).toEqual([
      { conversationId: 'c-p', events: [event] },
    ]);
  });

  it('when another live process holds the data folder, then a second store refuses to start, and takes over once that process is gone', async () => {
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    try {
      await mkdir(join(folder, 'journal'), { recursive: true });
      await writeFile(join(folder, 'journal', 'LOCK'), String(other.pid));
      const err = await rejectionOf(createLowdbStore({ dataDir }));
      expect(isAppError(err) && err.code).toBe('INTERNAL');
      expect(String(err)).toContain(`in use by another process (pid ${other.pid})`);
    } finally {
      const exited = new Promise((resolve) => other.once('exit', resolve));
      other.kill('SIGKILL');
      await exited;
    }
    const store = await open();
    await store.saveConversation(makeConversation({ id: 'c-after-lock' }));
    expect(JSON.parse(await readFile(join(folder, 'journal', 'LOCK'), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    await store.close();
    expect(await readdir(join(folder, 'journal'))).toEqual([]);
  });

  it('when the journal ends in a line cut off by a crash, then the versions before it are kept and the cut is reported', async () => {
    const whole = makeConversation({ id: 'c-cut', messages: [makeMessage(1)] });
    const next = JSON.stringify(
      makeConversation({ id: 'c-cut', messages: [makeMessage(1), makeMessage(2)] }),
    );
    await mkdir(join(folder, 'journal'), { recursive: true });
    await writeFile(
      join(folder, 'journal', '0000000007.ndjson'),
      `${JSON.stringify(whole)}\n${next.slice(0, next.length / 2)}`,
    );
    const warnings: string[] = [];
    const store = await open({
      logger: {
        warn: (message, meta) => void warnings.push(`${message} ${JSON.stringify(meta)}`),
        error: () => undefined,
      },
    });
    expect(await store.getConversation('c-cut')).toEqual(whole);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"skipped":1');
    // The replayed segment is gone; a new one is started after it.
    expect(await journalFiles()).toEqual(['0000000008.ndjson']);
  });
});

describe('lowdb store: cache and write cost', () => {
  it('when a busy conversation is read again, then it is served from memory, not re-read from disk', async () => {
    const store = await open();
    const conv = await store.saveConversation(
      makeConversation({ id: 'c-busy', messages: [makeMessage(1)] }),
    );
    await store.flush();
    // An edit behind the store's back is invisible while the conversation is cached.
    await writeFile(fileOf('c-busy'), 'garbage');
    expect(await store.getConversation('c-busy')).toEqual(conv);
  });

  it('when more conversations are used than the cache holds, then the oldest is read from disk again', async () => {
    const store = await open({ cacheSize: 2 });
    for (const id of ['c-a', 'c-b']) await store.saveConversation(makeConversation({ id }));
    await store.flush();
    const edited = makeConversation({ id: 'c-a', phase: { kind: 'ended' } });
    await writeFile(fileOf('c-a'), JSON.stringify(edited));
    expect((await store.getConversation('c-a'))?.phase.kind).toBe('qualifying');
    // c-a was just used, so saving a third conversation evicts c-b, not c-a.
    await store.saveConversation(makeConversation({ id: 'c-c' }));
    await store.flush();
    await writeFile(
      fileOf('c-b'),
      JSON.stringify(makeConversation({ id: 'c-b', phase: { kind: 'ended' } })),
    );
    expect((await store.getConversation('c-a'))?.phase.kind).toBe('qualifying');
    expect((await store.getConversation('c-b'))?.phase.kind).toBe('ended');
  });

  it('when one conversation is saved 100 times, then no other conversation file is touched', async () => {
    const store = await open();
    const others = Array.from({ length: 50 }, (_, i) =>
      makeConversation({ id: `other-${i}`, lead: makeLead(), messages: [makeMessage(i)] }),
    );
    await Promise.all(others.map((c) => store.saveConversation(c)));
    await store.flush();
    const snapshot = async (id: string) => ({
      content: await readFile(fileOf(id), 'utf8'),
      mtime: (await stat(fileOf(id), { bigint: true })).mtimeNs,
    });
    const before = await Promise.all(others.map((c) => snapshot(c.id)));

    let busy = makeConversation({ id: 'busy' });
    for (let n = 1; n <= 100; n++) {
      busy = { ...busy, messages: [...busy.messages, makeMessage(n)], updatedAt: at(n) };
      busy = await store.saveConversation(busy);
    }
    await store.flush();

    expect(await Promise.all(others.map((c) => snapshot(c.id)))).toEqual(before);
    expect(await filesIn(folder)).toEqual(
      [...others.map((c) => c.id), 'busy'].flatMap(storedNames).sort(),
    );
    expect(await onDisk('busy')).toEqual(busy);
  });

  it('when many saves of one conversation overlap, then the file holds the last one, whole', async () => {
    const store = await open();
    const versions = Array.from({ length: 30 }, (_, i) =>
      makeConversation({
        id: 'c-race',
        version: i,
        messages: Array.from({ length: 30 - i }, (_, n) =>
          makeMessage(n, `${i}:`.padEnd(2000, 'z')),
        ),
      }),
    );
    await Promise.all(versions.map((v) => store.saveConversation(v)));
    await store.flush();
    expect(await onDisk('c-race')).toEqual({
      ...versions.at(-1),
      version: 30,
    });
  });

  it('when the store is closed with saves in flight, then it resolves only after they are on disk', async () => {
    const store = await open();
    const pending = Array.from({ length: 10 }, (_, i) =>
      store.saveConversation(
        makeConversation({ id: `c-close-${i % 3}`, version: Math.floor(i / 3), updatedAt: at(i) }),
      ),
    );
    await store.close();
    expect(await filesIn(folder)).toEqual(
      ['c-close-0', 'c-close-1', 'c-close-2'].flatMap(storedNames).sort(),
    );
    expect((await onDisk('c-close-0'))?.updatedAt).toBe(at(9));
    // Everything is in its file, so the journal is empty.
    expect(await journalFiles()).toEqual([]);
    await Promise.all(pending);
  });
});
