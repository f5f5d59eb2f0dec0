import { BLOCKS } from './blocks.js';

/**
 * The phrase language: the words the rules recognise kept as data, one phrase per line with a
 * message it must match beside it, compiled into one regular expression per table.
 *
 * A phrase is regular-expression source (write it with `String.raw`) in which braces name a
 * building block instead of spelling it out again:
 * - `{dont}`, `{we}`, `{people}`, `{num}` ...: the blocks in `blocks.ts`;
 * - `{gap:N}` / `{gap:M,N}`: up to N (or M to N) words, lazily ("need {gap:2} tool" matches
 *   "need a better tool");
 * - `{any:a|b c|d}`: one of the listed words, spaces matching any run of white space.
 * A brace that starts with a digit is the usual quantifier (`\d{1,3}`). Nothing else is added:
 * word boundaries and anchors are written in the phrase, so a phrase reads exactly as it runs.
 *
 * Why hand-written: the phrases are regular expressions already and must stay byte-for-byte what
 * they were (labelled sets measure every change); a tokenizer library (compromise, wink-nlp)
 * would change what matches and cost a model load at start for no gain in what is read.
 *
 * @example
 *   const NO_NEED = phraseTable('no need', [
 *     [String.raw`\b{dont} need (?:anything|it)\b`, "we don't need anything"],
 *     [String.raw`\bno need\b`, 'no need, thanks'],
 *   ]);
 *   NO_NEED.pattern.test('I do not need it'); // true
 */

/** One phrase: its pattern in the phrase language, a text it must match, and optionally one it must not. */
export type PhraseEntry = readonly [pattern: string, example: string, counterExample?: string];

const PLACEHOLDER = /\{([a-z][a-z]*)(?::([^}]*))?\}/g;
const MAX_DEPTH = 4;

/**
 * Expands the blocks of one phrase into plain regular-expression source.
 *
 * @example expandPhrase(String.raw`{we} {dont} {gap:1} need`)
 *   // "(?:i|we) (?:don't|do not|dont) (?:[\w'’-]+\s+){0,1}?need"
 */
export function expandPhrase(source: string, depth = 0): string {
  if (depth > MAX_DEPTH) throw new Error(`phrase blocks nest too deep: ${source}`);
  return source.replace(PLACEHOLDER, (_, name: string, arg: string | undefined) => {
    if (name === 'gap') return gap(arg ?? '1');
    if (name === 'any') return anyOf(arg ?? '');
    if (arg !== undefined || !(name in BLOCKS))
      throw new Error(`unknown phrase block {${name}${arg === undefined ? '' : `:${arg}`}}`);
    return expandPhrase(BLOCKS[name as keyof typeof BLOCKS], depth + 1);
  });
}

function gap(arg: string): string {
  const m = /^(\d+)(?:,(\d+))?$/.exec(arg.trim());
  if (!m) throw new Error(`{gap:${arg}} needs a count or a range such as {gap:2} or {gap:1,3}`);
  const [min, max] = m[2] === undefined ? ['0', m[1]] : [m[1], m[2]];
  return String.raw`(?:[\w'’-]+\s+){${min},${max}}?`;
}

function anyOf(arg: string): string {
  const words = arg
    .split('|')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  if (words.length === 0) throw new Error('{any:...} needs at least one word');
  // Longest first, so "head of" is tried before "head".
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/\s+/g, String.raw`\s+`));
  return `(?:${alternatives.join('|')})`;
}

/**
 * A named table of phrases compiled into one pattern (the alternation of every phrase). Tables
 * live in files named `*-phrases.ts`; a test runs every example and counter-example of every
 * table it finds there, so an example is a test.
 */
export class PhraseTable {
  readonly pattern: RegExp;
  /** The same alternation without flags, for building larger patterns (`${TABLE.source}`). */
  readonly source: string;

  constructor(
    readonly name: string,
    readonly entries: readonly PhraseEntry[],
    readonly flags: string = 'i',
  ) {
    if (entries.length === 0) throw new Error(`phrase table "${name}" is empty`);
    this.source = entries.map(([p]) => `(?:${expandPhrase(p)})`).join('|');
    this.pattern = new RegExp(this.source, flags);
  }

  /** Whether any phrase of the table matches the text. */
  test(text: string): boolean {
    this.pattern.lastIndex = 0;
    return this.pattern.test(text);
  }

  /** The first match in the text, as `RegExp.exec` gives it. */
  exec(text: string): RegExpExecArray | null {
    this.pattern.lastIndex = 0;
    return this.pattern.exec(text);
  }
}

/** Builds a {@link PhraseTable}; flags default to case-insensitive. */
export function phraseTable(
  name: string,
  entries: readonly PhraseEntry[],
  flags = 'i',
): PhraseTable {
  return new PhraseTable(name, entries, flags);
}

/**
 * Compiles one phrase (with its blocks) on its own, for patterns that are a single phrase.
 *
 * @example phrase(String.raw`^\W*{dont}\b`).test("don't") // true
 */
export function phrase(source: string, flags = 'i'): RegExp {
  return new RegExp(expandPhrase(source), flags);
}
