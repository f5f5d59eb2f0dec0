import type { CalendarEntry } from '../booking/calendar.js';
import type { CancelNotice } from './cancel-notice.js';
import { findPerson, isEmpty, type PersonData } from './find-person.js';
import type { PrivacyDeps } from './privacy-deps.js';

/** What an erasure removed, and what the CRM was told of the meetings it canceled. */
export type ErasureReport = {
  email: string;
  conversations: number;
  meetings: number;
  deliveries: number;
  canceled: { meetingId: string; start: string; notices: CancelNotice[] }[];
  /** Conversations that could not be read: they may still hold the email. */
  unreadable: string[];
};

/**
 * Erases one conversation everywhere: its deliveries (attempts included), its meetings in the
 * calendar, then the conversation itself (file, journal, caches). In that order, so a crash
 * half-way leaves the conversation, and running the erasure again finds and finishes it.
 * Returns how many deliveries and meetings went. Runs in the conversation's queue when given.
 *
 * @example await eraseConversationData(deps, 'c-1', meetingsOfIt)
 */
export async function eraseConversationData(
  deps: Pick<PrivacyDeps, 'store' | 'calendar' | 'deliveries' | 'queue'>,
  conversationId: string,
  meetings: readonly CalendarEntry[],
): Promise<{ deliveries: number; meetings: number }> {
  const task = async (): Promise<{ deliveries: number; meetings: number }> => {
    const deliveries = await deps.deliveries.deleteForConversation(conversationId);
    let erased = 0;
    for (const m of meetings) if (await deps.calendar.erase(m.id)) erased++;
    await deps.store.eraseConversation(conversationId);
    return { deliveries, meetings: erased };
  };
  return deps.queue ? deps.queue.run(conversationId, task) : task();
}

/**
 * Erases everything stored about the person with `email` (lower-case): a meeting still to come
 * is canceled first and its `meeting.canceled` webhook sent (see cancel-notice.ts); then every
 * conversation holding the email, its deliveries and its meetings are erased, and any other
 * meeting with the email as attendee. Pass what `findPerson` returned to erase exactly what was
 * shown to the operator; by default it looks again.
 *
 * @example const report = await erasePerson(deps, 'dana@example.com');
 */
export async function erasePerson(
  deps: PrivacyDeps,
  email: string,
  found?: PersonData,
): Promise<ErasureReport> {
  const data = found ?? (await findPerson(deps, email));
  const report: ErasureReport = {
    email,
    conversations: 0,
    meetings: 0,
    deliveries: 0,
    canceled: [],
    unreadable: data.unreadable,
  };
  if (isEmpty(data)) return report;
  const now = deps.clock().getTime();
  for (const m of data.meetings) {
    if (m.status !== 'booked' || Date.parse(m.start) <= now) continue;
    const result = await deps.calendar.cancel(m.id);
    if (!result.ok || !result.changed) continue;
    const conv = data.conversations.find((c) => c.id === m.conversationId) ?? null;
    const notices = deps.notifyCanceled ? await deps.notifyCanceled(conv, result.entry) : [];
    report.canceled.push({ meetingId: m.id, start: m.start, notices });
  }
  for (const conv of data.conversations) {
    const own = data.meetings.filter((m) => m.conversationId === conv.id);
    const erased = await eraseConversationData(deps, conv.id, own);
    report.conversations++;
    report.deliveries += erased.deliveries;
    report.meetings += erased.meetings;
  }
  const ids = new Set(data.conversations.map((c) => c.id));
  for (const m of data.meetings)
    if (!ids.has(m.conversationId) && (await deps.calendar.erase(m.id))) report.meetings++;
  return report;
}
