import { attendeeName } from '../booking/attendee-name.js';
import type { BookingGuard } from '../booking/booking-guard.js';
import type { Calendar, MeetingRequest } from '../booking/calendar.js';
import { getField } from '../lead/lead-record.js';
import type { Conversation } from './conversation-schema.js';
import type { EngineEvent, EngineOutput } from './engine-types.js';

type Effect<T extends EngineOutput['type']> = Extract<EngineOutput, { type: T }>;

/** The calendar hold of a meeting waiting for its email confirmation. */
export const confirmHoldId = (meetingId: string): string => `confirm:${meetingId}`;

/** What the calendar keeps about the visitor for the invite and the booking page. */
function meetingRequest(conv: Conversation, id: string): MeetingRequest {
  const name = getField(conv.lead, 'contact.name');
  const email = getField(conv.lead, 'contact.email');
  // A visitor who kept their name to themselves is still booked: the invite names them by their email.
  return {
    id,
    conversationId: conv.id,
    attendee: email ? { name: attendeeName(name, email), email } : undefined,
    timezone: conv.visitor.timezone,
    locale: conv.visitor.locale,
  };
}

/**
 * The calendar side of the engine's meeting effects: each runs one change and answers with
 * the event the engine expects back (confirmed, failed because the time was taken, or limited
 * because the client or conversation has booked as many meetings as `booking.limits` allow).
 */
export function createCalendarEffects(
  calendar: Calendar,
  newId: () => string,
  guard?: BookingGuard,
  confirmMinutes: number | null = null,
) {
  /** `booking.confirmEmail`: the slot is held for the visitor until they confirm from the email. */
  async function holdForConfirm(
    o: Effect<'book'>,
    conv: Conversation,
    now: Date,
    minutes: number,
  ): Promise<EngineEvent> {
    const meetingId = newId();
    const until = new Date(now.getTime() + minutes * 60_000);
    // The times offered were held under the conversation's id: the chosen one moves to its own hold.
    await calendar.release(conv.id);
    const held = await calendar.hold(
      { start: o.start, end: o.end, repIds: o.repIds },
      confirmHoldId(meetingId),
      until,
    );
    if (held === null) {
      guard?.giveBack(conv);
      return { type: 'booking_failed' };
    }
    const { start, end, repId } = held;
    return { type: 'booking_held', start, end, repId, meetingId, until: until.toISOString() };
  }

  return {
    async book(o: Effect<'book'>, conv: Conversation, now: Date): Promise<EngineEvent> {
      // Taken before the claim (two conversations of one client book at once), given back on a miss.
      if (guard && !guard.take(conv)) return { type: 'booking_limited' };
      if (confirmMinutes !== null && getField(conv.lead, 'contact.email') !== undefined)
        return holdForConfirm(o, conv, now, confirmMinutes);
      const meetingId = newId();
      const entry = await calendar
        .claim({ start: o.start, end: o.end, repIds: o.repIds }, meetingRequest(conv, meetingId))
        .catch((e: unknown) => {
          guard?.giveBack(conv);
          throw e;
        });
      if (entry === null) guard?.giveBack(conv);
      return entry
        ? {
            type: 'booking_confirmed',
            start: entry.start,
            end: entry.end,
            repId: entry.repId,
            meetingId,
          }
        : { type: 'booking_failed' };
    },

    async reschedule(o: Effect<'reschedule'>): Promise<EngineEvent> {
      const r = await calendar.reschedule(o.meetingId, {
        start: o.start,
        end: o.end,
        repIds: o.repIds,
      });
      return r.ok
        ? {
            type: 'meeting_rescheduled',
            start: r.entry.start,
            end: r.entry.end,
            repId: r.entry.repId,
          }
        : { type: 'meeting_change_failed' };
    },

    async cancel(o: Effect<'cancel'>): Promise<EngineEvent> {
      const r = await calendar.cancel(o.meetingId);
      return r.ok ? { type: 'meeting_canceled' } : { type: 'meeting_change_failed' };
    },
  };
}
