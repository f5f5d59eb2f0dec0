import { phraseTable } from '../phrases/compile-phrases.js';

/*
 * The authority rule's phrases about influence (`authority-cue-level.ts` holds the logic): the
 * visitor takes it to someone who decides, or someone else decides. `{decider}` is the people who
 * decide (`blocks.ts`).
 */

/** "I'd take it to our CEO", "I'll make the recommendation", "I advise". */
export const INFLUENCE_FIRST_PERSON = phraseTable('i take it to them', [
  [
    String.raw`\b{iwill}?\s+(?:\w+\s+){0,3}?(?:take|bring|present|pass|share|recommend(?:ing)?|propose|pitch|escalate|forward|send|show|run it by|put(?:ting)?)\b` +
      String.raw`[^.;!?]{0,50}?\b(?:to|with|by|past)\s+(?:our|my|the)\s+(?:[\w-]+\s+){0,2}?{decider}\b`,
    "I'd take it to my VP",
  ],
  [
    String.raw`\b(?:make|put(?:ting)?|making)\s+(?:a|the|my)\s+recommendation\b`,
    "I'll make the recommendation",
  ],
  [
    String.raw`\b(?:come|get|report)\s+back\s+(?:to\s+\w+\s+)?with\s+(?:a|my)\s+recommendation\b`,
    'I come back with a recommendation',
  ],
  [
    String.raw`^\W*i\s+(?:only\s+|just\s+)?(?:advise|consult)\b`,
    "I advise; the client's CEO signs",
  ],
  [String.raw`\bi\s+(?:only\s+|just\s+)?advise\b`, 'as a consultant I only advise'],
  [
    String.raw`^\W*(?:i\s+)?(?:(?:evaluate|research|assess|test)\s+(?:and|&)\s+)?recommend\b`,
    'evaluate and recommend',
  ],
  [
    String.raw`\bi\s+(?:only\s+|just\s+|can\s+only\s+|(?:evaluate|research|assess|test)\s+(?:and|&)\s+)?recommend\b(?!\s+(?:you|that\s+you))`,
    'I can only recommend',
    'I recommend you call me',
  ],
  [
    String.raw`\bi(?:'d| would|'ll| will)?\s+(?:\w+\s+){0,2}?(?:present|propose|pitch|recommend|bring|take)\b[^.;!?]{0,40}?\b(?:to|with)\s+(?:them|him|her)\b`,
    "I'll bring it to her",
  ],
  [
    String.raw`\b(?:put(?:ting)? together|writ(?:e|ing)|build(?:ing)?|mak(?:e|ing)|prepar(?:e|ing))\s+(?:the|a)\s+(?:business\s+)?case\b`,
    "I'm putting together the business case",
  ],
  [String.raw`\bi(?:'d| would|'ll| will)\s+(?:\w+\s+)?recommend\b`, "I'd probably recommend it"],
  [
    String.raw`\b(?:get|bring|have)\s+(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?{decider}\s+on ?board\b`,
    "I'd need to get our MD on board",
  ],
  [
    String.raw`\bi(?:'d| would|'ll| will)?\s+(?:\w+\s+){0,2}?(?:check|clear it|discuss it|talk|speak|consult|ask|loop in|convince)\s+(?:with\s+|to\s+)?(?:our|my|the)\s+` +
      String.raw`(?:[\w-]+\s+){0,2}?{decider}\b`,
    "I'd have to ask my manager",
  ],
]);

/** What someone who decides does: "decides", "signs", "has the final say", "holds the budget". */
export const DECIDES = phraseTable('decides', [
  [String.raw`decides?|decided|approves?|approved|okays?`, 'the board approves'],
  [String.raw`signs?(?![- ]?(?:up|in|into)\b)|signed`, 'the owner signs'],
  [
    String.raw`makes?\s+(?:the|all|all the|those)\s+(?:final\s+|big\s+|purchasing\s+|buying\s+)?(?:calls?|decisions?)`,
    'makes the final call',
  ],
  [String.raw`ha(?:s|ve)\s+(?:the\s+)?(?:final|last)\s+(?:say|word|call)`, 'has the last word'],
  [
    String.raw`holds?\s+(?:the\s+)?(?:budget|purse(?:[- ]strings)?)|owns?\s+the\s+budget`,
    'holds the purse strings',
  ],
  [String.raw`controls?\s+(?:the\s+)?(?:budget|purse(?:[- ]strings)?)`, 'controls the budget'],
  [
    String.raw`gives?\s+(?:the\s+)?(?:final\s+)?(?:approval|sign-?off|go-ahead|green light)`,
    'gives the green light',
  ],
  [String.raw`calls the shots|pulls the trigger`, 'calls the shots'],
  [
    String.raw`(?:is|are) the (?:decision[- ]?makers?|approvers?|budget holders?)`,
    'are the decision makers',
  ],
]);

/** "would decide", "usually signs", "has to approve": a decision verb after up to two helpers. */
export const DECIDE_VERB =
  String.raw`(?:(?:would|will|must|should|has to|have to|needs? to|gets? to|'d|'ll|can|does|do|usually|normally|ultimately|always|typically` +
  String.raw`|then|alone|also|still|generally|actually|eventually)\s+){0,2}(?:${DECIDES.source})\b`;

// "our VP Marketing signs", "the Head of Finance approves": a decider named with their area.
const DEPARTMENT_WORD =
  String.raw`(?:sales|marketing|finance|operations|ops|it|hr|people|product|engineering|revenue|growth|admissions|procurement|purchasing` +
  String.raw`|technology|digital|customer\s+success|support|legal|commercial|business\s+development)`;
const CLAUSE_OPENER = String.raw`^(?:(?:but|and|so|then|ultimately|though|however|well|although|yet|otherwise)\s+)*(?:(?:the|our|my|their|his|her)\s+)?`;
const NOT_THE_VISITOR = String.raw`(?:(?!(?:i|i'm|im|am|as|me|we|is|was|are|be)\b)[\w'’-]+\s+){0,3}?`;
const WITH_AREA = String.raw`(?:'s)?(?:\s+(?:of|for)\s+(?:[\w-]+\s+)?[\w-]+?|\s+${DEPARTMENT_WORD}){0,2}`;
const ADVERBS = String.raw`(?:\s+(?:team|here|there|too|then|usually|ultimately|always|normally|generally|typically|actually|probably|still))*`;

/**
 * A clause whose subject is someone else who decides: "owner would decide", "the head of school
 * signs contracts", "our partners hold the purse strings". The words before the decider may not be
 * the visitor ("as the owner I decide", "I'm the director and sign off" are first person).
 */
export const THIRD_PARTY_CLAUSE = phraseTable('someone else decides', [
  [
    `${CLAUSE_OPENER}${NOT_THE_VISITOR}{decider}${WITH_AREA}${ADVERBS}\\s+${DECIDE_VERB}`,
    'the Head of Finance approves',
    'as the owner I decide',
  ],
]);

/** Someone else decides, said of the decision: "Final approval from CEO", "goes through the owner". */
export const INFLUENCE_THIRD_PARTY = phraseTable('the decision is theirs', [
  [
    String.raw`\b(?:final (?:decision|say|call|approval)|decision|sign-?off|budget|approval)\s+(?:\w+\s+)?(?:rests|sits|lies|is)\s+with\s+(?:the|our|my)\b`,
    'the final decision rests with our board',
  ],
  // "Final approval from CEO", "sign-off comes from the board", "approval is needed from our MD".
  [
    String.raw`\b(?:approval|sign-?off|say|decision|go-ahead|green light|authori[sz]ation)\s+(?:(?:comes|is needed|needed|required|is required|has to come|must come` +
      String.raw`|will come|would come|goes|is|lies|sits|rests)\s+)?(?:from|by|with)\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+){0,2}?{decider}\b`,
    'Final approval from CEO',
  ],
  // "needs CEO approval", "subject to board sign-off".
  [
    String.raw`\b{decider}(?:'s)?\s+(?:approval|sign-?off|go-ahead|blessing|green light|authori[sz]ation)\b`,
    'subject to board sign-off',
  ],
  [String.raw`\bfor (?:final )?approval\b`, "I'll send it up for final approval"],
  [String.raw`\bget (?:sign-?off|approval|buy-in) from\b`, 'we need to get buy-in from finance'],
  // "the final yes is with our CFO", "last word is with the board", "the nod has to come from my VP".
  [
    String.raw`\b(?:(?:final|last|ultimate)\s+(?:yes|nod|ok(?:ay)?|word|verdict)|the\s+(?:yes|nod|thumbs[- ]up|blessing))\s+(?:(?:comes|has to come|must come` +
      String.raw`|will come|would come|needs to come|is|lies|sits|rests)\s+)?(?:from|with)\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+){0,2}?{decider}\b`,
    'the nod has to come from my VP',
  ],
  // "it's up to our MD", "it's the board that approves".
  [
    String.raw`\b(?:it's|its|it is|that's|thats|ultimately)\s+up to\s+(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?{decider}\b`,
    "it's up to our MD",
  ],
  [
    String.raw`\b(?:it's|its|it is)\s+(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?{decider}\s+(?:who|that)\s+${DECIDE_VERB}`,
    "it's the board that approves",
  ],
  // "purchases still go through our CEO", "everything goes through the owner".
  [
    String.raw`\b(?:purchases?|spend(?:ing)?|it|this|everything|anything|decisions?|contracts?|approvals?)\s+(?:still\s+|all\s+|always\s+|has\s+to\s+|have\s+to\s+` +
      String.raw`|must\s+|would\s+(?:still\s+)?(?:have\s+to\s+)?|will\s+(?:have\s+to\s+)?)?go(?:es)?\s+(?:through|via|past)\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+){0,2}?{decider}\b`,
    'purchases still go through our CEO',
  ],
  // "Decisions are made by our board of trustees", "the decision is taken by our board".
  [
    String.raw`\b(?:decisions?|purchases?|spending|budgets?|approvals?|contracts?|tools?|(?:the\s+)?final\s+(?:say|call|decision))\s+` +
      String.raw`(?:(?:of|like)\s+(?:this|that)\s+(?:kind|size|sort|type)?\s*)?(?:(?:are|is|get|gets|will\s+be|would\s+be)\s+)?` +
      String.raw`(?:made|taken|approved|signed(?:\s+off)?|decided|given)\s+by\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+){0,2}?{decider}\b`,
    'Decisions are made by our board of trustees',
  ],
  [String.raw`\bon\s+my\s+recommendation\b`, 'they sign on my recommendation'],
  [
    String.raw`\bput(?:ting)?\s+(?:together\s+)?(?:options|a\s+shortlist|a\s+proposal|a\s+recommendation)\s+(?:together\s+)?(?:for|to)\s+(?:our|my|the)\s+` +
      String.raw`(?:[\w-]+\s+){0,2}?{decider}\b`,
    "I'm putting a shortlist together for our CFO",
  ],
]);
