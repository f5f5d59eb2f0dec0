import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/console/users/user.js';
import { consoleUser } from '../../helpers/console-test-bed.js';
import { inboxConversation } from '../../helpers/inbox-conversation.js';
import { ADMIN_TOKEN, liveConsoleBed } from '../../helpers/live-console-bed.js';
import { at } from '../../helpers/make-conversation.js';
import { connectClient } from '../../helpers/socket-client.js';
import { testVisitor } from '../../helpers/test-visitor.js';

const ANA = 'ana@beacon.example';
const MIA = 'mia@beacon.example';
const MAX = 'max@beacon.example';

async function bedWithLeads(raw: Record<string, unknown> = {}) {
  const bed = await liveConsoleBed(
    [
      await consoleUser(ANA, 'rep', 'Ana Lima'),
      await consoleUser(MIA, 'marketer', 'Mia Chen'),
      await consoleUser(MAX, 'admin', 'Max Roth'),
    ],
    raw,
  );
  for (const conv of [
    inboxConversation({
      id: 'sql-dana',
      level: 'SQL',
      name: 'Dana Reyes',
      company: 'Brightfield',
      minutes: 30,
      assignedTo: ANA,
      utmSource: 'google',
    }),
    inboxConversation({
      id: 'mql-omar',
      level: 'MQL',
      name: 'Omar Haddad',
      company: 'Northwind',
      minutes: 20,
      wantsPerson: true,
    }),
    inboxConversation({ id: 'lead-lena', level: 'lead', name: 'Lena Berg', minutes: 10 }),
  ])
    await bed.deps.store.saveConversation(conv);
  return bed;
}

describe('the inbox API', () => {
  it('refuses a request without a session: 401 for the JSON and the CSV, the login page for the inbox', async () => {
    const bed = await bedWithLeads();
    for (const path of ['/console/api/inbox', '/console/api/inbox.csv']) {
      const res = await fetch(`${bed.server.url}${path}`, { redirect: 'manual' });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
    const page = await fetch(`${bed.server.url}/console?stage=SQL`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/console/login?next=%2Fconsole%3Fstage%3DSQL');
  });

  it.each<[Role, string]>([
    ['rep', ANA],
    ['marketer', MIA],
    ['admin', MAX],
  ])('answers a signed-in %s with the rows, counts and speed to lead', async (_role, email) => {
    const bed = await bedWithLeads();
    const cookie = await bed.signIn(email);
    const res = await request(bed.server.url)
      .get('/console/api/inbox')
      .set('cookie', cookie)
      .expect(200);
    expect(res.body).toMatchObject({
      total: 3,
      page: 1,
      pageSize: 50,
      counts: { all: 3, wantsPerson: 1 },
    });
    expect(res.body.rows.map((r: { id: string }) => r.id)).toEqual([
      'sql-dana',
      'mql-omar',
      'lead-lena',
    ]);
    expect(res.body.speedToLead).toEqual({ count: 0, medianSeconds: null });
    const csv = await request(bed.server.url)
      .get('/console/api/inbox.csv')
      .set('cookie', cookie)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n').filter((l) => l !== '')).toHaveLength(4);
  });

  it.each<[string, string, string[]]>([
    ['stage', 'stage=SQL', ['sql-dana']],
    ['wants a person', 'person=1', ['mql-omar']],
    ['assigned to me', 'mine=1', ['sql-dana']],
    ['search', 'q=NORTH', ['mql-omar']],
    ['source', 'source=google', ['sql-dana']],
    ['paging', 'pageSize=2&page=2', ['lead-lena']],
    [
      'an untouched GET form',
      'q=&stage=&grade=&from=&to=&source=',
      ['sql-dana', 'mql-omar', 'lead-lena'],
    ],
  ])('filters by the query string: %s', async (_title, search, expected) => {
    const bed = await bedWithLeads();
    const cookie = await bed.signIn(ANA);
    const res = await request(bed.server.url)
      .get(`/console/api/inbox?${search}`)
      .set('cookie', cookie)
      .expect(200);
    expect(res.body.rows.map((r: { id: string }) => r.id)).toEqual(expected);
  });

  it('reads the date range as days in booking.timezone', async () => {
    const bed = await bedWithLeads({ booking: { timezone: 'America/New_York' } });
    // 2030-03-05 02:00 UTC is still March 4 in New York.
    const late = inboxConversation({ id: 'late-evening', name: 'Late Evening', minutes: 16 * 60 });
    await bed.deps.store.saveConversation(late);
    expect(late.createdAt).toBe(at(16 * 3600));
    const cookie = await bed.signIn(ANA);
    const day = async (d: string) =>
      (
        await request(bed.server.url)
          .get(`/console/api/inbox?from=${d}&to=${d}`)
          .set('cookie', cookie)
          .expect(200)
      ).body.rows.map((r: { id: string }) => r.id);
    expect(await day('2030-03-04')).toContain('late-evening');
    expect(await day('2030-03-05')).toEqual([]);
  });

  it.each([
    ['a page size over 100', 'pageSize=500', 'pageSize'],
    ['an unknown stage', 'stage=hot', 'stage'],
    ['a date that is no day', 'from=2030-02-31', 'from'],
    ['page zero', 'page=0', 'page'],
  ])('refuses %s with 400 naming the field', async (_title, search, field) => {
    const bed = await bedWithLeads();
    const cookie = await bed.signIn(ANA);
    for (const path of ['/console/api/inbox', '/console/api/inbox.csv']) {
      const res = await request(bed.server.url)
        .get(`${path}?${search}`)
        .set('cookie', cookie)
        .expect(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST' });
      expect(res.body.error.message).toContain(field);
    }
  });

  it('answers a bad filter on the inbox page with a 400 page that says what is wrong', async () => {
    const bed = await bedWithLeads();
    const cookie = await bed.signIn(ANA);
    const res = await request(bed.server.url)
      .get('/console?from=yesterday')
      .set('cookie', cookie)
      .expect(400);
    expect(res.text).toContain('expected a date YYYY-MM-DD');
  });

  it('renders the inbox page with its script, under a policy that runs only this server’s scripts', async () => {
    const bed = await bedWithLeads();
    const cookie = await bed.signIn(MIA);
    const res = await request(bed.server.url)
      .get('/console?stage=MQL')
      .set('cookie', cookie)
      .expect(200);
    expect(res.text).toContain('<script type="module" src="/console/assets/inbox.js"></script>');
    expect(res.text).toContain('href="/console/leads/mql-omar"');
    expect(res.text).not.toContain('sql-dana');
    expect(/script-src ([^;]*)/.exec(String(res.headers['content-security-policy']))?.[1]).toBe(
      "'self'",
    );
    await request(bed.server.url)
      .get('/console/assets/inbox.js')
      .expect(200)
      .expect('content-type', /javascript/);
  });

  it('exports every row of the filtered list as CSV, quoted, with formulas made inert', async () => {
    const bed = await bedWithLeads();
    for (let i = 0; i < 120; i++)
      await bed.deps.store.saveConversation(
        inboxConversation({
          id: `bulk-${i}`,
          level: 'MQL',
          name: `Bulk ${i}`,
          company: 'Bulk, "Inc"',
          minutes: 40 + i,
        }),
      );
    await bed.deps.store.saveConversation(
      inboxConversation({
        id: 'evil',
        level: 'SQL',
        name: '=HYPERLINK("https://evil.example","x")',
        company: '+1 Corp',
        minutes: 500,
        email: 'evil@x.example',
      }),
    );
    const cookie = await bed.signIn(ANA);
    const csv = await request(bed.server.url)
      .get('/console/api/inbox.csv?pageSize=10')
      .set('cookie', cookie)
      .expect(200);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,name,email,company,stage,grade,score,/);
    expect(lines).toHaveLength(1 + 124);
    expect(lines[1]).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(lines[1]).toContain(`"'+1 Corp"`);
    expect(lines.find((l) => l.startsWith('"bulk-0"'))).toContain('"Bulk, ""Inc"""');
    const mql = await request(bed.server.url)
      .get('/console/api/inbox.csv?stage=MQL')
      .set('cookie', cookie)
      .expect(200);
    expect(mql.text.trimEnd().split('\r\n')).toHaveLength(1 + 121);
  });

  it('lets no other site read it: no CORS header, not even to a preflight', async () => {
    const bed = await bedWithLeads();
    const cookie = await bed.signIn(ANA);
    for (const path of ['/console/api/inbox', '/console/api/inbox.csv']) {
      const res = await request(bed.server.url)
        .get(path)
        .set('cookie', cookie)
        .set('origin', 'https://evil.example')
        .expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
      const preflight = await request(bed.server.url)
        .options(path)
        .set('origin', 'https://evil.example')
        .set('access-control-request-method', 'GET');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('stops answering a disabled user’s cookie at once', async () => {
    const bed = await bedWithLeads();
    const cookie = await bed.signIn(ANA);
    await request(bed.server.url).get('/console/api/inbox').set('cookie', cookie).expect(200);
    await bed.users.update(ANA, { disabled: true });
    await request(bed.server.url).get('/console/api/inbox').set('cookie', cookie).expect(401);
    await request(bed.server.url).get('/console/api/inbox.csv').set('cookie', cookie).expect(401);
    await request(bed.server.url).get('/console').set('cookie', cookie).expect(303);
  });

  it('GET /admin/leads answers the same list behind ADMIN_TOKEN, and 401 without it', async () => {
    const bed = await bedWithLeads();
    await request(bed.server.url).get('/admin/leads').expect(401);
    await request(bed.server.url)
      .get('/admin/leads')
      .set('authorization', 'Bearer wrong')
      .expect(401);
    const res = await request(bed.server.url)
      .get('/admin/leads?stage=MQL')
      .set('authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    expect(res.body).toMatchObject({ total: 1, rows: [{ id: 'mql-omar', name: 'Omar Haddad' }] });
  });

  it('lists a visitor’s conversation once they wrote, not before', async () => {
    const bed = await bedWithLeads();
    const cookie = await bed.signIn(ANA);
    const visitor = await connectClient(bed.server.url);
    const hello = await visitor.emitWithAck('session:hello', { visitor: testVisitor() });
    if (!hello.ok) throw new Error(hello.error.message);
    const list = async () =>
      (
        await request(bed.server.url).get('/console/api/inbox').set('cookie', cookie).expect(200)
      ).body.rows.map((r: { id: string }) => r.id);
    expect(await list()).not.toContain(hello.conversationId);
    const ack = await visitor.emitWithAck('visitor:message', {
      clientId: 'c1',
      text: 'Hi, I am Priya from Acme',
    });
    expect(ack).toMatchObject({ ok: true });
    await expect.poll(list).toContain(hello.conversationId);
    visitor.close();
  });
});
