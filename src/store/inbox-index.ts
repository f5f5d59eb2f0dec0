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
  /** Worth a look: the visitor wrote at least once. */
  worth: boolean;
  booked: boolean;
};

/** The inbox rows of a store, kept in inbox order, answering the inbox's queries. */
export type InboxIndex = {
  /** Adds or replaces the row of `row.id`. */
  put(row: InboxRow): void;
  /** Adds or replaces many rows at once (a load or rebuild): one sort instead of one move each. */
  putMany(rows: readonly InboxRow[]): void;
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

function entryOf(row: InboxRow): Entry {
  return {
    row,
    sortMs: Date.parse(row.updatedAt),
    createdMs: Date.parse(row.createdAt),
    hay: [row.name, row.email, row.company]
      .filter((s) => s !== null)
      .join('\n')
      .toLowerCase(),
    worth: row.lastVisitorMessageAt !== null,
    booked: row.meeting?.status === 'booked',
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

/** Adds (`by` 1) or takes away (-1) an entry from the counts. */
function count(c: InboxCounts, e: Entry, by: 1 | -1): void {
  c.all += by;
  c.stage[e.row.stage] += by;
  c.grade[e.row.grade] += by;
  if (e.row.wantsPerson) c.wantsPerson += by;
  if (e.booked) c.booked += by;
  if (e.row.waitingSince !== null) c.waiting += by;
}

/**
 * An in-memory inbox index: one row per conversation, in an array kept sorted newest first
 * (a put moves one row: a binary search and a splice), with the counts of the rows worth a look
 * kept as rows come and go. The default first page (no filter) reads 50 rows; a filtered query
 * is one pass over the rows, with no sort and no conversation read. Used by both Store adapters.
 *
 * @example
 *   const index = createInboxIndex();
 *   index.put(projection.project(conv));
 *   index.query({ page: 1, pageSize: 50, stage: 'SQL' }).rows
 */
export function createInboxIndex(): InboxIndex {
  const byId = new Map<string, Entry>();
  let order: Entry[] = [];
  const counts = emptyCounts();
  // Speed to lead of the leads a rep touched: since when (ms) and the seconds it took.
  const touched = new Map<string, { sinceMs: number; seconds: number }>();

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
  const forget = (id: string, unlink: boolean): boolean => {
    const old = byId.get(id);
    if (old === undefined) return false;
    if (unlink) {
      const at = positionOf(old);
      order.splice(order[at] === old ? at : order.indexOf(old), 1);
    }
    if (old.worth) count(counts, old, -1);
    touched.delete(id);
    byId.delete(id);
    return true;
  };
  const remember = (e: Entry): void => {
    byId.set(e.row.id, e);
    if (e.worth) count(counts, e, 1);
    const speed = e.row.speedToLead;
    if (speed !== null && speed.seconds !== null)
      touched.set(e.row.id, { sinceMs: Date.parse(speed.since), seconds: speed.seconds });
  };

  return {
    put(row) {
      forget(row.id, true);
      const entry = entryOf(row);
      remember(entry);
      order.splice(positionOf(entry), 0, entry);
    },
    putMany(rows) {
      for (const row of rows) {
        forget(row.id, false);
        remember(entryOf(row));
      }
      order = [...byId.values()].sort((a, b) => (before(a, b) ? -1 : 1));
    },
    remove: (id) => forget(id, true),
    get: (id) => byId.get(id)?.row,
    rows: () => order.map((e) => e.row),
    get size() {
      return byId.size;
    },
    query(s) {
      const speeds: number[] = [];
      if (s.speedSince !== undefined)
        for (const t of touched.values()) if (t.sinceMs >= s.speedSince) speeds.push(t.seconds);
      const found = unfiltered(s) ? firstRows(order, s, counts) : scan(order, s);
      return { ...found, speedToLead: { count: speeds.length, medianSeconds: median(speeds) } };
    },
  };
}

type Found = Omit<InboxPage, 'speedToLead'>;

const unfiltered = (s: InboxSearch): boolean =>
  [
    s.stage,
    s.grade,
    s.person,
    s.booked,
    s.assignedTo,
    s.createdFrom,
    s.createdBefore,
    s.source,
    s.q,
  ].every((v) => v === undefined);

/** The unfiltered list: the page's rows in order, the total and counts as kept. */
function firstRows(order: readonly Entry[], s: InboxSearch, counts: InboxCounts): Found {
  const first = (s.page - 1) * s.pageSize;
  const rows: InboxRow[] = [];
  let seen = 0;
  for (const e of order) {
    if (!e.worth) continue;
    if (seen++ < first) continue;
    rows.push(structuredClone(e.row));
    if (rows.length >= s.pageSize) break;
  }
  return {
    rows,
    total: counts.all,
    page: s.page,
    pageSize: s.pageSize,
    counts: structuredClone(counts),
  };
}

/** A filtered list: one pass; the counts are over the dates, source and search only. */
function scan(order: readonly Entry[], s: InboxSearch): Found {
  const counts = emptyCounts();
  const rows: InboxRow[] = [];
  const first = (s.page - 1) * s.pageSize;
  let total = 0;
  for (const e of order) {
    if (!e.worth) continue;
    if (s.createdFrom !== undefined && e.createdMs < s.createdFrom) continue;
    if (s.createdBefore !== undefined && e.createdMs >= s.createdBefore) continue;
    const r = e.row;
    if (s.source !== undefined && r.source !== s.source) continue;
    if (s.q !== undefined && !e.hay.includes(s.q)) continue;
    count(counts, e, 1);
    if (s.stage !== undefined && r.stage !== s.stage) continue;
    if (s.grade !== undefined && r.grade !== s.grade) continue;
    if (s.person !== undefined && r.wantsPerson !== s.person) continue;
    if (s.booked !== undefined && e.booked !== s.booked) continue;
    if (s.assignedTo !== undefined && r.assignedTo !== s.assignedTo) continue;
    if (total >= first && total < first + s.pageSize) rows.push(structuredClone(r));
    total++;
  }
  return { rows, total, page: s.page, pageSize: s.pageSize, counts };
}

/** The median of `values` (the mean of the middle two for an even count), or null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}
