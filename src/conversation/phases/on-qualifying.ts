import type { QualifyingSlot } from '../../lead/slots.js';
import type { Transition } from '../engine-types.js';
import { carryOn, meetingMessage, type Turn } from './turn.js';

/** Qualifying, after `asked` (or nothing) was asked: a meeting message first, else the next step. */
export function onQualifying(turn: Turn, asked: QualifyingSlot | null): Transition {
  return meetingMessage(turn, asked) ?? carryOn(turn, asked);
}
