import { describe, expect, it } from 'vitest';
import { companySizeRule } from '../../../src/extract/rules/company-size-rule.js';
import type { Slot } from '../../../src/lead/slots.js';
import { BERLIN, ruleContextAt } from './rule-context-at.js';

const ctx = (expecting: Slot | null) => ruleContextAt(BERLIN, expecting);

const sizeOf = (text: string, expecting: Slot | null = null) =>
  companySizeRule(text, ctx(expecting)).candidates.map((c) => c.value);

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
    ["We're about 55 across sales, service and parts.", 55],
    ['Straits Marine, around 75 staff. We serve roughly 3,000 vessel calls a year.', 75],
  ])(
    'when "%s" answers the company question, then the bare count is the size (%d)',
    (text, size) => {
      expect(sizeOf(text, 'company')).toEqual([size]);
    },
  );

  it.each([
    ["With the new warehouse team it's 48 staff now, not 30.", 48],
    ['We used to be 30 people; now we are 48 staff.', 48],
    ['We were 20 employees last year and are 26 employees today.', 26],
  ])('when the visitor corrects the size ("%s"), then the new one (%d) wins', (text, size) => {
    expect(sizeOf(text)).toEqual([size]);
  });

  it('when a size is found, then the evidence is the sentence it came from', () => {
    expect(
      companySizeRule('Hi there. We are about 60 people. Thanks!', ctx(null)).candidates,
    ).toEqual([{ path: 'company.size', value: 60, evidence: 'We are about 60 people.' }]);
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

describe('companySizeRule, informal words and roles for staff', () => {
  it.each([
    ['Fernhill Example Joinery, 22 lads on the books.', 22],
    ['About 60 on the books, plus subbies.', 60],
    ['About 40 guys in total.', 40],
    ['We are 18 blokes, give or take.', 18],
    ['Roughly 25 folks.', 25],
    ['12 FTEs', 12],
    ['We have 20 staffers.', 20],
    ['8 full-timers', 8],
    ['30 crew', 30],
    ['We have 45 nurses, more or less.', 45],
    ['Birchwood Example Academy: 60 teachers.', 60],
    ['around 14 devs', 14],
    ['We run with 9 techs.', 9],
    ['We employ 75 drivers.', 75],
    ['150 carers across the county', 150],
    ['a 30-teacher school', 30],
    ['We employ about 40 cartographers.', 40],
    ['11 therapists and 3 receptionists', 14],
    ['We have 6 instructors and a receptionist.', 7],
    ['600 students and 40 teachers', 40],
  ])('when the visitor says "%s", then the company has %d employees', (text, size) => {
    expect(sizeOf(text)).toEqual([size]);
  });

  it.each([
    ['We have 3 employees and 200 volunteers.', 3],
    ['Around 200 employees, including 30 nurses.', 200],
    ['I manage 8 engineers at a 200-person company.', 200],
  ])('when a count of everyone is also given ("%s"), then it wins (%d)', (text, size) => {
    expect(sizeOf(text)).toEqual([size]);
  });

  it.each([
    ['We serve 500 members of the public a week.'],
    ['We have 1,200 students.'],
    ['We see 80 patients a day.'],
    ['Our app has 3,000 users.'],
    ['The gym has 200 gym members.'],
    ['We built 3 AI agents for support.'],
    ['Enquiries come from 300 letting agents.'],
    ['We sell to about 200 dentists.'],
    ['The tool is for 20 engineers.'],
    ['I manage 8 engineers.'],
    ['Our 3 sales reps are swamped.'],
    ['We have 60 volunteers.'],
  ])(
    'when the people counted are not the company\'s staff ("%s"), then no size is taken',
    (text) => {
      expect(sizeOf(text)).toEqual([]);
    },
  );

  it('when "our 30 teachers" answers the company question, then it is the size', () => {
    expect(sizeOf('Birchwood Example Academy, our 30 teachers', 'company')).toEqual([30]);
  });
});

describe('companySizeRule, the visitor and the people with them', () => {
  it.each([
    ['Only me + 1 bookkeeper.', 2],
    ['me and 3 technicians', 4],
    ['myself plus two part-time tutors', 3],
    ['Me and my 2 engineers.', 3],
    ["It's me, plus one freelance designer.", 2],
    ['Just me and a part-timer.', 2],
  ])('when the visitor says "%s", then the company has %d people', (text, size) => {
    expect(sizeOf(text)).toEqual([size]);
  });

  it.each([['Me and 3 clients had a call.'], ['Me and my co-founder decide.']])(
    'when "%s" counts no staff, then no size is taken',
    (text) => {
      expect(sizeOf(text)).toEqual([]);
    },
  );
});

describe('companySizeRule, a correction inside the answer', () => {
  it.each([
    ['Around 40 people, actually 44 with the interns.', null, 44],
    ['We are 25 staff, make that 27.', null, 27],
    ['Headcount is 60, or rather 58 since Friday.', null, 58],
    ["We're 30 people. Sorry, 33.", null, 33],
    ['We were 10 people, now 15.', null, 15],
    ['Quayside Example, 14 people, now 16', 'company', 16],
  ] as const)(
    'when the visitor says "%s", then the corrected size wins (%d)',
    (text, expecting, size) => {
      expect(sizeOf(text, expecting)).toEqual([size]);
    },
  );

  it.each([
    ['We have 12 staff now, 3 offices.', [12]],
    ['We are 20 employees, now 3 years old.', [20]],
    ['We have 50 staff, actually 2026 is our tenth year.', [50]],
    ['Actually, 5 minutes of your time is all I need.', []],
    ['Now 21 of them are remote.', []],
  ] as const)(
    'when a number after "actually" or "now" counts something else ("%s"), then it is no correction',
    (text, sizes) => {
      expect(sizeOf(text)).toEqual(sizes);
    },
  );
});
