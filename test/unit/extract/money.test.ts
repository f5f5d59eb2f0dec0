import { describe, expect, it } from 'vitest';
import { findMoney, parseMoney } from '../../../src/extract/rules/money.js';
import { NUMBER_WORDS_SOURCE, wordsToNumber } from '../../../src/extract/rules/number-words.js';
import { splitSentences } from '../../../src/extract/rules/sentences.js';

describe('parseMoney', () => {
  it.each([
    // symbols and codes, either side of the number
    ['$149', 149, 'USD'],
    ['US$ 8,500', 8500, 'USD'],
    ['€950', 950, 'EUR'],
    ['£1,200', 1200, 'GBP'],
    ['₹45,000', 45000, 'INR'],
    ['Rs 60,000', 60000, 'INR'],
    ['Rs. 75,000', 75000, 'INR'],
    ['CAD 22,000', 22000, 'CAD'],
    ['12k USD', 12000, 'USD'],
    ['90k CHF', 90000, 'CHF'],
    ['2k eur', 2000, 'EUR'],
    ['$30,000 CAD', 30000, 'CAD'],
    ['AUD 2,000', 2000, 'AUD'],
    ['5000 SEK', 5000, 'SEK'],
    ['1500€', 1500, 'EUR'],
    // currency words
    ['300 euros', 300, 'EUR'],
    ['800 pounds', 800, 'GBP'],
    ['500 quid', 500, 'GBP'],
    ['20,000 rupees', 20000, 'INR'],
    ['250 bucks', 250, 'USD'],
    ['500 Australian dollars', 500, 'AUD'],
    ['900 Canadian dollars', 900, 'CAD'],
    // suffixes
    ['$15k', 15000, 'USD'],
    ['£40K', 40000, 'GBP'],
    ['$2.5m', 2_500_000, 'USD'],
    ['$1.5 million', 1_500_000, 'USD'],
    ['€3 mn', 3_000_000, 'EUR'],
    ['₹15 lakh', 1_500_000, 'INR'],
    ['Rs 2 crore', 20_000_000, 'INR'],
    ['$50 grand', 50000, 'USD'],
    ['$12 thousand', 12000, 'USD'],
    // separators: a dot before exactly three digits and no suffix is a thousands separator
    ['€3.000', 3000, 'EUR'],
    ['EUR 15.000', 15000, 'EUR'],
    ['4.000 euros', 4000, 'EUR'],
    ['1.200,50 €', 1200.5, 'EUR'],
    ['$1,200.50', 1200.5, 'USD'],
    ['€1.5k', 1500, 'EUR'],
    ["CHF 1'000", 1000, 'CHF'],
    // number words
    ['forty thousand dollars', 40000, 'USD'],
    ['two and a half thousand quid', 2500, 'GBP'],
    ['a couple hundred bucks', 200, 'USD'],
    ['fifteen lakh rupees', 1_500_000, 'INR'],
    // ranges give the lower bound
    ['£15k to £20k', 15000, 'GBP'],
    ['$20k-$35k', 20000, 'USD'],
    ['between $5k and $8k', 5000, 'USD'],
    ['$500 - 2k', 500, 'USD'],
  ])('reads "%s" as %d %s', (text, amount, currency) => {
    expect(parseMoney(text)).toEqual({ amount, currency });
  });

  it.each([
    ['between 10 and 20k', 10000],
    ['10-15k', 10000],
    ['around 40k', 40000],
    ['about 5,000 a year', 5000],
    ['maybe 300', 300],
  ])('reads "%s" as %d with no currency named', (text, amount) => {
    expect(parseMoney(text)).toEqual({ amount, currency: null });
  });

  it.each([
    ['We are 40 people'],
    ['Launch in 2027'],
    ['Q2 2027'],
    ['We grew 20% last year'],
    ['the 3rd of March'],
    ['call me at 3pm'],
    ['+49 89 12345678'],
    ['within 60 days'],
    ['March 10'],
    ['a one-time budget'],
    ['100 ALL-HANDS meetings'],
  ])('finds no money in "%s"', (text) => {
    expect(findMoney(text)).toEqual([]);
  });
});

describe('findMoney', () => {
  it('when a message holds several amounts, then it returns each in order with its offsets', () => {
    const text = 'Not $800 but $2,000 a month, and 60k CAD a year.';
    expect(findMoney(text).map((m) => [m.amount, m.currency, text.slice(m.start, m.end)])).toEqual([
      [800, 'USD', '$800'],
      [2000, 'USD', '$2,000'],
      [60000, 'CAD', '60k CAD'],
    ]);
  });

  it('when "and" joins two amounts without "between", then they stay two amounts', () => {
    expect(findMoney('$500 and $700').map((m) => m.amount)).toEqual([500, 700]);
  });
});

describe('wordsToNumber', () => {
  it.each([
    ['forty thousand', 40000],
    ['two and a half thousand', 2500],
    ['a couple hundred', 200],
    ['a couple of hundred', 200],
    ['a hundred', 100],
    ['one hundred and fifty thousand', 150000],
    ['twenty-five', 25],
    ['two thousand five hundred', 2500],
    ['half a million', 500000],
    ['one and a half million', 1500000],
    ['a dozen', 12],
    ['half a dozen', 6],
    ['fifteen lakh', 1500000],
    ['two crore', 20000000],
    ['fifty grand', 50000],
    ['a few thousand', 3000],
  ])('reads "%s" as %d', (text, value) => {
    expect(wordsToNumber(text)).toBe(value);
  });

  it.each([['grand'], ['a'], ['hundred'], ['thousand'], ['budget'], ['forty bucks'], ['']])(
    'reads "%s" as no number',
    (text) => {
      expect(wordsToNumber(text)).toBeNull();
    },
  );
});

describe('splitSentences', () => {
  it.each([
    ['About $10k a year. We launch in Q2!', ['About $10k a year.', 'We launch in Q2!']],
    [
      'Southbank Polytechnic, approx. 1,900 staff.',
      ['Southbank Polytechnic, approx. 1,900 staff.'],
    ],
    ['Around ₹15 lakh p.a. We start in July.', ['Around ₹15 lakh p.a.', 'We start in July.']],
    [
      'Budget €3.000 per month; live by May\nThanks',
      ['Budget €3.000 per month;', 'live by May', 'Thanks'],
    ],
    ['It costs $1,200.50. Really?! Yes.', ['It costs $1,200.50.', 'Really?!', 'Yes.']],
    ['Ask Dr. Okafor at Example Inc. about it', ['Ask Dr. Okafor at Example Inc. about it']],
    ['', []],
  ])('splits "%s" into its sentences', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });
});

describe('NUMBER_WORDS_SOURCE', () => {
  const numberWords = new RegExp(`\\b(?:${NUMBER_WORDS_SOURCE})\\b`, 'gi');

  it.each([
    ['a one-off fee', []],
    ['one-time setup', []],
    ['one time payment', []],
    ['two and a half thousand', ['two and a half thousand']],
    ['one hundred', ['one hundred']],
  ])('when the text is "%s", then the number words found are %j', (text, found) => {
    expect([...text.matchAll(numberWords)].map((m) => m[0])).toEqual(found);
  });

  it('when "one-off" follows an amount, then the amount stands alone', () => {
    expect(
      findMoney('EUR 50.000 one-off and 300 euros a month').map((m) => [
        m.amount,
        m.currency,
        m.text,
      ]),
    ).toEqual([
      [50000, 'EUR', 'EUR 50.000'],
      [300, 'EUR', '300 euros'],
    ]);
  });
});

describe('Indian digit grouping', () => {
  it.each([
    ['Rs 12,00,000 per year', 1_200_000],
    ['₹1,50,00,000 for the project', 15_000_000],
    ['about INR 4,50,000', 450_000],
  ])('when the visitor writes "%s", then the amount is %i', (text, amount) => {
    expect(findMoney(text)[0]?.amount).toBe(amount);
  });
});
