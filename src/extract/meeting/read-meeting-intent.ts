import {
  BOOK_PHRASES,
  CANCEL_PHRASES,
  DECLINE_PHRASES,
  HESITATE_PHRASES,
  KEEP_PHRASES,
  LINK_ASK_PHRASES,
  LINK_NOUN_PHRASES,
  MOVE_PHRASES,
} from './meeting-intent-phrases.js';
import type { RequestedTime } from './read-requested-time.js';

/** What a message says about a meeting already booked. */
export type MeetingIntent = 'cancel' | 'move' | 'links';

const NOT_CANCEL =
  /\b(?:don'?t|do not|not|no need to|never|without|instead of)\s+(?:\w+\s+)?cancel\w*/i;

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
  if (MOVE_PHRASES.test(text)) return 'move';
  if (CANCEL_PHRASES.test(text) && !NOT_CANCEL.test(text)) return 'cancel';
  if (LINK_NOUN_PHRASES.test(text) && LINK_ASK_PHRASES.test(text)) return 'links';
  return null;
}

/** How a visitor answered the offer of a meeting, when they picked no time. */
export type OfferReply = 'decline' | 'hesitate';

/**
 * An answer to a meeting offer that picks no time: `decline` only for an explicit no ("no
 * thanks", "not interested in a call", "I'd rather not"), `hesitate` for a visitor who may still
 * book ("I'm not sure yet, let me check my calendar", "maybe later"). Null otherwise, when the
 * answer was not understood.
 *
 * @example readOfferReply("I'm not sure yet, let me check my calendar") // 'hesitate'
 */
export function readOfferReply(text: string): OfferReply | null {
  if (HESITATE_PHRASES.test(text) && !/\bnot interested\b/i.test(text)) return 'hesitate';
  if (DECLINE_PHRASES.test(text)) return 'decline';
  return null;
}

/** Whether the visitor, offered other times for a booked meeting, keeps it as it is ("keep it", "no thanks"). */
export function keepsMeeting(text: string): boolean {
  return KEEP_PHRASES.test(text) || DECLINE_PHRASES.test(text);
}

const NOT_BOOK = /\b(?:don'?t|do not|no need to|not)\s+(?:\w+\s+)?(?:book|schedule)\b/i;
const NOT_MEET = /\b(?:don'?t|do not|no need to|not)\s+(?:\w+\s+)?(?:book|schedule|meet)\b/i;

/**
 * Whether a message asks to book a meeting ("can I book Friday at 10am instead?", "book a new
 * meeting", "let's set up a call after all"), for a visitor with no meeting booked.
 *
 * @example wantsToBook('book a new meeting') // true
 */
export function wantsToBook(text: string): boolean {
  if (NOT_BOOK.test(text)) return false;
  return BOOK_PHRASES.test(text);
}

/**
 * Whether a visitor with no meeting booked (declined earlier, closed, or canceled) asks for
 * one now: a booking request, a request for "another time", or a day with a time ("Actually,
 * Thursday at 2pm works"). `wanted` is the time the message asks for, already read.
 *
 * @example asksForMeeting('can I book Friday at 10am instead?', readRequestedTime(text, now, zone)) // true
 */
export function asksForMeeting(text: string, wanted: RequestedTime | null): boolean {
  if (wantsToBook(text)) return true;
  if (NOT_MEET.test(text)) return false;
  if (MOVE_PHRASES.test(text)) return true;
  return wanted !== null && wanted.time !== null && (wanted.day !== null || wanted.days !== null);
}
