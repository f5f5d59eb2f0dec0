import { DateTime } from 'luxon';
import { z } from 'zod';
import { GRADES, STAGES, type Grade, type Stage } from '../../scoring/score-lead.js';
import type { InboxRow } from './inbox-row.js';

/** A GET form sends "" for an untouched field: that means "any". */
const blank = (v: unknown): unknown => (v === '' ? undefined : v);
const flag = z.preprocess(
  blank,
  z
    .enum(['1', '0', 'true', 'false', 'on', 'yes', 'no'])
    .transform((v) => v === '1' || v === 'true' || v === 'on' || v === 'yes')
    .optional(),
);
const day = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
    .refine((d) => DateTime.fromISO(d).isValid, 'not a calendar date')
    .optional(),
);

/**
 * The inbox's query string (`GET /console`, `/console/api/inbox`, `/admin/leads`): filters,
 * search, paging. `from` and `to` are days in `booking.timezone` (both included) on the day the
 * conversation started; `mine` keeps the leads assigned to the signed-in user.
 *
 * @example InboxQuerySchema.parse({ stage: 'SQL', person: '1', q: 'beacon', page: '2' })
 */
export const InboxQuerySchema = z.object({
  stage: z.preprocess(blank, z.enum(STAGES).optional()),
  grade: z.preprocess(blank, z.enum(GRADES).optional()),
  person: flag,
  booked: flag,
  mine: flag,
  from: day,
  to: day,
  source: z.preprocess(blank, z.string().trim().toLowerCase().max(256).optional()),
  q: z.preprocess(blank, z.string().trim().max(200).optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(blank, z.coerce.number().int().min(1).max(100).default(50)),
});
export type InboxQuery = z.output<typeof InboxQuerySchema>;

/** What a Store's `queryInbox` answers: the query resolved to instants and a user. */
export type InboxSearch = {
  stage?: Stage;
  grade?: Grade;
  person?: boolean;
  booked?: boolean;
  /** Only the leads assigned to this console user (email). */
  assignedTo?: string;
  /** Conversations started at or after this instant (ms)... */
  createdFrom?: number;
  /** ...and before this one (ms). */
  createdBefore?: number;
  source?: string;
  /** Words found in the name, email or company (case-insensitive). */
  q?: string;
  page: number;
  pageSize: number;
  /** Count speed to lead over the leads that began waiting at or after this instant (ms). */
  speedSince?: number;
};

export type InboxCounts = {
  /** Conversations worth a look within the date range, source and search. */
  all: number;
  stage: Record<Stage, number>;
  grade: Record<Grade, number>;
  wantsPerson: number;
  booked: number;
  /** Waiting for a first human touch. */
  waiting: number;
};

/** One page of the inbox: the rows, the number matching, and the counts beside the filters. */
export type InboxPage = {
  rows: InboxRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: InboxCounts;
  /** Leads that began waiting since `speedSince` and were touched, with the median seconds. */
  speedToLead: { count: number; medianSeconds: number | null };
};

/**
 * The store's search for a parsed query: days turned into instants in `timezone`, `mine` into
 * the user's email, and speed to lead over the 7 days before `now`.
 *
 * @example searchOf(query, { me: 'ana@beacon.example', timezone: 'Europe/Berlin', now })
 */
export function searchOf(
  query: InboxQuery,
  ctx: { me: string | null; timezone: string; now: Date },
): InboxSearch {
  const startOf = (d: string, plusDays: number): number =>
    DateTime.fromISO(d, { zone: ctx.timezone }).startOf('day').plus({ days: plusDays }).toMillis();
  return {
    stage: query.stage,
    grade: query.grade,
    person: query.person,
    booked: query.booked,
    assignedTo: query.mine === true ? (ctx.me ?? '') : undefined,
    createdFrom: query.from === undefined ? undefined : startOf(query.from, 0),
    createdBefore: query.to === undefined ? undefined : startOf(query.to, 1),
    source: query.source,
    q: query.q?.toLowerCase(),
    page: query.page,
    pageSize: query.pageSize,
    speedSince: ctx.now.getTime() - SPEED_WINDOW_MS,
  };
}

/** The inbox header's speed to lead: the median over the last 7 days. */
export const SPEED_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
