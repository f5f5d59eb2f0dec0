import type { Logger } from '../lib/logger.js';
import type { Store } from '../store/store.js';
import type { Calendar, CalendarEntry } from './calendar.js';

/** How far ahead the repair looks: past any booking horizon (at most 365 days). */
const LOOK_AHEAD_MS = 366 * 86_400_000;

/**
 * The start-up repair of the crash order between the calendar and the conversations: a meeting
 * is written to the calendar when the chat books it, before the conversation that refers to it
 * is saved, so a server killed in between leaves a booked slot that belongs to no conversation
 * (a phantom: it blocks the rep, and no webhook ever announced it). Run after the store has
 * replayed its journal and before serving: every booked meeting still to come whose
 * conversation does not name it (`conversation.meeting.id`) is canceled in the calendar, which
 * frees its slot, and logged. No webhook is sent: none was sent for the booking. A meeting whose
 * conversation cannot be read is left as it is (logged). Resolves with the meetings released.
 *
 * @example await releaseOrphanMeetings({ calendar, store, clock, logger });
 */
export async function releaseOrphanMeetings(deps: {
  calendar: Calendar;
  store: Pick<Store, 'getConversation'>;
  clock: () => Date;
  logger: Logger;
}): Promise<CalendarEntry[]> {
  const { calendar, store, logger } = deps;
  const now = deps.clock().getTime();
  const upcoming = await calendar.meetingsBetween(
    new Date(now).toISOString(),
    new Date(now + LOOK_AHEAD_MS).toISOString(),
  );
  const released: CalendarEntry[] = [];
  for (const entry of upcoming) {
    if (entry.status !== 'booked' || Date.parse(entry.end) <= now) continue;
    const meeting = { meetingId: entry.id, conversationId: entry.conversationId };
    let referred: boolean;
    try {
      const conversation = await store.getConversation(entry.conversationId);
      referred = conversation?.meeting?.id === entry.id;
    } catch (e) {
      logger.error('could not check whether a meeting belongs to its conversation; left booked', {
        ...meeting,
        error: e instanceof Error ? e.message : String(e),
      });
      continue;
    }
    if (referred) continue;
    const result = await calendar.cancel(entry.id);
    if (!result.ok) continue;
    released.push(result.entry);
    logger.warn(
      'released a meeting that no conversation refers to (the server stopped between booking it and saving the conversation); its slot is free again, no webhook had been sent',
      { ...meeting, start: entry.start, end: entry.end, repId: entry.repId },
    );
  }
  return released;
}
