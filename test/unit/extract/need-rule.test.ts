import { describe, expect, it } from 'vitest';
import { needRule } from '../../../src/extract/rules/need-rule.js';
import type { Slot } from '../../../src/lead/slots.js';
import { NEW_YORK, ruleContextAt } from './rule-context-at.js';

function needOf(text: string, expecting: Slot | null): { summary: unknown; declined: boolean } {
  const result = needRule(text, ruleContextAt(NEW_YORK, expecting));
  return {
    summary: result.candidates.find((c) => c.path === 'need.summary')?.value ?? null,
    declined: result.declined === true,
  };
}

describe('needRule: answering the need question', () => {
  it.each([
    'Our clinic phones ring off the hook and half the callers only want opening hours.',
    'As mentioned: faster triage of warranty claims from our resellers.',
    'Quote requests for custom signage, we need dimensions and install dates before a designer looks at them.',
    '  Tenants ask the same questions about deposits.  ',
  ])('when the answer is "%s", then the whole answer is the need', (text) => {
    expect(needOf(text, 'need')).toEqual({ summary: text.trim(), declined: false });
  });

  it('when the answer is very long, then the summary is cut to about 400 characters at a sentence end', () => {
    const sentence =
      'Our reps lose hours every week sorting wholesale enquiries from retail ones by hand. ';
    const { summary } = needOf(sentence.repeat(8), 'need');
    expect(typeof summary === 'string' && summary.length <= 400 && summary.endsWith('.')).toBe(
      true,
    );
  });

  it.each([
    'nothing in particular, only curious',
    "I'm not shopping for anything, I'm job hunting",
    "We don't need software, it's for my class project",
    'nothing really',
    "it's for my thesis on conversational AI",
    'Just browsing',
    "I'd rather not say",
    'no idea',
  ])(
    'when the answer "%s" says there is no need, then nothing is stored and the slot is declined',
    (text) => {
      expect(needOf(text, 'need')).toEqual({ summary: null, declined: true });
    },
  );

  it('when the answer is only a question back, then it is not taken as the need', () => {
    expect(needOf('How much does it cost?', 'need')).toEqual({ summary: null, declined: false });
  });
});

describe('needRule: problem statements in other messages', () => {
  it.each([
    [
      'Hi, our booking inbox is out of control. Do you integrate with Zendesk?',
      'Hi, our booking inbox is out of control.',
    ],
    [
      'We keep missing after-hours enquiries from landlords.',
      'We keep missing after-hours enquiries from landlords.',
    ],
    [
      'We need to route warranty claims to the right dealer. Budget is about 5k.',
      'We need to route warranty claims to the right dealer.',
    ],
    [
      'Looking for a tool to pre-screen tenants before viewings.',
      'Looking for a tool to pre-screen tenants before viewings.',
    ],
    [
      "Our two reps can't keep up with quote requests!",
      "Our two reps can't keep up with quote requests!",
    ],
    [
      'We get loads of calls asking about stock levels.',
      'We get loads of calls asking about stock levels.',
    ],
    [
      'Hello. We run 5 gyms. Membership enquiries are a mess. We want to book trial sessions automatically.',
      'Membership enquiries are a mess. We want to book trial sessions automatically.',
    ],
    [
      "I'm the COO and we're struggling to follow up on trial signups.",
      "I'm the COO and we're struggling to follow up on trial signups.",
    ],
    [
      "We'd like to capture order volumes from wholesale buyers.",
      "We'd like to capture order volumes from wholesale buyers.",
    ],
    // slowness, lost track, waiting, messages while closed
    [
      'Our distributors request quotes via the website form and our sales team answers much too slowly.',
      'Our distributors request quotes via the website form and our sales team answers much too slowly.',
    ],
    [
      'People enquire about volunteering through our site and we lose track of them.',
      'People enquire about volunteering through our site and we lose track of them.',
    ],
    [
      'We receive RFQs from the website, response time is very slow.',
      'We receive RFQs from the website, response time is very slow.',
    ],
    [
      'Applicants message us overnight and wait a full day for answers.',
      'Applicants message us overnight and wait a full day for answers.',
    ],
    [
      'Hi. Group and wedding inquiries come through our website and sit for days.',
      'Group and wedding inquiries come through our website and sit for days.',
    ],
    [
      'Our event enquiries need much faster answers.',
      'Our event enquiries need much faster answers.',
    ],
    [
      'Parents keep messaging about insurance after hours.',
      'Parents keep messaging about insurance after hours.',
    ],
    ['Wedding inquiries come in while we sleep.', 'Wedding inquiries come in while we sleep.'],
    [
      'We are a freight forwarder. Our problem: transport requests are never qualified.',
      'Our problem: transport requests are never qualified.',
    ],
  ])('when the visitor writes "%s", then the need is "%s"', (text, summary) => {
    expect(needOf(text, null)).toEqual({ summary, declined: false });
  });

  it.each([
    ['Do you integrate with Salesforce?', null],
    ['Is there a free trial?', null],
    ['Just exploring what tools exist.', null],
    ['We want to go live before the end of March.', 'timeline'],
    ['We want to spend no more than 3k a year.', 'budget'],
    ["I'd like to see a demo please.", null],
    ['Trying to figure out which plan fits us.', null],
    ["We're comparing you with two other vendors.", null],
    ['I need it asap, ideally this week.', 'timeline'],
    ["We'd want to make a decision by June.", 'timeline'],
    ['Priya Kapoor, priya@bluefin.example', 'contact'],
    ["We'd like to keep it under 500 a month", 'budget'],
    ["No idea yet, I'd need to see pricing first.", 'budget'],
  ] as const)('when "%s" states no problem, then no need is taken', (text, expecting) => {
    expect(needOf(text, expecting)).toEqual({ summary: null, declined: false });
  });
});

describe('needRule: requests are not needs', () => {
  it.each([
    ['need a walkthrough', null],
    ['Hi! Need pricing for 3 sites.', null],
    ['We need a quote asap please', null],
    ['would like a callback tomorrow', null],
    ['need a demo', 'need'],
    ['just pricing please', 'need'],
    ['A quick demo first, then we will go from there', 'need'],
  ] as const)(
    'when "%s" (asked: %s) only asks for a demo, a call, a quote or the price, then no need is taken',
    (text, expecting) => {
      expect(needOf(text, expecting)).toEqual({ summary: null, declined: false });
    },
  );

  it.each([
    [
      'We need a call-tracking tool that screens inbound callers.',
      'We need a call-tracking tool that screens inbound callers.',
    ],
    [
      'We need a price comparison widget for our quotes.',
      'We need a price comparison widget for our quotes.',
    ],
    [
      'Need a demo, our two receptionists cannot keep up with bookings.',
      'Need a demo, our two receptionists cannot keep up with bookings.',
    ],
  ])(
    'when "%s" asks for something and also states a problem, then the problem is still the need',
    (text, summary) => {
      expect(needOf(text, null)).toEqual({ summary, declined: false });
    },
  );
});

describe('needRule: visitors who are not buying', () => {
  it.each([
    'Hello, I have a job interview with your team on Friday and wanted to see the bot first.',
    "I'm a job seeker, just wanted to try the bot out.",
    'just testing the bot lol',
    'Just playing around with your chatbot, we need nothing.',
    'I applied for a role at your company last week',
  ])('when the visitor writes "%s", then no need is taken', (text) => {
    expect(needOf(text, null).summary).toBeNull();
  });

  it.each([
    'just trying it out',
    'testing the bot',
    'playing with it for now',
    "It's for a uni project on chat tools",
    'Only a job hunter here, sorry',
  ])('when the need answer is "%s", then the need slot is declined', (text) => {
    expect(needOf(text, 'need')).toEqual({ summary: null, declined: true });
  });

  it.each([
    [
      'We interview dozens of candidates a week and need to pre-screen applicants.',
      'We interview dozens of candidates a week and need to pre-screen applicants.',
    ],
    [
      'Job seekers flood our careers inbox and we need to sort them by role.',
      'Job seekers flood our careers inbox and we need to sort them by role.',
    ],
    [
      'Every job seeker who lands on our site should be matched to an open role, we need to automate that.',
      'Every job seeker who lands on our site should be matched to an open role, we need to automate that.',
    ],
  ])('when "%s" is about their own hiring, then it is still a need', (text, summary) => {
    expect(needOf(text, null)).toEqual({ summary, declined: false });
  });
});

describe('needRule: shopping for a tool needs a purpose', () => {
  it.each([
    ["We're looking at chat tools for our website.", null],
    ['Looking into chatbots for our company.', null],
    ["We're looking at a few options for the site.", null],
    [
      'Looking for a chatbot for lead qualification.',
      'Looking for a chatbot for lead qualification.',
    ],
    [
      "We're looking at chat tools that can book appointments.",
      "We're looking at chat tools that can book appointments.",
    ],
    [
      'Looking into chat software to answer after-hours questions.',
      'Looking into chat software to answer after-hours questions.',
    ],
    ['looking for a bot for screening tenants', 'looking for a bot for screening tenants'],
  ])('when the visitor writes "%s", then the need is %s', (text, summary) => {
    expect(needOf(text, null)).toEqual({ summary, declined: false });
  });
});

describe('needRule: getting approval is not a need', () => {
  it.each([
    ['Sales consultant, would need to get our MD on board', 'authority'],
    ['Ops lead; we need sign-off from finance first', 'authority'],
    ["I'd need to check with my boss", 'authority'],
    ['I would need to run it by the partners', 'authority'],
    ['Practice manager, we need partner approval', null],
  ] as const)(
    'when "%s" (asked: %s) talks about approval, then no need is taken',
    (text, expecting) => {
      expect(needOf(text, expecting).summary).toBeNull();
    },
  );

  it.each([
    [
      'We need to get our sales team to reply faster.',
      'We need to get our sales team to reply faster.',
    ],
    [
      'We need to talk to our leads sooner, they go cold.',
      'We need to talk to our leads sooner, they go cold.',
    ],
  ])('when "%s" is about their own team or leads, then it is still a need', (text, summary) => {
    expect(needOf(text, null)).toEqual({ summary, declined: false });
  });
});

describe('needRule: saying there is no problem to solve', () => {
  it.each([
    "There's no business need on my side, it's for my term paper on sales bots.",
    "We don't really have a business reason, I'm writing a research paper",
    'No particular problem as such, I was asked to fill in a feature and price matrix',
    'Not any specific issue right now, just collecting vendor info for my manager',
    "We don't have a specific use case, honestly",
    "Ha, we don't need a bot - we'd like to offer our design services to you.",
    'Actually I wanted to introduce you to our outsourcing services',
    "We don't need a chat tool at all",
  ])('when the need answer is "%s", then the need slot is declined', (text) => {
    expect(needOf(text, 'need')).toEqual({ summary: null, declined: true });
  });

  it.each([
    'No real problem with our current tool, but it is slow and we need to qualify buyers faster',
    "We don't need a chatbot that only collects emails, we need one that screens tenants",
    'No specific issue, we just need to route dealer enquiries to the right region',
    'We help SaaS companies rank higher and our own inbound leads go cold within a day',
    'Our paper mill gets hundreds of wholesale enquiries a week and we answer them by hand',
  ])('when the need answer "%s" still states a need, then it is stored', (text) => {
    expect(needOf(text, 'need')).toEqual({ summary: text, declined: false });
  });

  it("when an opening only pitches the visitor's own services, then no need is taken from it", () => {
    expect(
      needOf(
        'Hi! Could I speak to whoever runs your marketing? We need to talk about your rankings.',
        null,
      ),
    ).toEqual({ summary: null, declined: false });
  });
});
