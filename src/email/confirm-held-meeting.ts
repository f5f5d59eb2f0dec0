import { attendeeName } from '../booking/attendee-name.js';
import type { Calendar } from '../booking/calendar.js';
import type { Conversation, OutboxEvent } from '../conversation/conversation-schema.js';
import { confirmHoldId } from '../conversation/calendar-effects.js';
import { getField } from '../lead/lead-record.js';
import type { KeyedQueue } from '../lib/keyed-queue.js';
import type { Store } from '../store/store.js';
import { updateConversation } from '../store/update-conversation.js';

/** What a confirmation came to. */
export type ConfirmResult =
  | { kind: 'booked'; conversation: Conversation }
  /** Confirmed before (a second click): nothing changes. */
  | { kind: 'already'; conversation: Conversation }
  | { kind: 'expired' | 'taken' | 'not_found' };

/** The held meeting of `conv` with this id, if it is still the one held. */
const heldOf = (conv: Conversation, meetingId: string) =>
  conv.heldMeeting?.id === meetingId ? conv.heldMeeting : null;

/**
 * Books the meeting a visitor held with `booking.confirmEmail`, once they confirm from the
 * email: the calendar claims the held slot (with the held rep), and the conversation gets the
 * meeting, `meeting.booked` in its outbox (the same handoff as a booking in the chat, and the
 * invites by email) and `verifiedEmail`, in one save. An expired hold is refused (its slot was
 * freed) unless nobody took the time meanwhile and the visitor's rep is still free: then it books.
 * Runs in the conversation's queue, so it never lands in the middle of a chat turn.
 *
 * @example await confirmHeldMeeting({ store, calendar, conversationId, meetingId, now, newId, queue });
 */
export async function confirmHeldMeeting(deps: {
  store: Store;
  calendar: Calendar;
  conversationId: string;
  meetingId: string;
  now: Date;
  newId: () => string;
  queue?: KeyedQueue | undefined;
}): Promise<ConfirmResult> {
  const { store, calendar, conversationId, meetingId, now, newId, queue } = deps;
  if (queue)
    return queue.run(conversationId, () => confirmHeldMeeting({ ...deps, queue: undefined }));
  const conv = await store.getConversation(conversationId).catch(() => null);
  if (conv === null) return { kind: 'not_found' };
  if (conv.meeting?.id === meetingId) return { kind: 'already', conversation: conv };
  const held = heldOf(conv, meetingId);
  if (held === null) return { kind: 'not_found' };
  const email = getField(conv.lead, 'contact.email');
  const entry = await calendar.claim(
    { start: held.start, end: held.end, repIds: [held.repId] },
    {
      id: meetingId,
      conversationId,
      attendee: email
        ? { name: attendeeName(getField(conv.lead, 'contact.name'), email), email }
        : undefined,
      timezone: conv.visitor.timezone,
      locale: conv.visitor.locale,
      holdId: confirmHoldId(meetingId),
    },
  );
  if (entry === null)
    return { kind: Date.parse(held.until) <= now.getTime() ? 'expired' : 'taken' };
  const at = now.toISOString();
  const event: OutboxEvent = {
    id: newId(),
    type: 'meeting.booked',
    occurredAt: at,
    conversationId,
  };
  const saved = await updateConversation(store, conversationId, (c) => {
    if (heldOf(c, meetingId) === null) return null;
    const { heldMeeting: _held, ...rest } = c;
    return {
      ...rest,
      meeting: {
        id: meetingId,
        start: entry.start,
        end: entry.end,
        repId: entry.repId,
        status: 'booked',
        bookedAt: at,
      },
      ...(email === undefined ? {} : { verifiedEmail: email }),
      updatedAt: at,
      outbox: [...c.outbox, event],
    };
  });
  return saved === null ? { kind: 'not_found' } : { kind: 'booked', conversation: saved };
}
