import { describe, expect, it } from 'vitest';
import { csvCell, inboxCsv } from '../../../src/console/inbox/inbox-csv.js';
import { InboxQuerySchema, searchOf } from '../../../src/console/inbox/inbox-query.js';
import { inboxProjection, inboxRowOf, sourceOf } from '../../../src/console/inbox/inbox-row.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { DEFAULT_VISITOR } from '../../../src/lead/visitor.js';
import { inboxConversation } from '../../helpers/inbox-conversation.js';
import { at } from '../../helpers/make-conversation.js';

describe('where a visitor came from', () => {
  it.each([
    [{ utm: { source: ' Google ' }, referrer: 'https://www.bing.com/' }, 'google'],
    [{ utm: { utm_source: 'Newsletter', utm_medium: 'email' }, referrer: null }, 'newsletter'],
    [{ utm: { medium: 'email' }, referrer: 'https://www.linkedin.com/feed?x=1' }, 'linkedin.com'],
    [{ utm: null, referrer: 'https://news.example.org/a' }, 'news.example.org'],
    [{ utm: null, referrer: 'not a url' }, 'direct'],
    [{ utm: null, referrer: null }, 'direct'],
  ])('%j -> %s', (visitor, expected) => {
    expect(sourceOf({ ...DEFAULT_VISITOR, ...visitor })).toBe(expected);
  });
});

describe('a conversation’s inbox row', () => {
  it('waits from the moment the lead qualified until a rep touches it, and records the seconds it took', () => {
    const config = parseConfig({});
    const waiting = inboxConversation({
      id: 'w',
      level: 'SQL',
      overrides: { qualifiedAt: at(10) },
    });
    expect(inboxRowOf(waiting, config)).toMatchObject({
      waitingSince: at(10),
      speedToLead: { since: at(10), seconds: null },
    });
    const touched = {
      ...waiting,
      console: {
        ...waiting.console,
        actions: [{ kind: 'join' as const, by: 'a@b.example', byName: 'A', at: at(100) }],
      },
    };
    expect(inboxRowOf(touched, config)).toMatchObject({
      waitingSince: null,
      speedToLead: { since: at(10), seconds: 90 },
    });
  });

  it('keys the projection on the scoring policy: the same policy the same key, another policy another key', () => {
    const a = inboxProjection(parseConfig({}));
    const b = inboxProjection(parseConfig({}));
    const c = inboxProjection(parseConfig({ scoring: { needStated: 11 } }));
    expect(a.key).toBe(b.key);
    expect(c.key).not.toBe(a.key);
  });
});

describe('the inbox query', () => {
  it('reads the days of from and to in the company’s time zone, both included', () => {
    const query = InboxQuerySchema.parse({ from: '2030-03-04', to: '2030-03-04', mine: '1' });
    const search = searchOf(query, {
      me: 'ana@beacon.example',
      timezone: 'America/New_York',
      now: new Date(at(0)),
    });
    expect(new Date(search.createdFrom ?? 0).toISOString()).toBe('2030-03-04T05:00:00.000Z');
    expect(new Date(search.createdBefore ?? 0).toISOString()).toBe('2030-03-05T05:00:00.000Z');
    expect(search.assignedTo).toBe('ana@beacon.example');
  });
});

describe('a CSV cell', () => {
  it.each<[string | number | boolean | null, string]>([
    ['Ana Lima', '"Ana Lima"'],
    ['Bulk, "Inc"', '"Bulk, ""Inc"""'],
    ['=1+1', `"'=1+1"`],
    ['+49 30 1234', `"'+49 30 1234"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['line\nbreak', '"line\nbreak"'],
    [-5, '-5'],
    [true, 'true'],
    [null, ''],
  ])('%j -> %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes a header and one CRLF line per row, with the lead page last', () => {
    const row = inboxRowOf(
      inboxConversation({ id: 'c1', level: 'MQL', name: 'Ana' }),
      parseConfig({}),
    );
    const lines = inboxCsv([row], 'https://leads.example/console/leads/').split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^"c1","Ana",.*,"https:\/\/leads\.example\/console\/leads\/c1"$/);
  });
});
