import type { InboxCounts, InboxPage, InboxSearch } from '../console/inbox/inbox-query.js';
import type { InboxRow } from '../console/inbox/inbox-row.js';

/** A row with what the query compares, worked out once when the row is put. */
type Entry = {
  row: InboxRow;
  /** Newest first: by `updatedAt`, then by id. */
  sortMs: number;
  createdMs: number;
  /** Name, email and company in lower case, for the search. */
  hay: string;
  speedSinceMs: number | null;
};

/** The inbox rows of a store, kept in inbox order, answering the inbox's queries. */
export type InboxIndex = {
  /** Adds or replaces the row of `row.id`. */
  put(row: InboxRow): void;
  /** Forgets a conversation's row; returns whether it had one. */
  remove(id: string): boolean;
  get(id: string): InboxRow | undefined;
  /** Every row, newest first. */
  rows(): InboxRow[];
  readonly size: number;
  query(search: InboxSearch): InboxPage;
};

/** Whether `a` comes before `b` in the inbox: newer first, then by id. */
const before = (a: Entry, b: Entry): boolean =>
  a.sortMs !== b.sortMs ? a.sortMs > b.sortMs : a.row.id < b.row.id;

/**
 * An in-memory inbox index: one row per conversation, in an array kept sorted newest first
 * (a put moves one row: a binary search and a splice), so a query is one pass over the rows
 * with no sort and no conversation read. Used by both Store adapters.
 *
 * @example
 *   const index = createInboxIndex();
 *   index.put(projection.project(conv));
 *   index.query({ page: 1, pageSize: 50, stage: 'SQL' }).rows
 */
export function createInboxIndex(): InboxIndex {
  const byId = new Map<string, Entry>();
  const order: Entry[] = [];

  // The first position whose entry does not come before `e`.
  const positionOf = (e: Entry): number => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = order[mid];
      if (at !== undefined && before(at, e)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const unlink = (e: Entry): void => {
    const at = positionOf(e);
    if (order[at] === e) order.splice(at, 1);
    else order.splice(order.indexOf(e), 1); // never expected: entries are not mutated
  };

  return {
    put(row) {
      const old = byId.get(row.id);
      if (old !== undefined) unlink(old);
      const entry: Entry = {
        row,
        sortMs: Date.parse(row.updatedAt),
        createdMs: Date.parse(row.createdAt),
        hay: [row.name, row.email, row.company]
          .filter((s) => s !== null)
          .join('\n')
          .toLowerCase(),
        speedSinceMs: row.speedToLead === null ? null : Date.parse(row.speedToLead.since),
      };
      byId.set(row.id, entry);
      order.splice(positionOf(entry), 0, entry);
    },
    remove(id) {
      const old = byId.get(id);
      if (old === undefined) return false;
      unlink(old);
      byId.delete(id);
      return true;
    },
    get: (id) => byId.get(id)?.row,
    rows: () => order.map((e) => e.row),
    get size() {
      return byId.size;
    },
    query: (search) => queryEntries(order, search),
  };
}

function emptyCounts(): InboxCounts {
  return {
    all: 0,
    stage: { visitor: 0, lead: 0, MQL: 0, SQL: 0 },
    grade: { hot: 0, warm: 0, cold: 0 },
    wantsPerson: 0,
    booked: 0,
    waiting: 0,
  };
}

function queryEntries(order: readonly Entry[], s: InboxSearch): InboxPage {
  const counts = emptyCounts();
  const rows: InboxRow[] = [];
  const speeds: number[] = [];
  const first = (s.page - 1) * s.pageSize;
  let total = 0;
  for (const e of order) {
    const r = e.row;
    if (s.speedSince !== undefined && e.speedSinceMs !== null && e.speedSinceMs >= s.speedSince) {
      const seconds = r.speedToLead?.seconds;
      if (seconds !== null && seconds !== undefined) speeds.push(seconds);
    }
    // Worth a look: the visitor wrote at least once.
    if (r.lastVisitorMessageAt === null) continue;
    if (s.createdFrom !== undefined && e.createdMs < s.createdFrom) continue;
    if (s.createdBefore !== undefined && e.createdMs >= s.createdBefore) continue;
    if (s.source !== undefined && r.source !== s.source) continue;
    if (s.q !== undefined && !e.hay.includes(s.q)) continue;
    const booked = r.meeting?.status === 'booked';
    counts.all++;
    counts.stage[r.stage]++;
    counts.grade[r.grade]++;
    if (r.wantsPerson) counts.wantsPerson++;
    if (booked) counts.booked++;
    if (r.waitingSince !== null) counts.waiting++;
    if (s.stage !== undefined && r.stage !== s.stage) continue;
    if (s.grade !== undefined && r.grade !== s.grade) continue;
    if (s.person !== undefined && r.wantsPerson !== s.person) continue;
    if (s.booked !== undefined && booked !== s.booked) continue;
    if (s.assignedTo !== undefined && r.assignedTo !== s.assignedTo) continue;
    if (total >= first && total < first + s.pageSize) rows.push(structuredClone(r));
    total++;
  }
  return {
    rows,
    total,
    page: s.page,
    pageSize: s.pageSize,
    counts,
    speedToLead: { count: speeds.length, medianSeconds: median(speeds) },
  };
}

/** The median of `values` (the mean of the middle two for an even count), or null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}
