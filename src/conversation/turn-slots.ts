import { freeSlots, type FreeSlot } from '../booking/availability.js';
import type { BookingGuard } from '../booking/booking-guard.js';
import type { Calendar } from '../booking/calendar.js';
import type { Config } from '../config/config-schema.js';
import type { MeetingSignals } from '../extract/meeting/read-meeting.js';
import { getField } from '../lead/lead-record.js';
import type { Conversation } from './conversation-schema.js';
import { offeredSlots } from './phase.js';

/** The visitor's words of this turn, and what they say about meetings. */
export type VisitorWords = { text: string; meeting: MeetingSignals };

/** The meeting slots of one turn: which are free, and which are held for the visitor. */
export type TurnSlots = {
  /**
   * Free meeting slots, looked up only when this turn may offer or move a meeting: a lead
   * becomes sales-qualified only once it has an email, so earlier turns skip the calendar.
   */
  lookup(conv: Conversation, now: Date, said: VisitorWords | null): Promise<FreeSlot[]>;
  /**
   * Keeps the slots just offered (for a first meeting or to move one) aside for this visitor
   * while they choose (config.booking.holdMinutes), each with a rep who is free then
   * (`FreeSlot.repIds` of the slots the offer came from), so a held slot is really kept for
   * them. Holds are renewed on every turn the offer stays open, and let go once the chat no
   * longer waits for a choice.
   */
  holdOffered(
    before: Conversation,
    after: Conversation,
    free: readonly FreeSlot[],
    now: Date,
  ): Promise<void>;
};

/** The slot lookup and holds of the chat service, over the calendar. */
export function createTurnSlots({
  config,
  calendar,
  bookingGuard,
}: {
  config: Config;
  calendar: Calendar;
  bookingGuard?: BookingGuard | undefined;
}): TurnSlots {
  return {
    async lookup(conv, now, said) {
      const text = said?.text ?? null;
      const mayNeed =
        conv.meeting !== null ||
        conv.phase.kind === 'offering' ||
        getField(conv.lead, 'contact.email') !== undefined ||
        (text !== null && text.includes('@'));
      if (!mayNeed) return [];
      const horizon = new Date(now.getTime() + (config.booking.horizonDays + 1) * 86_400_000);
      const busy = await calendar.busy(now.toISOString(), horizon.toISOString(), {
        exceptHoldId: conv.id,
      });
      // Times offered to a visitor stay bookable while they are held for them, even if the
      // minimum notice runs out meanwhile: the notice counts from when the hold began at most.
      const noticeFrom =
        offeredSlots(conv.phase).length > 0
          ? new Date(now.getTime() - config.booking.holdMinutes * 60_000)
          : now;
      // Reading a typed choice or moving a meeting needs the whole horizon; a first offer needs
      // only the next few (computing 14 days of slots costs milliseconds on every such turn).
      const choosing =
        conv.phase.kind === 'offering' ||
        conv.meeting !== null ||
        (said !== null && (conv.asks.booking ?? 0) > 0 && said.meeting.asksForMeeting);
      const limit = choosing ? 500 : config.booking.offer;
      return freeSlots(config.booking, noticeFrom, busy, limit + 1)
        .filter((s) => Date.parse(s.start) > now.getTime())
        .slice(0, limit);
    },

    async holdOffered(before, after, free, now) {
      const offered = offeredSlots(after.phase);
      const was = offeredSlots(before.phase);
      const same = offered.length === was.length && offered.every((s, i) => s === was[i]);
      if (offered.length === 0 && same) return;
      if (!same) await calendar.release(after.id);
      if (offered.length === 0) return bookingGuard?.released(after);
      const until = new Date(now.getTime() + config.booking.holdMinutes * 60_000);
      // One client holds times in a few conversations at most; beyond, times are offered unheld.
      if (bookingGuard && !bookingGuard.mayHold(after, until)) return;
      for (const start of offered) {
        const slot = free.find((s) => Date.parse(s.start) === Date.parse(start));
        // A slot no rep is free for any more cannot be held; picking it offers the nearest ones.
        if (slot) await calendar.hold(slot, after.id, until);
      }
    },
  };
}
