import { hasBookedMeeting } from '../engine-support.js';
import type { Transition } from '../engine-types.js';
import { onMeetingAnswer } from '../meeting-flow.js';
import { proceed } from '../proceed.js';
import { carryOn, meetingMessage, type Turn } from './turn.js';

/**
 * Meeting times are offered. To move a booked meeting, the booked-meeting handler reads the
 * answer; for a first meeting, a pick books it, a no declines, a hesitation keeps the offer
 * open. An answer about something else goes on with the chat (which offers the times again).
 */
export function onOffering(turn: Turn): Transition {
  const { conv, event, now, ctx, parts, understood } = turn;
  const meeting = meetingMessage(turn, 'booking');
  if (meeting) return meeting;
  if (!hasBookedMeeting(conv)) {
    const answer = onMeetingAnswer(conv, event, now, ctx, parts, understood, (c, p) =>
      proceed(c, p, ctx),
    );
    if (answer) return answer;
  }
  return carryOn(turn, 'booking');
}
