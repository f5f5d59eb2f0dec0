import { phraseTable } from '../phrases/compile-phrases.js';

/*
 * What visitors say about a meeting: to move it, cancel it, get its links again, book one, or
 * answer an offer of times without picking one. Read by read-meeting-intent.ts; every example
 * is a test (test/unit/extract/phrases/phrase-tables.test.ts).
 */

/** The words for a meeting. */
const MEETING = '(?:meeting|call|appointment|booking|demo|session|intro call)';
const MOVE_VERB =
  '(?:move|reschedule|re-schedule|change|push|shift|postpone|bring forward|rebook|re-book)';

/** A request to change a booked meeting's time. */
export const MOVE_PHRASES = phraseTable('move a meeting', [
  [
    String.raw`\b${MOVE_VERB}\b[^.?!]{0,40}\b(?:meeting|call|appointment|booking|demo|it|time|date)\b`,
    'can we move it to Friday?',
  ],
  [
    String.raw`\b(?:another|a different|a later|an earlier|other) (?:time|day|date|slot)s?\b`,
    'another time?',
  ],
  // "I can't make it then": the visitor still wants to meet, at another time.
  [
    String.raw`\b(?:can'?t|cannot|can not|won'?t|will not|unable to|not able to) (?:make|do|attend)\b`,
    "I can't make it then",
  ],
  [String.raw`^\W*(?:reschedule|move)\b`, 'move, please'],
  [String.raw`\b(?:reschedule|re-schedule|rebook|re-book)\b`, 'I need to reschedule'],
  [
    String.raw`\b(?:book|rebook|re-book|do|make it)\b[^.?!]{0,40}\binstead\b`,
    'can we do Friday instead?',
  ],
]);

/** An explicit cancellation of the booked meeting. */
export const CANCEL_PHRASES = phraseTable('cancel a meeting', [
  [
    String.raw`\b(?:cancel\w*|call(?:ing)? off|scrap|drop)\s+(?:(?:the|my|our|this|that|today'?s|tomorrow'?s)\s+)?${MEETING}\b`,
    'please call off the call',
  ],
  [String.raw`\bcancel\w*\b[^.?!]{0,40}\b${MEETING}\b`, "cancel Thursday's meeting"],
  [String.raw`\bcancel\w*\s+(?:it|this|that)\b`, 'please cancel it'],
  // "cancel", "please cancel.", "actually, cancel"
  [String.raw`^\W*(?:(?:please|pls|ok|okay|sorry|actually)[,\s]+)*cancel\b`, 'please cancel.'],
  [String.raw`\b(?:want|need|have|like|going|got)\s+to\s+cancel\b`, 'We need to cancel'],
]);

/** What the link request is about: the invite, the page, the call's link. */
export const LINK_NOUN_PHRASES = phraseTable('meeting links', [
  [String.raw`\b(?:links?|invite|invitation|url)\b`, 'the link for the call'],
  [String.raw`\bcalendar (?:file|entry|event)\b`, 'the calendar entry'],
  [String.raw`\b\.?ics\b`, 'where is the .ics file'],
  [String.raw`\b(?:confirmation|meeting details|joining details)\b`, 'the joining details'],
  [String.raw`\b(?:zoom|teams|meet link)\b`, 'the zoom'],
]);

/** Asking for it again: "send", "resend", "I lost it", "where is", a question. */
export const LINK_ASK_PHRASES = phraseTable('asking for links', [
  [String.raw`\b(?:send|resend|re-send|drop me|share|give|forward|email)\b`, 'send me the invite'],
  [String.raw`\b(?:again|lost|find|where|what'?s|need|have|get|got|missing)\b`, 'I lost it'],
  [String.raw`\b(?:didn'?t get|never got|can'?t find)\b`, 'I never got it'],
  [String.raw`\?`, 'the link?'],
]);

/** A visitor offered times who may still book: they want time to decide. */
export const HESITATE_PHRASES = phraseTable('hesitating over an offer', [
  [String.raw`\b(?:not sure|unsure|don'?t know|do not know)\b`, "I'm not sure yet"],
  [String.raw`\blet me (?:check|think|see|look|ask|confirm|get back|come back)\b`, 'let me check'],
  [String.raw`\b(?:need|have|want) to (?:check|think|ask|confirm|look|see)\b`, 'I need to check'],
  [
    String.raw`\bcheck (?:my|our|the|with) (?:calendar|diary|schedule|team|boss|manager|colleagues?)\b`,
    'I have to check my calendar',
  ],
  [
    String.raw`\b(?:get back to you|come back (?:to (?:you|this)|later)|think about it)\b`,
    "I'll think about it",
  ],
  [String.raw`\b(?:maybe(?: later)?|not yet|not now|not right now|later|hold on)\b`, 'maybe later'],
  [
    String.raw`\b(?:one (?:sec|second|moment|minute)|give me (?:a|some) (?:sec|second|moment|minute|time))\b`,
    'give me a minute',
  ],
  [
    String.raw`\b(?:i'?ll (?:check|see|let you know|come back|get back)|busy right now|can i decide later)\b`,
    "I'll let you know",
  ],
]);

/** An explicit no to a meeting. A bare "no" counts only on its own: "no, Friday is better" names a time. */
export const DECLINE_PHRASES = phraseTable('declining a meeting', [
  [
    String.raw`^\W*(?:no|nope|nah)(?:[\s,.!]*(?:thanks?|thank you|sorry|i'?m (?:good|fine|ok)|that'?s (?:ok|fine)))?[\s.!]*$`,
    'nope, sorry',
    'no, Friday is better',
  ],
  [String.raw`\bno,? thanks?\b|\bno thank you\b`, 'no thanks'],
  [String.raw`\bnot interested\b`, 'not interested in a call'],
  [
    String.raw`\b{dont} (?:want|need)\b[^.?!]{0,30}\b(?:call|meeting|demo|chat|appointment)`,
    "we don't need a call",
  ],
  [String.raw`\bno (?:call|meeting|demo)s?\b|\bno need\b`, 'no meeting needed'],
  [String.raw`\b(?:i'?ll|i will) pass\b`, "I'll pass"],
  [String.raw`\bskip (?:it|this|that|the (?:call|meeting|demo))\b`, 'skip the call'],
  [String.raw`\bnever ?mind\b|\bforget it\b`, 'never mind'],
  [String.raw`\brather not\b|\bprefer not\b`, "I'd rather not"],
]);

/** A visitor offered other times for a booked meeting keeps it as it is. */
export const KEEP_PHRASES = phraseTable('keeping a meeting', [
  [String.raw`\b(?:keep (?:it|my|the|our|this|that)|leave it)\b`, 'keep it'],
  [String.raw`\b(?:as it is|as is|stay(?:s)? (?:as|the same)|no change)\b`, 'leave it as is'],
  [String.raw`\b(?:don'?t (?:move|change) it|it'?s fine|all good)\b`, "it's fine"],
]);

/** A request to book a meeting, from a visitor with none booked. */
export const BOOK_PHRASES = phraseTable('booking a meeting', [
  [
    String.raw`\b(?:book|schedule|set up|arrange|reserve|grab|pick)\b[^.?!]{0,30}\b(?:call|meeting|demo|slot|appointment|time|session|chat)\b`,
    "let's set up a call after all",
  ],
  [
    String.raw`\b(?:can|could|shall) we (?:do|have|get|find) (?:a|the|another) (?:call|meeting|demo|time|slot)\b`,
    'could we find another time',
  ],
  [String.raw`\b(?:book|rebook|re-book)\b`, 'can I book Friday at 10am?'],
  [
    String.raw`\b(?:a|the|new|another) (?:call|meeting|demo) (?:on|at|for|this|next|tomorrow|today)\b`,
    'a call on Thursday',
  ],
  [String.raw`\b(?:talk|meet|speak) (?:on|at|this|next|tomorrow)\b`, 'can we talk tomorrow'],
]);
