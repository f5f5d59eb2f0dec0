import type { PersonData } from './find-person.js';

/**
 * The export of one person: every conversation (lead record, transcript, visitor context),
 * meeting and delivery (with its attempts) stored about them, as one JSON document.
 *
 * @example JSON.stringify(personExport(await findPerson(deps, email), new Date()), null, 2)
 */
export function personExport(data: PersonData, now: Date) {
  return {
    exportedAt: now.toISOString(),
    email: data.email,
    conversations: data.conversations,
    meetings: data.meetings,
    deliveries: data.deliveries,
    ...(data.unreadable.length > 0 ? { unreadableConversations: data.unreadable } : {}),
  };
}
