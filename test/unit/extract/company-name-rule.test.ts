import { describe, expect, it } from 'vitest';
import { companyNameRule } from '../../../src/extract/rules/company-name-rule.js';
import type { Slot } from '../../../src/lead/slots.js';
import { NEW_YORK, ruleContextAt } from './rule-context-at.js';

function nameOf(text: string, expecting: Slot | null): unknown {
  return companyNameRule(text, ruleContextAt(NEW_YORK, expecting)).candidates.find(
    (c) => c.path === 'company.name',
  )?.value;
}

describe('companyNameRule: answering the company question', () => {
  it.each([
    ['Tidewell Analytics, roughly 45 people', 'Tidewell Analytics'],
    ['Copperfield Pump & Seal, 310 staff across three sites', 'Copperfield Pump & Seal'],
    ['Vogel Feinmechanik GmbH, 85 Mitarbeiter.', 'Vogel Feinmechanik GmbH'],
    ['Tallgrass Lending Pvt Ltd, 500+ employees', 'Tallgrass Lending Pvt Ltd'],
    ['Tallgrass Lending Pvt. Ltd. with 500 staff', 'Tallgrass Lending Pvt. Ltd'],
    ['Bluefin Growth Co. We have 19 people.', 'Bluefin Growth Co'],
    ['Orchard Lane Dental: 4 practices and about 60 staff', 'Orchard Lane Dental'],
    ['Kestrel Staffing Solutions, Nagpur. Roughly 90 employees.', 'Kestrel Staffing Solutions'],
    ['quietbyte labs, 9 ppl', 'quietbyte labs'],
    ['Maison Clément, around 70 employees', 'Maison Clément'],
    ['Ridgeway 360 Ltd', 'Ridgeway 360 Ltd'],
    ['Marlow & Daughters Bakery (12 of us)', 'Marlow & Daughters Bakery'],
    ['Société Lumière S.A., 200 staff', 'Société Lumière S.A.'],
    ["It's called Fernhill Robotics, we're 30", 'Fernhill Robotics'],
    ['We are Halcyon Events, a team of 12', 'Halcyon Events'],
    ['Northgate Veterinary Group. We have 6 clinics.', 'Northgate Veterinary Group'],
    ['Institute of Coastal Studies ~ 300 staff', 'Institute of Coastal Studies'],
    ['Pennant Freight - about 140 drivers', 'Pennant Freight'],
    ['I run Larkspur Analytics, 25 staff', 'Larkspur Analytics'],
    ['Company name: Wrenfield Labs', 'Wrenfield Labs'],
  ])('when the answer is "%s", then the company is %s', (text, name) => {
    expect(nameOf(text, 'company')).toBe(name);
  });

  it.each([
    "Rather not share the company name yet, we're about 50 though",
    'Only a tiny bakery, five of us',
    '8 of us in total',
    'i dont work for a company, im still at university',
    'freelance, just me',
    'Not telling, sorry',
    'a small family business',
    "It's a small marketing agency",
    'Prefer not to say',
    'London, about 40 people',
    'Small office, 6 of us',
    'no company, self-employed',
  ])('when the answer is "%s", then no company name is invented', (text) => {
    expect(nameOf(text, 'company')).toBeUndefined();
  });
});

describe('companyNameRule: lower-case descriptions are not names', () => {
  it.each<[string, Slot | null, string | undefined]>([
    ["I'm from a trade association.", 'company', undefined],
    ['I work for a regional tourism board', 'company', undefined],
    ['I work for a regional tourism board', null, undefined],
    ["I'm from a local business chamber", null, undefined],
    ['We are a small family law office', 'company', undefined],
    [
      'Law Offices of Amara Quist, just me and 2 paralegals',
      'company',
      'Law Offices of Amara Quist',
    ],
    ['I work for Eastmere Tourism Board', null, 'Eastmere Tourism Board'],
    ["There's 12 of us.", 'company', undefined],
  ])(
    'when the visitor writes "%s" (asked: %s), then the company is %s',
    (text, expecting, name) => {
      expect(nameOf(text, expecting)).toBe(name);
    },
  );
});

describe('companyNameRule: introductions in any message', () => {
  it.each([
    ["I'm the CEO of Brightmoor Logistics (about 90 staff)", 'Brightmoor Logistics'],
    ["Hello! I'm Head of Finance at Quarry & Pine, a 150-person retailer.", 'Quarry & Pine'],
    ['founder of Tinkerbox, a 6-person startup', 'Tinkerbox'],
    ["I'm the managing partner at Ellery Cole Advisors.", 'Ellery Cole Advisors'],
    ['I work for Saffron Circuit Labs and we need help with inbound leads', 'Saffron Circuit Labs'],
    ["we're Ondine Marine, a boatbuilder in Cornwall", 'Ondine Marine'],
    ["Hi, I'm Tobias Lindgren from Northwind Freight", 'Northwind Freight'],
    [
      'Anke Hahn, Geschäftsführerin (managing director) of Hahn Verpackung GmbH. We have 60 staff.',
      'Hahn Verpackung GmbH',
    ],
    ["I'm the Director of Admissions at Harwick College", 'Harwick College'],
    ["I'm the CEO at a 40-person agency called Fernwood", 'Fernwood'],
    ['I own Calloway Bikes.', 'Calloway Bikes'],
    ["G'day, this is Tom from Halden Builders. We get heaps of quote requests.", 'Halden Builders'],
    ['Hey, this is Marcus Bell from Lone Star Auto Group.', 'Lone Star Auto Group'],
  ])('when the visitor writes "%s", then the company is %s', (text, name) => {
    expect(nameOf(text, null)).toBe(name);
  });

  it.each([
    "I'm the head of ops at a 200-person logistics firm",
    "I'm treasurer of a small arts charity",
    "We're based in Munich",
    'does Orbitly work for dental clinics?',
    'Is Orbitly GDPR compliant?',
    "I'm the Director of Admissions",
    "I'm VP of Sales",
    "We're Canadian, by the way.",
    'I work at home most days',
    'Tidewell Analytics, roughly 45 people',
    "I'm the owner and we use Pipedrive with HubSpot",
    'I run Marketing.',
    'We tried a tool called Chatterly last year',
  ])('when "%s" names no employer, then no company name is taken', (text) => {
    expect(nameOf(text, null)).toBeUndefined();
  });
});

describe('companyNameRule: where a student studies is not their employer', () => {
  it.each<[string, Slot | null]>([
    ["Hello, I'm a grad student at Kelmscott University researching chat tools.", null],
    ["I'm an MBA student in marketing at Harwick Business School", null],
    ["I'm a PhD student here at Northfield Institute", null],
    ['Final-year student of Brightwater College, doing a project on bots', null],
    ['Grad student at Kelmscott University', 'company'],
    ['PhD at Kelmscott University, so no company', 'company'],
    ['Studying at Brightwater College', 'company'],
    ["Brightwater College, I'm a student there", 'company'],
    ['Brightwater College, I study there', 'company'],
  ])(
    'when the visitor writes "%s" (asked: %s), then no company name is taken',
    (text, expecting) => {
      expect(nameOf(text, expecting)).toBeUndefined();
    },
  );

  it.each<[string, Slot | null, string]>([
    ["I'm the student recruitment officer at Larchmont College", null, 'Larchmont College'],
    ["I'm a student. I work at Crumble Bakery part-time", null, 'Crumble Bakery'],
    ['Brightwater College, about 300 staff', 'company', 'Brightwater College'],
  ])(
    'when "%s" (asked: %s) names where the visitor works, then the company is %s',
    (text, expecting, name) => {
      expect(nameOf(text, expecting)).toBe(name);
    },
  );
});
