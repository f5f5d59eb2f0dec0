import {
  asksForMeeting,
  keepsMeeting,
  readMeetingIntent,
  readOfferReply,
  type MeetingIntent,
  type OfferReply,
} from './read-meeting-intent.js';
import { readTimeChoice, type TimeChoice, type TimeChoiceContext } from './read-time-choice.js';
import { yesOrNo } from './yes-or-no.js';

/** A yes or no, with the words it was read from (the evidence of a consent recorded from it). */
export type YesNo = { agreed: boolean; evidence: string };

/**
 * What a visitor message says about meetings, read from its text before the engine runs (the
 * engine reads no text). Which of these matter depends on where the conversation stands; the
 * engine picks.
 */
export type MeetingSignals = {
  /** About a booked meeting: cancel it, move it, or send its links again. */
  intent: MeetingIntent | null;
  /** Asks for a meeting: to book one, for another time, or a day with a time. */
  asksForMeeting: boolean;
  /** An answer to an offer of times that picks none: an explicit no, or a hesitation. */
  offerReply: OfferReply | null;
  /** Keeps the booked meeting as it is ("keep it", "no thanks"). */
  keepsMeeting: boolean;
  /** A yes or no to a yes/no question; null when it is neither. */
  yesNo: YesNo | null;
  /** The meeting time asked for. */
  choice: TimeChoice;
};

/** The signals of a message that says nothing about meetings. */
export const NO_MEETING_SIGNALS: MeetingSignals = {
  intent: null,
  asksForMeeting: false,
  offerReply: null,
  keepsMeeting: false,
  yesNo: null,
  choice: { named: [], instant: null, pick: null, wanted: null },
};

/**
 * Reads what a visitor message says about meetings, on the visitor's clock and against the
 * times on offer (the shell passes both).
 *
 * @example readMeeting('Can we move it to Thursday?', { now, timezone, locale, offered: [] }).intent // 'move'
 */
export function readMeeting(text: string, ctx: TimeChoiceContext): MeetingSignals {
  const choice = readTimeChoice(text, ctx);
  const agreed = yesOrNo(text);
  return {
    intent: readMeetingIntent(text),
    asksForMeeting: asksForMeeting(text, choice.wanted),
    offerReply: readOfferReply(text),
    keepsMeeting: keepsMeeting(text),
    yesNo: agreed === null ? null : { agreed, evidence: text },
    choice,
  };
}
