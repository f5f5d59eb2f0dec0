import { describe, expect, it } from 'vitest';
import { recordStages } from '../../../src/analytics/record-stages.js';
import type { StageHistory } from '../../../src/analytics/stage-history-schema.js';
import { parseConfig } from '../../../src/config/load-config.js';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import type { FieldPath } from '../../../src/lead/field-paths.js';
import { makeConversation } from '../../helpers/make-conversation.js';
import { leadOf, SQL_VALUES } from '../handoff/handoff-fixtures.js';

const config = parseConfig({});
const T1 = '2026-01-05T10:00:00.000Z';
const T2 = '2026-01-05T11:00:00.000Z';
const EMAIL_ONLY: Partial<Record<FieldPath, unknown>> = { 'contact.email': 'kim@gmail.com' };
const meeting = (status: 'booked' | 'canceled') => ({
  id: 'meet-1',
  start: '2026-01-20T15:00:00.000Z',
  end: '2026-01-20T15:30:00.000Z',
  repId: 'rep-1',
  status,
  bookedAt: '2026-01-05T10:30:00.000Z',
});

const conv = (values: Partial<Record<FieldPath, unknown>>, extra: Partial<Conversation> = {}) =>
  makeConversation({ lead: leadOf(values), ...extra });

describe('recordStages stamps the first time of each stage reached', () => {
  it.each<[string, Conversation, StageHistory]>([
    ['nothing known yet: no stage', conv({}), {}],
    ['an email: lead', conv(EMAIL_ONLY), { lead: T2 }],
    ['SQL at once: lead, MQL and SQL together', conv(SQL_VALUES), { lead: T2, mql: T2, sql: T2 }],
    [
      'times already recorded are kept',
      conv(SQL_VALUES, { stageHistory: { lead: T1 } }),
      { lead: T1, mql: T2, sql: T2 },
    ],
    [
      'a stage reached stays when the lead scores lower later',
      conv(EMAIL_ONLY, { stageHistory: { lead: T1, mql: T1, sql: T1 } }),
      { lead: T1, mql: T1, sql: T1 },
    ],
    [
      'a booked meeting: its booking time',
      conv({}, { meeting: meeting('booked') }),
      { booked: '2026-01-05T10:30:00.000Z' },
    ],
    [
      'a canceled meeting: booked, and canceled now',
      conv({}, { meeting: meeting('canceled') }),
      { booked: '2026-01-05T10:30:00.000Z', canceled: T2 },
    ],
    [
      'booked again after a cancel: the cancel is cleared, the first booking kept',
      conv({}, { meeting: meeting('booked'), stageHistory: { booked: T1, canceled: T1 } }),
      { booked: T1 },
    ],
  ])('%s', (_, before, expected) => {
    expect(recordStages(before, config, T2).stageHistory).toEqual(expected);
  });

  it('returns the same conversation when nothing is new (a save stays cheap)', () => {
    const done = recordStages(conv(SQL_VALUES), config, T1);
    expect(recordStages(done, config, T2)).toBe(done);
  });
});
