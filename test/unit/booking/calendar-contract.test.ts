import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FreeSlot } from '../../../src/booking/availability.js';
import type { Calendar } from '../../../src/booking/calendar.js';
import { createLowdbCalendar } from '../../../src/booking/lowdb-calendar.js';
import { createMemoryCalendar } from '../../../src/booking/memory-calendar.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

type Clock = { now: () => Date; advanceMinutes(m: number): void };
function fixedClock(iso = '2026-03-03T15:00:00.000Z'): Clock {
  let t = Date.parse(iso);
  return { now: () => new Date(t), advanceMinutes: (m) => void (t += m * 60_000) };
}

const adapters: [string, (clock: () => Date) => Promise<Calendar>][] = [
  ['memory', async (clock) => createMemoryCalendar([], { clock })],
  [
    'lowdb',
    async (clock) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'leadbot-calendar-'));
      dirs.push(dir);
      return createLowdbCalendar({ dataDir: dir, clock });
    },
  ],
];

/** A 30-minute slot on Wednesday 4 March 2026 starting at `hhmm` UTC. */
const slot = (hhmm: string, repIds: string[] = ['ana']): FreeSlot => {
  const start = new Date(`2026-03-04T${hhmm}:00.000Z`);
  return {
    start: start.toISOString(),
    end: new Date(start.getTime() + 30 * 60_000).toISOString(),
    repIds,
  };
};
const meeting = (n: number, conversationId = `conv-${n}`) => ({
  id: `meeting-${n}`,
  conversationId,
});
const WINDOW = ['2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z'] as const;

describe.each(adapters)('the %s calendar', (_name, make) => {
  it('when a visitor claims a free slot, then the meeting is booked with the visitor, their time zone and a rep', async () => {
    const calendar = await make(fixedClock().now);
    const entry = await calendar.claim(slot('15:00'), {
      ...meeting(1),
      attendee: { name: 'Dana Whitfield', email: 'dana@brightfield.example' },
      timezone: 'Europe/Berlin',
      locale: 'de-DE',
    });
    expect(entry).toMatchObject({
      id: 'meeting-1',
      repId: 'ana',
      status: 'booked',
      sequence: 0,
      timezone: 'Europe/Berlin',
      attendee: { email: 'dana@brightfield.example' },
    });
    expect(await calendar.get('meeting-1')).toEqual(entry);
    expect(await calendar.busy(...WINDOW)).toEqual([
      { start: slot('15:00').start, end: slot('15:00').end, repId: 'ana' },
    ]);
  });

  it('when meetings keep coming, then they go round robin among the reps', async () => {
    const calendar = await make(fixedClock().now);
    const reps: string[] = [];
    for (const [i, t] of ['14:00', '15:00', '16:00', '17:00', '18:00', '19:00'].entries())
      reps.push((await calendar.claim(slot(t, ['ana', 'ben', 'cy']), meeting(i)))?.repId ?? '');
    expect(reps).toEqual(['ana', 'ben', 'cy', 'ana', 'ben', 'cy']);
  });

  it('when the next rep in line is busy then, then the slot goes to another rep and the skipped rep is first in line next', async () => {
    const calendar = await make(fixedClock().now);
    expect((await calendar.claim(slot('14:00', ['ana', 'ben', 'cy']), meeting(1)))?.repId).toBe(
      'ana',
    );
    await calendar.hold(slot('15:00', ['ben']), 'someone-else', '2026-03-03T16:00:00.000Z');
    expect((await calendar.claim(slot('15:00', ['ana', 'ben', 'cy']), meeting(2)))?.repId).toBe(
      'cy',
    );
    expect((await calendar.claim(slot('16:00', ['ana', 'ben', 'cy']), meeting(3)))?.repId).toBe(
      'ben',
    );
  });

  it.each([
    [1, 1],
    [2, 2],
  ])(
    'when 50 visitors race for one slot with %i free rep(s), then exactly %i of them get a meeting',
    async (repCount, winners) => {
      const calendar = await make(fixedClock().now);
      const repIds = ['ana', 'ben'].slice(0, repCount);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => calendar.claim(slot('15:00', repIds), meeting(i))),
      );
      const booked = results.filter((r) => r !== null);
      expect(booked).toHaveLength(winners);
      expect(new Set(booked.map((b) => b.repId)).size).toBe(winners);
      expect(await calendar.busy(...WINDOW)).toHaveLength(winners);
    },
  );

  it('when a slot is held for a visitor who is confirming, then nobody else is offered or given it, and the visitor gets it', async () => {
    const calendar = await make(fixedClock().now);
    expect(await calendar.hold(slot('15:00'), 'conv-a', '2026-03-03T15:10:00.000Z')).toMatchObject({
      repId: 'ana',
      holdId: 'conv-a',
    });
    expect(await calendar.busy(...WINDOW)).toHaveLength(1);
    expect(await calendar.busy(...WINDOW, { exceptHoldId: 'conv-a' })).toEqual([]);
    expect(await calendar.claim(slot('15:00'), meeting(2, 'conv-b'))).toBeNull();
    expect(await calendar.claim(slot('15:00'), meeting(1, 'conv-a'))).toMatchObject({
      conversationId: 'conv-a',
      repId: 'ana',
    });
  });

  it('when a visitor books one of the held slots, then the other slots held for them are free again', async () => {
    const calendar = await make(fixedClock().now);
    for (const t of ['15:00', '15:30', '16:00'])
      await calendar.hold(slot(t), 'conv-a', '2026-03-03T15:10:00.000Z');
    await calendar.claim(slot('15:30'), meeting(1, 'conv-a'));
    expect(await calendar.busy(...WINDOW)).toEqual([
      { start: slot('15:30').start, end: slot('15:30').end, repId: 'ana' },
    ]);
  });

  it('when the hold time has passed on the clock, then the slot is free for others', async () => {
    const clock = fixedClock();
    const calendar = await make(clock.now);
    await calendar.hold(slot('15:00'), 'conv-a', '2026-03-03T15:10:00.000Z');
    clock.advanceMinutes(10);
    expect(await calendar.busy(...WINDOW)).toEqual([]);
    expect(await calendar.claim(slot('15:00'), meeting(2, 'conv-b'))).not.toBeNull();
  });

  it('when a hold is released or renewed, then it frees the slot or lasts longer, and is never doubled', async () => {
    const clock = fixedClock();
    const calendar = await make(clock.now);
    await calendar.hold(slot('15:00'), 'conv-a', '2026-03-03T15:10:00.000Z');
    await calendar.hold(slot('15:00'), 'conv-a', '2026-03-03T15:20:00.000Z');
    clock.advanceMinutes(15);
    expect(await calendar.busy(...WINDOW)).toHaveLength(1);
    expect(await calendar.hold(slot('15:00'), 'conv-b', '2026-03-03T15:30:00.000Z')).toBeNull();
    await calendar.release('conv-a');
    expect(await calendar.busy(...WINDOW)).toEqual([]);
  });

  it('when a meeting is rescheduled, then it keeps its rep, moves, bumps its sequence and frees the old time', async () => {
    const calendar = await make(fixedClock().now);
    await calendar.claim(slot('15:00', ['ana', 'ben']), meeting(1));
    await calendar.claim(slot('16:00', ['ana', 'ben']), meeting(2));
    const moved = await calendar.reschedule('meeting-1', slot('17:00', ['ana', 'ben']));
    expect(moved).toMatchObject({
      ok: true,
      entry: { start: slot('17:00').start, repId: 'ana', sequence: 1 },
    });
    expect((await calendar.busy(...WINDOW)).map((b) => b.start).sort()).toEqual([
      slot('16:00').start,
      slot('17:00').start,
    ]);
  });

  it('when the new time is booked or held by someone else, then the meeting stays where it was', async () => {
    const calendar = await make(fixedClock().now);
    await calendar.claim(slot('15:00'), meeting(1));
    await calendar.claim(slot('16:00'), meeting(2));
    await calendar.hold(slot('17:00'), 'conv-x', '2026-03-03T15:10:00.000Z');
    expect(await calendar.reschedule('meeting-1', slot('16:00'))).toEqual({
      ok: false,
      reason: 'taken',
    });
    expect(await calendar.reschedule('meeting-1', slot('17:00'))).toEqual({
      ok: false,
      reason: 'taken',
    });
    expect((await calendar.get('meeting-1'))?.start).toBe(slot('15:00').start);
  });

  it('when two meetings are moved into the same single-rep slot at once, then only one lands there', async () => {
    const calendar = await make(fixedClock().now);
    await calendar.claim(slot('15:00'), meeting(1));
    await calendar.claim(slot('16:00'), meeting(2));
    const results = await Promise.all([
      calendar.reschedule('meeting-1', slot('18:00')),
      calendar.reschedule('meeting-2', slot('18:00')),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(
      (await calendar.busy(...WINDOW)).filter((b) => b.start === slot('18:00').start),
    ).toHaveLength(1);
  });

  it('when a meeting is canceled, then it stays on record as canceled with a new sequence and its time is free', async () => {
    const calendar = await make(fixedClock().now);
    await calendar.claim(slot('15:00'), meeting(1));
    const canceled = await calendar.cancel('meeting-1');
    expect(canceled).toMatchObject({
      ok: true,
      changed: true,
      entry: { status: 'canceled', sequence: 1 },
    });
    expect(await calendar.busy(...WINDOW)).toEqual([]);
    expect(await calendar.claim(slot('15:00'), meeting(2))).not.toBeNull();
    expect(await calendar.cancel('meeting-1')).toMatchObject({
      ok: true,
      changed: false,
      entry: { sequence: 1 },
    });
    expect(await calendar.reschedule('meeting-1', slot('17:00'))).toEqual({
      ok: false,
      reason: 'canceled',
    });
  });

  it('when a meeting id is unknown, then get, cancel and reschedule say so', async () => {
    const calendar = await make(fixedClock().now);
    expect(await calendar.get('nope')).toBeNull();
    expect(await calendar.cancel('nope')).toEqual({ ok: false, reason: 'not_found' });
    expect(await calendar.reschedule('nope', slot('15:00'))).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('when a meeting id is claimed twice, then the second claim is refused', async () => {
    const calendar = await make(fixedClock().now);
    await calendar.claim(slot('15:00'), meeting(1));
    await expect(calendar.claim(slot('16:00'), meeting(1))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('when a meeting is erased, then it is gone from the list, frees its time and the others stay', async () => {
    const calendar = await make(fixedClock().now);
    const attendee = { name: 'Dana Whitfield', email: 'dana@brightfield.example' };
    await calendar.claim(slot('15:00'), { ...meeting(1), attendee });
    await calendar.claim(slot('16:00'), meeting(2));
    await calendar.claim(slot('17:00'), meeting(3));
    await calendar.cancel('meeting-3');
    expect((await calendar.list()).map((e) => e.id).sort()).toEqual([
      'meeting-1',
      'meeting-2',
      'meeting-3',
    ]);
    expect(await calendar.erase('meeting-1')).toBe(true);
    expect(await calendar.erase('meeting-3')).toBe(true);
    expect(await calendar.erase('meeting-1')).toBe(false);
    expect(await calendar.get('meeting-1')).toBeNull();
    expect((await calendar.list()).map((e) => e.id)).toEqual(['meeting-2']);
    expect(await calendar.busy(...WINDOW)).toEqual([
      { start: slot('16:00').start, end: slot('16:00').end, repId: 'ana' },
    ]);
  });

  it('when a caller changes an entry it was given, then the calendar does not change', async () => {
    const calendar = await make(fixedClock().now);
    const entry = await calendar.claim(slot('15:00'), meeting(1));
    if (entry) entry.start = slot('20:00').start;
    expect((await calendar.get('meeting-1'))?.start).toBe(slot('15:00').start);
  });
});
