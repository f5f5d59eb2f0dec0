import { describe, expect, it } from 'vitest';
import { hasTitleWord, levelForTitle } from '../../../src/extract/rules/lexicon.js';

describe('levelForTitle', () => {
  it.each([
    ['Owner/Director', 'decision_maker'],
    ['founder & CEO', 'decision_maker'],
    ['owner-operator', 'decision_maker'],
    ['Analyst / Head of Data', 'decision_maker'],
    ['Marketing Manager & Web Admin', 'influencer'],
    ['dir of finance', 'decision_maker'],
    ['ops mgr', 'influencer'],
    ['investigative journalist', 'researcher'],
    ['senior lecturer', 'researcher'],
    ['industry analyst', 'researcher'],
    ['assistant to the CEO', 'influencer'],
    ['immigration attorney', null],
    ['real estate agent', null],
    ['trustee', null],
    ['mortgage broker / owner', 'decision_maker'],
  ] as const)('when the title is "%s", then the level is %s', (title, level) => {
    expect(levelForTitle(title)).toBe(level);
  });
});

describe('hasTitleWord', () => {
  it.each([
    ['solo immigration attorney', true],
    ['founder&CEO', true],
    ['owner-operator', true],
    ['regional investment agency', false],
    ['business chamber', false],
  ] as const)('when the phrase is "%s", then it has a title word: %s', (phrase, has) => {
    expect(hasTitleWord(phrase)).toBe(has);
  });
});
