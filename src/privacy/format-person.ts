import type { ErasureReport } from './erase-person.js';
import type { PersonSummary } from './find-person.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * What `privacy find` prints: one line per conversation, meeting and delivery, with ids, dates
 * and counts (never the personal data itself).
 *
 * @example formatSummary(summarize(data), 'data (DATA_DIR)').join('\n')
 */
export function formatSummary(s: PersonSummary, where: string): string[] {
  const out = [`${s.email} in ${where}:`];
  out.push(`conversations (${s.conversations.length}):`);
  for (const c of s.conversations)
    out.push(
      `  ${c.id}  created ${c.createdAt}  last active ${c.updatedAt}  ${plural(c.messages, 'message')}`,
    );
  out.push(`meetings (${s.meetings.length}):`);
  for (const m of s.meetings)
    out.push(`  ${m.id}  ${m.start}  ${m.status}  conversation ${m.conversationId}`);
  out.push(`deliveries (${s.deliveries.length}):`);
  for (const d of s.deliveries)
    out.push(
      `  ${d.id}  ${d.eventType}  ${d.status}  ${plural(d.attempts, 'attempt')}  ${d.createdAt}  conversation ${d.conversationId}`,
    );
  out.push(...unreadableLines(s.unreadable));
  return out;
}

/**
 * What `privacy erase` prints when done: the counts, and what the CRM was told of each meeting
 * it canceled.
 *
 * @example formatErasure(report).join('\n')
 */
export function formatErasure(r: ErasureReport): string[] {
  const out = [
    `erased ${r.email}: ${plural(r.conversations, 'conversation')}, ${plural(r.meetings, 'meeting')}, ${plural(r.deliveries, 'delivery', 'deliveries')}.`,
  ];
  for (const c of r.canceled) {
    const told =
      c.notices.length === 0
        ? 'no destination takes meeting.canceled'
        : c.notices
            .map((n) => `${n.destinationId} ${n.outcome}${n.detail ? ` (${n.detail})` : ''}`)
            .join(', ');
    out.push(`canceled meeting ${c.meetingId} on ${c.start}; meeting.canceled webhook: ${told}`);
  }
  out.push(...unreadableLines(r.unreadable));
  return out;
}

function unreadableLines(ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  return [
    `warning: ${plural(ids.length, 'conversation')} could not be read and may hold the email too: ${ids.join(', ')}`,
  ];
}
