import type { CountryCode } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { contactRule } from '../../../src/extract/rules/contact-rule.js';
import type { FieldPath } from '../../../src/lead/field-paths.js';
import type { RuleContext } from '../../../src/extract/rules/rule-context.js';
import type { Slot } from '../../../src/lead/slots.js';
import { NEW_YORK, ruleContextAt } from './rule-context-at.js';

/** A New York rule context with the visitor's country set to `region`. */
function ctx(expecting: Slot | null, region: CountryCode | undefined = 'US'): RuleContext {
  return { ...ruleContextAt(NEW_YORK, expecting), region };
}

function valueOf(text: string, path: FieldPath, c: RuleContext): unknown {
  return contactRule(text, c).candidates.find((x) => x.path === path)?.value;
}

describe('contactRule: email', () => {
  it.each([
    ['Reach me at Mara.Quint@Tidewell.example', 'mara.quint@tidewell.example'],
    ['mail: ops+chat@north-gate.example.', 'ops+chat@north-gate.example'],
    ['Jonas Weber <jonas.weber@kettle-werk.example>', 'jonas.weber@kettle-werk.example'],
  ])('when the visitor writes "%s", then the email is %s, lower-cased', (text, email) => {
    expect(valueOf(text, 'contact.email', ctx(null))).toBe(email);
  });

  it('when the message has no address, then no email is taken', () => {
    expect(
      valueOf('You can email me later at work', 'contact.email', ctx('contact')),
    ).toBeUndefined();
  });
});

describe('contactRule: phone in E.164, national formats read in the visitor region', () => {
  it.each<[string, CountryCode, string]>([
    ['Call me on (212) 555-0143', 'US', '+12125550143'],
    ['my cell: 415.555.0109', 'US', '+14155550109'],
    ['desk 303-555-0172', 'US', '+13035550172'],
    ['416 555 0123 works best', 'CA', '+14165550123'],
    ['Office: 0113 496 0412', 'GB', '+441134960412'],
    ['mobile 07700 900457', 'GB', '+447700900457'],
    ['+44 20 7946 0331', 'GB', '+442079460331'],
    ['Tel. 030 2345678', 'DE', '+49302345678'],
    ['+49 89 23456789 (Zentrale)', 'DE', '+498923456789'],
    ['WhatsApp 98450 12345', 'IN', '+919845012345'],
    ['landline 080 2345 6789', 'IN', '+918023456789'],
    ['0491 570 313', 'AU', '+61491570313'],
    ['+1 646 555 0161 from abroad', 'GB', '+16465550161'],
  ])('when the visitor writes "%s" from %s, then the phone is %s', (text, region, phone) => {
    expect(valueOf(text, 'contact.phone', ctx('contact', region))).toBe(phone);
  });

  it.each<[string, CountryCode]>([
    ['Budget is $12,500 per year', 'US'],
    ['We have 1,200 employees and 35000 customers', 'US'],
    ['We were founded in 2019, launch is 2026-09-14 or 14/09/2026', 'GB'],
    ['around 4,500 enquiries a month and ₹25 lakh per annum', 'IN'],
    ['Roughly 3.000 euros a month for 140 Mitarbeiter', 'DE'],
    ['We could pay 1500000 one time', 'US'],
  ])('when "%s" (%s) holds money, sizes or dates, then no phone is taken', (text, region) => {
    expect(valueOf(text, 'contact.phone', ctx(null, region))).toBeUndefined();
  });
});

describe('contactRule: name in a contact answer', () => {
  it.each([
    ['Mara Quint, mara@tidewell.example', 'Mara Quint'],
    ["Declan O'Rourke - declan@oakfield.example", "Declan O'Rourke"],
    ['Ana Lima-Souza, ana@veld.example, (212) 555-0143', 'Ana Lima-Souza'],
    ['Élodie Marchand, elodie@lumen.example', 'Élodie Marchand'],
    ['jonas weber, jonas@kettle-werk.example', 'Jonas Weber'],
    ["Name's Rafael Ortiz. rafael@ortiz-co.example. Direct line 312-555-0177.", 'Rafael Ortiz'],
    ['You can reach me at priya.k@bluefin.example. Priya Kapoor.', 'Priya Kapoor'],
    ['Best to email tomas@herrera.example or call (646) 555-0102. Tomás Herrera', 'Tomás Herrera'],
    ["It's Wen Zhao: wen@zhao.example", 'Wen Zhao'],
    ['Kemi, kemi@adeyemi.example', 'Kemi'],
    ['Sure! Lucía Fernández — lucia@pinecrest.example', 'Lucía Fernández'],
    ['J. Okafor, jo@okafor-build.example', 'J. Okafor'],
    ['Dr. Amara Eze, amara@eze-clinic.example', 'Amara Eze'],
    ["I'm June, june.park@ceramics.example", 'June'],
    ['Hello, I am Dr. Meera Iyer, meera@saksham.example', 'Meera Iyer'],
    ['Aoife Ní Bhriain here, aoife@example.example', 'Aoife Ní Bhriain'],
  ])('when the contact answer is "%s", then the name is %s', (text, name) => {
    expect(valueOf(text, 'contact.name', ctx('contact'))).toBe(name);
  });

  it.each([
    'sure thing, quinn@tidewell.example',
    'Please send details to quinn@tidewell.example',
    'Email is k.obi@tidewell.example and my cell is (646) 555-0190',
    'thanks, hello@tidewell.example',
    "I'd rather not say",
    'Please use the office line (212) 555-0188',
    'Monday works, quinn@tidewell.example',
  ])('when the contact answer is "%s", then no name is invented', (text) => {
    expect(valueOf(text, 'contact.name', ctx('contact'))).toBeUndefined();
  });
});

describe('contactRule: name stated in any message', () => {
  it.each([
    ["Hi, I'm Tobias Lindgren from Northwind Freight", 'Tobias Lindgren'],
    ['my name is Ines Duarte and I run a bakery', 'Ines Duarte'],
    ['Hello, this is Marguerite Oyelowo from Bramble Health.', 'Marguerite Oyelowo'],
    ["Guten Tag, I'm Jörg Baumgärtner, Geschäftsführer of a small firm", 'Jörg Baumgärtner'],
  ])('when the visitor writes "%s", then the name is %s', (text, name) => {
    expect(valueOf(text, 'contact.name', ctx(null))).toBe(name);
  });

  it.each([
    "I'm VP Sales at a software company",
    "I'm Head of Operations at Ferrow Logistics",
    "I'm the CFO and I sign off on this",
    "I'm Looking For A Tool To Qualify Leads",
    'Sarah Connor',
    "We're Ondine Marine, a boatbuilder",
  ])('when "%s" is not an introduction by name, then no name is taken', (text) => {
    expect(valueOf(text, 'contact.name', ctx(null))).toBeUndefined();
  });
});

describe('contactRule: names in list, bracket, pipe and label formats', () => {
  it.each([
    ['- Marisol Vega (marisol.vega@fernway.example)', 'Marisol Vega'],
    ['* Pieter Claes (pieter@dunmore.example)', 'Pieter Claes'],
    ['Ingeborg Lund Hansen <ingeborg.hansen@skarvik.example>', 'Ingeborg Lund Hansen'],
    ['"Keoni Akana" <keoni@lavarock.example>', 'Keoni Akana'],
    ['[Bruno Almeida] bruno@serra.example', 'Bruno Almeida'],
    ['name Teodor Lindahl, email teodor@vinterhus.example, phone 212 555 0148', 'Teodor Lindahl'],
    ['Full name Rosa Ibarra; e-mail rosa@ibarra.example', 'Rosa Ibarra'],
    ['Name: Yusuf Demir | Email: yusuf@korfez.example | Tel: (312) 555-0166', 'Yusuf Demir'],
    ['hana.sato@kumo.example (Hana Sato)', 'Hana Sato'],
    ['Lim Jia Hui - jiahui.lim@merlion.example - 6123 4567', 'Lim Jia Hui'],
    ['Nguyen Thi Lan / lan.nguyen@sen.example', 'Nguyen Thi Lan'],
  ])('when the contact answer is "%s", then the name is %s', (text, name) => {
    expect(valueOf(text, 'contact.name', ctx('contact'))).toBe(name);
  });

  it.each([
    'Mob: (646) 555-0133 | Email: desk@fernway.example',
    'email ops@fernway.example, phone 212 555 0148',
    '- sales@fernway.example (main inbox)',
    'alt email: r.ibarra@ibarra.example (personal)',
    '<desk@fernway.example>',
    'mob 646 555 0133',
  ])(
    'when the contact answer "%s" holds only labels and details, then no name is invented',
    (text) => {
      expect(valueOf(text, 'contact.name', ctx('contact'))).toBeUndefined();
    },
  );

  it('when a label without a colon precedes the email, then the email is still read', () => {
    expect(
      valueOf(
        'name Teodor Lindahl, email Teodor@Vinterhus.example',
        'contact.email',
        ctx('contact'),
      ),
    ).toBe('teodor@vinterhus.example');
  });
});
