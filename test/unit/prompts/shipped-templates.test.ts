import { describe, expect, it } from 'vitest';
import { checkPrompts } from '../../../src/prompts/check-prompts.js';
import { createPromptRegistry } from '../../../src/prompts/prompt-registry.js';
import { SAMPLE_VARS } from '../../../src/prompts/sample-vars.js';
import { TEMPLATE_NAMES } from '../../../src/prompts/template-vars.js';
import { SHIPPED_DIR } from './temp-prompts.js';

const registry = createPromptRegistry({
  dir: SHIPPED_DIR,
  onError: (e) => expect.fail(`${e.file}:${e.line}: ${e.message}`),
});
const who = { company: 'Lumen Freight', agentName: 'Ava', firstName: 'Noor' };
const anonymous = { ...who, firstName: null };

describe('the shipped templates', () => {
  it('when checked, then every template exists and uses only its declared variables', () => {
    expect(checkPrompts(SHIPPED_DIR)).toEqual([]);
  });

  it.each(TEMPLATE_NAMES)(
    'when "%s" renders with the sample lead, then it says something and leaves no tag behind',
    (name) => {
      const { text } = registry.render(name, SAMPLE_VARS[name]);
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/\{\{|\}\}|undefined|null|\[object/);
    },
  );

  it.each([
    ['greeting', { ...who }, /Lumen Freight/],
    ['greeting', { ...who }, /Noor/],
    ['greeting', { ...who }, /Ava/],
    ['ask-need', { ...anonymous, retry: false }, /Lumen Freight/],
    [
      'answer-question',
      { ...anonymous, question: 'Is there an API?', answer: 'Yes, a REST API.' },
      /^Yes, a REST API\.$/,
    ],
    [
      'answer-question',
      { ...anonymous, question: 'Do you sell hardware?', answer: null },
      /specialist/,
    ],
    [
      'ack',
      { ...anonymous, declined: false, learned: ['your budget', 'your timeline'] },
      /your budget and your timeline/,
    ],
    ['ack', { ...anonymous, declined: true, learned: [] }, /move on/],
    [
      'ask-company',
      {
        ...anonymous,
        retry: false,
        missingName: false,
        missingSize: true,
        companyName: 'Lumen Freight',
      },
      /how many .*Lumen Freight|Lumen Freight/,
    ],
    [
      'ask-contact',
      { ...who, retry: false, missingName: false, missingEmail: true, forHandoff: false },
      /email/,
    ],
    [
      'ask-contact',
      { ...who, retry: false, missingName: true, missingEmail: true, forHandoff: true },
      /name and the best email/,
    ],
    [
      'ask-booking',
      {
        ...who,
        retry: false,
        timezone: 'Europe/Berlin',
        slots: [{ label: 'Mon 10:00' }, { label: 'Tue 14:30' }],
      },
      /Europe\/Berlin[\s\S]*Mon 10:00[\s\S]*Tue 14:30/,
    ],
    [
      'booked',
      {
        ...who,
        when: 'Monday at 10:00',
        repName: 'Jordan',
        icsUrl: 'https://x.example/b.ics',
        manageUrl: 'https://x.example/b',
      },
      /Jordan[\s\S]*Monday at 10:00[\s\S]*https:\/\/x\.example\/b\.ics/,
    ],
    [
      'slot-unavailable',
      { ...anonymous, requested: 'Friday at 9am', several: false },
      /Friday at 9am isn't available/,
    ],
    [
      'slot-unavailable',
      { ...anonymous, requested: 'Friday', several: true },
      /a few open times on Friday/,
    ],
    [
      'ask-consent',
      { ...anonymous, resourceTitle: 'The guide', resourceUrl: 'https://x.example/g' },
      /The guide \(https:\/\/x.example\/g\)[\s\S]*follow up/,
    ],
    ['consent-reply', { ...anonymous, agreed: false }, /won't reach out/],
    [
      'rescheduled',
      {
        ...anonymous,
        when: 'Fri, Mar 6, 10:00 AM CST',
        icsUrl: 'https://x.example/b/1.ics',
        manageUrl: 'https://x.example/b/1',
      },
      /moved to Fri, Mar 6, 10:00 AM CST[\s\S]*1.ics/,
    ],
    [
      'close-nurture',
      {
        ...anonymous,
        resourceTitle: 'Field guide',
        resourceUrl: 'https://x.example/g',
        stage: 'lead',
      },
      /Field guide[\s\S]*https:\/\/x\.example\/g/,
    ],
    [
      'close-researcher',
      { ...anonymous, resourceTitle: 'Field guide', resourceUrl: 'https://x.example/g' },
      /https:\/\/x\.example\/g/,
    ],
    ['handoff-human', { ...anonymous, hasEmail: false }, /Nobody .* free .*reply/],
    [
      'handoff-human',
      { ...anonymous, hasEmail: true, canBook: true },
      /Nobody .* free .*book a time/,
    ],
    ['handoff-coming', anonymous, /will join this chat/],
  ] as const)('when "%s" renders with %o, then the visitor reads %s', (name, vars, expected) => {
    // The tuple's name and vars match by construction; TypeScript cannot correlate them in a table.
    const text = registry.render(name, vars as never).text;
    expect(text).toMatch(expected);
  });

  it('when the visitor has not given a name, then no greeting addresses an empty name', () => {
    const { text } = registry.render('greeting', anonymous);
    expect(text).toMatch(/^Hi, welcome/);
    expect(text).not.toMatch(/ {2}| ,|Hi !/);
  });

  it('when text contains HTML characters, then they are not escaped', () => {
    const answer = 'Plans start at <$50 & scale "fairly".';
    expect(
      registry.render('answer-question', { ...anonymous, question: 'price?', answer }).text,
    ).toBe(answer);
  });

  it.each([
    'ask-need',
    'ask-authority',
    'ask-budget',
    'ask-timeline',
    'ask-company',
    'ask-contact',
  ] as const)(
    'when "%s" is asked a second time, then the wording differs from the first ask',
    (name) => {
      const first = registry.render(name, { ...SAMPLE_VARS[name], retry: false } as never).text;
      const second = registry.render(name, { ...SAMPLE_VARS[name], retry: true } as never).text;
      expect(second).not.toBe(first);
    },
  );

  it.each([
    [{ missingName: true, missingSize: true }, /company/i, /employees|people/i],
    [{ missingName: true, missingSize: false }, /company/i, null],
    [{ missingName: false, missingSize: true }, /employees|people/i, null],
  ] as const)(
    'when the company slot misses %o, then it asks only for what is missing',
    (missing, asks, alsoAsks) => {
      const { text } = registry.render('ask-company', {
        ...anonymous,
        retry: false,
        companyName: null,
        ...missing,
      });
      expect(text).toMatch(asks);
      if (alsoAsks) expect(text).toMatch(alsoAsks);
      else if (missing.missingName) expect(text).not.toMatch(/employees|people/i);
      expect(text.match(/\?/g)).toHaveLength(1);
    },
  );

  it('when the visitor asked for a person, nobody is free and they gave no email, then the answer says so and one question asks for the email', () => {
    const handoff = registry.render('handoff-human', { ...anonymous, hasEmail: false }).text;
    const ask = registry.render('ask-contact', {
      ...anonymous,
      retry: false,
      missingName: true,
      missingEmail: true,
      forHandoff: true,
    }).text;
    expect(`${handoff} ${ask}`.match(/email/gi)).toHaveLength(1);
    expect(`${handoff} ${ask}`.match(/\?/g)).toHaveLength(1);
  });

  it.each([
    [{ missingName: true, missingEmail: false }, /name/i, /email/i],
    [{ missingName: false, missingEmail: true }, /email/i, /name/i],
  ] as const)(
    'when the contact slot misses %o, then it asks only for that',
    (missing, asks, doesNotAsk) => {
      const { text } = registry.render('ask-contact', {
        ...anonymous,
        retry: false,
        forHandoff: false,
        ...missing,
      });
      expect(text).toMatch(asks);
      expect(text).not.toMatch(doesNotAsk);
    },
  );

  it.each([
    [
      'ask-authority',
      ['I make the decision', 'I recommend to the decision maker', "I'm just researching"],
    ],
    ['ask-timeline', ['Within the next 3 months', 'No fixed timeline']],
  ] as const)(
    'when "%s" is asked, then its quick replies send values the extractor understands',
    (name, values) => {
      const { quickReplies } = registry.render(name, SAMPLE_VARS[name]);
      expect(quickReplies.map((q) => q.value)).toEqual(expect.arrayContaining([...values]));
    },
  );

  it.each([
    'ask-need',
    'ask-authority',
    'ask-company',
    'ask-budget',
    'ask-timeline',
    'ask-contact',
  ] as const)(
    'when "%s" is asked, first or again, then the message holds exactly one question',
    (name) => {
      for (const retry of [false, true]) {
        const { text } = registry.render(name, { ...SAMPLE_VARS[name], retry } as never);
        expect(text.match(/\?/g)).toHaveLength(1);
      }
    },
  );
});
