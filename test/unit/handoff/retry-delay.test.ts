import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../../src/config/load-config.js';
import { parseRetryAfter } from '../../../src/handoff/delivery/parse-retry-after.js';
import { retryDelay } from '../../../src/handoff/delivery/retry-delay.js';

const SCHEDULE = defaultConfig().crm.retrySchedule;
const DAY = 86_400_000;
const base = { schedule: SCHEDULE, random: 0.5, retryAfterMs: null, retryAfterMaxMs: DAY };

describe('the retry schedule', () => {
  it('when nothing is configured, then the waits are 5 s, 30 s, 2 min, 10 min, 1 h, 4 h, 12 h and 24 h (nine attempts over about 41 hours)', () => {
    expect(SCHEDULE).toEqual([
      5_000,
      30_000,
      120_000,
      600_000,
      3_600_000,
      14_400_000,
      43_200_000,
      DAY,
    ]);
    expect(SCHEDULE.reduce((a, b) => a + b, 0) / 3_600_000).toBeCloseTo(41.2, 1);
  });

  it.each(SCHEDULE.map((step, i) => [i + 1, step]))(
    'when attempt %i of a round fails, then the next one waits %i ms (no jitter)',
    (failed, step) => {
      expect(retryDelay({ ...base, failedAttempts: failed })).toBe(step);
    },
  );

  it('when the last scheduled retry fails, then there is no further wait: the delivery is dead-lettered', () => {
    expect(retryDelay({ ...base, failedAttempts: SCHEDULE.length + 1 })).toBeNull();
  });

  it.each([
    [0, 24_000],
    [0.999_999, 36_000],
  ])(
    'when the jitter draws %d, then a 30 s step becomes %i ms (within 20 %)',
    (random, expected) => {
      expect(retryDelay({ ...base, failedAttempts: 2, random })).toBeCloseTo(expected, -1);
    },
  );

  it.each([
    ['replaces the step', 90_000, 90_000],
    ['is capped', 10 * DAY, DAY],
    ['of zero means now', 0, 0],
  ])('when the receiver sent Retry-After, then it %s', (_, retryAfterMs, expected) => {
    expect(retryDelay({ ...base, failedAttempts: 1, retryAfterMs })).toBe(expected);
  });

  it('when the receiver sent Retry-After on the last attempt, then the delivery is still dead-lettered', () => {
    expect(
      retryDelay({ ...base, failedAttempts: SCHEDULE.length + 1, retryAfterMs: 1000 }),
    ).toBeNull();
  });

  it('when the config lists steps with units, then they are read as milliseconds', () => {
    expect(
      parseConfig({ crm: { retrySchedule: ['1s', '2m', '1h', '1d', '250ms'] } }).crm.retrySchedule,
    ).toEqual([1000, 120_000, 3_600_000, DAY, 250]);
  });

  it('when the config has a step without a unit, then the error names the field', () => {
    expect(() => parseConfig({ crm: { retrySchedule: ['5'] } })).toThrow(
      /crm\.retrySchedule\.0: expected a duration/,
    );
  });
});

describe('reading Retry-After', () => {
  const now = new Date('2026-03-03T15:00:00.000Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Tue, 03 Mar 2026 15:02:00 GMT', 120_000],
    ['Tue, 03 Mar 2026 14:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
  ])('when the header is "%s", then the wait is %s ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it('when there is no header, then there is no wait from it', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
