import type { PhraseTable } from '../phrases/compile-phrases.js';

/**
 * The phrases of a table as whole words: `\b(?:phrase|phrase|...)\b`. The word boundaries go
 * around the alternation once rather than around every phrase, which V8 runs markedly faster
 * on a long table (a third of the time on the timeline cues).
 *
 * @example wholeWords(phraseTable('soon', [['asap', 'ASAP'], ['right\\s+away', 'right away']]), 'gi')
 *   // /\b(?:(?:asap)|(?:right\s+away))\b/gi
 */
export function wholeWords(table: PhraseTable, flags = table.flags): RegExp {
  return new RegExp(String.raw`\b(?:${table.source})\b`, flags);
}
