import type { Knowledge } from './load-knowledge.js';

// Words that carry no topic: question scaffolding, pronouns, auxiliaries, fillers.
const STOPWORDS = new Set(
  `a an the and or but if of to in on at by for with from about as into than then so too very
  i me my we us our ours you your yours it its they them their he she his her this that these those
  is am are was were be been being do does did doing done have has had having can could will would
  shall should may might must what which who whom whose when where why how there here any some
  all each many more most other such no not only own same just also please hi hello hey thanks
  thank yes ok okay quick question wondering know tell let get got want wanted like need really
  isnt dont doesnt cant im ive id whats hows theres youre well sure one offer offers provide
  work works use using available possible able exist`.split(/\s+/),
);

/**
 * Matches below MIN_SCORE x ln(1 + entries) are too weak to answer with confidence. That is
 * just above the weight of the rarest word found only in answer text, so a lone incidental
 * word never picks an answer; one specific heading word or two answer words are enough.
 */
const MIN_SCORE = 1.1;

/**
 * The FAQ answer whose heading and text share the most specific words with the question, or
 * null when nothing matches well. Words in the heading (or its `Keywords:` line) count double;
 * rare words count more than words found in many entries (inverse document frequency).
 * Deterministic: ties go to the entry that comes first in the file.
 * @example findAnswer(loadKnowledge('prompts'), 'Do you integrate with Salesforce?') // 'Beacon connects to ...'
 */
export function findAnswer(knowledge: Knowledge, question: string): string | null {
  const query = new Set(tokenize(question));
  if (query.size === 0 || knowledge.entries.length === 0) return null;
  const docs = knowledge.entries.map((e) => ({
    heading: new Set(tokenize(`${e.question} ${e.keywords.join(' ')}`)),
    body: new Set(tokenize(e.answer)),
  }));
  const n = docs.length;
  const idf = (t: string): number => {
    const df = docs.filter((d) => d.heading.has(t) || d.body.has(t)).length;
    return df === 0 ? 0 : Math.log(1 + n / df);
  };
  let best = -1;
  let bestScore = 0;
  docs.forEach((doc, i) => {
    let score = 0;
    for (const t of query) {
      if (doc.heading.has(t)) score += 2 * idf(t);
      else if (doc.body.has(t)) score += idf(t);
    }
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return bestScore >= MIN_SCORE * Math.log(1 + n)
    ? (knowledge.entries[best]?.answer ?? null)
    : null;
}

/**
 * A question's content words, stemmed, sorted and without repeats: the same question asked
 * again in other filler words ("Do you support SSO?", "so... do you support SSO??") has the
 * same key. A question of filler words only keys on its lower-cased text.
 *
 * @example questionKey('Do you integrate with Salesforce?') === questionKey('do you integrate with salesforce') // true
 */
export function questionKey(question: string): string {
  const words = [...new Set(tokenize(question))].sort();
  return words.length > 0 ? words.join(' ') : question.trim().toLowerCase();
}

/** Lower-cased content words, reduced to a common stem ("integrations" ~ "integrate"). */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019']/g, '')
      // "non-profit", "e-mail", "sign-up": one word whether written with a hyphen or not.
      .replace(/([a-z])-([a-z])/g, '$1$2')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 && !STOPWORDS.has(w))
      .map(stem)
  );
}

/**
 * A deliberately light suffix stripper. No stemming library is installed, and a small FAQ
 * only needs plural/-ing/-ed/-ation forms of the same word to meet (a full Porter stemmer
 * would add a dependency for no visible gain here).
 */
function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ation')) w = `${w.slice(0, -5)}ate`;
  else if (w.length > 5 && w.endsWith('ion')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
