/*
 * Sentence splitting for chat messages. Intl.Segmenter's sentence mode splits inside
 * "approx. 1,900 staff" and after "p.a." mid-sentence, and knows nothing of chat habits
 * (one fact per line, ";" between facts), so this small splitter is hand-written.
 */

/** Abbreviations whose trailing dot ends a sentence only when a capitalised word follows. */
const ABBREVIATIONS = new Set([
  'approx',
  'appx',
  'ca',
  'circa',
  'est',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'etc',
  'vs',
  'incl',
  'excl',
  'p.a',
  'pa',
  'rs',
  'no',
  'nos',
  'min',
  'max',
  'inc',
  'ltd',
  'co',
  'corp',
  'llc',
  'gmbh',
  'dept',
  'mo',
  'yr',
  'yrs',
  'wk',
  'wks',
  'a.m',
  'p.m',
  'u.s',
  'u.k',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** Titles: a dot after these never ends a sentence ("Dr. Okafor"). */
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt']);

/** Sentence-ending punctuation followed by a space, or a line break, or a semicolon. */
const BOUNDARY = /([.!?…]+)(["')\]]*)\s+|\s*[\r\n]+\s*|;\s*/g;

/**
 * Splits a message into sentences, in order, each a trimmed substring of the text.
 * Breaks at `.`, `!`, `?` followed by a space, at line breaks and at `;`; never inside
 * numbers ("1,200.50", "€3.000") or after abbreviations such as "approx." or "e.g.".
 *
 * @example splitSentences('About $10k a year. We launch in Q2!') // ['About $10k a year.', 'We launch in Q2!']
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (match[1] === '.' && !endsSentence(text, match.index, end)) continue;
    pushTrimmed(sentences, text.slice(start, end));
    start = end;
  }
  pushTrimmed(sentences, text.slice(start));
  return sentences;
}

/** Whether the single dot at `dot` ends a sentence, given the word before and the text after. */
function endsSentence(text: string, dot: number, after: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(0, dot))?.[1]?.toLowerCase() ?? '';
  if (TITLES.has(word)) return false;
  if (!ABBREVIATIONS.has(word) && !/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  // After an abbreviation, a lower-case word or a number continues the sentence ("approx. 1,900").
  return /^\p{Lu}/u.test(text.slice(after));
}

function pushTrimmed(into: string[], piece: string): void {
  const trimmed = piece.trim();
  if (trimmed) into.push(trimmed);
}
