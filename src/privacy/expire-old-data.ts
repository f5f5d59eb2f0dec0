import { eraseConversationData } from './erase-person.js';
import type { PrivacyDeps } from './privacy-deps.js';

/** What one retention sweep erased. */
export type RetentionReport = {
  /** Conversations last active before the cutoff, erased with their deliveries and meetings. */
  conversations: number;
  meetings: number;
  deliveries: number;
  /** Old conversations kept because their meeting is still to come. */
  keptForMeeting: number;
  cutoff: string;
  /** Set when the sweep was stopped (the server shutting down) before it finished. */
  stopped?: true;
};

const DAY_MS = 86_400_000;

/**
 * Erases what is older than `days` at the clock's time: conversations last updated before the
 * cutoff (their deliveries and meetings with them, as an erasure does), meetings canceled or
 * ended before it, and deliveries finished before it whose conversation is gone. A conversation
 * whose meeting is still to come is kept (an expiry never cancels a meeting). No webhook is
 * sent: nothing the CRM has not heard of changes.
 *
 * `signal` stops the sweep between two conversations (a server shutting down need not wait for
 * it to read every conversation): the meetings and deliveries steps, which rely on every
 * conversation having been seen, are then skipped, and the next sweep starts over.
 *
 * @example const report = await expireOldData(deps, 365); report.conversations
 */
export async function expireOldData(
  deps: Omit<PrivacyDeps, 'notifyCanceled'>,
  days: number,
  signal?: AbortSignal,
): Promise<RetentionReport> {
  const now = deps.clock().getTime();
  const cutoff = now - days * DAY_MS;
  const report: RetentionReport = {
    conversations: 0,
    meetings: 0,
    deliveries: 0,
    keptForMeeting: 0,
    cutoff: new Date(cutoff).toISOString(),
  };
  const meetings = await deps.calendar.list();
  const live = new Set<string>();
  for (const id of await deps.store.listConversationIds()) {
    if (signal?.aborted) return { ...report, stopped: true };
    // A file that cannot be read is left for the operator: retention never guesses.
    const conv = await deps.store.getConversation(id).catch(() => null);
    if (conv === null) continue;
    if (Date.parse(conv.updatedAt) >= cutoff) {
      live.add(id);
      continue;
    }
    const own = meetings.filter((m) => m.conversationId === id);
    if (own.some((m) => m.status === 'booked' && Date.parse(m.end) > now)) {
      report.keptForMeeting++;
      live.add(id);
      continue;
    }
    const erased = await eraseConversationData(deps, id, own);
    report.conversations++;
    report.meetings += erased.meetings;
    report.deliveries += erased.deliveries;
  }
  for (const m of await deps.calendar.list()) {
    const old =
      (m.status === 'canceled' && Date.parse(m.updatedAt) < cutoff) || Date.parse(m.end) < cutoff;
    if (old && (await deps.calendar.erase(m.id))) report.meetings++;
  }
  const orphans = new Set<string>();
  for (const d of await deps.deliveries.list())
    if (!live.has(d.conversationId) && Date.parse(d.updatedAt) < cutoff)
      orphans.add(d.conversationId);
  for (const id of orphans) {
    if ((await deps.store.getConversation(id).catch(() => null)) !== null) continue;
    report.deliveries += await deps.deliveries.deleteForConversation(id);
  }
  return report;
}
