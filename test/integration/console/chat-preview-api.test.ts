import { describe, expect, it } from 'vitest';
import { startCrmReceiver } from '../../fakes/crm-receiver.js';
import { closeAfterTest } from '../../helpers/close-after-test.js';
import { consoleUser } from '../../helpers/console-test-bed.js';
import { liveConsoleBed } from '../../helpers/live-console-bed.js';
import { QUALIFIED_ANSWERS } from '../../helpers/visitor-answers.js';
import { SECRET } from '../../unit/handoff/handoff-fixtures.js';

const MIA = 'mia@beacon.example';
const ROOT = 'root@beacon.example';
const ANA = 'ana@beacon.example';
const AUTHORITY_DRAFT = `---
quickReplies:
  - label: I sign
    value: I make the decision
---
DRAFT: who signs off at your place{{#if firstName}}, {{firstName}}{{/if}}?`;

type Line = {
  role: string;
  text: string;
  template?: string;
  draft: boolean;
  quickReplies: { label: string; value: string }[];
};

/** The server with the console, a CRM receiver for webhooks, and three console users. */
async function previewBed() {
  const crm = closeAfterTest(await startCrmReceiver({ secrets: [SECRET] }));
  const bed = await liveConsoleBed(
    [
      await consoleUser(MIA, 'marketer', 'Mia Marketer'),
      await consoleUser(ROOT, 'admin', 'Ria Admin'),
      await consoleUser(ANA, 'rep'),
    ],
    { crm: { destinations: [{ id: 'crm', url: crm.url, secret: SECRET }] } },
    { templates: {} },
  );
  const url = bed.server.url;
  let saves = 0;
  bed.saves.on(() => void (saves += 1));
  /** Signs in and reads the session's CSRF token off the console page, as its scripts do. */
  const session = async (email: string) => {
    const cookie = await bed.signIn(email);
    const page = await (await fetch(`${url}/console`, { headers: { cookie } })).text();
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
  };
  type Who = { cookie: string; csrf: string } | null;
  const post = async (who: Who, path: string, body: unknown, opts: { csrf?: boolean } = {}) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        origin: url,
        'content-type': 'application/json',
        ...(who ? { cookie: who.cookie } : {}),
        ...(who && opts.csrf !== false ? { 'x-csrf-token': who.csrf } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, body: text.startsWith('{') ? JSON.parse(text) : null };
  };
  const preview = async (who: Who, name: string, body: unknown) => {
    const res = await post(who, `/console/api/templates/${name}/chat-preview`, body);
    return { ...res, transcript: (res.body?.transcript ?? []) as Line[] };
  };
  /** Nothing of a preview reached the real store, calendar, outbox or webhook receiver. */
  const untouched = async () => {
    await bed.worker.runDue();
    expect(await bed.deps.store.listConversationIds()).toEqual([]);
    expect(saves).toBe(0);
    expect(await bed.deliveries.list()).toEqual([]);
    expect(crm.requests).toEqual([]);
    const year = ['2020-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'] as const;
    expect(await bed.deps.calendar.meetingsBetween(...year)).toEqual([]);
    expect(await bed.deps.calendar.busy(...year)).toEqual([]);
  };
  return { bed, session, post, preview, untouched };
}

const ANSWERS: Record<string, string> = {
  greeting: QUALIFIED_ANSWERS.need,
  'ask-need': QUALIFIED_ANSWERS.need,
  'ask-authority': QUALIFIED_ANSWERS.authority,
  'ask-company': QUALIFIED_ANSWERS.company,
  'ask-budget': QUALIFIED_ANSWERS.budget,
  'ask-timeline': QUALIFIED_ANSWERS.timeline,
  'ask-contact': QUALIFIED_ANSWERS.contact,
};

describe('the chat preview, POST /console/api/templates/:name/chat-preview', () => {
  it('plays the draft where the template is used, with every other template live, and stores nothing', async () => {
    const { session, post, preview, untouched } = await previewBed();
    const mia = await session(MIA);
    const greeting = 'Hello from {{company}}, PUBLISHED. What brings you here?';
    const published = await post(mia, '/console/api/templates/greeting/versions', {
      source: greeting,
    });
    expect(published.status).toBe(201);

    const res = await preview(mia, 'ask-authority', {
      source: AUTHORITY_DRAFT,
      messages: [QUALIFIED_ANSWERS.need],
    });
    expect(res.status).toBe(200);
    expect(res.transcript).toEqual([
      expect.objectContaining({
        role: 'agent',
        text: 'Hello from Beacon, PUBLISHED. What brings you here?',
        template: 'greeting',
        draft: false,
      }),
      expect.objectContaining({ role: 'visitor', text: QUALIFIED_ANSWERS.need, draft: false }),
      expect.objectContaining({
        role: 'agent',
        text: expect.stringContaining('DRAFT: who signs off at your place?'),
        template: 'ask-authority',
        quickReplies: [{ label: 'I sign', value: 'I make the decision' }],
        draft: true,
      }),
    ]);
    // The draft's quick reply is read back by the real engine: the next question is live wording.
    const next = await preview(mia, 'ask-authority', {
      source: AUTHORITY_DRAFT,
      messages: [QUALIFIED_ANSWERS.need, 'I make the decision'],
    });
    const last = next.transcript.at(-1);
    expect(last).toMatchObject({ role: 'agent', draft: false });
    expect(last?.template).not.toBe('ask-authority');
    expect(last?.text).not.toContain('DRAFT');
    await untouched();
  });

  it('marks a message the draft only opens (a short note before the next question) as the draft', async () => {
    const { session, preview } = await previewBed();
    const source = '{{#if learned}}ACK DRAFT: got {{list learned}}.{{else}}ACK DRAFT.{{/if}}';
    const res = await preview(await session(MIA), 'ack', {
      source,
      messages: [QUALIFIED_ANSWERS.need],
    });
    expect(res.status).toBe(200);
    expect(res.transcript.at(-1)).toMatchObject({
      role: 'agent',
      text: expect.stringMatching(/^ACK DRAFT: got .+\.\n\n\S/),
      template: 'ask-authority',
      draft: true,
    });
    expect(res.transcript[0]).toMatchObject({ template: 'greeting', draft: false });
  });

  it('plays a draft whose quick reply the agent cannot read back, and names that problem', async () => {
    const { session, preview } = await previewBed();
    const source = `---
quickReplies:
  - label: Purple
    value: purple monkey dishwasher
---
DRAFT: who decides?`;
    const messages = [QUALIFIED_ANSWERS.need, 'purple monkey dishwasher'];
    const res = await preview(await session(MIA), 'ask-authority', { source, messages });
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringContaining('is asked again') }),
    ]);
    // And the preview shows it happen: the visitor who clicks it is asked again.
    expect(res.transcript.at(-1)).toMatchObject({ template: 'ask-authority', draft: true });
  });

  it('offers slots and books in its own calendar: no real hold, meeting, webhook or email', async () => {
    const { session, preview, untouched } = await previewBed();
    const root = await session(ROOT);
    const source = 'DRAFT times ({{timezone}}):\n{{#each slots}}\n- {{label}}\n{{/each}}';
    const messages: string[] = [];
    let offered: Line | undefined;
    for (let turn = 0; turn < 12 && offered === undefined; turn += 1) {
      const res = await preview(root, 'ask-booking', { source, messages, timezone: 'UTC' });
      expect(res.status).toBe(200);
      const last = res.transcript.at(-1);
      if (last?.template === 'ask-booking') offered = last;
      else messages.push(ANSWERS[last?.template ?? ''] ?? 'Yes, please follow up');
    }
    expect(offered).toMatchObject({
      draft: true,
      text: expect.stringContaining('DRAFT times (UTC)'),
    });
    const slot = offered?.quickReplies[0];
    expect(slot).toBeDefined();
    const booked = await preview(root, 'ask-booking', {
      source,
      messages: [...messages, slot?.value ?? ''],
    });
    expect(booked.transcript.at(-1)).toMatchObject({ role: 'agent', template: 'booked' });
    await untouched();
  });

  it.each([
    ['a syntax error', 'Who decides?\n{{#if firstName}}', 'not closed'],
    ['an unknown variable', 'Who decides, {{firstNam}}?', 'firstNam'],
  ])('refuses a draft with %s (422, its problems)', async (_what, source, message) => {
    const { session, preview, untouched } = await previewBed();
    const res = await preview(await session(MIA), 'ask-authority', { source, messages: ['hi'] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: { code: 'TEMPLATE_INVALID' },
      problems: [expect.objectContaining({ message: expect.stringContaining(message) })],
    });
    await untouched();
  });

  it.each([
    ['an unknown template', 'no-such-template', { source: 'Hi', messages: [] }],
    ['messages that are not a list', 'greeting', { source: 'Hi', messages: 'hello' }],
    ['a message that is not text', 'greeting', { source: 'Hi', messages: [42] }],
    ['an empty message', 'greeting', { source: 'Hi', messages: ['  '] }],
    ['too many messages', 'greeting', { source: 'Hi', messages: Array(41).fill('hello') }],
    ['a message too long', 'greeting', { source: 'Hi', messages: ['x'.repeat(501)] }],
    ['a source too long', 'greeting', { source: 'x'.repeat(16_001), messages: [] }],
    ['no source', 'greeting', { messages: [] }],
    ['an unknown field', 'greeting', { source: 'Hi', messages: [], store: true }],
    ['an unknown time zone', 'greeting', { source: 'Hi', messages: [], timezone: 'Mars/Base' }],
  ])('answers 400 to %s', async (_what, name, body) => {
    const { session, preview, untouched } = await previewBed();
    const res = await preview(await session(MIA), name, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    await untouched();
  });

  it('is for marketers and admins with the CSRF token: reps, strangers and forged posts are refused', async () => {
    const { session, post, preview, untouched } = await previewBed();
    const body = { source: AUTHORITY_DRAFT, messages: [QUALIFIED_ANSWERS.need] };
    const path = '/console/api/templates/ask-authority/chat-preview';
    expect((await preview(await session(ANA), 'ask-authority', body)).status).toBe(403);
    expect((await preview(null, 'ask-authority', body)).status).toBe(401);
    const mia = await session(MIA);
    const forged = await post(mia, path, body, { csrf: false });
    expect(forged.status).toBe(403);
    expect(forged.text).not.toContain('DRAFT');
    const wrong = await post({ ...mia, csrf: 'not-the-token' }, path, body);
    expect(wrong.status).toBe(403);
    await untouched();
  });
});
