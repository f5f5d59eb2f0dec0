import { describe, expect, it } from 'vitest';
import { companySizeRule } from '../../../src/extract/rules/company-size-rule.js';
import type { RuleContext } from '../../../src/extract/rules/rule-context.js';
import type { Slot } from '../../../src/lead/slots.js';

function ctx(expecting: Slot | null): RuleContext {
  return {
    expecting,
    visitor: { timezone: 'Europe/Berlin', locale: 'en-GB', page: null, referrer: null, utm: null },
    now: new Date('2026-03-10T15:00:00Z'),
    region: 'DE',
    defaultCurrency: 'EUR',
    fiscalYearEndMonth: 12,
  };
}

const sizeOf = (text: string, expecting: Slot | null = null) => companySizeRule(text, ctx(expecting)).candidates.map((c) => c.value);

describe('companySizeRule', () => {
  it.each([
    ['We have 200 employees.', 200],
    ['Quillon Example Ltd, about 60 staff.', 60],
    ['roughly 110 staff plus volunteers', 110],
    ['Harbour Arts Example, 4 paid staff.', 4],
    ['We have about 650 faculty and staff.', 650],
    ["we're a staff of 30", 30],
    ['We are a team of 12.', 12],
    ['Pixel Example Digital, 30 members.', 30],
    ['taxwise example gmbh, 12 ppl', 12],
    ['~55 people', 55],
    ['Loanly Example Pvt Ltd, 300+ employees', 300],
    ['130-odd employees', 130],
    ['Southgate Example Institute, approx. 1,900 staff.', 1900],
    ['Brandt Example GmbH, 18 Mitarbeiter.', 18],
    ['Just a small studio, 3 of us.', 3],
    ['about 35 of us', 35],
    ["I'm a broker, just me and two assistants.", 3],
    ['We are a 200-person company.', 200],
    ['founder of an 8-person startup', 8],
    ['a director at a 30-member agency', 30],
    ['co-founder of a 5 person devtools startup here', 5],
    ['Our headcount is 45.', 45],
    ["We're 85 people right now.", 85],
    ['50-100 employees', 50],
    ['between 50 and 100 employees', 50],
    ['twelve employees', 12],
    ['a dozen people', 12],
    ['Honestly, just me.', 1],
    ['a one-person shop', 1],
    ['me and 4 others', 5],
    ['a 50-strong team', 50],
    ['Lakeshore Example Physio: 6 clinics and roughly 110 staff.', 110],
    ['Kingsley Example Lettings, 3 branches, 28 staff.', 28],
    ['420 employees across two plants', 420],
    ['I run a shop doing about $4M a year, 25 employees.', 25],
    ['We employ roughly 1.2k people.', 1200],
    ['We are a company of 50.', 50],
    ['Our team size is 8.', 8],
  ])('when the visitor says "%s", then the company has %d employees', (text, size) => {
    expect(sizeOf(text)).toEqual([size]);
  });

  it.each([
    ['About 40.', 40],
    ['Northwind Example, about 40', 40],
    ['40', 40],
    ['40-50', 40],
    ['Northwind Example, 40ish', 40],
    ['about forty', 40],
    ['about 40 and growing', 40],
  ])('when "%s" answers the company question, then the bare count is the size (%d)', (text, size) => {
    expect(sizeOf(text, 'company')).toEqual([size]);
  });

  it.each([
    ["With the new warehouse team it's 48 staff now, not 30.", 48],
    ['We used to be 30 people; now we are 48 staff.', 48],
    ['We were 20 employees last year and are 26 employees today.', 26],
  ])('when the visitor corrects the size ("%s"), then the new one (%d) wins', (text, size) => {
    expect(sizeOf(text)).toEqual([size]);
  });

  it('when a size is found, then the evidence is the sentence it came from', () => {
    expect(companySizeRule('Hi there. We are about 60 people. Thanks!', ctx(null)).candidates).toEqual([
      { path: 'company.size', value: 60, evidence: 'We are about 60 people.' },
    ]);
  });

  it.each([
    ['We run 6 clinics.', null],
    ['We have 3 branches.', null],
    ['Presales for a 180-unit condo project.', null],
    ['We serve 40 clients.', null],
    ['We get 4,000 enquiries a month.', null],
    ['2 plants in Ohio.', 'company'],
    ['About 40.', null],
    ['We founded it in 2019.', 'company'],
    ['Studio 54 Example', 'company'],
    ['We are hiring 20 people.', null],
    ['300 people visit our site each day.', 'company'],
    ['12 people in the sales team use it.', 'company'],
    ['Our admissions office is two people and cannot keep up.', null],
    ['One of us will run it.', null],
    ['Me and my co-founder sign off on tools.', null],
    ["I don't work anywhere, I'm at university.", 'company'],
    ['a few people will use it', null],
    ['We are a group of 3 clinics.', null],
  ] as const)('when the visitor says "%s", then no company size is taken', (text, expecting) => {
    expect(sizeOf(text, expecting)).toEqual([]);
  });
});
