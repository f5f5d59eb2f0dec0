import type { Transition } from '../engine-types.js';
import { ENDED } from '../phase.js';
import { meetingMessage, staysEnded, type Turn } from './turn.js';

/**
 * The chat asked "Cancel your meeting on ...?": this message answers it or nothing does (the
 * question is not put again). A yes cancels, a no keeps the meeting; anything else is read as
 * in a chat that is over.
 */
export function onConfirmingCancel(turn: Turn): Transition {
  const over: Turn = { ...turn, conv: { ...turn.conv, phase: ENDED } };
  return meetingMessage(over, null, true) ?? staysEnded(over);
}
