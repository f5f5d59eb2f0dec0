import { describe, expect, it } from 'vitest';
import { authorityOf } from './authority-of.js';

describe('authorityRule: answering the authority question', () => {
  it.each([
    ['VP of Revenue here; the spend comes out of my budget.', 'VP of Revenue', 'decision_maker'],
    ["I'm a project manager, I'd need to take it to my director.", 'project manager', 'influencer'],
    [
      'Head of Customer Success. Spending on this is signed off by me.',
      'Head of Customer Success',
      'decision_maker',
    ],
    [
      "I'm the Director of Clinical Services and I hold the budget.",
      'Director of Clinical Services',
      'decision_maker',
    ],
    ["I'm an intern on the growth team", 'intern', 'researcher'],
    ["I'm a job seeker right now, hoping to land a sales role", 'job seeker', 'researcher'],
    [
      "I'm on the IT steering committee, I'd recommend options to the trustees.",
      'IT steering committee',
      'influencer',
    ],
    ["I'm one of three partners.", 'partner', 'decision_maker'],
    ["I'm one of the two owners", 'owner', 'decision_maker'],
    ["I'm the head of growth. The CEO and I decide together.", 'head of growth', 'decision_maker'],
    ['I am the CEO, and also a co-founder.', 'CEO', 'decision_maker'],
    ['cofounder, i decide on tools', 'cofounder', 'decision_maker'],
    ['Ops coordinator; our COO makes the call.', 'Ops coordinator', 'influencer'],
    ["I'm the Head of Admissions there", 'Head of Admissions', 'decision_maker'],
    ['Geschäftsführer, I sign off on everything', 'Geschäftsführer', 'decision_maker'],
    ["just browsing, I'm a backend developer", 'backend developer', 'researcher'],
    [
      "I'm a marketing coordinator. The final decision rests with our managing director.",
      'marketing coordinator',
      'influencer',
    ],
    ['Office manager. Our partners will make the final decision.', 'Office manager', 'influencer'],
    ["I'm the practice owner, so it's my call.", 'practice owner', 'decision_maker'],
    ["I'm the CFO.", 'CFO', 'decision_maker'],
    [
      "I'm a senior analyst, I'll be putting a recommendation to our CFO.",
      'senior analyst',
      'influencer',
    ],
    ["I'm a PhD student", 'PhD student', 'researcher'],
    ['I run customer ops and I approve purchases like this.', 'customer ops', 'decision_maker'],
    ["I'm the IT manager, but I don't make the final call", 'IT manager', 'influencer'],
    ["Purchasing lead, I'll present a shortlist to our board.", 'Purchasing lead', 'influencer'],
    ["As I said, I'm the COO. Anything under 20k is mine to approve.", 'COO', 'decision_maker'],
    [
      'Executive director, I make the purchasing decisions here.',
      'Executive director',
      'decision_maker',
    ],
    [
      'Account executive. I would bring this to my VP for approval.',
      'Account executive',
      'influencer',
    ],
    ['im the owner lol', 'owner', 'decision_maker'],
    ['Partner at the firm; me and my co-founder sign off together.', 'Partner', 'decision_maker'],
    ['Team lead for support; the CEO decides.', 'Team lead for support', 'influencer'],
    ['My role is Head of Growth', 'Head of Growth', 'decision_maker'],
    ["I'm a consultant helping a client pick a tool", 'consultant', 'influencer'],
    ['Chief of Staff to our CEO', 'Chief of Staff', 'influencer'],
    ['Vice President of Partnerships', 'Vice President of Partnerships', 'decision_maker'],
  ])('when the answer is "%s", then the role is %s and the level %s', (text, role, level) => {
    expect(authorityOf(text, 'authority')).toEqual({ role, level });
  });

  it.each([
    ['The CEO decides.', null, 'influencer'],
    ['I decide.', null, 'decision_maker'],
    ['That budget is mine.', null, 'decision_maker'],
    ["I'm in charge of purchasing, so I'd be the one deciding", null, 'decision_maker'],
    ['Just curious really', null, 'researcher'],
    ["I'd rather not say", null, null],
    ['Not sure, why?', null, null],
    ['It depends on the price', null, null],
  ])(
    'when the answer "%s" gives no title, then the role is %s and the level %s',
    (text, role, level) => {
      expect(authorityOf(text, 'authority')).toEqual({ role, level });
    },
  );
});

describe('authorityRule: a title said in passing', () => {
  it.each([
    ["I'm Head of Finance at Quarry & Pine and we need a chat tool.", 'Head of Finance'],
    ["I'm the team lead for inside sales at a furniture retailer", 'team lead for inside sales'],
    ["I'm the marketing director at a 40-person agency.", 'marketing director'],
  ])(
    'when "%s" comes outside the authority question, then the role %s is kept and the level is left for the authority question',
    (text, role) => {
      expect(authorityOf(text, null)).toEqual({ role, level: null });
    },
  );

  it('when the same title answers the authority question, then the title gives the level', () => {
    expect(authorityOf('Head of Finance.', 'authority')).toEqual({
      role: 'Head of Finance',
      level: 'decision_maker',
    });
  });
});

describe('authorityRule: roles in other messages', () => {
  it.each([
    ["Hi, I'm the founder of Tinkerbox, a 6-person startup.", 'founder', 'decision_maker'],
    ['I own a small bakery and need online ordering', 'owner', 'decision_maker'],
    ['im a student writing my thesis on chatbots', 'student', 'researcher'],
    ["I'm a sales manager; our CEO signs off on tools.", 'sales manager', 'influencer'],
    [
      'Anke Hahn, Geschäftsführerin (managing director) of Hahn Verpackung GmbH.',
      'Geschäftsführerin (managing director)',
      'decision_maker',
    ],
    ['hey, cto of a 12 person fintech here, need something quick', 'cto', 'decision_maker'],
    ["I'm VP Sales at a 200-person logistics firm", 'VP Sales', 'decision_maker'],
    ['hello i am the ceo of greenleaf ltd', 'ceo', 'decision_maker'],
  ])('when the visitor writes "%s", then the role is %s and the level %s', (text, role, level) => {
    expect(authorityOf(text, null)).toEqual({ role, level });
  });

  it.each([
    ['my manager asked me to research chat tools', null, null],
    ["I'm looking for a tool to qualify leads", null, null],
    ["I'm based in Leeds", null, null],
    ["I'm interested in the Pro plan", null, null],
    ['The directors would make the final decision.', null, null],
    ['Does your CEO do demos?', null, null],
    ["we're a 40-person agency and our CEO decides on tools", null, null],
    // No level either: it would fill the authority slot, and the question that gets the role would never come.
    ["I'd take it to our CEO for sign-off", null, null],
    ['our sales team cannot keep up with inbound leads', null, null],
    ['we need to qualify international student enquiries', null, null],
    ["It's for my dissertation, I'm not buying anything", null, null],
    ['for a class project I have to interview a software company', null, null],
  ])(
    'when "%s" states no role of the visitor, then the role is %s and the level %s',
    (text, role, level) => {
      expect(authorityOf(text, null)).toEqual({ role, level });
    },
  );
});

describe('authorityRule: titles joined by "/", "&" or "+"', () => {
  it.each([
    ['Proprietor/manager', 'Proprietor/manager', 'decision_maker'],
    ['co-founder & head of product', 'co-founder & head of product', 'decision_maker'],
    ['owner-operator', 'owner-operator', 'decision_maker'],
    ['Associate / Head of Digital', 'Associate / Head of Digital', 'decision_maker'],
    ['President + CFO', 'President + CFO', 'decision_maker'],
    ['Coordinator / admin', 'Coordinator / admin', 'influencer'],
  ])(
    'when the answer is "%s", then each title is looked up and the strongest level wins',
    (text, role, level) => {
      expect(authorityOf(text, 'authority')).toEqual({ role, level });
    },
  );
});

describe('authorityRule: people with no buying role', () => {
  it.each([
    ['Reporter, not a buyer.', 'Reporter', 'researcher'],
    ["I'm a blogger covering sales tools", 'blogger', 'researcher'],
    ['Lecturer in digital marketing', 'Lecturer', 'researcher'],
    ["I'm an academic looking at conversational agents", 'academic', 'researcher'],
    ['Podcaster, only poking around', 'Podcaster', 'researcher'],
    ['Honestly I have no purchasing power', null, 'researcher'],
    ['I work for a competitor of yours', null, 'researcher'],
    ['just poking around', null, 'researcher'],
    ["I'm a tech journalist", 'tech journalist', 'researcher'],
  ])('when the answer is "%s", then the role is %s and the level %s', (text, role, level) => {
    expect(authorityOf(text, 'authority')).toEqual({ role, level });
  });

  it.each([
    ["No purchasing power myself, I'd pass it on to our COO", 'influencer'],
    ["We switched to you from a competitor, I'm the owner", 'decision_maker'],
  ])('when "%s" also names who decides, then the level is %s', (text, level) => {
    expect(authorityOf(text, 'authority').level).toBe(level);
  });

  it('when a journalist introduces themselves in an opening, then the role is kept as researcher', () => {
    expect(authorityOf("Hi, I'm a freelance writer researching lead bots", null)).toEqual({
      role: 'freelance writer',
      level: 'researcher',
    });
  });
});

describe('authorityRule: the department as the role', () => {
  it.each([
    ["I'm in sales, my director would sign off", 'sales', 'influencer'],
    [
      'I work in customer success and I approve tools for my team',
      'customer success',
      'decision_maker',
    ],
    ["I'm on the growth team", 'growth team', null],
    ["I'm in IT, the CTO has the final say", 'IT', 'influencer'],
    ['I work in procurement. Our board approves contracts.', 'procurement', 'influencer'],
  ])('when the answer is "%s", then the role is %s and the level %s', (text, role, level) => {
    expect(authorityOf(text, 'authority')).toEqual({ role, level });
  });

  it.each([
    "I'm in Lisbon this week",
    'I work in education',
    "I'm in it for the long run",
    'I work in software',
  ])('when "%s" names a place or an industry, then no role is taken', (text) => {
    expect(authorityOf(text, 'authority').role).toBeNull();
  });
});

describe('authorityRule: abbreviated titles and first-person sign-off', () => {
  it.each([
    ['dir of ops, i sign', 'dir of ops', 'decision_maker'],
    ['svp marketing', 'svp marketing', 'decision_maker'],
    ['ops mgr. our GM decides', 'ops mgr', 'influencer'],
    ['Regional mgr; I sign off on anything under 10k', 'Regional mgr', 'decision_maker'],
    ["Operations lead, I'm one of the approvers", 'Operations lead', 'decision_maker'],
    [
      "I'm a board member so I'd be one of the people voting to approve it",
      'board member',
      'decision_maker',
    ],
    ["Treasurer. I'd be one of the people who sign off", 'Treasurer', 'decision_maker'],
    ['Finance manager and I hold the purse strings', 'Finance manager', 'decision_maker'],
  ])('when the answer is "%s", then the role is %s and the level %s', (text, role, level) => {
    expect(authorityOf(text, 'authority')).toEqual({ role, level });
  });

  it.each([
    ['Owner. I signed up for your newsletter last week.', 'decision_maker'],
    ["I'm one of the people who would use it daily", null],
    ['I sign up for lots of trials', null],
  ])('when "%s" only mentions signing up or using, then the level is %s', (text, level) => {
    expect(authorityOf(text, 'authority').level).toBe(level);
  });
});

describe('authorityRule: working alone, and fillers that are no role', () => {
  it.each([
    ["it's only me, so yeah", 'decision_maker'],
    ['just me', 'decision_maker'],
    ['Sole proprietor', 'decision_maker'],
    ['one-woman business, so me', 'decision_maker'],
    ['I run the practice on my own', 'decision_maker'],
    ["yeah it's me", null],
    ['well we all decide together', null],
  ])('when the answer is "%s", then no role is invented and the level is %s', (text, level) => {
    const { role, level: got } = authorityOf(text, 'authority');
    expect(
      role === null || !/^(?:it|its|it's|yeah|well|just|me|my|our)\b/i.test(String(role)),
    ).toBe(true);
    expect(got).toBe(level);
  });

  it.each([
    ['its just me so yes', null],
    ['yep thats me', null],
    ['our office manager', null],
  ])('when the answer "%s" opens with a pronoun or a filler, then the role is %s', (text, role) => {
    expect(authorityOf(text, 'authority').role).toBe(role);
  });

  it.each([
    [
      "hi, I'm a solo family-law solicitor and need an intake bot",
      'solo family-law solicitor',
      'decision_maker',
    ],
    ["I'm an architect at a 40-person studio", 'architect', null],
    ["I'm a physiotherapist with two clinics", 'physiotherapist', null],
    ["I'm a pharmacist at a family-run chain", 'pharmacist', null],
  ])(
    'when the visitor writes "%s", then the profession is the role (%s) with level %s',
    (text, role, level) => {
      expect(authorityOf(text, null)).toEqual({ role, level });
    },
  );

  it('when a company answer says "just me + 2 staff" with no role, then no level is taken', () => {
    expect(authorityOf('Delgado Tax Services, just me + 2 staff', 'company')).toEqual({
      role: null,
      level: null,
    });
  });
});

describe('authorityRule: someone else decides', () => {
  it.each([
    ['Store manager at one branch. owner will decide', 'Store manager', 'influencer'],
    [
      "I'm the marketing director, the managing partner signs contracts",
      'marketing director',
      'influencer',
    ],
    ['Head of Admissions. Final sign-off from the principal.', 'Head of Admissions', 'influencer'],
    ['GM here; the owners hold the purse strings', 'GM', 'influencer'],
    ['Director of Nursing, approval comes from our CEO', 'Director of Nursing', 'influencer'],
    ['VP of Product. Board has to approve purchases', 'VP of Product', 'influencer'],
    ['Chief of Staff, needs CEO approval', 'Chief of Staff', 'influencer'],
    [
      'I am Director - Clinical Operations. The COO would decide.',
      'Director - Clinical Operations',
      'influencer',
    ],
    ['Head – Corporate Partnerships', 'Head – Corporate Partnerships', 'decision_maker'],
  ])(
    'when the answer is "%s", then the third-party decider beats the title (%s, %s)',
    (text, role, level) => {
      expect(authorityOf(text, 'authority')).toEqual({ role, level });
    },
  );

  it.each([
    ['Approval from the board.', null, 'influencer'],
    ['Final approval sits with our MD.', null, 'influencer'],
  ])(
    'when the answer "%s" only names the approver, then no role is taken and the level is %s',
    (text, role, level) => {
      expect(authorityOf(text, 'authority')).toEqual({ role, level });
    },
  );

  it.each([
    ["I'm the owner and sign off on everything", 'owner', 'decision_maker'],
    ['Director - Harbourline Freight', 'Director', 'decision_maker'],
    ["I'm the director and I'd decide", 'director', 'decision_maker'],
  ])(
    'when "%s" is first person, then the visitor keeps their own level (%s, %s)',
    (text, role, level) => {
      expect(authorityOf(text, 'authority')).toEqual({ role, level });
    },
  );

  it('when an opening without a role says who decides, then no level is taken', () => {
    expect(authorityOf('Our owner would decide on anything like this.', null)).toEqual({
      role: null,
      level: null,
    });
  });
});
