import type { AuthorityLevel } from '../../lead/field-paths.js';
import {
  DECISION,
  DECISION_NEGATED,
  NO_BUYING_POWER,
  RESEARCHER_EXPLICIT,
  RESEARCHER_SOFT,
  SOLO,
} from './authority-phrases.js';
import {
  DECIDE_VERB,
  INFLUENCE_FIRST_PERSON,
  INFLUENCE_THIRD_PARTY,
  THIRD_PARTY_CLAUSE,
} from './influence-phrases.js';
import { DECIDER, hasTitleWord, NOT_BUYING, SELLING_TO_US } from './lexicon.js';

// "solo immigration attorney", "solo architect": solo with a profession.
const SOLO_TITLE = /\bsolo\s+((?:[\w-]+\s+){0,2}[\w-]+)/i;
const PRONOUN_CLAUSE = new RegExp(
  String.raw`^(?:(?:but|and|so|then)\s+)*(?:he|she|they)\s+(?:\w+\s+)?${DECIDE_VERB}`,
  'i',
);
const MENTIONS_DECIDER = new RegExp(String.raw`\b${DECIDER}\b`, 'i');
const CLAUSE_BREAK =
  /[,.;:!?()\n]+|\s[-–—]\s|\b(?:and|but|so|because|since|though|although|while|whereas)\b/i;

/** True when a clause of the text says that someone else (a role noun, or he/she/they) decides. */
function thirdPartyDecides(text: string): boolean {
  if (INFLUENCE_THIRD_PARTY.test(text)) return true;
  const mentionsDecider = MENTIONS_DECIDER.test(text);
  return text
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .some((c) => THIRD_PARTY_CLAUSE.test(c) || (mentionsDecider && PRONOUN_CLAUSE.test(c)));
}

/** True when the visitor works alone ("it's just me", "sole trader", "solo immigration attorney"). */
function worksAlone(text: string): boolean {
  if (SOLO.test(text)) return true;
  const title = SOLO_TITLE.exec(text)?.[1];
  return title !== undefined && hasTitleWord(title);
}

/**
 * The authority level the visitor's own words imply, strongest cue first: not buying (a vendor
 * pitching their own services, student, job seeker, competitor, journalist's title) > "I don't
 * decide" > first-person decision ("I sign", "I'd be one of the people approving it") > working
 * alone > "I'd take it to our CEO" > someone else decides ("owner would decide", "Final approval from CEO") > "no purchasing power".
 * `trusted` is true when the message answers the authority question or states the visitor's role:
 * only then do cues about other people or about working alone speak for the visitor.
 * @example authorityCueLevel('GM here. owner would decide', true, 'decision_maker') // 'influencer'
 */
export function authorityCueLevel(
  text: string,
  trusted: boolean,
  roleLevel: AuthorityLevel | null,
): AuthorityLevel | null {
  if (roleLevel === 'researcher') return 'researcher';
  // Someone selling to us has no buying role whatever their title, in whichever message they pitch.
  if (SELLING_TO_US.test(text)) return 'researcher';
  // Without a role, "it's for my thesis" in another answer would fill the authority slot with no
  // role and the question would never be asked; so researcher cues need the authority context.
  if (
    trusted &&
    (RESEARCHER_EXPLICIT.test(text) || NOT_BUYING.test(text) || RESEARCHER_SOFT.test(text))
  )
    return 'researcher';
  if (DECISION_NEGATED.test(text)) return 'influencer';
  if (DECISION.test(text)) return 'decision_maker';
  if (trusted && worksAlone(text)) return 'decision_maker';
  if (INFLUENCE_FIRST_PERSON.test(text)) return 'influencer';
  if (trusted && thirdPartyDecides(text)) return 'influencer';
  if (trusted && NO_BUYING_POWER.test(text)) return 'researcher';
  return null;
}
