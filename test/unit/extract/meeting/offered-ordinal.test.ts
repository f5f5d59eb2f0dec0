import { describe, expect, it } from 'vitest';
import { offeredOrdinal } from '../../../../src/extract/meeting/offered-ordinal.js';

describe('picking one of the offered times by its place in the list', () => {
  it.each([
    ['the first one', { position: 1, explicit: true }],
    ['First', { position: 1, explicit: false }],
    ['the second option works', { position: 2, explicit: true }],
    ['Third slot please', { position: 3, explicit: true }],
    ["let's do the last one", { position: -1, explicit: true }],
    ['the latter', { position: -1, explicit: false }],
    ['the earliest one', { position: 1, explicit: true }],
    ['the 2nd one', { position: 2, explicit: true }],
    ['2nd', { position: 2, explicit: false }],
    ['the 2nd', { position: 2, explicit: false }],
    ["I'll take the 2nd", { position: 2, explicit: false }],
    ['the 2nd please', { position: 2, explicit: false }],
    ['option 3', { position: 3, explicit: true }],
    ['#2', { position: 2, explicit: true }],
    ['2', { position: 2, explicit: true }],
    ['number 1 please', { position: 1, explicit: true }],
  ])('when the visitor writes "%s", then it is the pick %j', (text, expected) => {
    expect(offeredOrdinal(text)).toEqual(expected);
  });

  it.each([
    'give me a second',
    'on the 2nd',
    'the 2nd of March',
    'Dec 2nd',
    'March 2nd works',
    '2nd March',
    'Monday the 2nd',
    'by the 3rd',
    'we are at first base',
    'no thanks',
    'Thursday at 2pm',
    'per first review',
  ])('when the visitor writes "%s", then it is not a pick from the list', (text) => {
    expect(offeredOrdinal(text)).toBeNull();
  });
});
