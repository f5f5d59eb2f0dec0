import { WANTS_HUMAN } from './intent-phrases.js';
import { PERSON_REQUEST_FILLER } from './person-request-phrases.js';
import { splitSentences } from './sentences.js';

/** Where a sentence splits into clauses: punctuation inside it, a dash, "and", "but", "so". */
const CLAUSE_BREAK = /\s*[,;:\u2013\u2014]\s+|\s+-\s+|\s+(?:and|but|so|because|as)\s+/i;
const END = /[\s,;:.!?-]+$/;

/**
 * The message without its requests for a person: a request is a request, never a fact about the
 * lead ("I'd like to speak to a real person now" is not the need). Each clause that asks for a
 * person is cut, and so is a sentence left with fillers only ("ok, please"); what else the
 * visitor said stays ("our SDRs drown in leads, can I talk to someone?" keeps "our SDRs drown
 * in leads"). A message with no request comes back unchanged.
 *
 * @example withoutPersonRequests('our SDRs drown in leads, can I talk to someone?') // 'our SDRs drown in leads'
 * @example withoutPersonRequests("I'd like to speak to a real person now") // ''
 */
export function withoutPersonRequests(text: string): string {
  if (!WANTS_HUMAN.test(text)) return text;
  const kept: string[] = [];
  for (const sentence of splitSentences(text)) {
    if (!WANTS_HUMAN.test(sentence)) {
      kept.push(sentence);
      continue;
    }
    const rest = sentence
      .split(CLAUSE_BREAK)
      .filter((clause) => !WANTS_HUMAN.test(clause))
      .join(', ')
      .replace(END, '');
    if (!PERSON_REQUEST_FILLER.test(rest)) kept.push(rest);
  }
  return kept.join(' ');
}

/** True when the message asks for a person and says nothing else ("can I talk to a human?"). */
export function isOnlyPersonRequest(text: string): boolean {
  return WANTS_HUMAN.test(text) && withoutPersonRequests(text) === '';
}
