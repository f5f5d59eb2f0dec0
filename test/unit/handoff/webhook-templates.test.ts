import { TEST_SECRET } from '../../helpers/test-deps.js';
import { meetingToken } from '../../../src/booking/meeting-links.js';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import { buildHandoff } from '../../../src/handoff/webhook/build-handoff.js';
import {
  compileWebhookTemplate,
  loadWebhookTemplate,
  type RenderedBody,
} from '../../../src/handoff/webhook/webhook-template.js';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';
import { destinationsFor, leadOf, qualifiedConversation, SQL_VALUES } from './handoff-fixtures.js';

const config = parseConfig({ server: { publicUrl: 'https://chat.beacon.example' } });
const TEMPLATES = readdirSync(path.join(PROMPTS_DIR, 'webhooks'))
  .filter((f) => f.endsWith('.hbs'))
  .map((f) => f.slice(0, -4));
const MEETING = {
  id: 'mtg-7',
  start: '2026-03-05T15:00:00.000Z',
  end: '2026-03-05T15:30:00.000Z',
  repId: 'rep-1',
  status: 'booked' as const,
  bookedAt: '2026-03-03T15:01:00.000Z',
};
const TRICKY = 'Jo "JJ" O\'Brien-Łukasz \\ <b>&amp;</b>\nsecond line 🚀';

const CASES: [string, Conversation, string][] = [
  ['a qualified lead', qualifiedConversation(), 'lead.qualified'],
  ['a booked meeting', qualifiedConversation({ meeting: MEETING }), 'meeting.booked'],
  [
    'a handoff request with no email yet',
    qualifiedConversation({
      lead: leadOf({ 'need.summary': 'pricing for 3 sites' }),
      qualifiedAt: null,
      handoffRequested: true,
      visitor: { timezone: 'UTC', locale: 'en-US', page: null, referrer: null, utm: null },
    }),
    'lead.handoff_requested',
  ],
  [
    'quotes, backslashes, markup, a line break and an emoji in every text',
    qualifiedConversation({
      lead: leadOf({
        ...SQL_VALUES,
        'contact.name': TRICKY,
        'company.name': TRICKY,
        'authority.role': TRICKY,
        'need.summary': TRICKY,
        'contact.phone': '+14155550123',
      }),
      messages: [{ id: 'm1', role: 'visitor', text: TRICKY, at: '2026-03-03T15:00:00.000Z' }],
      meeting: MEETING,
    }),
    'lead.updated',
  ],
];

function rendered(name: string, conv: Conversation, type: string): RenderedBody {
  const { packet, view } = buildHandoff(
    conv,
    { id: 'evt-1', type, occurredAt: '2026-03-03T15:00:00.000Z', conversationId: conv.id },
    config,
    TEST_SECRET,
  );
  return loadWebhookTemplate(PROMPTS_DIR, name)({ ...packet, view });
}

/** The body as JSON; a skip fails the test. */
function bodyOf(r: RenderedBody): unknown {
  if ('skip' in r) throw new Error(`skipped: ${r.skip}`);
  return JSON.parse(r.body);
}
const render = (name: string, conv: Conversation, type: string): unknown =>
  bodyOf(rendered(name, conv, type));
const NO_EMAIL = CASES[2]?.[1] ?? qualifiedConversation();

describe('the shipped body templates', () => {
  it('when the templates folder is read, then it ships the default body, the HubSpot contact and the Slack message', () => {
    expect(TEMPLATES.sort()).toEqual(['default-json', 'hubspot-contact', 'slack-message']);
  });

  for (const name of TEMPLATES) {
    it.each(CASES.filter(([, conv]) => name !== 'hubspot-contact' || conv !== NO_EMAIL))(
      `when ${name} renders %s, then the body is valid JSON`,
      (_, conv, type) => {
        expect(() => render(name, conv, type)).not.toThrow();
      },
    );
  }

  it('when the HubSpot template meets a visitor with no email, then it skips the event (no "id": null upsert), saying why', () => {
    expect(rendered('hubspot-contact', NO_EMAIL, 'lead.handoff_requested')).toEqual({
      skip: 'HubSpot upserts contacts by email, and the visitor has given none yet',
    });
  });

  it('when the default-json template renders, then it is exactly the default body (the packet)', () => {
    for (const [, conv, type] of CASES) {
      const { packet } = buildHandoff(
        conv,
        { id: 'evt-1', type, occurredAt: '2026-03-03T15:00:00.000Z', conversationId: conv.id },
        config,
        TEST_SECRET,
      );
      expect(render('default-json', conv, type)).toEqual(JSON.parse(JSON.stringify(packet)));
    }
  });

  it('when the HubSpot template renders a lead whose email is verified, then it is a contact upsert by email with the standard properties', () => {
    const tricky = CASES[3]?.[1] ?? qualifiedConversation();
    const verified = { ...tricky, verifiedEmail: 'kim.osei@northwind.example' };
    const r = rendered('hubspot-contact', verified, 'lead.qualified');
    expect(r).toMatchObject({ path: '/crm/v3/objects/contacts/batch/upsert' });
    const body = bodyOf(r) as {
      inputs: { idProperty: string; id: string; properties: Record<string, string> }[];
    };
    const [input] = body.inputs;
    expect(input).toMatchObject({ idProperty: 'email', id: 'kim.osei@northwind.example' });
    expect(input?.properties).toMatchObject({
      email: 'kim.osei@northwind.example',
      firstname: 'Jo',
      lastname: '"JJ" O\'Brien-Łukasz \\ <b>&amp;</b> second line 🚀',
      phone: '+14155550123',
      company: TRICKY,
      jobtitle: TRICKY,
      leadbot_stage: 'SQL',
      leadbot_grade: 'hot',
      leadbot_budget: '$30K/yr',
      leadbot_meeting_start: MEETING.start,
    });
    expect(input?.properties.leadbot_score).toMatch(/^\d+$/);
  });

  it('when the HubSpot template renders a lead without phone or meeting, then those properties are left out rather than blanked', () => {
    const body = render('hubspot-contact', qualifiedConversation(), 'lead.qualified') as {
      properties: Record<string, string>;
    };
    expect(Object.keys(body.properties)).not.toEqual(expect.arrayContaining(['phone']));
    expect(body.properties).not.toHaveProperty('leadbot_meeting_start');
  });

  it.each([
    ['never confirmed', undefined],
    ['confirmed another address before changing it', 'someone.else@northwind.example'],
  ])(
    'when the visitor %s, then HubSpot gets a create (which cannot overwrite an existing contact), not an upsert',
    (_name, verifiedEmail) => {
      const conv = { ...qualifiedConversation(), verifiedEmail };
      const r = rendered('hubspot-contact', conv, 'lead.qualified');
      expect(r).toMatchObject({ path: '/crm/v3/objects/contacts' });
      const body = bodyOf(r) as Record<string, unknown>;
      expect(body).not.toHaveProperty('inputs');
      expect(body.properties).toMatchObject({
        email: 'kim.osei@northwind.example',
        leadbot_email_verified: 'false',
      });
    },
  );

  it('when the Slack template renders a booked meeting, then it has a header, the summary, score fields, the meeting and the invite button', () => {
    const body = render(
      'slack-message',
      CASES[1]?.[1] ?? qualifiedConversation(),
      'meeting.booked',
    ) as {
      text: string;
      blocks: {
        type: string;
        text?: { text: string };
        fields?: unknown[];
        elements?: { url?: string }[];
      }[];
    };
    expect(body.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'actions',
      'context',
    ]);
    expect(body.blocks[0]?.text?.text).toBe(
      'Meeting booked: Kim Osei, COO at Northwind Parcel (120 people)',
    );
    expect(body.text).toContain('Hot (');
    expect(body.blocks[2]?.fields).toHaveLength(4);
    expect(body.blocks[3]?.text?.text).toBe('*Meeting:* Thu, Mar 5, 10:00 AM EST');
    expect(body.blocks[4]?.elements?.map((e) => e.url)).toEqual([
      `https://chat.beacon.example/console/leads/${CASES[1]?.[1].id ?? ''}`,
      `https://chat.beacon.example/bookings/mtg-7.ics?t=${meetingToken(TEST_SECRET, 'invite', 'mtg-7')}`,
    ]);
  });

  type SlackBody = {
    blocks: { type: string; elements?: { url?: string; text?: { text: string } }[] }[];
  };
  const buttons = (body: SlackBody) =>
    body.blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .map((e) => [e.text?.text, e.url]);

  it.each([
    [
      'PUBLIC_URL is set',
      config,
      [['Open the lead', 'https://chat.beacon.example/console/leads/c-7']],
    ],
    ['PUBLIC_URL is not set', parseConfig({}), []],
  ])(
    'when %s, then a rep reading Slack gets a link to the lead page (or none)',
    (_n, cfg, want) => {
      const conv = { ...qualifiedConversation(), id: 'c-7' };
      const { packet, view } = buildHandoff(
        conv,
        {
          id: 'evt-1',
          type: 'lead.qualified',
          occurredAt: conv.createdAt,
          conversationId: conv.id,
        },
        cfg,
      );
      const r = loadWebhookTemplate(PROMPTS_DIR, 'slack-message')({ ...packet, view });
      expect(buttons(bodyOf(r) as SlackBody)).toEqual(want);
      expect(packet.leadUrl).toBe(want[0]?.[1] ?? null);
    },
  );

  it("when a question went unanswered, then Slack shows it in the visitor's words, escaped, under its own headline", () => {
    const conv = qualifiedConversation();
    const question = {
      text: 'Do you support <!channel> SSO?',
      at: conv.createdAt,
      messageId: 'm9',
      key: 'sso support',
    };
    const { packet, view } = buildHandoff(
      conv,
      {
        id: 'evt-q',
        type: 'lead.question_unanswered',
        occurredAt: conv.createdAt,
        conversationId: conv.id,
        question,
      },
      config,
    );
    expect(packet.question).toEqual({ text: question.text, at: question.at, messageId: 'm9' });
    const body = bodyOf(loadWebhookTemplate(PROMPTS_DIR, 'slack-message')({ ...packet, view })) as {
      blocks: { text?: { text: string } }[];
    };
    const texts = body.blocks.map((b) => b.text?.text ?? '');
    expect(texts[0]).toBe(
      'Kim Osei, COO at Northwind Parcel (120 people) asked a question we could not answer',
    );
    expect(texts).toContain('*Question we could not answer:* Do you support &lt;!channel&gt; SSO?');
  });

  it('when a rep rejects a lead, then Slack shows who, the verdict and the reason, escaped', () => {
    const conv = qualifiedConversation();
    const review = {
      verdict: 'rejected' as const,
      reason: 'Student project, no budget <!here>',
      by: 'ana@beacon.example',
      byName: 'Ana Lima',
      at: conv.createdAt,
    };
    const { packet, view } = buildHandoff(
      conv,
      {
        id: 'evt-r',
        type: 'lead.reviewed',
        occurredAt: conv.createdAt,
        conversationId: conv.id,
        review,
      },
      config,
    );
    const body = bodyOf(loadWebhookTemplate(PROMPTS_DIR, 'slack-message')({ ...packet, view })) as {
      blocks: { text?: { text: string } }[];
    };
    expect(body.blocks.map((b) => b.text?.text ?? '')).toContain(
      '*Ana Lima rejected the lead:* Student project, no budget &lt;!here&gt;',
    );
  });

  it('when visitor text contains Slack markup, then it is escaped so it cannot forge a link or a mention', () => {
    const body = render(
      'slack-message',
      CASES[3]?.[1] ?? qualifiedConversation(),
      'lead.updated',
    ) as { blocks: { text?: { text: string } }[] };
    const summary = body.blocks[1]?.text?.text ?? '';
    expect(summary).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(summary).not.toContain('<b>');
  });

  it('when no template is configured, then the body is the packet as JSON', () => {
    const { destinations } = destinationsFor({
      destinations: [{ id: 'crm', url: 'https://crm.example/hook' }],
    });
    const conv = qualifiedConversation();
    const { packet, view } = buildHandoff(
      conv,
      { id: 'evt-1', type: 'lead.qualified', occurredAt: conv.createdAt, conversationId: conv.id },
      config,
    );
    expect(bodyOf(destinations[0]?.render(packet, view) ?? { skip: 'no destination' })).toEqual(
      packet,
    );
  });
});

describe('writing a body template', () => {
  const context = (() => {
    const conv = qualifiedConversation();
    const { packet, view } = buildHandoff(
      conv,
      { id: 'evt-1', type: 'lead.qualified', occurredAt: conv.createdAt, conversationId: conv.id },
      config,
    );
    return { ...packet, view };
  })();

  it.each([
    [
      'a misspelled variable in json',
      '{ "a": {{json lead.contact.nmae}} }',
      /json: unknown variable/,
    ],
    ['a misspelled variable in text', '{ "a": {{text "x" summry}} }', /text: unknown variable/],
    ['a misspelled plain variable', '{ "a": "{{summry}}" }', /"summry" not defined/],
    ['output that is not JSON', '{ "a": {{summary}} }', /rendered invalid JSON/],
  ])('when a template has %s, then rendering fails naming the problem', (_, source, message) => {
    expect(() => compileWebhookTemplate(source, 'custom.hbs')(context)).toThrow(message);
  });

  it.each([
    ['an unknown helper', '{ "a": {{upper summary}} }', /custom\.hbs: .*upper/],
    ['a handlebars syntax error', '{ "a": {{json summary }', /custom\.hbs: Parse error/],
  ])('when a template has %s, then it fails when loaded, before any lead', (_, source, message) => {
    expect(() => compileWebhookTemplate(source, 'custom.hbs')).toThrow(message);
  });

  it('when text joins pieces with a null among them, then the null reads as nothing', () => {
    expect(
      bodyOf(compileWebhookTemplate('{{text "phone: " lead.contact.phone "."}}', 't.hbs')(context)),
    ).toBe('phone: .');
  });

  it('when a template calls skip, then the render is a skip with the reason, whatever follows', () => {
    expect(
      compileWebhookTemplate(
        '{{#if summary}}{{skip "not for " type}}{{/if}} not JSON',
        't.hbs',
      )(context),
    ).toEqual({ skip: 'not for lead.qualified' });
  });
});
