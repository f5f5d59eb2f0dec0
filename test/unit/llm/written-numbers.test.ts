import { describe, expect, it } from 'vitest';
import { writesNumber } from '../../../src/extract/llm/written-numbers.js';

describe('whether a number is written in its evidence', () => {
  it.each<[string, number, string, boolean]>([
    ['digits', 320, 'we are 320 people', true],
    ['grouped digits', 50000, '$50,000 a year', true],
    ['Indian grouping', 1200000, 'Rs 12,00,000 per year', true],
    ['dots grouping thousands', 3000, '€3.000 im Jahr', true],
    ['a space grouping thousands', 9000, '9 000 $ CAD', true],
    ['k', 40000, 'around 40k', true],
    ['lakh as "L"', 250000, '₹2.5L a month', true],
    ['lakh in words', 250000, '2.5 lakh a month', true],
    ['crore as "Cr"', 12000000, 'Rs 1.2Cr', true],
    ['m', 3000000, '€3m', true],
    ['bn', 1500000000, '$1.5bn', true],
    ['number words', 50000, 'fifty grand, tops', true],
    ['number words with a scale', 2500, 'two and a half thousand quid', true],
    ['the lower bound of a range', 10000, 'between 10 and 20k', true],
    ['the bare digits of "2.5L"', 2.5, '₹2.5L a month', false],
    ['a number nowhere in it', 1000000, 'We have about 20k a year.', false],
    ['a magnitude nowhere in it', 250000, '₹2.5 a seat', false],
    ['no number at all', 300, 'a small team', false],
    ['a month count read as millions', 5000000, 'in 5 months', false],
  ])('when %s, then %s in "%s" is %s', (_, value, evidence, expected) => {
    expect(writesNumber(value, evidence, 0.01)).toBe(expected);
  });
});
