import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import { buildHandoff } from '../../../src/handoff/webhook/build-handoff.js';
import { loadWebhookTemplate } from '../../../src/handoff/webhook/webhook-template.js';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';
import { leadOf, qualifiedConversation, SQL_VALUES } from './handoff-fixtures.js';

const config = parseConfig({ server: { publicUrl: 'https://chat.beacon.example' } });

type TextObject = { type: string; text: string; verbatim?: boolean };
type SlackBody = {
  text: string;
  blocks: { type: string; text?: TextObject; fields?: TextObject[]; elements?: TextObject[] }[];
};

function slackBody(conv: Conversation, type = 'lead.qualified'): SlackBody {
  const { packet, view } = buildHandoff(
    conv,
    { id: 'evt-1', type, occurredAt: '2026-03-03T15:00:00.000Z', conversationId: conv.id },
    config,
  );
  const r = loadWebhookTemplate(PROMPTS_DIR, 'slack-message')({ ...packet, view });
  if ('skip' in r) throw new Error(`skipped: ${r.skip}`);
  return JSON.parse(r.body) as SlackBody;
}

/** Every piece of text Slack reads as mrkdwn: the top-level text and each mrkdwn object. */
function mrkdwnTexts(body: SlackBody): string[] {
  const objects = body.blocks.flatMap((b) => [
    ...(b.text ? [b.text] : []),
    ...(b.fields ?? []),
    ...(b.elements ?? []).filter((e) => typeof e.text === 'string'),
  ]);
  return [body.text, ...objects.filter((o) => o.type === 'mrkdwn').map((o) => o.text)];
}

/** Slack's live markup: a special mention (<!channel>, <!here>), a user or channel, or a link. */
const LIVE = /<(?:!|@|#|https?:|mailto:(?!kim\.osei@northwind\.example\|))/;

const HOSTILE = qualifiedConversation({
  lead: leadOf({
    ...SQL_VALUES,
    'contact.name': 'Kim <!channel> Osei',
    'company.name': 'Northwind <https://evil.example/login|Verify your account>',
    'authority.role': 'COO & <!here> <@U024BE7LH>',
    'need.summary': 'fix our intake <#C024BE7LR> <!subteam^S012>',
  }),
});

describe('the Slack message, when visitor text holds Slack markup', () => {
  it('when a lead names itself <!channel> and a <url|label> link, then neither is live in the notification text', () => {
    const body = slackBody(HOSTILE);
    expect(body.text).not.toMatch(LIVE);
    expect(body.text).toContain('Kim &lt;!channel&gt; Osei');
    expect(body.text).toContain('Northwind &lt;https://evil.example/login|Verify your account&gt;');
  });

  it.each(['lead.qualified', 'lead.updated', 'lead.handoff_requested', 'meeting.canceled'])(
    'when a %s message is rendered, then no mrkdwn text in it holds a live mention or link from the visitor',
    (type) => {
      const texts = mrkdwnTexts(slackBody(HOSTILE, type));
      expect(texts.length).toBeGreaterThan(3);
      for (const text of texts) expect(text).not.toMatch(LIVE);
    },
  );

  it('when the summary carries an ampersand, then it is written &amp; so Slack shows it as typed', () => {
    const body = slackBody(HOSTILE);
    expect(body.blocks[1]?.text?.text).toContain('COO &amp; &lt;!here&gt; &lt;@U024BE7LH&gt;');
  });

  it('when visitor text sits in a mrkdwn object, then the object is verbatim so a bare @here or URL is not linked', () => {
    const body = slackBody(HOSTILE);
    const summary = body.blocks[1]?.text;
    expect(summary).toMatchObject({ type: 'mrkdwn', verbatim: true });
    for (const field of body.blocks[2]?.fields ?? [])
      if (/Budget|Timeline/.test(field.text)) expect(field.verbatim).toBe(true);
  });

  it('when the header shows the name, then it is plain text, which Slack never turns into a mention or a link', () => {
    const header = slackBody(HOSTILE).blocks[0];
    expect(header?.type).toBe('header');
    expect(header?.text?.type).toBe('plain_text');
  });

  it('when the lead has an email, then the template’s own mailto link stays live', () => {
    const texts = mrkdwnTexts(slackBody(HOSTILE));
    expect(texts).toContain('<mailto:kim.osei@northwind.example|kim.osei@northwind.example>');
  });
});
