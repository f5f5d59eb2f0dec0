import { candidate, type AuthorityLevel, type Candidate } from '../../lead/field-paths.js';
import { DECIDER, DEPARTMENTS, hasTitleWord, levelForTitle, normalizeText, REFUSAL } from './lexicon.js';
import { splitSentences } from './sentences.js';
import type { RuleContext, RuleResult } from './rule-context.js';

// "I'm (the|a) <role>", "I'm one of the two owners", "I work as a <role>".
const I_AM = /(?:^|[^\p{L}'])(?:i'm|i am|im|i work as|i'm working as|my (?:role|title|job title|job|position) is)\s+(?:(?:just|also|currently|actually|basically|now)\s+)?(?:one of (?:the |our |my )?(?:\w+ )?|(?:the|a|an)\s+)?(.+)/iu;
// "I'm on the tech committee", "I sit on the board".
const ON_A_BODY = /\b(?:i'm|i am|im|i sit|i serve|i volunteer)\s+(?:on|in)\s+(?:the|a|an|our)\s+([\w -]{1,40}?\b(?:committee|board|council|working group|panel|task force))\b/i;
// "I run revenue ops", "I head up marketing": the area is the role (authority answers only).
const I_RUN = /\bi\s+(?:run|head(?: up)?|lead|oversee)\s+(?!(?:the|a|an|our|my|this|it)\b)(.+)/i;
// "I own an online supplements store": the owner, said without the word.
const I_OWN_A_BUSINESS =
  /\bi\s+(?:own|co-own|run my own|have my own)\s+(?:a|an|the|my|this)?\s*(?:[\w-]+\s+){0,4}?(?:business|company|store|shop|agency|firm|practice|clinic|restaurant|studio|brokerage|startup|salon|bakery|cafe|franchise|consultancy)\b/i;
// Where a role phrase ends ("the Director of Admissions, and ...", "a job seeker at the moment").
const ROLE_END =
  /\s*(?:[,;:!?\n]|\.(?:\s|$)|\s[-–—]\s|\s\(|\s(?:and|but|so|who|which|that|because|since|as|looking|at|in|on|with|from|also|currently|too|i|i'm|i'd|i'll|we|we're|this|my|our|by|if|when|where|while|then|just|now|atm|right now|here|there|myself|though|anyway|lol|haha|doing|working|looking|trying|studying|writing|researching|hoping|planning|based|located|helping|handling|supporting|assisting|representing|covering)\b|\s(?:for|of)\s+(?:a|an|the|our|my|this|that|\d|two|three|several|many)\b)/i;
// "of"/"for" followed by a capitalised word names the employer ("COO of Acme"), unless the word
// is a department ("Director of Admissions", "VP of Sales").
const OF_EMPLOYER = /\s(?:for|of)\s+(\p{Lu}[\p{L}-]*)/gu;

// "it" ends a role, "IT" is a department ("IT manager", "Head of IT").
const ROLE_END_CASED = /\s(?:it|it's|its|It's)\b/;
// These titles never take a department, so their "of" always introduces the employer ("ceo of greenleaf ltd").
const EMPLOYER_OF = /\b(?:c[a-z]{1,2}o|founder|co-founder|cofounder|owner|co-owner|(?<!vice\s)president|partner|proprietor|principal|managing director|executive director|md|inhaber\w*|geschäftsführer\w*)\)?(\s+of\s)/i;

function roleEnd(phrase: string): number {
  const employer = EMPLOYER_OF.exec(phrase);
  const employerAt = employer ? employer.index + employer[0].length - (employer[1] ?? '').length : phrase.length;
  let end = Math.min(ROLE_END.exec(phrase)?.index ?? phrase.length, ROLE_END_CASED.exec(phrase)?.index ?? phrase.length, employerAt);
  for (const m of phrase.matchAll(OF_EMPLOYER)) {
    const word = (m[1] ?? '').toLowerCase();
    if (m.index < end && !(m[0].trimStart().startsWith('of') && DEPARTMENTS.has(word))) end = m.index;
  }
  return end;
}

// A role never starts like this: "I'm not sure", "I'm looking for", "I'm curious".
const NOT_A_ROLE_START =
  /^(?:not|no|looking|interested|curious|trying|wondering|sure|happy|based|from|here|in|at|with|on|afraid|sorry|fine|good|ok|okay|new|going|gonna|hoping|planning|thinking|exploring|browsing|researching|writing|doing|working|responsible|also|still|only|pretty|quite|very|really|kind|sort|in charge|the one|one|just|able|unable|about|around|reaching|contacting|asking|evaluating|comparing|after|glad|excited|keen|aware|unsure|confused|the|a|an|it|this|that|i|i'm|im|i'd|id|ive|we|my|our|me|you|they|as|like|so|well|um|yes|yeah|honestly|maybe|probably|both|either|nothing|none|depends|n\/a)\b/i;
const VERBISH = /\b(?:is|are|was|were|am|be|been|do|does|did|don't|have|has|had|not|can't|won't|would|will|should|could|need|want|decide|decides|approve|sign|make|makes|asked|get|got)\b|'(?:s|d|ll|re|ve)\b/i;

const RESEARCHER_EXPLICIT =
  /\b(?:i'm|i am|im)\s+(?:just\s+)?(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:student|intern|job seeker)\b|\bjob[- ]?hunting\b|\blooking for (?:a |an )?(?:new )?(?:job|role|position|internship)\b|\bnot (?:looking to |here to |planning to |going to )?buy(?:ing)?\b|\bfor (?:a|my|our)\s+(?:[\w-]+\s+){0,4}?(?:school project|class project|assignment|dissertation|thesis|homework|coursework|essay)\b|\b(?:my|a) (?:dissertation|thesis)\b/i;
const RESEARCHER_SOFT = /\bjust (?:curious|browsing|looking|researching)\b|\bdoing (?:some )?research\b|\bjust research\b|\bresearch (?:project|purposes)\b/i;
const DECISION_NEGATED =
  /\bi (?:don't|do not|dont|can't|cannot|can not|won't)\s+(?:\w+\s+)?(?:decide|sign|approve|make (?:the )?(?:final )?(?:call|decision))|\bnot (?:my (?:call|decision|budget)|up to me|mine to)\b|\babove my pay ?grade\b/i;
const DECISION = new RegExp(
  [
    String.raw`\bi\s+(?:alone\s+|ultimately\s+|will\s+|get to\s+|can\s+|also\s+|usually\s+)?(?:decide|sign[- ]?off|sign off|approve)\b`,
    String.raw`\bi\s+(?:make|take)\s+(?:the|all|all the)\s+(?:[\w-]+\s+){0,2}?(?:decisions?|call)\b`,
    String.raw`\bi\s+(?:own|hold|control|manage|have)\s+(?:the|this|our|that)\s+(?:\w+\s+)?budget\b`,
    String.raw`\bi\s+have\s+(?:the\s+)?(?:final say|final call|sign[- ]?off|budget authority)\b`,
    String.raw`\bi(?:'d| would|'ll| will|'m| am)\s+(?:be\s+)?the\s+(?:executive\s+|budget\s+|final\s+)?(?:sponsor|budget holder|decision[- ]?maker|approver|signatory)\b`,
    String.raw`(?<!\b(?:after|before|during|from|since|on|in|missed|book|booked)\s)\bmy (?:call|decision)\b(?!\s+(?:with|to|on|at|tomorrow|today|yesterday|earlier|about|regarding))`,
    String.raw`\b(?:out of|within|from|under|it's|its|it is|that's|thats|comes? (?:out )?of)\s+my\s+(?:own\s+)?budget\b`,
    String.raw`\bmy (?:budget(?:ary)? )?authority\b`,
    String.raw`\b(?:final (?:call|say|decision|sign-?off)|call|decision|budget|sign-?off)(?:'s|\s+is)\s+mine\b`,
    String.raw`\b(?:budget|decision|final (?:say|call|decision)|sign-?off)\s+(?:\w+\s+)?(?:sits|rests|lies|is)\s+with\s+me\b`,
    String.raw`\b(?:signed off|approved|decided|owned)\s+by\s+me\b`,
    String.raw`\bmine to (?:approve|sign|decide)\b`,
    String.raw`\bi(?:'d| would|'ll| will|'m| am)\s+(?:be\s+)?the one\s+(?:who\s+)?(?:decid|sign|approv|mak)\w*`,
    String.raw`\bi\s+[^.;!?]{0,40}?\band\s+(?:own|hold|control)\s+(?:the|this|our)\s+(?:\w+\s+)?budget\b`,
    String.raw`\b(?:it's|its|it is|that's|all)\s+up to me\b`,
    String.raw`\b(?:me and my|my)\s+(?:co-?founders?|business partners?|partners?)(?:\s+and i)?\s+(?:sign off|decide|approve|make)\b`,
  ].join('|'),
  'i',
);
const INFLUENCE_FIRST_PERSON = new RegExp(
  String.raw`\bi(?:'d| would|'ll| will|'m| am)?\s+(?:\w+\s+){0,3}?(?:take|bring|present|pass|share|recommend(?:ing)?|propose|pitch|escalate|forward|send|show|run it by|put(?:ting)?)\b[^.;!?]{0,50}?\b(?:to|with|by|past)\s+(?:our|my|the)\s+(?:[\w-]+\s+){0,2}?${DECIDER}\b|\b(?:make|put(?:ting)?|making)\s+a\s+recommendation\b|\bi(?:'d| would|'ll| will)\s+(?:\w+\s+)?recommend\b`,
  'i',
);
const INFLUENCE_THIRD_PARTY = new RegExp(
  String.raw`\b(?:the|our|my)\s+(?:[\w-]+\s+){0,3}?${DECIDER}\s+(?:\w+\s+){0,2}?(?:decides?|has (?:the )?final say|makes? (?:the )?(?:final )?(?:call|decision)s?|signs? off|approves?|holds? the budget|owns? the budget|would make|will make|controls? the budget)\b|\b(?:final (?:decision|say|call)|decision|sign-?off|budget)\s+(?:\w+\s+)?(?:rests|sits|lies|is)\s+with\s+(?:the|our|my)\b|\bfor (?:final )?approval\b|\bget (?:sign-?off|approval|buy-in) from\b`,
  'i',
);

type Role = { value: string; raw: string };

/** Trims a phrase to the role it starts with; null when it is not a plausible role. */
function cutRole(phrase: string, requireTitle: boolean): string | null {
  const end = roleEnd(phrase);
  let role = phrase.slice(0, end).trim();
  // Keep a parenthetical that is itself a title: "Geschäftsführer (managing director)".
  const paren = /^\s*\(([^)]{1,40})\)/.exec(phrase.slice(end));
  if (paren?.[1] && hasTitleWord(paren[1])) role = `${role} (${paren[1]})`;
  role = role.replace(/^(?:the|a|an|our|my)\s+/i, '').replace(/\s+(?:here|there|myself|to|of|for|and|at|with)$/i, '').replace(/[.\s]+$/, '');
  const words = role.split(/\s+/).filter(Boolean);
  // An acronym such as "IT" is a department, not the pronoun "it".
  const acronymStart = /^\p{Lu}{2,}\b/u.test(role);
  if (words.length === 0 || words.length > 7 || (!acronymStart && NOT_A_ROLE_START.test(role)) || VERBISH.test(role) || REFUSAL.test(role)) return null;
  if (requireTitle && !hasTitleWord(role)) return null;
  return role;
}

/** The role the visitor states in a message ("I'm the VP of Sales", "co-founder, ..."). */
function findRole(text: string, answering: boolean): Role | null {
  const first = splitSentences(text)[0] ?? '';
  const body = ON_A_BODY.exec(text);
  if (body?.[1] && (answering || hasTitleWord(body[1]))) return { value: body[1].trim(), raw: body[0] };
  // A bare answer ("Head of Operations. ...", "co-founder, i ...") starts with the role.
  if (answering) {
    const bare = cutRole(first.replace(/^(?:as i (?:said|mentioned)|like i said|well|so|um|hi|hello|hey)[,:]?\s+/i, ''), false);
    if (bare) return { value: bare, raw: first };
  }
  for (const sentence of splitSentences(text)) {
    for (const clause of sentence.split(/[,;]\s*/)) {
      const m = I_AM.exec(clause);
      const role = m?.[1] ? cutRole(m[1], !answering) : null;
      if (m && role) return { value: role, raw: m[0].trim() };
    }
  }
  const owner = I_OWN_A_BUSINESS.exec(text);
  if (owner) return { value: 'owner', raw: owner[0] };
  if (answering) {
    const run = I_RUN.exec(text);
    const area = run?.[1] ? cutRole(run[1], false) : null;
    if (run && area) return { value: area, raw: run[0] };
  }
  // "co-founder of a 5 person startup here", "Ana Lima, Geschäftsführer (managing director) of ...":
  // a clause that opens with a title and goes on with "of/at/for/here".
  for (const clause of text.split(/[,.;!?]\s+|^(?:hi|hey|hello)[,!]?\s+/i)) {
    const trimmed = clause.trim();
    const role = cutRole(trimmed, true);
    if (!role || !hasTitleWord(role.split(/\s+/).slice(0, 2).join(' '))) continue;
    const after = trimmed.slice(roleEnd(trimmed)).replace(/^\s*\([^)]*\)/, '');
    if (/^\s+(?:of|at|for|here)\b/i.test(after)) return { value: role, raw: trimmed };
  }
  return null;
}

/** The level the visitor's own words imply, strongest cue first. */
function cueLevel(text: string, trustThirdParty: boolean, roleLevel: AuthorityLevel | null): AuthorityLevel | null {
  if (roleLevel === 'researcher') return 'researcher';
  // Without a role, "it's for my thesis" in another answer would fill the authority slot with no
  // role and the question would never be asked; so researcher cues need the authority context.
  if (trustThirdParty && (RESEARCHER_EXPLICIT.test(text) || RESEARCHER_SOFT.test(text))) return 'researcher';
  if (DECISION_NEGATED.test(text)) return 'influencer';
  if (DECISION.test(text)) return 'decision_maker';
  if (INFLUENCE_FIRST_PERSON.test(text)) return 'influencer';
  if (trustThirdParty && INFLUENCE_THIRD_PARTY.test(text)) return 'influencer';
  return null;
}

/**
 * `authority.role` (as the visitor said it) and `authority.level`. Researcher cues (student,
 * job seeker, "just curious") beat first-person decision cues ("I sign off", "the budget's
 * mine"), which beat influence cues ("I'd take it to our CEO"); without cues the title decides.
 * Outside the authority question a role needs a title word and a level needs a role or an
 * explicit first-person statement.
 * @example authorityRule("I'm a product manager, I'd bring it to my VP", ctx) // role + influencer
 */
export function authorityRule(input: string, ctx: RuleContext): RuleResult {
  const text = normalizeText(input);
  const answering = ctx.expecting === 'authority';
  const role = findRole(text, answering);
  const titleLevel = role ? levelForTitle(role.value) : null;
  const cue = cueLevel(text, answering || role !== null, titleLevel);
  const level = cue ?? titleLevel;
  const candidates: (Candidate | null)[] = [];
  if (role) candidates.push(candidate('authority.role', role.value, role.raw));
  if (level) candidates.push(candidate('authority.level', level, role?.raw ?? text));
  return { candidates: candidates.filter((c): c is Candidate => c !== null) };
}
