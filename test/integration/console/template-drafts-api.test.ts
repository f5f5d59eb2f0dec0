import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleUser } from '../../helpers/console-test-bed.js';
import { liveConsoleBed } from '../../helpers/live-console-bed.js';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';

const MIA = 'mia@beacon.example';
const ANA = 'ana@beacon.example';
const BUDGET = readFileSync(path.join(PROMPTS_DIR, 'ask-budget.hbs'), 'utf8');
/** The budget question with one more quick reply the rules extractor cannot read. */
const UNREADABLE = BUDGET.replace(
  'quickReplies:\n',
  'quickReplies:\n  - label: Ask my boss\n    value: Purple elephants\n',
);

async function draftsBed() {
  const bed = await liveConsoleBed(
    [await consoleUser(MIA, 'marketer', 'Mia Marketer'), await consoleUser(ANA, 'rep')],
    {},
    { templates: {} },
  );
  const url = bed.server.url;
  const session = async (email: string) => {
    const cookie = await bed.signIn(email);
    const page = await (await fetch(`${url}/console`, { headers: { cookie } })).text();
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
  };
  type Who = { cookie: string; csrf: string } | null;
  const post = async (who: Who, route: string, body: unknown, csrf = true) => {
    const res = await fetch(`${url}${route}`, {
      method: 'POST',
      headers: {
        origin: url,
        'content-type': 'application/json',
        ...(who ? { cookie: who.cookie } : {}),
        ...(who && csrf ? { 'x-csrf-token': who.csrf } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : null };
  };
  const versions = async (who: Who, name: string) => {
    const res = await fetch(`${url}/console/api/templates/${name}`, {
      headers: { cookie: who?.cookie ?? '' },
    });
    return (await res.json()).versions.length;
  };
  return { session, post, versions };
}

describe('the editor draft routes', () => {
  it('checks a draft as the marketer types: names the unreadable quick reply, stores nothing', async () => {
    const { session, post, versions } = await draftsBed();
    const mia = await session(MIA);
    const clean = await post(mia, '/console/api/templates/ask-budget/check', { source: BUDGET });
    expect(clean).toEqual({ status: 200, body: { problems: [] } });

    const flagged = await post(mia, '/console/api/templates/ask-budget/check', {
      source: UNREADABLE,
    });
    expect(flagged.status).toBe(200);
    expect(flagged.body.problems).toEqual([
      { line: 4, severity: 'error', message: expect.stringContaining('"Ask my boss"') },
    ]);
    const broken = await post(mia, '/console/api/templates/ask-budget/check', {
      source: '{{#if retry}}Budget?',
    });
    expect(broken.body.problems[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(await versions(mia, 'ask-budget')).toBe(1);
  });

  it('previews a question for the three sample leads, first ask and re-ask, with quick replies', async () => {
    const { session, post } = await draftsBed();
    const mia = await session(MIA);
    const source = BUDGET.replace('Have you set aside a budget', 'Do you have a budget');
    const res = await post(mia, '/console/api/templates/ask-budget/preview', { source });
    expect(res.status).toBe(200);
    expect(res.body.leads.map((l: { lead: string }) => l.lead)).toEqual([
      'qualified',
      'nurture',
      'researcher',
    ]);
    const [first, reask] = res.body.leads[0].messages;
    expect(first).toMatchObject({
      kind: 'first ask',
      text: expect.stringMatching(/^Do you have a budget/),
    });
    expect(reask).toMatchObject({
      kind: 're-ask',
      text: expect.stringMatching(/^Roughly what budget/),
    });
    expect(first.quickReplies[0]).toEqual({
      label: '$5k to $20k a year',
      value: 'Between $5k and $20k a year',
    });
  });

  it.each([
    ['ask-company', 'qualified', /Northwind Logistics/],
    ['ask-company', 'nurture', /Which company are you with/],
    ['greeting', 'qualified', /^Hi Dana, welcome to Beacon/],
    ['greeting', 'researcher', /^Hi, welcome to Beacon/],
  ])('renders %s for the %s lead with its own variables', async (name, lead, text) => {
    const { session, post } = await draftsBed();
    const mia = await session(MIA);
    const source = readFileSync(path.join(PROMPTS_DIR, `${name}.hbs`), 'utf8');
    const res = await post(mia, `/console/api/templates/${name}/preview`, { source });
    const found = res.body.leads.find((l: { lead: string }) => l.lead === lead);
    expect(found.messages[0].text).toMatch(text);
  });

  it('answers 422 with the problems for a draft that would not publish', async () => {
    const { session, post } = await draftsBed();
    const mia = await session(MIA);
    const res = await post(mia, '/console/api/templates/ask-budget/preview', {
      source: UNREADABLE,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('TEMPLATE_INVALID');
    expect(res.body.problems[0]).toMatchObject({
      line: 4,
      message: expect.stringContaining('Ask my boss'),
    });
  });

  it.each([
    ['an unknown template', '/console/api/templates/nope/check', { source: 'x' }, 400],
    [
      'a body with extra fields',
      '/console/api/templates/greeting/check',
      { source: 'x', y: 1 },
      400,
    ],
    ['a body without source', '/console/api/templates/greeting/preview', {}, 400],
  ])('refuses %s with a clear error', async (_what, route, body, status) => {
    const { session, post } = await draftsBed();
    const res = await post(await session(MIA), route, body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(/invalid/);
  });

  it.each(['check', 'preview'])(
    'keeps %s to marketers and admins with a CSRF token',
    async (route) => {
      const { session, post } = await draftsBed();
      const at = `/console/api/templates/ask-budget/${route}`;
      expect((await post(null, at, { source: BUDGET })).status).toBe(401);
      expect((await post(await session(ANA), at, { source: BUDGET })).status).toBe(403);
      expect((await post(await session(MIA), at, { source: BUDGET }, false)).status).toBe(403);
    },
  );
});
