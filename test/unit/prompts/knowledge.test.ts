import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/prompts/find-answer.js';
import {
  loadKnowledge,
  parseKnowledge,
  type Knowledge,
} from '../../../src/prompts/load-knowledge.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';
import { SHIPPED_DIR } from './temp-prompts.js';

const FAQ = `# Orbit Parcel FAQ

<!-- note for marketers: keep answers short -->

## Do you ship to Canada?
Yes, we deliver to every Canadian province
within five business days.

Customs fees are included.

## How do returns work?
Keywords: refund, send back, exchange
Print the label from your account and drop the parcel at any post office.

## Empty heading without answer

## What are your opening hours?
Our depot is open Monday to Friday, 8am to 6pm.
`;

const fixture: Knowledge = { file: 'knowledge.md', entries: parseKnowledge(FAQ) };

describe('parseKnowledge', () => {
  it('when the FAQ is parsed, then each ## heading with an answer becomes an entry and notes stay hidden', () => {
    expect(fixture.entries).toEqual([
      {
        question: 'Do you ship to Canada?',
        answer:
          'Yes, we deliver to every Canadian province within five business days.\n\nCustoms fees are included.',
        keywords: [],
        line: 5,
      },
      {
        question: 'How do returns work?',
        answer: 'Print the label from your account and drop the parcel at any post office.',
        keywords: ['refund', 'send back', 'exchange'],
        line: 11,
      },
      {
        question: 'What are your opening hours?',
        answer: 'Our depot is open Monday to Friday, 8am to 6pm.',
        keywords: [],
        line: 17,
      },
    ]);
  });
});

describe('findAnswer', () => {
  it.each([
    ['Can you ship to Canada?', /Canadian province/],
    ['do you deliver in canada', /Canadian province/],
    ['I want a refund, how?', /Print the label/],
    ['How do I return a parcel?', /Print the label/],
    ['When are you open?', /Monday to Friday/],
    ['Do you sell gift cards?', null],
    ['What are the opening hours of the depot?', /Monday to Friday/],
    ['What is the meaning of life?', null],
    ['', null],
    ['?!', null],
  ])('when the visitor asks %j, then the answer is %s', (question, expected) => {
    const answer = findAnswer(fixture, question);
    if (expected === null) expect(answer).toBeNull();
    else expect(answer).toMatch(expected);
  });

  it('when two entries match equally, then the one written first wins, every time', () => {
    const tie: Knowledge = {
      file: 'k.md',
      entries: parseKnowledge('## Widget colors\nFirst.\n\n## Widget colors again\nSecond.'),
    };
    expect(findAnswer(tie, 'widget colors')).toBe('First.');
    expect(findAnswer(tie, 'widget colors')).toBe('First.');
  });

  it('when the knowledge base is empty, then nothing is answered', () => {
    expect(findAnswer({ file: 'k.md', entries: [] }, 'Do you ship to Canada?')).toBeNull();
  });

  describe('with the shipped FAQ', () => {
    const shipped = loadKnowledge(SHIPPED_DIR);
    it.each([
      ['How much does it cost?', /Starter[\s\S]*Growth[\s\S]*Enterprise/],
      ["What's your pricing?", /\$49 a month/],
      ['How much is it?', /\$199 a month/],
      ['Is there a free trial?', /14-day free trial/],
      ['Do you integrate with Salesforce?', /Salesforce/],
      ['Does it connect to HubSpot or Zapier?', /Zapier/],
      ['Any discount for a non-profit?', /nonprofits/],
      ['Which languages can the bot speak?', /Spanish/],
      ['Are you GDPR compliant?', /GDPR/],
      ['Do you have a partner program for agencies?', /partner program/],
      ['Can I cancel anytime?', /cancelled anytime/],
      ['What is the capital of Peru?', null],
      ['Are you hiring engineers?', null],
    ])('when the visitor asks %j, then the answer is %s', (question, expected) => {
      const answer = findAnswer(shipped, question);
      if (expected === null) expect(answer).toBeNull();
      else expect(answer).toMatch(expected);
    });
  });
});

describe('loadKnowledge', () => {
  it('when the folder has no knowledge.md, then the knowledge is empty rather than an error', () => {
    const { dir } = tempDirForTest('leadbot-knowledge-');
    expect(loadKnowledge(dir).entries).toEqual([]);
    writeFileSync(path.join(dir, 'knowledge.md'), FAQ);
    expect(loadKnowledge(dir).entries).toHaveLength(3);
  });
});
