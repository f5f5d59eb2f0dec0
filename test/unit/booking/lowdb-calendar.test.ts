import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FreeSlot } from '../../../src/booking/availability.js';
import { createLowdbCalendar } from '../../../src/booking/lowdb-calendar.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'leadbot-lowdb-calendar-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const clock = () => new Date('2026-03-03T15:00:00.000Z');
const open = () => createLowdbCalendar({ dataDir: dir, clock });
const slot = (startIso: string, repIds = ['ana', 'ben']): FreeSlot => ({
  start: startIso,
  end: new Date(Date.parse(startIso) + 30 * 60_000).toISOString(),
  repIds,
});

describe('the lowdb calendar on disk', () => {
  it('when the calendar is reopened, then meetings, cancellations and the round robin are still there', async () => {
    const first = await open();
    await first.claim(slot('2026-03-04T15:00:00.000Z'), {
      id: 'm1',
      conversationId: 'c1',
      attendee: { name: 'Dana Whitfield', email: 'dana@brightfield.example' },
    });
    await first.claim(slot('2026-03-04T16:00:00.000Z'), { id: 'm2', conversationId: 'c2' });
    await first.cancel('m2');

    const again = await open();
    expect(await again.get('m1')).toMatchObject({
      repId: 'ana',
      status: 'booked',
      attendee: { name: 'Dana Whitfield' },
    });
    expect(await again.get('m2')).toMatchObject({ repId: 'ben', status: 'canceled', sequence: 1 });
    // ben was given a meeting last (canceled or not), so ana is next in line.
    expect(
      (await again.claim(slot('2026-03-05T15:00:00.000Z'), { id: 'm3', conversationId: 'c3' }))
        ?.repId,
    ).toBe('ana');
  });

  it('when a meeting moves to another day, then it is found on the new day and no longer blocks the old one, also after a restart', async () => {
    const calendar = await open();
    await calendar.claim(slot('2026-03-04T15:00:00.000Z', ['ana']), {
      id: 'm1',
      conversationId: 'c1',
    });
    await calendar.reschedule('m1', slot('2026-03-06T15:00:00.000Z', ['ana']));
    for (const c of [calendar, await open()]) {
      expect(await c.busy('2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z')).toEqual([]);
      expect(await c.busy('2026-03-06T00:00:00.000Z', '2026-03-07T00:00:00.000Z')).toHaveLength(1);
      expect((await c.get('m1'))?.start).toBe('2026-03-06T15:00:00.000Z');
    }
  });

  it('when a meeting runs past midnight UTC, then it blocks the next day too', async () => {
    const calendar = await open();
    await calendar.claim(slot('2026-03-04T23:45:00.000Z', ['ana']), {
      id: 'm1',
      conversationId: 'c1',
    });
    expect(
      await calendar.busy('2026-03-05T00:00:00.000Z', '2026-03-05T01:00:00.000Z'),
    ).toHaveLength(1);
  });

  it('when a day file comes from an earlier version without status or sequence, then its meetings still count as booked', async () => {
    await mkdir(path.join(dir, 'calendar'), { recursive: true });
    const legacy = {
      entries: [
        {
          id: 'old',
          conversationId: 'c0',
          start: '2026-03-04T15:00:00.000Z',
          end: '2026-03-04T15:30:00.000Z',
          repId: 'ana',
        },
      ],
      lastRep: 'ana',
    };
    await writeFile(path.join(dir, 'calendar', '2026-03-04.json'), JSON.stringify(legacy));
    const calendar = await open();
    expect(await calendar.busy('2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z')).toEqual([
      { start: '2026-03-04T15:00:00.000Z', end: '2026-03-04T15:30:00.000Z', repId: 'ana' },
    ]);
    expect(
      await calendar.claim(slot('2026-03-04T15:00:00.000Z', ['ana']), {
        id: 'new',
        conversationId: 'c1',
      }),
    ).toBeNull();
  });

  it('when a day file is damaged, then reading it fails with an error naming the file instead of treating the day as free', async () => {
    await mkdir(path.join(dir, 'calendar'), { recursive: true });
    await writeFile(
      path.join(dir, 'calendar', '2026-03-04.json'),
      JSON.stringify({ entries: [{ id: 1 }] }),
    );
    const calendar = await open();
    await expect(
      calendar.busy('2026-03-04T10:00:00.000Z', '2026-03-04T11:00:00.000Z'),
    ).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('2026-03-04.json'),
    });
  });

  it('when a meeting is booked, then the day file holds it as readable JSON', async () => {
    const calendar = await open();
    await calendar.claim(slot('2026-03-04T15:00:00.000Z'), { id: 'm1', conversationId: 'c1' });
    const saved = JSON.parse(await readFile(path.join(dir, 'calendar', '2026-03-04.json'), 'utf8'));
    expect(saved.entries).toEqual([
      expect.objectContaining({
        id: 'm1',
        status: 'booked',
        sequence: 0,
        createdAt: '2026-03-03T15:00:00.000Z',
      }),
    ]);
  });
});
