import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLiveTemplates } from '../../../src/prompts/versions/live-templates.js';
import { createLowdbTemplateVersions } from '../../../src/prompts/versions/lowdb-template-versions.js';
import { createMemoryTemplateVersions } from '../../../src/prompts/versions/memory-template-versions.js';
import { createTemplateHistory } from '../../../src/prompts/versions/template-history.js';
import type { TemplateVersionStore } from '../../../src/prompts/versions/template-version-store.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';

const MIA = { email: 'mia@beacon.example', name: 'Mia' };
const AT = new Date('2026-03-02T10:00:00.000Z');
const FILE_TEXT = readFileSync(path.join(PROMPTS_DIR, 'ask-need.hbs'), 'utf8');
const V2 = 'What are you hoping to get done with {{company}}?';
const V3 = 'In a sentence, what would you like {{company}} to help with?';

const ADAPTERS: [string, () => Promise<TemplateVersionStore>][] = [
  ['memory', async () => createMemoryTemplateVersions()],
  ['lowdb', async () => createLowdbTemplateVersions({ dataDir: tempDirForTest().dir })],
];

const historyOver = (store: TemplateVersionStore) =>
  createTemplateHistory({ store, promptsDir: PROMPTS_DIR, clock: () => AT });

describe.each(ADAPTERS)('template versions in the %s store', (_name, open) => {
  it('numbers publishes 2, 3, ... per template, after version 1 (the file), and keeps who, when and why', async () => {
    const history = historyOver(await open());
    expect(await history.versions('ask-need')).toEqual([
      expect.objectContaining({ version: 1, source: FILE_TEXT, author: null }),
    ]);
    await history.publish('ask-need', V2, MIA, 'friendlier');
    await history.publish('ask-budget', 'Any budget in mind?', MIA, '');
    await history.publish('ask-need', V3, MIA, 'shorter');
    const versions = await history.versions('ask-need');
    expect(versions.map((v) => [v.version, v.note])).toEqual([
      [1, 'the file ask-need.hbs'],
      [2, 'friendlier'],
      [3, 'shorter'],
    ]);
    expect(versions[2]).toMatchObject({
      template: 'ask-need',
      source: V3,
      author: MIA.email,
      authorName: 'Mia',
      publishedAt: AT.toISOString(),
    });
    expect((await history.get('ask-budget', 2)).source).toBe('Any budget in mind?');
    expect(await history.overview()).toEqual(
      expect.arrayContaining([
        { name: 'ask-need', live: 3, author: MIA.email, publishedAt: AT.toISOString() },
        { name: 'ask-budget', live: 2, author: MIA.email, publishedAt: AT.toISOString() },
        { name: 'greeting', live: 1, author: null, publishedAt: null },
      ]),
    );
  });

  it('never changes a stored version: what a caller does to a returned copy stays out', async () => {
    const store = await open();
    const history = historyOver(store);
    const published = await history.publish('ask-need', V2, MIA, 'v2');
    published.source = 'tampered';
    (await store.list('ask-need'))[0]!.note = 'tampered';
    expect(await store.get('ask-need', 2)).toMatchObject({ source: V2, note: 'v2' });
  });

  it('gives two publishes at once consecutive numbers', async () => {
    const history = historyOver(await open());
    const both = await Promise.all([
      history.publish('ask-need', V2, MIA, 'a'),
      history.publish('ask-need', V3, MIA, 'b'),
    ]);
    expect(both.map((v) => v.version).sort()).toEqual([2, 3]);
  });

  it('rolls back by publishing the earlier text again as the next version', async () => {
    const history = historyOver(await open());
    await history.publish('ask-need', V2, MIA, '');
    await history.publish('ask-need', V3, MIA, '');
    const back = await history.rollback('ask-need', 2, MIA);
    expect(back).toMatchObject({
      version: 4,
      source: V2,
      restoredFrom: 2,
      note: 'rollback to version 2',
    });
    const toFile = await history.rollback('ask-need', 1, MIA, 'back to the shipped text');
    expect(toFile).toMatchObject({ version: 5, source: FILE_TEXT, restoredFrom: 1 });
    await expect(history.rollback('ask-need', 5, MIA)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(history.rollback('ask-need', 9, MIA)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a broken draft with the problems the prompt checks find, and stores nothing', async () => {
    const store = await open();
    const history = historyOver(store);
    const stamp = await store.stamp();
    await expect(
      history.publish('ask-need', 'Hi {{budgt}}\n{{#if retry}}again', MIA, ''),
    ).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      problems: [expect.objectContaining({ message: expect.stringContaining('not closed') })],
    });
    await expect(history.publish('ask-need', 'Hi {{budgt}}', MIA, '')).rejects.toMatchObject({
      problems: [expect.objectContaining({ line: 1, message: 'unknown variable "budgt"' })],
    });
    expect(await store.list('ask-need')).toEqual([]);
    expect(await store.stamp()).toBe(stamp);
  });

  it('moves its stamp on every publish, so readers know to reload', async () => {
    const store = await open();
    const before = await store.stamp();
    await historyOver(store).publish('ask-need', V2, MIA, '');
    expect(await store.stamp()).not.toBe(before);
  });

  it('diffs any two versions line by line', async () => {
    const history = historyOver(await open());
    await history.publish('ask-need', 'Hello\nWhat brings you here?\nBye', MIA, '');
    await history.publish('ask-need', 'Hello\nWhat are you looking for?\nBye', MIA, '');
    expect(await history.diff('ask-need', 2, 3)).toEqual({
      template: 'ask-need',
      from: 2,
      to: 3,
      added: 1,
      removed: 1,
      lines: [
        { op: 'same', text: 'Hello' },
        { op: 'removed', text: 'What brings you here?' },
        { op: 'added', text: 'What are you looking for?' },
        { op: 'same', text: 'Bye' },
      ],
    });
    await expect(history.diff('ask-need', 1, 7)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the lowdb template versions file shared by two processes', () => {
  it('shows a publish by one to the live versions of the other at its next poll', async () => {
    const { dir } = tempDirForTest();
    const writer = createTemplateHistory({
      store: await createLowdbTemplateVersions({ dataDir: dir }),
      promptsDir: PROMPTS_DIR,
    });
    const reader = await createLiveTemplates(await createLowdbTemplateVersions({ dataDir: dir }), {
      pollMs: 100,
    });
    try {
      expect(reader.current('ask-need')).toBeNull();
      const started = Date.now();
      await writer.publish('ask-need', V2, MIA, '');
      await vi.waitFor(() => expect(reader.current('ask-need')?.version).toBe(2), {
        timeout: 5_000,
        interval: 10,
      });
      // A figure for the report, not an assertion: poll interval plus one read of the file.
      console.info(`another reader saw the publish after ${Date.now() - started} ms (poll 100 ms)`);
    } finally {
      reader.stop();
    }
  });
});
