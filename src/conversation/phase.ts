import type { QualifyingSlot, Slot } from '../lead/slots.js';
import type { Conversation, Phase } from './conversation-schema.js';

/**
 * The slot the chat waits for, derived from where it stands: the qualifying slot just asked,
 * `booking` while meeting times are offered, null otherwise. Every agent message carries it.
 *
 * @example expectingOf({ kind: 'offering', purpose: 'book', slots: [] }) // 'booking'
 */
export function expectingOf(phase: Phase): Slot | null {
  switch (phase.kind) {
    case 'qualifying':
      return phase.asked;
    case 'offering':
      return 'booking';
    default:
      return null;
  }
}

/** The meeting times on offer (ISO starts, in quick-reply order); empty when none are. */
export function offeredSlots(phase: Phase): readonly string[] {
  return phase.kind === 'offering' ? phase.slots : [];
}

/** Whether the chat is over (a cancel question is asked of a chat already over). */
export function isEnded(phase: Phase): boolean {
  return phase.kind === 'ended' || phase.kind === 'confirmingCancel';
}

/** Whether the offer open is one to move the booked meeting. */
export function isMoving(phase: Phase): boolean {
  return phase.kind === 'offering' && phase.purpose === 'move';
}

/** The status shown to reps and admins: `ended` once the chat is over. */
export function conversationStatus(conv: Pick<Conversation, 'phase'>): 'active' | 'ended' {
  return isEnded(conv.phase) ? 'ended' : 'active';
}

export const ENDED: Phase = { kind: 'ended' };

/** Qualifying, with `asked` the slot just asked (or none). */
export const qualifying = (asked: QualifyingSlot | null = null): Phase => ({
  kind: 'qualifying',
  asked,
});
