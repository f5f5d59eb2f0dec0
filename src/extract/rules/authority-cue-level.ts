import type { AuthorityLevel } from '../../lead/field-paths.js';
import { DECIDER, hasTitleWord, NOT_BUYING, SELLING_TO_US } from './lexicon.js';

const RESEARCHER_EXPLICIT =
  /\b(?:i\s+)?work(?:ing)?\s+(?:on|at|for)\s+(?:a|an)\s+(?:similar|competing|rival)\s+(?:[\w-]+\s+)?(?:product|company|tool|platform|startup|vendor)\b|\bat\s+(?:another|a\s+competing|a\s+rival)\s+(?:[\w-]+\s+){0,2}?(?:company|vendor|startup|firm|provider)\b|\b(?:i'm|i am|im)\s+(?:just\s+)?(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:student|intern|job seeker)\b|\b(?:i'm|i am|im|we're|we are)\s+(?:a|an|your|one of your)\s+(?:direct\s+)?competitors?\b|\bi work (?:for|at|with) (?:a|an|one of your)\s+(?:direct\s+)?competitors?\b|^\W*(?:a\s+)?competitor\b/i;
const RESEARCHER_SOFT =
  /\bjust (?:curious|browsing|looking|researching)\b|\bdoing (?:some )?research\b|\bjust research\b|\bresearch (?:project|purposes)\b|\bjust (?:poking|nosing|snooping|having a (?:look|poke|nose)|looking) around\b/i;
// "no purchasing power": no buying role at all, unless they also say whom they would take it to.
const NO_BUYING_POWER =
  /\b(?:no|zero|without|(?:don't|do not|dont) have (?:any|much)|not much|little)\s+(?:real\s+)?(?:purchasing|buying|spending|budget(?:ary)?|signing|decision(?:[- ]making)?)\s+(?:power|authority|rights)\b/i;
const DECISION_NEGATED =
  /\bi (?:don't|do not|dont|can't|cannot|can not|won't)\s+(?:\w+\s+)?(?:decide|sign|approve|make (?:the )?(?:final )?(?:call|decision))|\bnot (?:my (?:call|decision|budget)|up to me|mine to)\b|\babove my pay ?grade\b/i;
const DECISION = new RegExp(
  [
    String.raw`\bi(?:'d|'ll)?\s+(?:alone\s+|ultimately\s+|will\s+|would\s+|get to\s+|can\s+|also\s+|usually\s+|do\s+|then\s+)?(?:decide|sign[- ]?off|sign off|approve|sign(?![- ]?(?:up|in|into|on|out)\b))\b`,
    String.raw`\bi\s+(?:make|take)\s+(?:the|all|all the)\s+(?:[\w-]+\s+){0,2}?(?:decisions?|call)\b`,
    String.raw`\bi\s+(?:own|hold|control|manage|have)\s+(?:the|this|our|that)\s+(?:[\w'’-]+\s+){0,2}budget\b`,
    String.raw`\bi\s+(?:have|hold|got)\s+(?:the\s+)?(?:approval|sign-?off|signing)\s+(?:authority\s+|rights\s+|power\s+)?(?:for|on|over)\b`,
    String.raw`\bi\s+(?:hold|control)\s+the\s+purse(?:[- ]strings)?\b`,
    String.raw`\bi\s+(?:give|grant)\s+(?:the\s+)?(?:final\s+)?(?:approval|sign-?off|go-ahead|green light)\b`,
    String.raw`\bi\s+have\s+(?:the\s+)?(?:final say|final call|sign[- ]?off|budget authority)\b`,
    String.raw`\bi(?:'d| would|'ll| will|'m| am)\s+(?:be\s+)?the\s+(?:executive\s+|budget\s+|final\s+)?(?:sponsor|budget holder|decision[- ]?maker|approver|signatory)\b`,
    // "I'd be one of the people approving it", "I'm one of the approvers".
    String.raw`\bi(?:'d| would|'ll| will|'m| am)\s+(?:be\s+|also\s+)*one of the\s+(?:\w+\s+)?(?:approvers|decision[- ]?makers|deciders|signatories|signers|budget holders|(?:people|persons|ones|folks)\s+(?:who(?:'d|'ll| would| will)?\s+)?(?:(?:voting|needed|required|involved|asked|responsible)\s+(?:to|in|for)\s+)?(?:approv|decid|sign)\w*)\b`,
    String.raw`(?<!\b(?:after|before|during|from|since|on|in|missed|book|booked)\s)\bmy (?:call|decision)\b(?!\s+(?:with|to|on|at|tomorrow|today|yesterday|earlier|about|regarding))`,
    String.raw`\b(?:out of|within|from|under|it's|its|it is|that's|thats|comes? (?:out )?of)\s+my\s+(?:own\s+)?budget\b`,
    String.raw`\bmy (?:budget(?:ary)? )?authority\b`,
    String.raw`\b(?:final (?:call|say|decision|sign-?off|approval)|call|decision|budget|sign-?off|approval)(?:'s|\s+is)\s+mine\b`,
    String.raw`\b(?:budget|decision|final (?:say|call|decision|approval)|sign-?off|approval)\s+(?:\w+\s+)?(?:sits|rests|lies|is)\s+with\s+me\b`,
    String.raw`\b(?:signed off|approved|decided|owned)\s+by\s+me\b`,
    String.raw`\bmine to (?:approve|sign|decide)\b`,
    String.raw`\bi(?:'d| would|'ll| will|'m| am)\s+(?:be\s+)?the one\s+(?:who\s+)?(?:decid|sign|approv|mak)\w*`,
    String.raw`\bi\s+[^.;!?]{0,40}?\band\s+(?:own|hold|control)\s+(?:the|this|our)\s+(?:\w+\s+)?budget\b`,
    String.raw`\b(?:it's|its|it is|that's|all)\s+up to me\b`,
    String.raw`\b(?:me and my|my)\s+(?:co-?founders?|business partners?|partners?)(?:\s+and i)?\s+(?:sign off|decide|approve|make)\b`,
    // Deciding jointly: "the managing partner and I decide", "together with our GM I decide",
    // "the CEO and I decide together", "we both sign off".
    String.raw`\b(?:[\w-]+\s+){1,4}?and\s+i\s+(?:(?:both|jointly|together|usually|always|will|would|then|also)\s+)?(?:decide|sign(?:[- ]?off)?|approve|make\s+(?:the|all|all the|these|those)\s+(?:[\w-]+\s+)?(?:decisions?|calls?)|own\s+the\s+budget|hold\s+the\s+budget)\b`,
    String.raw`\btogether\s+with\s+(?:[\w-]+\s+){1,4}?i\s+(?:\w+\s+)?(?:decide|sign|approve)\b`,
    String.raw`\bwe\s+(?:both|jointly|together)\s+(?:decide|sign(?:[- ]?off)?|approve|make\s+(?:the|all)\s+(?:\w+\s+)?decisions?)\b|\bwe\s+are\s+both\s+responsible\b`,
  ].join('|'),
  'i',
);
// Working alone: whoever runs a one-person business decides ("it's just me", "sole trader").
const SOLO = new RegExp(
  [
    String.raw`\b(?:it's|its|it is|there's|theres)\s+(?:just|only)\s+(?:me|myself)\b(?!\s+(?:asking|looking|browsing|curious|checking|researching|here|for now))`,
    String.raw`^\W*(?:just|only)\s+me\b(?!\s+(?:asking|looking|browsing|curious|checking|researching|here|and (?:my|our)))`,
    String.raw`\bsole\s+(?:trader|proprietor\w*|owner|practitioner|director|founder|operator|decision[- ]?maker)\b`,
    String.raw`\bone[- ](?:man|woman|person)[- ](?:band|business|shop|show|operation|team|company|firm|practice|agency|outfit)\b`,
    String.raw`\bi\s+(?:run|do|manage|handle)\s+(?:it|everything|the (?:business|company|shop|practice|firm|agency))\s+(?:all\s+)?(?:alone|solo|by myself|on my own|single-?handedly)\b`,
    String.raw`\bi work (?:alone|solo|for myself|on my own)\b|\bself-?employed\b|\bmy own boss\b`,
    String.raw`\bsolo\s+(?:[\w-]+\s+){0,2}?(?:practice|practitioner|founder|operator|business|shop|firm|agency|consultancy|entrepreneur|owner)\b`,
  ].join('|'),
  'i',
);
// "solo immigration attorney", "solo architect": solo with a profession.
const SOLO_TITLE = /\bsolo\s+((?:[\w-]+\s+){0,2}[\w-]+)/i;
const INFLUENCE_FIRST_PERSON = new RegExp(
  String.raw`\bi(?:'d| would|'ll| will|'m| am)?\s+(?:\w+\s+){0,3}?(?:take|bring|present|pass|share|recommend(?:ing)?|propose|pitch|escalate|forward|send|show|run it by|put(?:ting)?)\b[^.;!?]{0,50}?\b(?:to|with|by|past)\s+(?:our|my|the)\s+(?:[\w-]+\s+){0,2}?${DECIDER}\b|\b(?:make|put(?:ting)?|making)\s+(?:a|the|my)\s+recommendation\b|\b(?:come|get|report)\s+back\s+(?:to\s+\w+\s+)?with\s+(?:a|my)\s+recommendation\b|^\W*i\s+(?:only\s+|just\s+)?(?:advise|consult)\b|\bi\s+(?:only\s+|just\s+)?advise\b|^\W*(?:i\s+)?(?:(?:evaluate|research|assess|test)\s+(?:and|&)\s+)?recommend\b|\bi\s+(?:only\s+|just\s+|can\s+only\s+|(?:evaluate|research|assess|test)\s+(?:and|&)\s+)?recommend\b(?!\s+(?:you|that\s+you))|\bi(?:'d| would|'ll| will)?\s+(?:\w+\s+){0,2}?(?:present|propose|pitch|recommend|bring|take)\b[^.;!?]{0,40}?\b(?:to|with)\s+(?:them|him|her)\b|\b(?:put(?:ting)? together|writ(?:e|ing)|build(?:ing)?|mak(?:e|ing)|prepar(?:e|ing))\s+(?:the|a)\s+(?:business\s+)?case\b|\bi(?:'d| would|'ll| will)\s+(?:\w+\s+)?recommend\b|\b(?:get|bring|have)\s+(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?${DECIDER}\s+on ?board\b|\bi(?:'d| would|'ll| will)?\s+(?:\w+\s+){0,2}?(?:check|clear it|discuss it|talk|speak|consult|ask|loop in|convince)\s+(?:with\s+|to\s+)?(?:our|my|the)\s+(?:[\w-]+\s+){0,2}?${DECIDER}\b`,
  'i',
);
const DECIDE_VERB = String.raw`(?:(?:would|will|must|should|has to|have to|needs? to|gets? to|'d|'ll|can|does|do|usually|normally|ultimately|always|typically|then|alone|also|still|generally|actually|eventually)\s+){0,2}(?:decides?|decided|approves?|approved|okays?|signs?(?![- ]?(?:up|in|into)\b)|signed|makes?\s+(?:the|all|all the|those)\s+(?:final\s+|big\s+|purchasing\s+|buying\s+)?(?:calls?|decisions?)|ha(?:s|ve)\s+(?:the\s+)?(?:final|last)\s+(?:say|word|call)|holds?\s+(?:the\s+)?(?:budget|purse(?:[- ]strings)?)|owns?\s+the\s+budget|controls?\s+(?:the\s+)?(?:budget|purse(?:[- ]strings)?)|gives?\s+(?:the\s+)?(?:final\s+)?(?:approval|sign-?off|go-ahead|green light)|calls the shots|pulls the trigger|(?:is|are) the (?:decision[- ]?makers?|approvers?|budget holders?))\b`;
// A clause whose subject is someone else who decides: "owner would decide", "the head of school
// signs contracts", "our partners hold the purse strings". The words before the decider may not be
// the visitor ("as the owner I decide", "I'm the director and sign off" are first person).
// "our VP Marketing signs", "the Head of Finance approves": a decider named with their area.
const DEPARTMENT_WORD = String.raw`(?:sales|marketing|finance|operations|ops|it|hr|people|product|engineering|revenue|growth|admissions|procurement|purchasing|technology|digital|customer\s+success|support|legal|commercial|business\s+development)`;
const THIRD_PARTY_CLAUSE = new RegExp(
  String.raw`^(?:(?:but|and|so|then|ultimately|though|however|well|although|yet|otherwise)\s+)*(?:(?:the|our|my|their|his|her)\s+)?(?:(?!(?:i|i'm|im|am|as|me|we|is|was|are|be)\b)[\w'’-]+\s+){0,3}?${DECIDER}(?:'s)?(?:\s+(?:of|for)\s+(?:[\w-]+\s+)?[\w-]+?|\s+${DEPARTMENT_WORD}){0,2}(?:\s+(?:team|here|there|too|then|usually|ultimately|always|normally|generally|typically|actually|probably|still))*\s+${DECIDE_VERB}`,
  'i',
);
const PRONOUN_CLAUSE = new RegExp(
  String.raw`^(?:(?:but|and|so|then)\s+)*(?:he|she|they)\s+(?:\w+\s+)?${DECIDE_VERB}`,
  'i',
);
const MENTIONS_DECIDER = new RegExp(String.raw`\b${DECIDER}\b`, 'i');
const CLAUSE_BREAK =
  /[,.;:!?()\n]+|\s[-–—]\s|\b(?:and|but|so|because|since|though|although|while|whereas)\b/i;
const INFLUENCE_THIRD_PARTY = new RegExp(
  [
    String.raw`\b(?:final (?:decision|say|call|approval)|decision|sign-?off|budget|approval)\s+(?:\w+\s+)?(?:rests|sits|lies|is)\s+with\s+(?:the|our|my)\b`,
    // "Final approval from CEO", "sign-off comes from the board", "approval is needed from our MD".
    String.raw`\b(?:approval|sign-?off|say|decision|go-ahead|green light|authori[sz]ation)\s+(?:(?:comes|is needed|needed|required|is required|has to come|must come|will come|would come|goes|is|lies|sits|rests)\s+)?(?:from|by|with)\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+){0,2}?${DECIDER}\b`,
    // "needs CEO approval", "subject to board sign-off".
    String.raw`\b${DECIDER}(?:'s)?\s+(?:approval|sign-?off|go-ahead|blessing|green light|authori[sz]ation)\b`,
    String.raw`\bfor (?:final )?approval\b|\bget (?:sign-?off|approval|buy-in) from\b`,
    // "the final yes is with our CFO", "last word is with the board", "the nod has to come from my VP".
    String.raw`\b(?:(?:final|last|ultimate)\s+(?:yes|nod|ok(?:ay)?|word|verdict)|the\s+(?:yes|nod|thumbs[- ]up|blessing))\s+(?:(?:comes|has to come|must come|will come|would come|needs to come|is|lies|sits|rests)\s+)?(?:from|with)\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+){0,2}?${DECIDER}\b`,
    // "it's up to our MD", "it's the board that approves".
    String.raw`\b(?:it's|its|it is|that's|thats|ultimately)\s+up to\s+(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?${DECIDER}\b`,
    String.raw`\b(?:it's|its|it is)\s+(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?${DECIDER}\s+(?:who|that)\s+${DECIDE_VERB}`,
    // "purchases still go through our CEO", "everything goes through the owner".
    String.raw`\b(?:purchases?|spend(?:ing)?|it|this|everything|anything|decisions?|contracts?|approvals?)\s+(?:still\s+|all\s+|always\s+|has\s+to\s+|have\s+to\s+|must\s+|would\s+(?:still\s+)?(?:have\s+to\s+)?|will\s+(?:have\s+to\s+)?)?go(?:es)?\s+(?:through|via|past)\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+){0,2}?${DECIDER}\b`,
    // "Decisions are made by our board of trustees", "the decision is taken by our board".
    String.raw`\b(?:decisions?|purchases?|spending|budgets?|approvals?|contracts?|tools?|(?:the\s+)?final\s+(?:say|call|decision))\s+(?:(?:of|like)\s+(?:this|that)\s+(?:kind|size|sort|type)?\s*)?(?:(?:are|is|get|gets|will\s+be|would\s+be)\s+)?(?:made|taken|approved|signed(?:\s+off)?|decided|given)\s+by\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+){0,2}?${DECIDER}\b`,
    String.raw`\bon\s+my\s+recommendation\b|\bput(?:ting)?\s+(?:together\s+)?(?:options|a\s+shortlist|a\s+proposal|a\s+recommendation)\s+(?:together\s+)?(?:for|to)\s+(?:our|my|the)\s+(?:[\w-]+\s+){0,2}?${DECIDER}\b`,
  ].join('|'),
  'i',
);

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
