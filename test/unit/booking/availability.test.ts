import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { freeSlots, slotLabel, type FreeSlot } from '../../../src/booking/availability.js';
import { bookingConfig, plain } from './booking-config.js';

const oneRep = { reps: [{ id: 'ana', name: 'Ana Lindqvist', email: 'ana@beacon.example' }] };
const localDate = (s: FreeSlot, zone: string): string =>
  DateTime.fromISO(s.start, { zone }).toISODate() ?? '';
const firstOn = (slots: FreeSlot[], isoDate: string, zone: string): FreeSlot | undefined =>
  slots.find((s) => localDate(s, zone) === isoDate);

describe('free slots across daylight-saving changes: a visitor in Berlin booking a New York rep', () => {
  // 2026: New York springs forward on 8 March and falls back on 1 November; Berlin on
  // 29 March and 25 October. In between, the two cities are 5 hours apart instead of 6.
  it.each([
    [
      '2026-03-06T12:00:00Z',
      '2026-03-06',
      '2026-03-06T16:00:00.000Z',
      'Fri, Mar 6, 5:00 PM GMT+1',
      'both on winter time; 4 h notice from 7 AM New York',
    ],
    [
      '2026-03-06T12:00:00Z',
      '2026-03-09',
      '2026-03-09T13:00:00.000Z',
      'Mon, Mar 9, 2:00 PM GMT+1',
      'New York has switched, Berlin has not',
    ],
    [
      '2026-03-06T12:00:00Z',
      '2026-03-30',
      '2026-03-30T13:00:00.000Z',
      'Mon, Mar 30, 3:00 PM GMT+2',
      'both on summer time',
    ],
    [
      '2026-10-23T12:00:00Z',
      '2026-10-23',
      '2026-10-23T16:00:00.000Z',
      'Fri, Oct 23, 6:00 PM GMT+2',
      'both on summer time',
    ],
    [
      '2026-10-23T12:00:00Z',
      '2026-10-26',
      '2026-10-26T13:00:00.000Z',
      'Mon, Oct 26, 2:00 PM GMT+1',
      'Berlin has switched back, New York has not',
    ],
    [
      '2026-10-23T12:00:00Z',
      '2026-11-02',
      '2026-11-02T14:00:00.000Z',
      'Mon, Nov 2, 3:00 PM GMT+1',
      'both on winter time',
    ],
  ])(
    'when it is %s, then the first slot on %s (New York) starts at %s and reads "%s" in Berlin (%s)',
    (now, day, instant, label) => {
      const slots = freeSlots(bookingConfig({ ...oneRep, horizonDays: 30 }), new Date(now), []);
      const first = firstOn(slots, day, 'America/New_York');
      expect(first?.start).toBe(instant);
      expect(plain(slotLabel(first?.start ?? '', 'Europe/Berlin', 'en-US'))).toBe(label);
    },
  );

  it('when New York has switched and Berlin has not, then a whole day runs 9 AM to 5 PM in New York, 2 PM to 10 PM in Berlin', () => {
    const slots = freeSlots(bookingConfig(oneRep), new Date('2026-03-06T12:00:00Z'), []).filter(
      (s) => localDate(s, 'America/New_York') === '2026-03-10',
    );
    expect(slots).toHaveLength(16);
    expect(
      DateTime.fromISO(slots[0]?.start ?? '', { zone: 'Europe/Berlin' }).toFormat('HH:mm'),
    ).toBe('14:00');
    expect(
      DateTime.fromISO(slots.at(-1)?.end ?? '', { zone: 'Europe/Berlin' }).toFormat('HH:mm'),
    ).toBe('22:00');
  });

  it('when a rep works Berlin hours, then their slots follow Berlin time through both switches', () => {
    const cfg = bookingConfig({
      horizonDays: 30,
      reps: [
        {
          id: 'lena',
          name: 'Lena Voss',
          email: 'lena@beacon.example',
          timezone: 'Europe/Berlin',
          hours: { start: '09:00', end: '17:00' },
        },
      ],
    });
    const slots = freeSlots(cfg, new Date('2026-03-06T12:00:00Z'), []);
    expect(firstOn(slots, '2026-03-09', 'Europe/Berlin')?.start).toBe('2026-03-09T08:00:00.000Z');
    expect(firstOn(slots, '2026-03-30', 'Europe/Berlin')?.start).toBe('2026-03-30T07:00:00.000Z');
    for (const s of slots) {
      const local = DateTime.fromISO(s.start, { zone: 'Europe/Berlin' });
      expect(local.hour * 60 + local.minute).toBeGreaterThanOrEqual(9 * 60);
      expect(local.hour * 60 + local.minute).toBeLessThanOrEqual(16 * 60 + 30);
    }
  });

  it('when the company works through the night New York springs forward, then 2:00 to 3:00 AM is never offered and no slot is shortened', () => {
    const cfg = bookingConfig({
      ...oneRep,
      weekdays: [7],
      hours: { start: '00:00', end: '06:00' },
      minNoticeHours: 0,
      horizonDays: 2,
    });
    const slots = freeSlots(cfg, new Date('2026-03-07T12:00:00Z'), []);
    const labels = slots.map((s) =>
      DateTime.fromISO(s.start, { zone: 'America/New_York' }).toFormat('HH:mm'),
    );
    expect(labels).toEqual([
      '00:00',
      '00:30',
      '01:00',
      '01:30',
      '03:00',
      '03:30',
      '04:00',
      '04:30',
      '05:00',
      '05:30',
    ]);
    for (const s of slots) expect(Date.parse(s.end) - Date.parse(s.start)).toBe(30 * 60_000);
  });
});

describe('free slots for a visitor in Asia/Kolkata (a half-hour offset)', () => {
  it.each([
    ['en-US', '2026-03-03', 'Tue, Mar 3, 9:30 PM GMT+5:30'],
    ['en-US', '2026-03-09', 'Mon, Mar 9, 6:30 PM GMT+5:30'],
    ['en-IN', '2026-03-09', 'Mon, 9 Mar, 6:30 pm IST'],
  ])('when the locale is %s, then the first slot on %s reads "%s"', (locale, day, label) => {
    const slots = freeSlots(bookingConfig(oneRep), new Date('2026-03-03T12:00:00Z'), []);
    expect(
      plain(
        slotLabel(firstOn(slots, day, 'America/New_York')?.start ?? '', 'Asia/Kolkata', locale),
      ),
    ).toBe(label);
  });

  it('when a rep works Kolkata hours, then their slots sit on the half hour in New York and on the hour in Kolkata', () => {
    const cfg = bookingConfig({
      reps: [
        {
          id: 'kai',
          name: 'Kai Rao',
          email: 'kai@beacon.example',
          timezone: 'Asia/Kolkata',
          hours: { start: '10:00', end: '12:00' },
        },
      ],
      minNoticeHours: 0,
    });
    const slots = freeSlots(cfg, new Date('2026-03-03T00:00:00Z'), [], 4);
    expect(
      slots.map((s) => DateTime.fromISO(s.start, { zone: 'Asia/Kolkata' }).toFormat('ccc HH:mm')),
    ).toEqual(['Tue 10:00', 'Tue 10:30', 'Tue 11:00', 'Tue 11:30']);
    expect(
      DateTime.fromISO(slots[0]?.start ?? '', { zone: 'America/New_York' }).toFormat('HH:mm'),
    ).toBe('23:30');
  });
});

describe('free slots and the company calendar', () => {
  const tuesday10am = new Date('2026-03-03T15:00:00Z');

  it('when the week ends, then Saturday and Sunday have no slots and Monday does', () => {
    const slots = freeSlots(bookingConfig(oneRep), tuesday10am, []);
    const days = new Set(slots.map((s) => localDate(s, 'America/New_York')));
    expect(days.has('2026-03-07')).toBe(false);
    expect(days.has('2026-03-08')).toBe(false);
    expect(days.has('2026-03-09')).toBe(true);
  });

  it('when a day is a holiday, then it has no slots and the days around it do', () => {
    const slots = freeSlots(
      bookingConfig({ ...oneRep, holidays: ['2026-03-10'] }),
      tuesday10am,
      [],
    );
    const days = new Set(slots.map((s) => localDate(s, 'America/New_York')));
    expect(days.has('2026-03-10')).toBe(false);
    expect(days.has('2026-03-09')).toBe(true);
    expect(days.has('2026-03-11')).toBe(true);
  });

  it.each([
    [0, '2026-03-03T15:00:00.000Z'],
    [4, '2026-03-03T19:00:00.000Z'],
    [48, '2026-03-05T15:00:00.000Z'],
  ])(
    'when the minimum notice is %i hours, then the first slot starts at %s',
    (minNoticeHours, first) => {
      expect(
        freeSlots(bookingConfig({ ...oneRep, minNoticeHours }), tuesday10am, [], 1)[0]?.start,
      ).toBe(first);
    },
  );

  it.each([
    [1, '2026-03-04T15:00:00.000Z'],
    [14, '2026-03-17T14:00:00.000Z'],
  ])('when the horizon is %i days, then the last slot starts at %s', (horizonDays, last) => {
    expect(
      freeSlots(bookingConfig({ ...oneRep, horizonDays }), tuesday10am, []).at(-1)?.start,
    ).toBe(last);
  });

  it('when the only rep has a meeting, then that time and the buffer around it are not offered', () => {
    const busy = [
      { start: '2026-03-04T15:00:00.000Z', end: '2026-03-04T15:30:00.000Z', repId: 'ana' },
    ];
    const starts = freeSlots(bookingConfig({ ...oneRep, bufferMinutes: 15 }), tuesday10am, busy)
      .filter((s) => localDate(s, 'America/New_York') === '2026-03-04')
      .map((s) => DateTime.fromISO(s.start, { zone: 'America/New_York' }).toFormat('HH:mm'));
    // 45-minute steps (30 + 15 buffer); 09:45 and 10:30 would touch the 10:00 meeting's buffer.
    expect(starts.slice(0, 3)).toEqual(['09:00', '11:15', '12:00']);
  });

  it('when one of two reps has a meeting, then the slot stays free with the other rep only', () => {
    const busy = [
      { start: '2026-03-04T15:00:00.000Z', end: '2026-03-04T15:30:00.000Z', repId: 'ana' },
    ];
    const slot = freeSlots(bookingConfig(), tuesday10am, busy).find(
      (s) => s.start === '2026-03-04T15:00:00.000Z',
    );
    expect(slot?.repIds).toEqual(['ben']);
  });

  it('when a rep works only Mondays, then other days list only the other rep', () => {
    const cfg = bookingConfig({
      reps: [
        { id: 'ana', name: 'Ana Lindqvist', email: 'ana@beacon.example' },
        { id: 'mo', name: 'Mo Reyes', email: 'mo@beacon.example', weekdays: [1] },
      ],
    });
    const slots = freeSlots(cfg, tuesday10am, []);
    expect(firstOn(slots, '2026-03-04', 'America/New_York')?.repIds).toEqual(['ana']);
    expect(firstOn(slots, '2026-03-09', 'America/New_York')?.repIds).toEqual(['ana', 'mo']);
  });

  it('when asked for a few, then it stops at the limit', () => {
    expect(freeSlots(bookingConfig(oneRep), tuesday10am, [], 3)).toHaveLength(3);
  });
});
