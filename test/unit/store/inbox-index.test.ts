import { describe, expect, it } from 'vitest';
import { inboxRowOf } from '../../../src/console/inbox/inbox-row.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { createInboxIndex } from '../../../src/store/inbox-index.js';
import { inboxConversation } from '../../helpers/inbox-conversation.js';

const config = parseConfig({});
const LEVELS = ['visitor', 'lead', 'MQL', 'SQL'] as const;

/** The i-th of a mix of rows; `round` changes their stage and time, as later saves would. */
const rowOf = (i: number, round: number) =>
  inboxRowOf(
    inboxConversation({
      id: `c${i}`,
      level: LEVELS[(i + round) % 4],
      name: `Name ${i}`,
      minutes: (i * 37 + round * 11) % 500,
      wrote: i % 7 !== 0,
      wantsPerson: i % 5 === 0,
      booked: i % 6 === 0,
    }),
    config,
  );

describe('the inbox index', () => {
  it('answers the unfiltered list from what it keeps exactly as a full pass would, after puts, re-puts and removes', () => {
    const index = createInboxIndex();
    index.putMany(Array.from({ length: 200 }, (_, i) => rowOf(i, 0)));
    for (let i = 0; i < 200; i += 3) index.put(rowOf(i, 1));
    for (let i = 0; i < 200; i += 8) index.remove(`c${i}`);
    for (let i = 0; i < 40; i += 2) index.put(rowOf(i, 2));
    for (const page of [1, 2, 4]) {
      const kept = index.query({ page, pageSize: 25 });
      // A filter that keeps everything takes the full pass.
      const scanned = index.query({ page, pageSize: 25, createdFrom: 0 });
      expect(kept).toEqual(scanned);
      expect(kept.rows.length).toBe(25);
    }
  });

  it('lists rows newest first whichever way they were put, one at a time or all at once', () => {
    const one = createInboxIndex();
    const many = createInboxIndex();
    const rows = Array.from({ length: 60 }, (_, i) => rowOf(i, 0));
    for (const row of rows) one.put(row);
    many.putMany(rows);
    expect(one.rows()).toEqual(many.rows());
    const times = one.rows().map((r) => Date.parse(r.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
