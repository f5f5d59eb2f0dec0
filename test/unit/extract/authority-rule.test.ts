import { describe, expect, it } from 'vitest';
import { authorityRule } from '../../../src/extract/rules/authority-rule.js';
import type { RuleContext } from '../../../src/extract/rules/rule-context.js';
import type { Slot } from '../../../src/lead/slots.js';
import { DEFAULT_VISITOR } from '../../../src/lead/visitor.js';

function ctx(expecting: Slot | null): RuleContext {
  return { expecting, visitor: DEFAULT_VISITOR, now: new Date('2026-03-02T15:00:00Z'), region: 'US', defaultCurrency: 'USD', fiscalYearEndMonth: 12 };
}

function authorityOf(text: string, expecting: Slot | null): { role: unknown; level: unknown } {
  const { candidates } = authorityRule(text, ctx(expecting));
  return {
    role: candidates.find((c) => c.path === 'authority.role')?.value ?? null,
    level: candidates.find((c) => c.path === 'authority.level')?.value ?? null,
  };
}

describe('authorityRule: answering the authority question', () => {
  it.each([
    ['VP of Revenue here; the spend comes out of my budget.', 'VP of Revenue', 'decision_maker'],
    ["I'm a project manager, I'd need to take it to my director.", 'project manager', 'influencer'],
    ['Head of Customer Success. Spending on this is signed off by me.', 'Head of Customer Success', 'decision_maker'],
    ["I'm the Director of Clinical Services and I hold the budget.", 'Director of Clinical Services', 'decision_maker'],
    ["I'm an intern on the growth team", 'intern', 'researcher'],
    ["I'm a job seeker right now, hoping to land a sales role", 'job seeker', 'researcher'],
    ["I'm on the IT steering committee, I'd recommend options to the trustees.", 'IT steering committee', 'influencer'],
    ["I'm one of three partners.", 'partners', 'decision_maker'],
    ['I am the CEO, and also a co-founder.', 'CEO', 'decision_maker'],
    ['cofounder, i decide on tools', 'cofounder', 'decision_maker'],
    ['Ops coordinator; our COO makes the call.', 'Ops coordinator', 'influencer'],
    ["I'm the Head of Admissions there", 'Head of Admissions', 'decision_maker'],
    ['Geschäftsführer, I sign off on everything', 'Geschäftsführer', 'decision_maker'],
    ["just browsing, I'm a backend developer", 'backend developer', 'researcher'],
    ["I'm a marketing coordinator. The final decision rests with our managing director.", 'marketing coordinator', 'influencer'],
    ['Office manager. Our partners will make the final decision.', 'Office manager', 'influencer'],
    ["I'm the practice owner, so it's my call.", 'practice owner', 'decision_maker'],
    ["I'm the CFO.", 'CFO', 'decision_maker'],
    ["I'm a senior analyst, I'll be putting a recommendation to our CFO.", 'senior analyst', 'influencer'],
    ["I'm a PhD student", 'PhD student', 'researcher'],
    ['I run customer ops and I approve purchases like this.', 'customer ops', 'decision_maker'],
    ["I'm the IT manager, but I don't make the final call", 'IT manager', 'influencer'],
    ["Purchasing lead, I'll present a shortlist to our board.", 'Purchasing lead', 'influencer'],
    ["As I said, I'm the COO. Anything under 20k is mine to approve.", 'COO', 'decision_maker'],
    ['Executive director, I make the purchasing decisions here.', 'Executive director', 'decision_maker'],
    ['Account executive. I would bring this to my VP for approval.', 'Account executive', 'influencer'],
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
  ])('when the answer "%s" gives no title, then the role is %s and the level %s', (text, role, level) => {
    expect(authorityOf(text, 'authority')).toEqual({ role, level });
  });
});

describe('authorityRule: roles in other messages', () => {
  it.each([
    ["Hi, I'm the founder of Tinkerbox, a 6-person startup.", 'founder', 'decision_maker'],
    ["I'm Head of Finance at Quarry & Pine and we need a chat tool.", 'Head of Finance', 'decision_maker'],
    ["I'm the team lead for inside sales at a furniture retailer", 'team lead for inside sales', 'influencer'],
    ['I own a small bakery and need online ordering', 'owner', 'decision_maker'],
    ['im a student writing my thesis on chatbots', 'student', 'researcher'],
    ["I'm a sales manager; our CEO signs off on tools.", 'sales manager', 'influencer'],
    ['Anke Hahn, Geschäftsführerin (managing director) of Hahn Verpackung GmbH.', 'Geschäftsführerin (managing director)', 'decision_maker'],
    ['hey, cto of a 12 person fintech here, need something quick', 'cto', 'decision_maker'],
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
    ["I'd take it to our CEO for sign-off", null, 'influencer'],
    ['our sales team cannot keep up with inbound leads', null, null],
    ['we need to qualify international student enquiries', null, null],
    ["It's for my dissertation, I'm not buying anything", null, null],
    ['for a class project I have to interview a software company', null, null],
  ])('when "%s" states no role of the visitor, then the role is %s and the level %s', (text, role, level) => {
    expect(authorityOf(text, null)).toEqual({ role, level });
  });
});
