import { describe, expect, it } from 'vitest';
import { demoIntentRule, detectSignals } from '../../../src/extract/rules/intent-rule.js';
import type { Slot } from '../../../src/lead/slots.js';
import { NEW_YORK, ruleContextAt } from './rule-context-at.js';

function demoOf(text: string): unknown {
  return (
    demoIntentRule(text, ruleContextAt(NEW_YORK, null)).candidates.find(
      (c) => c.path === 'intent.demo',
    )?.value ?? null
  );
}

describe('demoIntentRule', () => {
  it.each([
    'Could I get a demo this week?',
    'Can we book a quick demo?',
    "I'd really like a demo for my team",
    'Would love a walkthrough of the reporting side.',
    'Could somebody show me how it works in practice?',
    'Could a salesperson walk us through the setup?',
    'Can we schedule a call with your sales team?',
    "I'd like to speak with sales before we commit.",
    'Please show me a demo.',
    'Can you give me a product tour?',
    'Hi! Happy to jump on a short sales call next week.',
    'Mind if we set up a demo for Thursday? We have 3 people who want to see it.',
  ])('when the visitor writes "%s", then a demo is requested', (text) => {
    expect(demoOf(text)).toBe(true);
  });

  it.each([
    'We get dozens of demo requests a day from tiny firms.',
    'Our SDRs are buried in demo request volume.',
    'Too many demo requests come from students.',
    'No demo needed, just pricing please.',
    'Our sales calls take forever.',
    'We walk customers through onboarding ourselves.',
    'We have a demo environment for our own product.',
    'Is there a free trial?',
    'Can you walk me through pricing?',
  ])('when "%s" does not ask for a demo, then intent.demo is not set (never false)', (text) => {
    expect(demoOf(text)).toBeNull();
  });
});

describe('demoIntentRule: asking for a call', () => {
  it.each([
    'Could we set up a short call this week?',
    'can I book a 30-minute call with someone?',
    'Happy to hop on a quick zoom with your team.',
    "Let's schedule a call for Thursday",
    'Schedule a quick chat with sales please',
    'Please book me in for a call',
    "We'd love to arrange a meeting with your team next week",
    'Could someone give me a call tomorrow?',
    'keen to jump on a call',
  ])('when the visitor writes "%s", then a demo is requested', (text) => {
    expect(demoOf(text)).toBe(true);
  });

  it.each([
    'Can we set up a chat widget on our booking page?',
    'We need a call-tracking integration.',
    'Our reps book a call with every new lead.',
    'We want customers to book a call with our advisors.',
    "I'll set up a call with my CTO first.",
    'We have a meeting with our board next week.',
    'No need for a call, email is fine.',
    'Do you have a chat feature?',
    'Our sales team runs demos every day.',
  ])(
    'when "%s" is not a request for a call with the vendor, then intent.demo is not set',
    (text) => {
      expect(demoOf(text)).toBeNull();
    },
  );
});

describe('detectSignals: a request for a call is not a question to answer', () => {
  it('when the visitor asks "Can we hop on a call?", then no question is raised', () => {
    expect(
      detectSignals('Can we hop on a call?', ruleContextAt(NEW_YORK, null)).question,
    ).toBeNull();
  });
});

describe('detectSignals: wants a human', () => {
  it.each([
    ['Can I talk to a human?', true],
    ['I want to speak to a real person', true],
    ['human please', true],
    ['connect me to an agent', true],
    ['Can I chat with someone real?', true],
    ['Operator.', true],
    ['Please connect me with your support team', true],
    ['Let me talk to my team first', false],
    ['Can someone from sales walk me through it?', false],
    ['Are you a real person?', false],
    ['We work with letting agents across the county.', false],
    ['Our agents call every lead within an hour.', false],
  ])('when the visitor writes "%s", then wantsHuman is %s', (text, wantsHuman) => {
    expect(detectSignals(text, ruleContextAt(NEW_YORK, null)).wantsHuman).toBe(wantsHuman);
  });
});

describe('detectSignals: declines the slot asked', () => {
  it.each<[string, Slot | null, boolean]>([
    ["I'd rather not say", 'budget', true],
    ['Prefer not to say.', 'company', true],
    ['skip', 'timeline', true],
    ['pass', 'budget', true],
    ['no comment', 'authority', true],
    ['Not telling!', 'contact', true],
    ["I'd rather keep that private", 'budget', true],
    ['None of your business', 'company', true],
    ["I don't want to share that", 'contact', true],
    ['No idea, sorry', 'budget', true],
    ["Honestly couldn't tell you, finance holds that", 'budget', true],
    ["I'd rather not wait until next year", 'timeline', false],
    ['About 40k a year', 'budget', false],
    ['We pass leads to our reps by hand', 'need', false],
    ['No idea how this works, just saw the widget', null, false],
  ])(
    'when the visitor writes "%s" (asked: %s), then declined is %s',
    (text, expecting, declined) => {
      expect(detectSignals(text, ruleContextAt(NEW_YORK, expecting)).declined).toBe(declined);
    },
  );
});

describe('detectSignals: the visitor question', () => {
  it.each<[string, Slot | null, string | null]>([
    ['Do you integrate with Pipedrive?', null, 'Do you integrate with Pipedrive?'],
    ['Hi, is there a free trial?', null, 'is there a free trial?'],
    ['what does the Scale plan cost?', 'need', 'what does the Scale plan cost?'],
    ['Around 20k. Is that enough for the Pro plan?', 'budget', 'Is that enough for the Pro plan?'],
    [
      "I'm a student doing a project, can I ask how the bot scores leads??",
      null,
      'can I ask how the bot scores leads??',
    ],
    ['hey there - quick q: does it speak Spanish?', null, 'does it speak Spanish?'],
    ['20k?', 'budget', null],
    ['Thursday at 3pm?', 'booking', null],
    ['Can I see a demo?', null, null],
    ['Can I talk to a human?', null, null],
    ['I need this by June.', 'timeline', null],
  ])(
    'when the visitor writes "%s" (asked: %s), then the question is %s',
    (text, expecting, question) => {
      expect(detectSignals(text, ruleContextAt(NEW_YORK, expecting)).question).toBe(question);
    },
  );
});

describe('demoIntentRule: wishes to see the product', () => {
  it.each([
    'Keen on a walkthrough of the admin side.',
    'Hello, I run a bakery chain. Really interested in a demo for the two of us.',
    "We're eager for a product tour next week",
    'A quick demo would be really helpful before we decide.',
    'It would be nice to see the platform in action.',
    "I'd love to watch it in action with my co-founder",
    'Could we see how it works live?',
    'eager to see a demo of the scoring',
    "I'd love to grab a short demo call one of these days",
    'could you set up a meeting with your sales people?',
  ])('when the visitor writes "%s", then a demo is requested', (text) => {
    expect(demoOf(text)).toBe(true);
  });

  it.each([
    'We demo our software to prospects twice a week.',
    'Our customers are keen on a demo before they sign.',
    "We're interested in a demo environment for testing",
    "We'd love to see it live on our website by June.",
    'Our reps show it in action at trade fairs.',
    'The demo we give is 20 minutes long.',
  ])(
    'when "%s" describes the visitor\'s own demos or go-live, then intent.demo is not set',
    (text) => {
      expect(demoOf(text)).toBeNull();
    },
  );
});
