import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expandPhrase,
  phrase,
  PhraseTable,
  phraseTable,
} from '../../../../src/extract/phrases/compile-phrases.js';

const SRC = path.resolve(import.meta.dirname, '../../../../src');

/** Every `*-phrases.ts` file under src/, imported, with the phrase tables it exports. */
async function findTables(): Promise<{ file: string; table: PhraseTable }[]> {
  const files = (await readdir(SRC, { recursive: true })).filter((f) => f.endsWith('-phrases.ts'));
  const found: { file: string; table: PhraseTable }[] = [];
  for (const file of files.sort()) {
    const mod: Record<string, unknown> = await import(path.join(SRC, file));
    for (const value of Object.values(mod))
      if (value instanceof PhraseTable) found.push({ file, table: value });
  }
  return found;
}

const tables = await findTables();

describe('the phrase compiler', () => {
  it('expands named blocks, word gaps and word lists, and leaves quantifiers alone', () => {
    const re = phrase(String.raw`^{we} {dont} {gap:2}need \d{2} {any:seats|head count}`);
    expect(re.test('we do not really need 12 head  count')).toBe(true);
    expect(re.test('we need 12 seats')).toBe(false);
  });

  it('finds the tables of every kind of rule, so their examples run below', () => {
    const files = new Set(tables.map(({ file }) => path.basename(file)));
    for (const file of [
      'need-phrases.ts',
      'budget-phrases.ts',
      'timeline-phrases.ts',
      'meeting-intent-phrases.ts',
    ])
      expect(files).toContain(file);
  });

  it('refuses an unknown block with its name', () => {
    expect(() => expandPhrase('{nosuch}')).toThrow(/unknown phrase block \{nosuch\}/);
    expect(() => phraseTable('empty', [])).toThrow(/empty/);
  });
});

describe.each(tables.map(({ file, table }) => [`${file}: ${table.name}`, table] as const))(
  '%s',
  (_, table) => {
    it.each(
      table.entries.map(([pattern, example, counter]) => [example, pattern, counter] as const),
    )('reads "%s"', (example, pattern, counter) => {
      // Without g or y, so each test starts at the beginning of its text.
      const own = new RegExp(expandPhrase(pattern), table.flags.replace(/[gy]/g, ''));
      expect(own.test(example), `phrase ${pattern}`).toBe(true);
      if (counter !== undefined)
        expect(own.test(counter), `phrase ${pattern} on "${counter}"`).toBe(false);
    });
  },
);
