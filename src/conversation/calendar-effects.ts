import { attendeeName } from '../booking/attendee-name.js';
import type { BookingGuard } from '../booking/booking-guard.js';
import type { Calendar, MeetingRequest } from '../booking/calendar.js';
import { getField } from '../lead/lead-record.js';
import type { Conversation } from './conversation-schema.js';
import type { EngineEvent, EngineOutput } from './engine-types.js';

type Effect<T extends EngineOutput['type']> = Extract<EngineOutput, { type: T }>;

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
) {
  return {
    async book(o: Effect<'book'>, conv: Conversation): Promise<EngineEvent> {
      // Taken before the claim (two conversations of one client book at once), given back on a miss.
      if (guard && !guard.take(conv)) return { type: 'booking_limited' };
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
