import { describe, expect, it } from 'vitest';
import { freeSlots, slotLabel } from '../../../src/booking/availability.js';
import { parseChoice } from '../../../src/booking/parse-choice.js';
import { bookingConfig } from './booking-config.js';

// Tuesday 3 March 2026, 10:00 in New York: the company calendar is 9-5 New York, 30-minute
// slots, 4 hours' notice, so the first three free slots are today at 2:00, 2:30 and 3:00 PM
// New York (19:00, 19:30 and 20:00 UTC).
const NOW = new Date('2026-03-03T15:00:00Z');
const cfg = bookingConfig({ reps: [{ id: 'ana', name: 'Ana Lindqvist', email: 'ana@beacon.example' }] });
const free = freeSlots(cfg, NOW, []);
const offered = free.slice(0, 3).map((s) => s.start);

type Expected = { slot: string } | { alternatives: string[]; reason: 'taken' | 'several' } | 'unknown';

function choose(text: string, timezone: string, locale = 'en-US', slots = free): Expected {
  const r = parseChoice(text, slots, offered, NOW, timezone, locale, 3);
  if (r.kind === 'slot') return { slot: r.slot.start };
  if (r.kind === 'alternatives') return { alternatives: r.slots.map((s) => s.start), reason: r.reason };
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
    ['next Monday afternoon', { alternatives: [at('2026-03-09T17:00Z'), at('2026-03-09T17:30Z'), at('2026-03-09T18:00Z')], reason: 'several' }],
    ['mid-afternoon Wednesday', { alternatives: [at('2026-03-04T18:00Z'), at('2026-03-04T18:30Z'), at('2026-03-04T19:00Z')], reason: 'several' }],
    ['Friday', { alternatives: [at('2026-03-06T14:00Z'), at('2026-03-06T14:30Z'), at('2026-03-06T15:00Z')], reason: 'several' }],
    ['Saturday at 8pm', { alternatives: [at('2026-03-06T20:30Z'), at('2026-03-06T21:00Z'), at('2026-03-06T21:30Z')], reason: 'taken' }],
    ['Thursday at 11pm', { alternatives: [at('2026-03-05T20:30Z'), at('2026-03-05T21:00Z'), at('2026-03-05T21:30Z')], reason: 'taken' }],
    ['Sunday morning', { alternatives: [at('2026-03-09T13:00Z'), at('2026-03-09T13:30Z'), at('2026-03-09T14:00Z')], reason: 'taken' }],
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
    expect(choose('the first one', 'America/Chicago', 'en-US', rest)).toEqual({ alternatives: [offered[1], offered[2], rest[2]?.start], reason: 'taken' });
  });
});

describe('typed meeting choices read in the visitor own time zone', () => {
  it.each<[string, string, Expected]>([
    ['Europe/Berlin', 'Thursday at 8pm', { slot: at('2026-03-05T19:00Z') }],
    // 10 March: New York is on summer time, Berlin is not yet, so 2 PM Berlin is 9 AM New York.
    ['Europe/Berlin', 'March 10 at 2pm', { slot: at('2026-03-10T13:00Z') }],
    ['Europe/Berlin', 'March 10 at 1pm', { alternatives: [at('2026-03-10T13:00Z'), at('2026-03-10T13:30Z'), at('2026-03-10T14:00Z')], reason: 'taken' }],
    ['Asia/Kolkata', 'Thursday at 7:30pm', { slot: at('2026-03-05T14:00Z') }],
    ['Asia/Kolkata', 'Mar 9 at 6:30 pm', { slot: at('2026-03-09T13:00Z') }],
    ['Asia/Kolkata', 'tomorrow at 8', { slot: at('2026-03-04T14:30Z') }],
    // 2 PM in New York on Thursday is already Friday in Kolkata: the zone named wins.
    ['Asia/Kolkata', '2pm EST on Thursday', { slot: at('2026-03-05T19:00Z') }],
  ])('when a visitor in %s types "%s", then it resolves to %j', (zone, text, expected) => {
    expect(choose(text, zone)).toEqual(expected);
  });
});
