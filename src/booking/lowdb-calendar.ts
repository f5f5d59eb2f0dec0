import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { jsonDataFile } from '../lib/json-file.js';
import type { Calendar, CalendarEntry } from './calendar.js';
import { createCalendar, type CalendarStorage } from './create-calendar.js';
import { overlaps, type RoundRobin } from './pick-rep.js';

const EntrySchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  repId: z.string(),
  // Files written before cancel/reschedule existed lack these: such meetings are booked, version 0.
  status: z.enum(['booked', 'canceled']).default('booked'),
  sequence: z.number().int().nonnegative().default(0),
  createdAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
  attendee: z.object({ name: z.string(), email: z.string() }).optional(),
  timezone: z.string().optional(),
  locale: z.string().optional(),
});
const DaySchema = z
  .object({ entries: z.array(EntrySchema).default([]) })
  .transform((day): Day => ({ entries: day.entries.map(toEntry) }));
const IndexSchema = z.object({
  /** meeting id -> the UTC day file that holds it. */
  meetings: z.record(z.string(), z.string()).default({}),
  roundRobin: z.record(z.string(), z.number()).default({}),
});
type Day = { entries: CalendarEntry[] };
type Index = z.output<typeof IndexSchema>;
const CALENDAR_FILE = { what: 'calendar file' };

const DAY_MS = 86_400_000;
const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;
const dayKey = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

function toEntry(e: z.output<typeof EntrySchema>): CalendarEntry {
  const { createdAt, updatedAt, ...rest } = e;
  return { ...rest, createdAt: createdAt ?? e.start, updatedAt: updatedAt ?? createdAt ?? e.start };
}

/**
 * The calendar on disk under `<dataDir>/calendar/`: one small lowdb file per UTC day of
 * meetings, so a change rewrites one day, never the whole history, plus `index.json` (which
 * day holds each meeting, and the round-robin counters). Changes run one at a time within the
 * process (see `createCalendar`); one process owns a data folder.
 *
 * Crash safety: each file is replaced atomically by lowdb. A new meeting is written to the
 * index before its day, and a moved one to its new day before the index, so a crash between
 * two writes leaves either an index line pointing at nothing (the claim was never confirmed)
 * or a stale copy in a day the index no longer names, which is ignored.
 *
 * @example const calendar = await createLowdbCalendar({ dataDir: './data' });
 */
export async function createLowdbCalendar({
  dataDir,
  clock = () => new Date(),
}: {
  dataDir: string;
  clock?: () => Date;
}): Promise<Calendar> {
  const dir = path.join(dataDir, 'calendar');
  // Test only: dies (kill -9) right after a new meeting is on disk, before the conversation
  // that books it is saved (test/integration/meeting-crash.test.ts).
  const crashAfterClaim = process.env.LEADBOT_CRASH_AT === 'calendar-claim';
  await mkdir(dir, { recursive: true });
  const indexPath = path.join(dir, 'index.json');
  const index = new Low<Index>(jsonDataFile(indexPath, IndexSchema, CALENDAR_FILE), {
    meetings: {},
    roundRobin: {},
  });
  await index.read();
  // Promises, not databases: two readers of a day that is not loaded yet must share one copy,
  // or a write through one would leave the other stale (and a later claim double-book).
  const days = new Map<string, Promise<Low<Day>>>();

  function day(key: string): Promise<Low<Day>> {
    const cached = days.get(key);
    if (cached) return cached;
    const dayPath = path.join(dir, `${key}.json`);
    const db = new Low<Day>(jsonDataFile(dayPath, DaySchema, CALENDAR_FILE), { entries: [] });
    const loaded = db.read().then(() => db);
    // A failed read (a corrupt file) is not cached, so it is reported again rather than hidden.
    loaded.catch(() => days.delete(key));
    days.set(key, loaded);
    return loaded;
  }

  /** Whether the index agrees that `key` holds the meeting (legacy meetings have no line). */
  const livesIn = (e: CalendarEntry, key: string): boolean =>
    (index.data.meetings[e.id] ?? key) === key;

  const storage: CalendarStorage = {
    async between(fromIso, toIso) {
      const out: CalendarEntry[] = [];
      // A meeting is filed under its start day; look one day back for one that runs past midnight.
      const first = Math.floor(Date.parse(fromIso) / DAY_MS) * DAY_MS - DAY_MS;
      for (let t = first; t < Date.parse(toIso); t += DAY_MS) {
        const key = dayKey(new Date(t).toISOString());
        const db = await day(key);
        out.push(
          ...db.data.entries
            .filter((e) => livesIn(e, key) && overlaps(e, { start: fromIso, end: toIso }))
            .map((e) => structuredClone(e)),
        );
      }
      return out;
    },
    async find(meetingId) {
      const key = index.data.meetings[meetingId];
      if (key === undefined) return null;
      const found = (await day(key)).data.entries.find((e) => e.id === meetingId);
      return found ? structuredClone(found) : null;
    },
    async save(entry, previous, roundRobin) {
      const key = dayKey(entry.start);
      const oldKey = previous ? dayKey(previous.start) : null;
      const writeIndex = async (): Promise<void> => {
        await index.update((d) => {
          d.meetings[entry.id] = key;
          if (roundRobin) d.roundRobin = { ...roundRobin };
        });
      };
      if (previous === null) await writeIndex();
      await (
        await day(key)
      ).update((d) => {
        d.entries = [...d.entries.filter((e) => e.id !== entry.id), structuredClone(entry)];
      });
      if (previous === null && crashAfterClaim) process.kill(process.pid, 'SIGKILL');
      if (previous !== null && (oldKey !== key || roundRobin)) await writeIndex();
      if (oldKey !== null && oldKey !== key) {
        await (
          await day(oldKey)
        ).update((d) => {
          d.entries = d.entries.filter((e) => e.id !== entry.id);
        });
      }
    },
    async roundRobin(): Promise<RoundRobin> {
      return index.data.roundRobin;
    },
    async all() {
      const out: CalendarEntry[] = [];
      for (const key of await dayKeys()) {
        const db = await day(key);
        out.push(...db.data.entries.filter((e) => livesIn(e, key)).map((e) => structuredClone(e)));
      }
      return out;
    },
    async remove(meetingId) {
      let found = false;
      // Every day, not only the one the index names: a crash mid-move can leave a stale copy.
      for (const key of await dayKeys()) {
        const db = await day(key);
        if (!db.data.entries.some((e) => e.id === meetingId)) continue;
        found = true;
        await db.update((d) => {
          d.entries = d.entries.filter((e) => e.id !== meetingId);
        });
      }
      if (index.data.meetings[meetingId] !== undefined)
        await index.update((d) => {
          delete d.meetings[meetingId];
        });
      return found;
    },
  };

  async function dayKeys(): Promise<string[]> {
    return (await readdir(dir))
      .map((name) => DAY_FILE.exec(name)?.[1])
      .filter((key): key is string => key !== undefined)
      .sort();
  }
  return createCalendar(storage, clock);
}
