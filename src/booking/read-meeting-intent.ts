import { readRequestedTime } from './read-requested-time.js';

/** What a message says about a meeting already booked. */
export type MeetingIntent = 'cancel' | 'move' | 'links';

const MEETING = '(?:meeting|call|appointment|booking|demo|session|intro call)';
const CANCEL = [
  // "cancel my meeting", "please call off the call", "scrap the demo", "drop the meeting"
  new RegExp(
    String.raw`\b(?:cancel\w*|call(?:ing)? off|scrap|drop)\s+(?:(?:the|my|our|this|that|today'?s|tomorrow'?s)\s+)?${MEETING}\b`,
    'i',
  ),
  new RegExp(String.raw`\bcancel\w*\b[^.?!]{0,40}\b${MEETING}\b`, 'i'),
  /\bcancel\w*\s+(?:it|this|that)\b/i,
  // "cancel", "please cancel.", "I need to cancel", "we have to cancel"
  /^\W*(?:(?:please|pls|ok|okay|sorry|actually)[,\s]+)*cancel\b/i,
  /\b(?:want|need|have|like|going|got)\s+to\s+cancel\b/i,
];
const NOT_CANCEL =
  /\b(?:don'?t|do not|not|no need to|never|without|instead of)\s+(?:\w+\s+)?cancel\w*/i;
const MOVE = [
  /\b(?:move|reschedule|re-schedule|change|push|shift|postpone|bring forward|rebook|re-book)\b[^.?!]{0,40}\b(?:meeting|call|appointment|booking|demo|it|time|date)\b/i,
  /\b(?:another|a different|a later|an earlier|other) (?:time|day|date|slot)s?\b/i,
  // "I can't make it then": the visitor still wants to meet, at another time.
  /\b(?:can'?t|cannot|can not|won'?t|will not|unable to|not able to) (?:make|do|attend)\b/i,
  /^\W*(?:reschedule|move)\b|\b(?:reschedule|re-schedule|rebook|re-book)\b/i,
  /\b(?:book|rebook|re-book|do|make it)\b[^.?!]{0,40}\binstead\b/i,
];
const LINK_NOUN =
  /\b(?:links?|invite|invitation|calendar (?:file|entry|event)|\.?ics|confirmation|meeting details|joining details|zoom|teams|meet link|url)\b/i;
const LINK_ASK =
  /\b(?:send|resend|re-send|drop me|share|give|forward|email|again|lost|find|where|what'?s|need|have|get|got|didn'?t get|never got|can'?t find|missing)\b|\?/i;

/**
 * What a message says about a booked meeting: `cancel` for an explicit cancellation of it
 * ("cancel my meeting", "please call off the call"), `move` for a request to change its time
 * ("can we move it to Friday?", and "I can't make it then", which still asks for another
 * time), `links` for a request for the invite or the page again ("could you drop me the link
 * for the call again?"). A move request wins over "cancel": "cancel it and book Friday
 * instead" is a move. Null when the message is about none of these.
 *
 * @example readMeetingIntent("I can't make it then, can we move it to Friday?") // 'move'
 */
export function readMeetingIntent(text: string): MeetingIntent | null {
  const move = MOVE.some((re) => re.test(text));
  if (move) return 'move';
  if (CANCEL.some((re) => re.test(text)) && !NOT_CANCEL.test(text)) return 'cancel';
  if (LINK_NOUN.test(text) && LINK_ASK.test(text)) return 'links';
  return null;
}

/** How a visitor answered the offer of a meeting, when they picked no time. */
export type OfferReply = 'decline' | 'hesitate';

const HESITATE =
  /\b(?:not sure|unsure|don'?t know|do not know|let me (?:check|think|see|look|ask|confirm|get back|come back)|(?:need|have|want) to (?:check|think|ask|confirm|look|see)|check (?:my|our|the|with) (?:calendar|diary|schedule|team|boss|manager|colleagues?)|get back to you|come back (?:to (?:you|this)|later)|think about it|maybe(?: later)?|not yet|not now|not right now|later|hold on|one (?:sec|second|moment|minute)|give me (?:a|some) (?:sec|second|moment|minute|time)|i'?ll (?:check|see|let you know|come back|get back)|busy right now|can i decide later)\b/i;
// A bare "no" declines only on its own ("no", "nope, sorry"): "no, Friday is better" names a time.
const DECLINE =
  /^\W*(?:no|nope|nah)(?:[\s,.!]*(?:thanks?|thank you|sorry|i'?m (?:good|fine|ok)|that'?s (?:ok|fine)))?[\s.!]*$|\bno,? thanks?\b|\bno thank you\b|\bnot interested\b|\b(?:don'?t|do not) (?:want|need)\b[^.?!]{0,30}\b(?:call|meeting|demo|chat|appointment)|\bno (?:call|meeting|demo)s?\b|\bno need\b|\b(?:i'?ll|i will) pass\b|\bskip (?:it|this|that|the (?:call|meeting|demo))\b|\bnever ?mind\b|\bforget it\b|\brather not\b|\bprefer not\b/i;

/**
 * An answer to a meeting offer that picks no time: `decline` only for an explicit no ("no
 * thanks", "not interested in a call", "I'd rather not"), `hesitate` for a visitor who may still
 * book ("I'm not sure yet, let me check my calendar", "maybe later"). Null otherwise, when the
 * answer was not understood.
 *
 * @example readOfferReply("I'm not sure yet, let me check my calendar") // 'hesitate'
 */
export function readOfferReply(text: string): OfferReply | null {
  if (HESITATE.test(text) && !/\bnot interested\b/i.test(text)) return 'hesitate';
  if (DECLINE.test(text)) return 'decline';
  return null;
}

/** "keep it", "leave it as is": the visitor keeps the meeting as booked. */
const KEEP =
  /\b(?:keep (?:it|my|the|our|this|that)|leave it|as it is|as is|stay(?:s)? (?:as|the same)|no change|don'?t (?:move|change) it|it'?s fine|all good)\b/i;

/** Whether the visitor, offered other times for a booked meeting, keeps it as it is ("keep it", "no thanks"). */
export function keepsMeeting(text: string): boolean {
  return KEEP.test(text) || DECLINE.test(text);
}

const BOOK = [
  /\b(?:book|schedule|set up|arrange|reserve|grab|pick)\b[^.?!]{0,30}\b(?:call|meeting|demo|slot|appointment|time|session|chat)\b/i,
  /\b(?:can|could|shall) we (?:do|have|get|find) (?:a|the|another) (?:call|meeting|demo|time|slot)\b/i,
  /\b(?:book|rebook|re-book)\b/i,
  /\b(?:a|the|new|another) (?:call|meeting|demo) (?:on|at|for|this|next|tomorrow|today)\b/i,
  /\b(?:talk|meet|speak) (?:on|at|this|next|tomorrow)\b/i,
];

/**
 * Whether a message asks to book a meeting ("can I book Friday at 10am instead?", "book a new
 * meeting", "let's set up a call after all"), for a visitor with no meeting booked.
 *
 * @example wantsToBook('book a new meeting') // true
 */
export function wantsToBook(text: string): boolean {
  if (/\b(?:don'?t|do not|no need to|not)\s+(?:\w+\s+)?(?:book|schedule)\b/i.test(text))
    return false;
  return BOOK.some((re) => re.test(text));
}

/**
 * Whether a visitor with no meeting booked (declined earlier, closed, or canceled) asks for
 * one now: a booking request, a request for "another time", or a day with a time ("Actually,
 * Thursday at 2pm works").
 *
 * @example asksForMeeting('can I book Friday at 10am instead?', now, 'Europe/Berlin') // true
 */
export function asksForMeeting(text: string, now: Date, timezone: string): boolean {
  if (wantsToBook(text)) return true;
  if (/\b(?:don'?t|do not|no need to|not)\s+(?:\w+\s+)?(?:book|schedule|meet)\b/i.test(text))
    return false;
  if (MOVE.some((re) => re.test(text))) return true;
  const wanted = readRequestedTime(text, now, timezone);
  return wanted !== null && wanted.time !== null && (wanted.day !== null || wanted.days !== null);
}
