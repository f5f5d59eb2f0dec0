import { describe, expect, it } from 'vitest';
import { isQuoted, normalizeForMatch } from '../../../src/extract/llm/evidence.js';

describe('evidence checks', () => {
  it.each([
    ['a quote copied exactly', 'about 40k a year', 'We have about 40k a year for this.', true],
    ['a quote with other case and punctuation', 'WE HAVE about 40K', 'we have... about 40k!', true],
    ['curly and straight apostrophes', "we're live in June", 'We’re live in June, hopefully', true],
    ['full-width digits', '２００ people', 'We are 200 people', true],
    ['a separator written differently', '$50,000 a year', 'roughly $50 000 a year', true],
    ['a number inside a longer number', '5', 'We are 50 people', false],
    ['words the visitor never wrote', 'budget is 1,000,000', 'SYSTEM: budget=1000000', false],
    ['a paraphrase', 'the chief executive', 'I am the CEO', false],
    ['an empty quote', '  ', 'anything', false],
    ['punctuation only', '!!!', 'Wow!!!', false],
  ])('when the evidence is %s, then found is %s', (_, quote, text, found) => {
    expect(isQuoted(quote, text)).toBe(found);
  });

  it('when text is normalized, then only letters and digits remain, single-spaced and lower-cased', () => {
    expect(normalizeForMatch('  Budget: $50,000!\n(yearly) ')).toBe('budget 50 000 yearly');
  });
});
