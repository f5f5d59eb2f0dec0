import { describe, expect, it } from 'vitest';
import { freeSlots, slotLabel } from '../../../src/booking/availability.js';
import { matchChoice, type AlternativesReason } from '../../../src/booking/match-choice.js';
import { readTimeChoice } from '../../../src/extract/meeting/read-time-choice.js';
import { bookingConfig } from './booking-config.js';

// Tuesday 3 March 2026, 10:00 in New York: the company calendar is 9-5 New York, 30-minute
// slots, 4 hours' notice, so the first three free slots are today at 2:00, 2:30 and 3:00 PM
// New York (19:00, 19:30 and 20:00 UTC).
const NOW = new Date('2026-03-03T15:00:00Z');
const cfg = bookingConfig({
  reps: [{ id: 'ana', name: 'Ana Lindqvist', email: 'ana@beacon.example' }],
});
const free = freeSlots(cfg, NOW, []);
const offered = free.slice(0, 3).map((s) => s.start);

type Expected =
  { slot: string } | { alternatives: string[]; reason: AlternativesReason } | 'unknown';

function choose(text: string, timezone: string, locale = 'en-US', slots = free): Expected {
  // As the chat reads it: the words first (extraction), then the match against free slots.
  const choice = readTimeChoice(text, { now: NOW, timezone, locale, offered });
  const r = matchChoice(choice, {
    free: slots,
    offered,
    now: NOW,
    timezone,
    locale,
    count: 3,
    booking: cfg,
  });
  if (r.kind === 'slot') return { slot: r.slot.start };
  if (r.kind === 'alternatives')
    return { alternatives: r.slots.map((s) => s.start), reason: r.reason };
  return 'unknown';
}

const at = (iso: string): string => new Date(iso).toISOString();

describe('typed meeting choices from a visitor in Chicago (an hour behind New York)', () => {
  it.each<[string, Expected]>([
    ['Thursday at 2pm', { slot: at('2026-03-05T20:00Z') }],
    ['thu 2:30pm', { slot: at('2026-03-05T20:30Z') }],
    ['tomorrow at 10', { slot: at('2026-03-04T16:00Z') }],
    ['wed 10:30 works for me', { slot: at('2026-03-04T16:30Z') }],
    ['noon tomorrow', { slot: at('2026-03-04T18:00Z') }],
    ['any time Friday morning', { slot: at('2026-03-06T14:00Z') }],
    ['first thing Monday', { slot: at('2026-03-09T13:00Z') }],
    ['the first one on Friday', { slot: at('2026-03-06T14:00Z') }],
    ['any time next week', { slot: at('2026-03-09T13:00Z') }],
    ['2pm EST on Thursday', { slot: at('2026-03-05T19:00Z') }],
    ['Tue Mar 10, 10:00 AM CDT', { slot: at('2026-03-10T15:00Z') }],
    ['can we do 9:30 on the 12th', { slot: at('2026-03-12T14:30Z') }],
    ['any time works', { slot: offered[0] ?? '' }],
    ['the first one', { slot: offered[0] ?? '' }],
    ['the second option', { slot: offered[1] ?? '' }],
    ["I'll take the last one", { slot: offered[2] ?? '' }],
    ['option 2 please', { slot: offered[1] ?? '' }],
    ['3', { slot: offered[2] ?? '' }],
    ['3pm', { slot: at('2026-03-03T21:00Z') }],
    ['how about 3:30 pm', { slot: at('2026-03-03T21:30Z') }],
    [
      'next Monday afternoon',
      {
        alternatives: [at('2026-03-09T17:00Z'), at('2026-03-09T17:30Z'), at('2026-03-09T18:00Z')],
        reason: 'several',
      },
    ],
    [
      'mid-afternoon Wednesday',
      {
        alternatives: [at('2026-03-04T18:00Z'), at('2026-03-04T18:30Z'), at('2026-03-04T19:00Z')],
        reason: 'several',
      },
    ],
    [
      'Friday',
      {
        alternatives: [at('2026-03-06T14:00Z'), at('2026-03-06T14:30Z'), at('2026-03-06T15:00Z')],
        reason: 'several',
      },
    ],
    [
      'Saturday at 8pm',
      {
        alternatives: [at('2026-03-06T20:30Z'), at('2026-03-06T21:00Z'), at('2026-03-06T21:30Z')],
        reason: 'outside-hours',
      },
    ],
    [
      'Thursday at 11pm',
      {
        alternatives: [at('2026-03-05T20:30Z'), at('2026-03-05T21:00Z'), at('2026-03-05T21:30Z')],
        reason: 'outside-hours',
      },
    ],
    [
      'Sunday morning',
      {
        alternatives: [at('2026-03-09T13:00Z'), at('2026-03-09T13:30Z'), at('2026-03-09T14:00Z')],
        reason: 'outside-hours',
      },
    ],
    // Without am/pm, 1-7 is afternoon and 8-11 morning: "at 3" is 3 PM, "at 7" 7 PM (after hours).
    ['Thursday at 3', { slot: at('2026-03-05T21:00Z') }],
    [
      'Thursday at 7',
      {
        alternatives: [at('2026-03-05T20:30Z'), at('2026-03-05T21:00Z'), at('2026-03-05T21:30Z')],
        reason: 'outside-hours',
      },
    ],
    [
      'Friday afternoon',
      {
        alternatives: [at('2026-03-06T18:00Z'), at('2026-03-06T18:30Z'), at('2026-03-06T19:00Z')],
        reason: 'several',
      },
    ],
    [
      'any time Friday evening',
      {
        alternatives: [at('2026-03-06T20:30Z'), at('2026-03-06T21:00Z'), at('2026-03-06T21:30Z')],
        reason: 'outside-hours',
      },
    ],
    ['Thursday at 12', { slot: at('2026-03-05T18:00Z') }],
    // A zone named in the text is the one the time is read in.
    ['4pm Berlin time on Thursday', { slot: at('2026-03-05T15:00Z') }],
    ['Thursday 8pm CET', { slot: at('2026-03-05T19:00Z') }],
    ['2pm EST', { slot: at('2026-03-03T19:00Z') }],
    ['Thursday at 10am Central works.', { slot: at('2026-03-05T16:00Z') }],
    // Bookings open 14 days ahead, until Tuesday 17 March at 10:00 in New York.
    [
      'March 30 at 10am',
      {
        alternatives: [at('2026-03-17T13:00Z'), at('2026-03-17T13:30Z'), at('2026-03-17T14:00Z')],
        reason: 'beyond-horizon',
      },
    ],
    [
      'Monday March 30',
      {
        alternatives: [at('2026-03-17T13:00Z'), at('2026-03-17T13:30Z'), at('2026-03-17T14:00Z')],
        reason: 'beyond-horizon',
      },
    ],
    // While slots are listed, "the 2nd" is the second of them, unless it reads as a date.
    ['the 2nd', { slot: offered[1] ?? '' }],
    ["I'll take the 2nd", { slot: offered[1] ?? '' }],
    ['the 2nd please', { slot: offered[1] ?? '' }],
    [
      'the 2nd of March',
      {
        alternatives: [at('2026-03-17T13:00Z'), at('2026-03-17T13:30Z'), at('2026-03-17T14:00Z')],
        reason: 'beyond-horizon',
      },
    ],
    ['right now', 'unknown'],
    ["I'm not sure yet", 'unknown'],
    ['the fifth one', 'unknown'],
    ['give me a second', 'unknown'],
  ])('when the visitor types "%s", then it resolves to %j', (text, expected) => {
    expect(choose(text, 'America/Chicago')).toEqual(expected);
  });

  it('when the visitor clicks a quick reply, then its label picks that slot', () => {
    const label = slotLabel(offered[1] ?? '', 'America/Chicago', 'en-US');
    expect(choose(label, 'America/Chicago')).toEqual({ slot: offered[1] });
  });

  it('when the slot picked from the list was taken meanwhile, then the nearest free ones are offered', () => {
    const rest = free.filter((s) => s.start !== offered[0]);
    expect(choose('the first one', 'America/Chicago', 'en-US', rest)).toEqual({
      alternatives: [offered[1], offered[2], rest[2]?.start],
      reason: 'taken',
    });
  });
});

describe('typed meeting choices read in the visitor own time zone', () => {
  it.each<[string, string, Expected]>([
    ['Europe/Berlin', 'Thursday at 8pm', { slot: at('2026-03-05T19:00Z') }],
    // 10 March: New York is on summer time, Berlin is not yet, so 2 PM Berlin is 9 AM New York.
    ['Europe/Berlin', 'March 10 at 2pm', { slot: at('2026-03-10T13:00Z') }],
    [
      'Europe/Berlin',
      'March 10 at 1pm',
      {
        alternatives: [at('2026-03-10T13:00Z'), at('2026-03-10T13:30Z'), at('2026-03-10T14:00Z')],
        reason: 'outside-hours',
      },
    ],
    // "at 10" is 10 AM, before New York opens: never 10 PM, the nearest daytime slots instead.
    [
      'Europe/Berlin',
      'tomorrow at 10',
      {
        alternatives: [at('2026-03-04T14:00Z'), at('2026-03-04T14:30Z'), at('2026-03-04T15:00Z')],
        reason: 'outside-hours',
      },
    ],
    ['Europe/Berlin', 'tomorrow at 4', { slot: at('2026-03-04T15:00Z') }],
    ['Europe/Berlin', '10am EST tomorrow', { slot: at('2026-03-04T15:00Z') }],
    ['Asia/Kolkata', 'Thursday at 7:30pm', { slot: at('2026-03-05T14:00Z') }],
    ['Asia/Kolkata', 'Mar 9 at 6:30 pm', { slot: at('2026-03-09T13:00Z') }],
    // "at 8" is 8 AM in Kolkata, the middle of the night in New York.
    [
      'Asia/Kolkata',
      'tomorrow at 8',
      {
        alternatives: [at('2026-03-04T14:00Z'), at('2026-03-04T14:30Z'), at('2026-03-04T15:00Z')],
        reason: 'outside-hours',
      },
    ],
    ['Asia/Kolkata', 'tomorrow at 8pm', { slot: at('2026-03-04T14:30Z') }],
    // Morning is 8-12 in Kolkata, when New York sleeps: never 12:00 AM, the nearest evening slots instead.
    [
      'Asia/Kolkata',
      'any time Friday morning',
      {
        alternatives: [at('2026-03-06T14:00Z'), at('2026-03-06T14:30Z'), at('2026-03-06T15:00Z')],
        reason: 'outside-hours',
      },
    ],
    // Friday in Kolkata starts at 12:00 AM with New York's Thursday afternoon: the first slot after 7 AM.
    ['Asia/Kolkata', 'any time Friday', { slot: at('2026-03-06T14:00Z') }],
    ['Asia/Kolkata', '3pm London time tomorrow', { slot: at('2026-03-04T15:00Z') }],
    // 2 PM in New York on Thursday is already Friday in Kolkata: the zone named wins.
    ['Asia/Kolkata', '2pm EST on Thursday', { slot: at('2026-03-05T19:00Z') }],
  ])('when a visitor in %s types "%s", then it resolves to %j', (zone, text, expected) => {
    expect(choose(text, zone)).toEqual(expected);
  });
});

describe('a zone abbreviation read as the wall clock of its place, in summer too', () => {
  // Monday 6 July 2026, 10:00 in New York (summer time in New York and Berlin).
  const JULY = new Date('2026-07-06T14:00:00Z');
  const summer = freeSlots(cfg, JULY, []);
  it.each([
    ['Tuesday at 2pm EST', at('2026-07-07T18:00Z')],
    ['Tuesday at 4pm CET', at('2026-07-07T14:00Z')],
    ['Tuesday 3pm Berlin time', at('2026-07-07T13:00Z')],
    ['Tuesday at 11am PT', at('2026-07-07T18:00Z')],
  ])('when a visitor in Chicago types "%s", then the slot at %s is booked', (text, start) => {
    const choice = readTimeChoice(text, {
      now: JULY,
      timezone: 'America/Chicago',
      locale: 'en-US',
      offered: [],
    });
    const r = matchChoice(choice, {
      free: summer,
      offered: [],
      now: JULY,
      timezone: 'America/Chicago',
      locale: 'en-US',
      count: 3,
      booking: cfg,
    });
    expect(r).toMatchObject({ kind: 'slot', slot: { start } });
  });
});
