import { describe, expect, it } from 'vitest';
import { companySizeRule } from '../../../src/extract/rules/company-size-rule.js';
import type { Slot } from '../../../src/lead/slots.js';
import { AMSTERDAM, ruleContextAt } from './rule-context-at.js';

const ctx = (expecting: Slot | null) => ruleContextAt(AMSTERDAM, expecting);

const sizeOf = (text: string, expecting: Slot | null = 'company') =>
  companySizeRule(text, ctx(expecting)).candidates.map((c) => c.value);

describe('companySizeRule, workers the visitor leaves out', () => {
  it.each([
    ['Kestrel Example Logistics, 60 staff plus about 400 seasonal pickers.', 60],
    ['We are 18 employees, not counting the 30 freelancers we use.', 18],
    ['Not counting our 200 volunteers, 12 paid staff.', 12],
    ['About 25 people, plus 10 contractors.', 25],
    [
      "Bramble Example Care: 14 office staff and roughly 300 agency carers, though those don't really count.",
      14,
    ],
    ['45 staff plus 120 temps on assignment (not counted)', 45],
    ['Dockside Example, 22 employees, excluding 90 flex workers.', 22],
  ])('when the visitor says "%s", then the staff count stands (%d)', (text, size) => {
    expect(sizeOf(text)).toEqual([size]);
  });

  it.each([
    ['40 contractors', 40],
    ["We're 40 people, that doesn't count the contractors.", 40],
    ['We have 40 staff, contractors not included.', 40],
    ['We had 10 contractors, now 25 staff.', 25],
    ['20 staff plus 5 freelancers, actually 22 staff.', 22],
    ['2 developers plus 3 designers', 5],
    ['A creative agency of 15, plus 3 freelancers.', 15],
  ])('when "%s" leaves nothing out, then the count is %d', (text, size) => {
    expect(sizeOf(text)).toEqual([size]);
  });
});

describe('companySizeRule, "employees" in other languages', () => {
  it.each([
    ['Tulipa Example BV, 40 medewerkers', 40],
    ['Revontuli Example Oy, 15 työntekijää.', 15],
    ['Fjord Example AS, 12 ansatte', 12],
    ['Ålund Example AB – 30 anställda', 30],
    ['Rossi Example Srl, 45 dipendenti', 45],
    ['Lumière Example SAS, 60 salariés', 60],
    ['Andes Example, 19 colaboradores', 19],
    ['Serra Example Ltda, 27 empregados', 27],
    ['Praha Example s.r.o., 33 zaměstnanců (employees)', 33],
    ['Kowloon Example Ltd, 50 yuangong (staff)', 50],
  ])('when the visitor says "%s", then the company has %d employees', (text, size) => {
    expect(sizeOf(text)).toEqual([size]);
  });

  it.each([
    ['We have 3 personas.'],
    ['12 clientes (customers) signed last month.'],
    ['5 Standorte (locations)'],
  ])('when "%s" counts something else, then no size is taken', (text) => {
    expect(sizeOf(text, null)).toEqual([]);
  });
});

describe('companySizeRule, a typo corrected', () => {
  it.each([
    ['31 people - oops, I meant 13', 13],
    ['Harbor Example, 31 people, typo: 13 people', 13],
    ["It's 40, not 30.", 40],
    ['We are 60 staff. Typo, 16.', 16],
    ['70 employees, sorry, I meant 17 not 70', 17],
  ])('when the visitor says "%s", then the corrected size wins (%d)', (text, size) => {
    expect(sizeOf(text)).toEqual([size]);
  });

  it.each([
    ['We handle 25 not 52 projects a week.', null, []],
    ['We are 30 staff, I meant to ask about pricing.', 'company', [30]],
  ] as const)(
    'when "%s" corrects no headcount, then no correction is taken',
    (text, expecting, sizes) => {
      expect(sizeOf(text, expecting)).toEqual(sizes);
    },
  );
});
