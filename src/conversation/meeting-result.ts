import { slotLabel } from '../booking/availability.js';
import { CONFIRM_REQUESTED } from '../email/confirm-link.js';
import { getField } from '../lead/lead-record.js';
import type { Conversation } from './conversation-schema.js';
import { say, withEvent } from './engine-support.js';
import type { EngineContext, EngineEvent, Transition } from './engine-types.js';
import { meetingLinks, type Proceed } from './meeting-flow.js';
import { MAX_BOOKING_ASKS } from './next-step.js';
import { ENDED, qualifying } from './phase.js';

/** The shell's answer to a book / reschedule / cancel effect. */
export function onMeetingResult(
  conv: Conversation,
  event: EngineEvent,
  now: Date,
  ctx: EngineContext,
  proceed: Proceed,
): Transition | null {
  const at = now.toISOString();
  const { timezone, locale } = conv.visitor;
  const done: Conversation = { ...conv, phase: ENDED };
  switch (event.type) {
    case 'booking_confirmed': {
      const meeting = {
        id: event.meetingId,
        start: event.start,
        end: event.end,
        repId: event.repId,
        status: 'booked' as const,
        bookedAt: at,
      };
      const rep = ctx.config.booking.reps.find((r) => r.id === event.repId);
      const next = withEvent(
        { ...done, meeting, declined: conv.declined.filter((s) => s !== 'booking') },
        'meeting.booked',
        now,
        ctx,
      );
      return say(
        next,
        [
          {
            template: 'booked',
            vars: {
              when: slotLabel(event.start, timezone, locale),
              repName: rep?.name ?? 'our team',
              ...meetingLinks(ctx, event.meetingId),
            },
          },
        ],
        true,
      );
    }
    case 'meeting_rescheduled': {
      if (!conv.meeting) return null;
      const next = withEvent(
        {
          ...done,
          meeting: { ...conv.meeting, start: event.start, end: event.end, repId: event.repId },
        },
        'meeting.rescheduled',
        now,
        ctx,
      );
      return say(
        next,
        [
          {
            template: 'rescheduled',
            vars: {
              when: slotLabel(event.start, timezone, locale),
              ...meetingLinks(ctx, conv.meeting.id),
            },
          },
        ],
        true,
      );
    }
    case 'meeting_canceled': {
      if (!conv.meeting) return null;
      // The chat stays open: "book a new meeting" offers times again. Until then no time is pushed.
      const open: Conversation = {
        ...done,
        phase: qualifying(),
        meeting: { ...conv.meeting, status: 'canceled' as const },
        declined: [...conv.declined.filter((s) => s !== 'booking'), 'booking' as const],
      };
      return say(withEvent(open, 'meeting.canceled', now, ctx), [
        { template: 'meeting-canceled', vars: {} },
      ]);
    }
    case 'booking_held': {
      const { type: _type, meetingId: id, ...slot } = event;
      const held = withEvent(
        {
          ...done,
          heldMeeting: { id, ...slot },
          declined: conv.declined.filter((s) => s !== 'booking'),
        },
        CONFIRM_REQUESTED,
        now,
        ctx,
      );
      const rep = ctx.config.booking.reps.find((r) => r.id === event.repId);
      return say(
        held,
        [
          {
            template: 'booking-held',
            vars: {
              when: slotLabel(event.start, timezone, locale),
              repName: rep?.name ?? 'our team',
              email: getField(conv.lead, 'contact.email') ?? '',
              minutes: ctx.config.booking.confirmMinutes,
            },
          },
        ],
        true,
      );
    }
    case 'booking_limited':
      // No meeting for now, said plainly; the chat goes on without offering times again.
      return proceed(
        { ...conv, declined: [...conv.declined.filter((s) => s !== 'booking'), 'booking'] },
        [{ template: 'booking-limited', vars: {} }],
      );
    case 'booking_failed':
    case 'meeting_change_failed':
      return proceed(
        {
          ...conv,
          asks: { ...conv.asks, booking: Math.min(conv.asks.booking ?? 0, MAX_BOOKING_ASKS - 1) },
        },
        [{ template: 'slot-unavailable', vars: { requested: null, several: false } }],
      );
    default:
      return null;
  }
}
