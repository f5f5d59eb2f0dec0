import { describe, expect, it } from 'vitest';
import { FIXED_NOW } from '../../helpers/test-deps.js';
import { leadOf, SQL_VALUES } from '../../unit/handoff/handoff-fixtures.js';
import { ADA, ANA, BEN, leadPageBed, MIA } from './lead-page-bed.js';

describe('the lead page shows the lead with the evidence', () => {
  it('shows each value with the visitor’s words, its source, the score breakdown, attribution, transcript and deliveries', async () => {
    const bed = await leadPageBed();
    const { status, html } = await bed.page(await bed.signIn(ANA));
    expect(status).toBe(200);
    expect(html).toContain('<h1>Kim Osei <span class="muted">at Northwind Parcel</span></h1>');
    expect(html).toMatch(
      /<tr data-field="budget\.amount">.*30000.*<q>quote for budget\.amount<\/q>.*<td>rules<\/td>/,
    );
    expect(html).toMatch(/<th scope="row">authority<\/th><td>\+25<\/td><td>decision_maker<\/td>/);
    expect(html).toContain('<th scope="row">utm_source</th><td>newsletter</td>');
    expect(html).toContain('https://search.example/');
    expect(html).toContain('We lose weekend demo requests and I want that fixed this quarter.');
    expect(html).toMatch(
      /<tr class="status-delivered"><td>lead\.qualified<\/td><td>crm<\/td><td>delivered<\/td><td>1<\/td>/,
    );
    expect(html).toContain('<section id="takeover" data-conversation-id="conv-q1"></section>');
    expect(html).toContain('<script type="module" src="/console/assets/lead.js"></script>');
    for (const live of ['record', 'score', 'stage', 'transcript', 'meeting', 'actions'])
      expect(html).toContain(`data-live="${live}"`);
    expect(html).toContain('Waiting for a rep since');
  });

  it('gives a marketer the page to read with no form but sign-out', async () => {
    const bed = await leadPageBed();
    const { html } = await bed.page(await bed.signIn(MIA));
    expect(html).toContain('Kim Osei');
    expect(html.match(/<form /g)).toHaveLength(1);
    expect(html).toContain('action="/console/logout"');
  });

  it('sends a browser without a session to sign in, then back to the lead', async () => {
    const bed = await leadPageBed();
    const res = await bed.page(null);
    expect(res.status).toBe(303);
    expect(res.location).toBe(
      `/console/login?next=${encodeURIComponent('/console/leads/conv-q1')}`,
    );
  });
});

describe('a rep works the lead from its page', () => {
  it('assigns the lead to another rep, logged with who and when', async () => {
    const bed = await leadPageBed();
    const cookie = await bed.signIn(ANA);
    const res = await bed.post(cookie, 'assign', { assignee: BEN });
    expect(res).toMatchObject({ status: 303, location: '/console/leads/conv-q1?done=assigned' });
    const conv = await bed.stored();
    expect(conv.console.assignedTo).toBe(BEN);
    expect(conv.console.actions).toEqual([
      {
        kind: 'assign',
        by: ANA,
        byName: 'Ana Lima',
        at: FIXED_NOW,
        detail: 'assigned to Ben Okafor',
      },
    ]);
    const { html } = await bed.page(cookie, 'conv-q1?done=assigned');
    expect(html).toContain('Assignment saved.');
    expect(html).toContain('<strong>Assigned to:</strong> Ben Okafor');
  });

  it('corrects a field with source rep, keeps the old value, re-scores and sends lead.updated', async () => {
    const bed = await leadPageBed();
    const cookie = await bed.signIn(ANA);
    const res = await bed.post(cookie, 'correct', {
      field: 'budget.amount',
      value: '2000',
      seen: '30000',
    });
    expect(res.status).toBe(303);
    const entry = (await bed.stored()).lead['budget.amount'];
    expect(entry).toMatchObject({ value: 2000, source: 'rep', evidence: 'corrected by Ana Lima' });
    expect(entry?.history.map((h) => h.value)).toEqual([30000]);
    const [, updated] = await bed.sent();
    expect(updated?.type).toBe('lead.updated');
    expect(updated?.lead).toMatchObject({ budget: { amount: 2000 } });
    expect(updated?.lead.evidence['budget.amount']).toEqual({
      quote: 'corrected by Ana Lima',
      source: 'rep',
      at: FIXED_NOW,
    });
    expect(updated?.lead.breakdown).toContainEqual({
      signal: 'budget',
      points: -10,
      detail: 'about 2,000 USD a year',
    });
    const { html } = await bed.page(cookie);
    expect(html).toMatch(
      /<tr data-field="budget\.amount">.*<q>corrected by Ana Lima<\/q><\/td><td>rep<\/td>.*<s>30000<\/s>/,
    );
    expect((await bed.stored()).console.actions.map((a) => [a.kind, a.detail])).toEqual([
      ['correct', 'budget.amount: 2000'],
    ]);
  });

  it('sends lead.qualified when the correction makes the lead sales-qualified', async () => {
    const { 'budget.amount': _a, 'budget.currency': _c, 'budget.period': _p, ...rest } = SQL_VALUES;
    const bed = await leadPageBed({
      lead: leadOf({ ...rest, 'budget.status': 'none' }),
      qualifiedAt: null,
      outbox: [],
    });
    const cookie = await bed.signIn(ANA);
    await bed.post(cookie, 'correct', { field: 'budget.status', value: 'stated', seen: 'none' });
    const conv = await bed.stored();
    expect(conv.qualifiedAt).toBe(FIXED_NOW);
    const bodies = await bed.sent();
    expect(bodies.map((b) => b.type)).toEqual(['lead.qualified']);
    expect(bodies[0]?.lead.stage).toBe('SQL');
  });

  it.each([
    ['accepted', 'Budget confirmed on the phone'],
    ['rejected', 'A student project, no budget'],
  ] as const)(
    '%s the lead with a reason, and the CRM gets lead.reviewed',
    async (verdict, reason) => {
      const bed = await leadPageBed();
      const cookie = await bed.signIn(ANA);
      expect((await bed.post(cookie, 'review', { verdict, reason })).status).toBe(303);
      const conv = await bed.stored();
      expect(conv.console.review).toEqual({
        verdict,
        reason,
        by: ANA,
        byName: 'Ana Lima',
        at: FIXED_NOW,
      });
      const reviewed = (await bed.sent()).find((b) => b.type === 'lead.reviewed');
      expect(reviewed?.review).toEqual({
        verdict,
        reason,
        reviewer: { email: ANA, name: 'Ana Lima' },
        at: FIXED_NOW,
      });
      expect(reviewed?.leadUrl).toBeNull();
      const { html } = await bed.page(cookie);
      expect(html).toContain(`${verdict} by Ana Lima: ${reason}`);
      expect(html).toContain('First rep touch 0 s after the lead began waiting');
    },
  );

  it('adds a note, shown as text', async () => {
    const bed = await leadPageBed();
    const cookie = await bed.signIn(ANA);
    await bed.post(cookie, 'notes', { text: 'Call back <b>Monday</b>' });
    expect((await bed.stored()).console.notes).toMatchObject([
      { text: 'Call back <b>Monday</b>', by: ANA },
    ]);
    const { html } = await bed.page(cookie);
    expect(html).toContain('<p>Call back &lt;b&gt;Monday&lt;/b&gt;</p>');
  });

  it('cancels the meeting like the booking page: calendar, conversation, webhook, action', async () => {
    const bed = await leadPageBed();
    const id = await bed.bookMeeting();
    const cookie = await bed.signIn(ANA);
    expect((await bed.post(cookie, 'meeting/cancel')).location).toBe(
      '/console/leads/conv-q1?done=canceled',
    );
    expect((await bed.deps.calendar.get(id))?.status).toBe('canceled');
    const conv = await bed.stored();
    expect(conv.meeting?.status).toBe('canceled');
    expect(conv.console.actions[0]).toMatchObject({ kind: 'meeting', by: ANA });
    expect(conv.console.actions[0]?.detail).toMatch(/^canceled the meeting on /);
    const canceled = (await bed.sent()).find((b) => b.type === 'meeting.canceled');
    expect(canceled?.meeting?.status).toBe('canceled');
    expect((await bed.post(cookie, 'meeting/cancel')).status).toBe(409);
  });

  it('moves the meeting to one of the free times the page offers', async () => {
    const bed = await leadPageBed();
    const id = await bed.bookMeeting();
    const cookie = await bed.signIn(ANA);
    const { html } = await bed.page(cookie);
    const start = /<select id="start" name="start"><option value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect((await bed.post(cookie, 'meeting/reschedule', { start })).status).toBe(303);
    expect((await bed.deps.calendar.get(id))?.start).toBe(start);
    expect((await bed.stored()).meeting?.start).toBe(start);
    expect((await bed.sent()).map((b) => b.type)).toContain('meeting.rescheduled');
    const taken = await bed.post(cookie, 'meeting/reschedule', {
      start: '2026-03-03T03:00:00.000Z',
    });
    expect(taken.status).toBe(409);
    expect(taken.html).toContain('That time is no longer free.');
  });
});

describe('bad input is refused with a clear message and changes nothing', () => {
  it.each([
    [
      'an unknown field',
      'correct',
      { field: 'budget.vibes', value: '1', seen: '' },
      400,
      'There is no field',
    ],
    [
      'an invalid value',
      'correct',
      { field: 'company.size', value: 'lots', seen: '120' },
      400,
      'is not a valid company.size',
    ],
    [
      'a page older than the value',
      'correct',
      { field: 'company.size', value: '300', seen: '80' },
      409,
      'company.size changed to “120” since the page was opened',
    ],
    [
      'a rejection without a reason',
      'review',
      { verdict: 'rejected', reason: '  ' },
      400,
      'Say why the lead is rejected.',
    ],
    [
      'an unknown verdict',
      'review',
      { verdict: 'maybe', reason: 'x' },
      400,
      'Check the form: verdict',
    ],
    ['an empty note', 'notes', { text: ' ' }, 400, 'The note is empty.'],
    ['a marketer as assignee', 'assign', { assignee: MIA }, 400, 'cannot take leads'],
    [
      'an unknown assignee',
      'assign',
      { assignee: 'who@beacon.example' },
      400,
      'There is no such user.',
    ],
    ['a meeting the lead does not have', 'meeting/cancel', {}, 404, 'This lead has no meeting.'],
  ])('%s', async (_name, action, fields, status, message) => {
    const bed = await leadPageBed();
    const before = await bed.stored();
    const res = await bed.post(await bed.signIn(ANA), action, fields);
    expect(res.status).toBe(status);
    expect(res.html).toContain(message);
    expect(res.html).toContain('role="alert"');
    expect(await bed.stored()).toEqual(before);
  });

  it('answers 404 for an unknown lead', async () => {
    const bed = await leadPageBed();
    const cookie = await bed.signIn(ANA);
    expect((await bed.page(cookie, 'conv-nope')).status).toBe(404);
    expect((await bed.page(cookie, '..%2F..%2Fetc')).status).toBe(404);
    const token = await bed.csrf(cookie);
    const res = await bed.post(cookie, 'notes', { text: 'hi' }, { id: 'conv-nope', token });
    expect(res.status).toBe(404);
    expect(res.html).toContain('There is no lead with this id.');
  });
});

describe('who may act on a lead', () => {
  const ACTIONS: [string, Record<string, string>][] = [
    ['assign', { assignee: BEN }],
    ['correct', { field: 'company.size', value: '300', seen: '120' }],
    ['review', { verdict: 'accepted', reason: '' }],
    ['notes', { text: 'hello' }],
    ['meeting/cancel', {}],
  ];

  it.each(ACTIONS)('a marketer may not %s (403), and nothing changes', async (action, fields) => {
    const bed = await leadPageBed();
    const before = await bed.stored();
    const res = await bed.post(await bed.signIn(MIA), action, fields);
    expect(res.status).toBe(403);
    expect(await bed.stored()).toEqual(before);
  });

  it.each(ACTIONS)(
    '%s without a session is refused (401), and nothing changes',
    async (action, fields) => {
      const bed = await leadPageBed();
      const before = await bed.stored();
      expect((await bed.post(null, action, fields, { token: 'guess' })).status).toBe(401);
      expect(await bed.stored()).toEqual(before);
    },
  );

  it.each([
    ['without the CSRF token', { token: null }],
    ['with a wrong CSRF token', { token: 'x'.repeat(64) }],
    ['from another site', { origin: 'https://evil.example' }],
  ])('a POST %s is refused and changes nothing', async (_name, opts) => {
    const bed = await leadPageBed();
    const before = await bed.stored();
    const res = await bed.post(await bed.signIn(ANA), 'notes', { text: 'forged' }, opts);
    expect(res.status).toBe(403);
    expect(await bed.stored()).toEqual(before);
  });

  it('only an admin sees Redeliver and may redeliver a webhook of this lead', async () => {
    const bed = await leadPageBed();
    const [delivery] = await bed.deliveries.list({ conversationId: 'conv-q1' });
    if (delivery === undefined) throw new Error('no delivery');
    const action = `deliveries/${delivery.id}/redeliver`;
    const rep = await bed.signIn(ANA);
    expect((await bed.page(rep)).html).not.toContain('Redeliver');
    expect((await bed.post(rep, action)).status).toBe(403);
    const admin = await bed.signIn(ADA);
    expect((await bed.page(admin)).html).toContain('Redeliver lead.qualified to crm');
    expect((await bed.post(admin, action)).location).toBe(
      '/console/leads/conv-q1?done=redelivered',
    );
    await bed.worker.runDue();
    expect(bed.crm.countOf(delivery.eventId)).toBe(2);
    expect((await bed.deliveries.get(delivery.id))?.attempts).toHaveLength(2);
    const other = await bed.post(
      admin,
      'deliveries/dlv_00000000000000000000000000000000/redeliver',
    );
    expect(other.status).toBe(404);
  });
});

describe('the lead page’s actions reach the live console', () => {
  it('a rep watching the lead hears that it changed when another rep adds a note', async () => {
    const bed = await leadPageBed();
    const live = await bed.consoleSocket(await bed.signIn(BEN));
    expect(await live.emitWithAck('watch', { conversationId: 'conv-q1' })).toEqual({ ok: true });
    const changed = new Promise<{ conversationId: string }>((resolve) =>
      live.once('conversation:changed', resolve),
    );
    await bed.post(await bed.signIn(ANA), 'notes', { text: 'Calling now' });
    expect(await changed).toEqual({ conversationId: 'conv-q1' });
  });
});
