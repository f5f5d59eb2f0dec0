import { describe, expect, it } from 'vitest';
import { localToday, toIsoDate } from '../../../src/extract/rules/timeline-bucket.js';
import { PHRASE_MATCHERS } from '../../../src/extract/rules/timeline-matchers.js';
import type { PhraseEnv, PhraseMatcher } from '../../../src/extract/rules/timeline-types.js';
import { timelineContext, timelineOf } from './timeline-of.js';

// The examples' clock: Tuesday 2026-03-10 in New York, answering the timeline question.
const NOW = '2026-03-10T15:00:00Z';
const NY = 'America/New_York';
const ctx = timelineContext('timeline', NY, NOW);
const env: PhraseEnv = {
  today: localToday(ctx.now, NY),
  ctx,
  answering: true,
  southern: false,
  strongCue: true,
};

/** What the matcher's first match in the text means: an ISO date, `none`, or null. */
function meaning({ re, resolve }: PhraseMatcher, said: string): string | null {
  const m = [...said.matchAll(re)][0];
  if (!m) return null;
  const end = m.index + m[0].length;
  const value = resolve(m.groups ?? {}, env, said.slice(0, m.index), said.slice(end));
  return value === null || value === 'none' ? value : toIsoDate(value.date);
}

const examples = PHRASE_MATCHERS.flatMap((matcher, index) =>
  matcher.examples.map(([said, means]) => ({ index, said, means, matcher })),
);

describe('the timeline matchers', () => {
  it('every matcher has an example', () => {
    expect(PHRASE_MATCHERS.filter((m) => m.examples.length === 0)).toEqual([]);
  });

  it.each(examples)('its matcher reads $said as $means', ({ matcher, said, means }) => {
    expect(meaning(matcher, said)).toBe(means);
  });

  it.each(examples)('the rule reads $said as $means', ({ said, means }) => {
    const read = timelineOf(said, ctx);
    expect(read['timeline.targetDate'] ?? read['timeline.bucket']).toBe(means);
  });
});
