import { describe, expect, it } from 'vitest';
import { consoleUser } from '../../helpers/console-test-bed.js';
import { liveConsoleBed } from '../../helpers/live-console-bed.js';
import { seeded } from '../../unit/analytics/report-seed.js';
import { SEED_REPORT, seed } from '../../unit/analytics/report-data.js';

const MIA = 'mia@beacon.example';
const ADA = 'ada@beacon.example';
const REX = 'rex@beacon.example';
/** Read on 2026-01-10 (UTC midnight: the 9th in New York, the company's time zone). */
const NOW = '2026-01-10T00:00:00.000Z';
const PERIOD = 'from=2026-01-05&to=2026-01-06';

/** The bed with the seeded conversations saved through the store, as the chat saves them. */
async function analyticsBed() {
  const bed = await liveConsoleBed(
    [
      await consoleUser(MIA, 'marketer', 'Mia Chen'),
      await consoleUser(ADA, 'admin', 'Ada Admin'),
      await consoleUser(REX, 'rep', 'Rex Rep'),
    ],
    { booking: { timezone: 'America/New_York' } },
    { analytics: true, now: NOW },
  );
  for (const conv of seed()) await bed.deps.store.saveConversation(conv);
  const get = (path: string, cookie: string | null) =>
    fetch(`${bed.server.url}${path}`, {
      redirect: 'manual',
      headers: cookie === null ? {} : { cookie },
    });
  return { ...bed, get };
}

describe('GET /console/api/analytics', () => {
  it('gives a marketer every figure of the seeded data set, known by construction', async () => {
    const bed = await analyticsBed();
    const res = await bed.get(`/console/api/analytics?${PERIOD}`, await bed.signIn(MIA));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual(SEED_REPORT);
  });

  it('covers the last 30 days in the company time zone when no period is given', async () => {
    const bed = await analyticsBed();
    const res = await bed.get('/console/api/analytics', await bed.signIn(ADA));
    const report = (await res.json()) as typeof SEED_REPORT;
    expect([report.from, report.to, report.timezone]).toEqual([
      '2025-12-11',
      '2026-01-09',
      'America/New_York',
    ]);
    // The six of the period and the two just outside it (the 4th and the 7th in New York).
    expect(report.funnel.conversations).toBe(8);
  });

  it('counts a conversation saved after the page was first read (the index follows the saves)', async () => {
    const bed = await analyticsBed();
    const cookie = await bed.signIn(MIA);
    await bed.deps.store.saveConversation(
      seeded(
        'late',
        '2026-01-06T20:00:00.000Z',
        [
          { ask: 'need', at: 0 },
          { say: 'hi', at: 5 },
        ],
        {
          utm: { utm_source: 'linkedin' },
        },
      ),
    );
    const report = (await (
      await bed.get(`/console/api/analytics?${PERIOD}`, cookie)
    ).json()) as typeof SEED_REPORT;
    expect(report.funnel).toEqual({ ...SEED_REPORT.funnel, conversations: 7, engaged: 6 });
  });

  it.each([
    ['from=2026-13-01&to=2026-01-06', 'invalid from: is not a day of the calendar'],
    ['from=01/05/2026&to=2026-01-06', 'invalid from: must be a date as YYYY-MM-DD'],
    ['from=2026-01-07&to=2026-01-06', '--from 2026-01-07 is after --to 2026-01-06'],
    [
      'from=2025-01-01&to=2026-01-06',
      'a report covers at most 366 days; 2025-01-01 to 2026-01-06 is 371',
    ],
  ])('answers 400 with a clear message for %s', async (query, message) => {
    const bed = await analyticsBed();
    const res = await bed.get(`/console/api/analytics?${query}`, await bed.signIn(MIA));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(message);
  });
});

describe('who may read the analytics', () => {
  it.each([
    ['/console/api/analytics', null, 401],
    ['/console/api/analytics.csv?table=funnel', null, 401],
    ['/console/api/analytics', REX, 403],
    ['/console/api/analytics.csv?table=sources', REX, 403],
    ['/console/analytics', REX, 403],
    ['/console/analytics', MIA, 200],
    ['/console/analytics', ADA, 200],
  ])('GET %s as %s answers %i', async (path, who, status) => {
    const bed = await analyticsBed();
    const res = await bed.get(path, who === null ? null : await bed.signIn(who));
    expect(res.status).toBe(status);
    const text = await res.text();
    if (status !== 200) expect(text).not.toContain('google');
  });

  it('sends an anonymous visitor of the page to the login', async () => {
    const bed = await analyticsBed();
    const res = await bed.get('/console/analytics', null);
    expect([302, 303]).toContain(res.status);
    expect(res.headers.get('location')).toMatch(/^\/console\/login/);
  });
});

describe('GET /console/api/analytics.csv', () => {
  it('downloads each table with a header row and the same figures', async () => {
    const bed = await analyticsBed();
    const cookie = await bed.signIn(MIA);
    const csv = async (table: string) => {
      const res = await bed.get(`/console/api/analytics.csv?table=${table}&${PERIOD}`, cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="analytics-${table}-2026-01-05-to-2026-01-06.csv"`,
      );
      return (await res.text()).split('\r\n');
    };
    expect(await csv('funnel')).toEqual([
      'step,count,conversion_from_previous',
      '"conversations",6,',
      '"engaged",5,0.8333',
      '"lead",3,0.6',
      '"mql",3,1',
      '"sql",2,0.6667',
      '"booked",3,1.5',
      '"canceled_after_booking",1,',
      '',
    ]);
    const questions = await csv('questions');
    expect(questions[0]).toBe(
      'question,asked,answered,reasked_not_understood,refused,abandoned,median_seconds_to_answer',
    );
    expect(questions).toContain('"company",2,1,1,0,1,10');
    expect(questions).toContain('"timeline",1,0,0,1,0,');
    const sources = await csv('sources');
    expect(sources[0]).toBe(
      'source,medium,campaign,referrer,landing_page,conversations,engaged,lead,mql,sql,booked,median_seconds_to_lead',
    );
    expect(sources[1]).toBe('"google","cpc","winter","google.com","/pricing",2,2,1,1,1,1,95');
    expect(sources).toContain(',,,"news.ycombinator.com",,1,1,1,1,1,1,');
  });

  it('keeps a campaign written as a spreadsheet formula inert', async () => {
    const bed = await analyticsBed();
    await bed.deps.store.saveConversation(
      seeded('evil', '2026-01-06T20:00:00.000Z', [{ ask: 'need', at: 0 }], {
        utm: {
          utm_source: '@cmd',
          utm_medium: '+1',
          utm_campaign: '=HYPERLINK("https://evil.example","x")',
        },
        page: 'https://acme.example/-2+3',
      }),
    );
    const res = await bed.get(
      `/console/api/analytics.csv?table=sources&${PERIOD}`,
      await bed.signIn(MIA),
    );
    const line = (await res.text()).split('\r\n').find((l) => l.includes('HYPERLINK'));
    expect(line).toBe(
      `"'@cmd","'+1","'=HYPERLINK(""https://evil.example"",""x"")",,"/-2+3",1,0,0,0,0,0,`,
    );
  });

  it('answers 400 for an unknown table', async () => {
    const bed = await analyticsBed();
    const res = await bed.get(
      `/console/api/analytics.csv?table=leads&${PERIOD}`,
      await bed.signIn(MIA),
    );
    expect(res.status).toBe(400);
  });
});
