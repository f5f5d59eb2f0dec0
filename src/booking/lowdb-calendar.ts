import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DataFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { createKeyedQueue } from '../store/keyed-queue.js';
import type { BusyTime, FreeSlot } from './availability.js';
import type { Calendar, CalendarEntry } from './calendar.js';

const DaySchema = z.object({
  entries: z.array(z.object({ id: z.string(), conversationId: z.string(), start: z.iso.datetime(), end: z.iso.datetime(), repId: z.string() })),
  lastRep: z.string().nullable().default(null),
});
type Day = z.output<typeof DaySchema>;

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }): boolean => Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
const dayKey = (iso: string): string => iso.slice(0, 10);

/**
 * The calendar on disk: one small lowdb file per UTC day of meetings under
 * `<dataDir>/calendar/`, so a claim rewrites one day, never the whole history. Claims run one
 * at a time (a single queue), which makes "check free, then write" atomic within the process.
 */
export async function createLowdbCalendar({ dataDir }: { dataDir: string }): Promise<Calendar> {
  const dir = path.join(dataDir, 'calendar');
  await mkdir(dir, { recursive: true });
  const days = new Map<string, Low<Day>>();
  const queue = createKeyedQueue();
  let lastRep: string | null = null;

  async function day(key: string): Promise<Low<Day>> {
    const cached = days.get(key);
    if (cached) return cached;
    const file = path.join(dir, `${key}.json`);
    const adapter = new DataFile<Day>(file, {
      parse: (text) => {
        const parsed = DaySchema.safeParse(JSON.parse(text));
        if (!parsed.success) throw new AppError('INTERNAL', `${file} is not a valid calendar day: ${parsed.error.issues[0]?.message ?? ''}`);
        return parsed.data;
      },
      stringify: (d) => JSON.stringify(d, null, 2),
    });
    const db = new Low<Day>(adapter, { entries: [], lastRep: null });
    await db.read();
    days.set(key, db);
    return db;
  }

  async function entriesBetween(fromIso: string, toIso: string): Promise<CalendarEntry[]> {
    const out: CalendarEntry[] = [];
    // A meeting is filed under its start day; look one day back for one that runs past midnight.
    for (let t = Date.parse(fromIso) - 86_400_000; t <= Date.parse(toIso); t += 86_400_000) {
      const db = await day(dayKey(new Date(t).toISOString()));
      out.push(...db.data.entries.filter((e) => overlaps(e, { start: fromIso, end: toIso })));
    }
    return out;
  }

  return {
    async busy(fromIso, toIso): Promise<BusyTime[]> {
      return (await entriesBetween(fromIso, toIso)).map(({ start, end, repId }) => ({ start, end, repId }));
    },
    claim(slot: FreeSlot, meeting) {
      return queue.run('claim', async () => {
        const taken = await entriesBetween(slot.start, slot.end);
        const i = lastRep === null ? -1 : slot.repIds.indexOf(lastRep);
        const order = [...slot.repIds.slice(i + 1), ...slot.repIds.slice(0, i + 1)];
        const repId = order.find((r) => !taken.some((e) => e.repId === r));
        if (repId === undefined) return null;
        const entry: CalendarEntry = { ...meeting, start: slot.start, end: slot.end, repId };
        const db = await day(dayKey(slot.start));
        await db.update((d) => {
          d.entries.push(entry);
          d.lastRep = repId;
        });
        lastRep = repId;
        return entry;
      });
    },
  };
}
