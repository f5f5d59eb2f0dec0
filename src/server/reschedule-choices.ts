import { freeSlots, type FreeSlot } from '../booking/availability.js';
import type { Calendar, CalendarEntry } from '../booking/calendar.js';
import type { BookingConfig } from '../config/config-schema.js';

/** Whether the booking page may still cancel or move a meeting: booked and not yet started. */
export function isChangeable(entry: CalendarEntry, now: Date): boolean {
  return entry.status === 'booked' && Date.parse(entry.start) > now.getTime();
}

/**
 * The free times a meeting could move to, at most `limit`, from now to the end of the booking
 * horizon; its own time does not count as busy, and is not offered.
 *
 * @example const free = await rescheduleChoices({ calendar, booking, entry, now, limit: 8 });
 */
export async function rescheduleChoices({
  calendar,
  booking,
  entry,
  now,
  limit,
}: {
  calendar: Calendar;
  booking: BookingConfig;
  entry: CalendarEntry;
  now: Date;
  limit: number;
}): Promise<FreeSlot[]> {
  const to = new Date(now.getTime() + (booking.horizonDays + 1) * 86_400_000);
  const busy = await calendar.busy(now.toISOString(), to.toISOString(), {
    exceptHoldId: entry.conversationId,
  });
  const others = busy.filter(
    (b) => !(b.repId === entry.repId && b.start === entry.start && b.end === entry.end),
  );
  return freeSlots(booking, now, others, limit + 1)
    .filter((s) => s.start !== entry.start)
    .slice(0, limit);
}
