import type { CalendarEntry } from '../booking/calendar.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import type { Delivery } from '../handoff/delivery/delivery-schema.js';
import { conversationHolds } from './match-email.js';
import type { PrivacyDeps } from './privacy-deps.js';

/** Everything stored about one person: what `export` prints and `erase` removes. */
export type PersonData = {
  email: string;
  conversations: Conversation[];
  /** Meetings of those conversations, and any whose attendee has the email. */
  meetings: CalendarEntry[];
  /** Webhook deliveries of those conversations, attempts included. */
  deliveries: Delivery[];
  /** Conversations that could not be read (a damaged file): they may hold the email too. */
  unreadable: string[];
};

/**
 * Finds every conversation holding `email` (lower-case; in the lead record or a message), the
 * meetings and the deliveries that belong to them. Reads every conversation: slow on a large
 * store, meant for an operator's request.
 *
 * @example const data = await findPerson(deps, 'dana@example.com'); data.conversations.length
 */
export async function findPerson(
  deps: Pick<PrivacyDeps, 'store' | 'calendar' | 'deliveries'>,
  email: string,
): Promise<PersonData> {
  const conversations: Conversation[] = [];
  const unreadable: string[] = [];
  for (const id of await deps.store.listConversationIds()) {
    const conv = await deps.store.getConversation(id).catch(() => {
      unreadable.push(id);
      return null;
    });
    if (conv !== null && conversationHolds(conv, email)) conversations.push(conv);
  }
  const ids = new Set(conversations.map((c) => c.id));
  const meetings = (await deps.calendar.list()).filter(
    (m) => ids.has(m.conversationId) || m.attendee?.email.trim().toLowerCase() === email,
  );
  const deliveries = (await deps.deliveries.list()).filter((d) => ids.has(d.conversationId));
  return { email, conversations, meetings, deliveries, unreadable };
}

/** One line per record, without the personal data itself: what `find` shows. */
export type PersonSummary = {
  email: string;
  conversations: { id: string; createdAt: string; updatedAt: string; messages: number }[];
  meetings: { id: string; conversationId: string; start: string; status: string }[];
  deliveries: {
    id: string;
    conversationId: string;
    eventType: string;
    status: string;
    createdAt: string;
    attempts: number;
  }[];
  unreadable: string[];
};

/**
 * The ids, dates and counts of a person's records.
 *
 * @example summarize(await findPerson(deps, email)).conversations[0].messages // 12
 */
export function summarize(data: PersonData): PersonSummary {
  return {
    email: data.email,
    conversations: data.conversations.map((c) => ({
      id: c.id,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      messages: c.messages.length,
    })),
    meetings: data.meetings.map((m) => ({
      id: m.id,
      conversationId: m.conversationId,
      start: m.start,
      status: m.status,
    })),
    deliveries: data.deliveries.map((d) => ({
      id: d.id,
      conversationId: d.conversationId,
      eventType: d.eventType,
      status: d.status,
      createdAt: d.createdAt,
      attempts: d.attempts.length,
    })),
    unreadable: data.unreadable,
  };
}

/** True when nothing of the person is stored. */
export const isEmpty = (data: PersonData): boolean =>
  data.conversations.length === 0 && data.meetings.length === 0 && data.deliveries.length === 0;
