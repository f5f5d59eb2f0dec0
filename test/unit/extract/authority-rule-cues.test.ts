import { describe, expect, it } from 'vitest';
import { authorityOf } from './authority-of.js';
import type { Slot } from '../../../src/lead/slots.js';

describe('authorityRule: the final word belongs to someone else', () => {
  it.each([
    ["I'm head of growth. The final yes has to come from our CFO.", 'head of growth', 'influencer'],
    ['Director of Digital; the last word is with the board', 'Director of Digital', 'influencer'],
    ['VP Marketing, but the nod has to come from my CEO', 'VP Marketing', 'influencer'],
    [
      "Head of Partnerships, though it's up to our managing director",
      'Head of Partnerships',
      'influencer',
    ],
    ["Operations director. It's the owner who signs.", 'Operations director', 'influencer'],
    [
      "Head of Support. I'd put together the business case for the exec team.",
      'Head of Support',
      'influencer',
    ],
    ['Support manager. My boss, the COO, decides.', 'Support manager', 'influencer'],
    [
      'Product & design lead - happy to recommend it, but our MD signs',
      'Product & design lead',
      'influencer',
    ],
    [
      'Revenue manager. I recommend; the GM and the ownership group approve anything like this.',
      'Revenue manager',
      'influencer',
    ],
    [
      'Program director. Decisions are made by our board of trustees. I will present the options to them.',
      'Program director',
      'influencer',
    ],
    [
      'Marketing lead. I evaluate and recommend. The decision is taken by our board.',
      'Marketing lead',
      'influencer',
    ],
    [
      "Office manager. Dr. Patel owns the practice and makes the final decision. I'll bring it to her.",
      'Office manager',
      'influencer',
    ],
    [
      "I'm a paralegal. My supervising partner asked me to look into chat options and come back with a recommendation.",
      'paralegal',
      'influencer',
    ],
  ])('when the answer is "%s", then the role is %s and the level %s', (text, role, level) => {
    expect(authorityOf(text, 'authority')).toEqual({ role, level });
  });

  it.each([
    ["Head of Growth, and it's up to me", 'Head of Growth', 'decision_maker'],
    [
      'Director of Digital. I had the final call with our CEO yesterday, he is on board.',
      'Director of Digital',
      'decision_maker',
    ],
    ["I'm the owner; the final yes is mine", 'owner', 'decision_maker'],
  ])(
    'when "%s" keeps the decision with the visitor, then the level stays %s',
    (text, role, level) => {
      expect(authorityOf(text, 'authority')).toEqual({ role, level });
    },
  );
});

describe('authorityRule: owners and partners deciding together', () => {
  it.each([
    [
      'Partner in the practice (socia) along with my sister; we decide jointly',
      'Partner',
      'decision_maker',
    ],
    ['Owner/manager of the shop.', 'Owner/manager', 'decision_maker'],
    ['Co-owner and administrator', 'Co-owner and administrator', 'decision_maker'],
    ["I'm a partner at the practice, the three of us decide jointly", 'partner', 'decision_maker'],
    [
      "I'm one of the partners. The managing partner and I decide on this sort of spend together.",
      'partner',
      'decision_maker',
    ],
    [
      'Director of sales. Together with our general manager I decide.',
      'Director of sales',
      'decision_maker',
    ],
  ])('when the answer is "%s", then the role is %s and the level %s', (text, role, level) => {
    expect(authorityOf(text, 'authority')).toEqual({ role, level });
  });
});

describe('authorityRule: people selling to us have no buying role', () => {
  it.each([
    'We run an ad agency for dental clinics - can I talk to whoever handles your marketing?',
    'Who is in charge of your SEO? We have a proposal.',
    "Honestly we don't need a bot, we'd love to offer our content services to your team.",
    'I would like to introduce you to our lead-generation platform',
    'We could help your website rank higher on search',
    'Sales rep at Brightlane Media, I want to pitch our video services to you',
  ])(
    'when the visitor answers the authority question with "%s", then the level is researcher',
    (text) => {
      expect(authorityOf(text, 'authority').level).toBe('researcher');
    },
  );

  it.each<[string, Slot | null]>([
    [
      'We run an ad agency for dental clinics - can I talk to whoever handles your marketing?',
      null,
    ],
    ["Honestly we don't need a bot, we'd love to offer our content services to your team.", 'need'],
  ])(
    'when a pitch with no role comes outside the authority question ("%s"), then no level is set, so the authority question still asks for the role',
    (text, expecting) => {
      expect(authorityOf(text, expecting)).toEqual({ role: null, level: null });
    },
  );

  it.each<[string, Slot | null, string | null]>([
    [
      'We are an SEO agency helping SaaS companies rank higher, and our own inbound leads go cold',
      null,
      null,
    ],
    ['Could I speak to someone on your sales team?', null, null],
    ['Can I talk to whoever handles your support? Our widget broke.', null, null],
    ['We offer our bookkeeping services to small businesses', null, null],
    [
      "Account manager at an SEO agency; I'd recommend tools to our founder",
      'authority',
      'influencer',
    ],
  ])(
    'when "%s" (asked: %s) describes the visitor\'s own business, then the level is %s',
    (text, expecting, level) => {
      expect(authorityOf(text, expecting).level).toBe(level);
    },
  );
});

describe('authorityRule: no decision power', () => {
  it.each([
    ['Intern here, no decision power at all', 'Intern', 'researcher'],
    ['Junior assistant with no decision-making authority', 'Junior assistant', 'researcher'],
    [
      "Coordinator, no decision power myself, I'd take it to my director",
      'Coordinator',
      'influencer',
    ],
    ['I am a student, so no buying role at all', 'student', 'researcher'],
  ])('when the answer is "%s", then the role is %s and the level %s', (text, role, level) => {
    expect(authorityOf(text, 'authority')).toEqual({ role, level });
  });
});

describe('authorityRule: a level outside the authority question waits for the role', () => {
  it.each([
    "Hi - I'm shortlisting tools to bring to my VP.",
    'I will take this to our board next month',
    "I'd recommend it to the owners if it fits",
  ])(
    'when an opening says "%s" without a role, then no level is set and the role question still comes',
    (text) => {
      expect(authorityOf(text, null)).toEqual({ role: null, level: null });
    },
  );

  it.each([
    ["I'm a sales coordinator, I'd take it to our GM", 'sales coordinator', 'influencer'],
    ['I sign off on tools like this', null, null],
    ['Hi, I run dispatch at a trucking company.', 'dispatch', null],
    ['Aloha, I manage sales for a small beachfront hotel.', 'sales', null],
    ['I lead the digital marketing team.', 'digital marketing team', null],
  ])('when an opening says "%s", then the role is %s and the level %s', (text, role, level) => {
    expect(authorityOf(text, null)).toEqual({ role, level });
  });
});
