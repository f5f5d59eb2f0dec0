import type { Transition } from '../engine-types.js';
import { meetingMessage, staysEnded, type Turn } from './turn.js';

/** The chat is over: only a meeting message (move, cancel, links, book again) reopens it. */
export function onEnded(turn: Turn): Transition {
  return meetingMessage(turn, null) ?? staysEnded(turn);
}
