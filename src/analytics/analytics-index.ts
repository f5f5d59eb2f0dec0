import type { Conversation } from '../conversation/conversation-schema.js';
import type { Report, ReportOptions } from './build-report.js';
import { conversationFacts, type ConversationFacts } from './conversation-facts.js';
import type { SourceKey } from './report-sources.js';
import { sumFacts } from './sum-facts.js';

/**
 * The analytics pre-aggregation: one small facts row per stored conversation
 * (conversation-facts.ts), kept current on every save and erase, so that a report is a sum
 * over the rows (sum-facts.ts) and never reads a conversation.
 */
export type AnalyticsIndex = {
  /** The report of the conversations indexed: equal to `buildReport` over them. */
  report(options: ReportOptions): Report;
  /** Puts the conversation's row (a landed save). */
  saved(conv: Conversation): void;
  /** Removes a conversation's row; true when it had one. */
  erased(id: string): boolean;
  /** Puts rows made earlier (read back from the index's file). */
  putRows(rows: Iterable<ConversationFacts>): void;
  rows(): IterableIterator<ConversationFacts>;
  has(id: string): boolean;
  get(id: string): ConversationFacts | undefined;
  size(): number;
};

/**
 * An analytics index in memory. Rows share their source objects (most conversations come from
 * a few sources), so 100,000 rows stay small.
 *
 * @example const index = createAnalyticsIndex(); saves.on(({ conversation }) => index.saved(conversation));
 */
export function createAnalyticsIndex(): AnalyticsIndex {
  const rows = new Map<string, ConversationFacts>();
  const sources = new Map<string, SourceKey>();
  const put = (row: ConversationFacts): void => {
    const key = JSON.stringify(row.source);
    const shared = sources.get(key) ?? row.source;
    sources.set(key, shared);
    rows.set(row.id, { ...row, source: shared });
  };
  return {
    report: (options) => sumFacts(rows.values(), options),
    saved: (conv) => put(conversationFacts(conv)),
    erased: (id) => rows.delete(id),
    putRows(given) {
      for (const row of given) put(row);
    },
    rows: () => rows.values(),
    has: (id) => rows.has(id),
    get: (id) => rows.get(id),
    size: () => rows.size,
  };
}
