import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { privacyNoticeOf } from '../../widget/chat/payload-guards.js';
import { realHarness } from '../helpers/chat-harness.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { connectClient } from '../helpers/socket-client.js';
import { startTestServer } from '../helpers/start-test-server.js';

const VISITOR = {
  timezone: 'Europe/Berlin',
  locale: 'de-DE',
  page: 'https://beacon.example/',
  referrer: null,
  utm: {},
};
const POLICY = { text: 'We keep this chat.', linkUrl: 'https://beacon.example/privacy' };

describe('the privacy notice the widget is given', () => {
  it.each([
    [{}, { text: expect.stringMatching(/^This chat keeps what you write/), linkUrl: null }],
    [{ widget: { privacyNotice: POLICY } }, { ...POLICY, linkLabel: 'Privacy policy' }],
    [{ widget: { privacyNotice: null } }, null],
  ])('when the config says %j, then the hello ack carries %j', async (config, expected) => {
    const server = closeAfterTest(
      await startTestServer({ chatService: realHarness().chatService, config }),
    );
    const socket = closeAfterTest(await connectClient(server.url));
    const ack = await socket.emitWithAck('session:hello', { visitor: VISITOR });
    expect(ack).toMatchObject({ ok: true, privacyNotice: expected });
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<b>hi</b>'],
    ['//beacon.example/privacy'],
    ['privacy.html'],
  ])('when the link is %j, then the config is refused naming the field', (linkUrl) => {
    expect(() => parseConfig({ widget: { privacyNotice: { text: 'x', linkUrl } } })).toThrow(
      /widget\.privacyNotice\.linkUrl/,
    );
  });

  it('when the notice text is empty, then the config is refused', () => {
    expect(() => parseConfig({ widget: { privacyNotice: { text: '  ' } } })).toThrow(
      /widget\.privacyNotice\.text/,
    );
  });

  it.each([
    [{ text: 'Kept.', linkLabel: 'Policy', linkUrl: 'javascript:alert(1)' }, { linkUrl: null }],
    [{ text: 'Kept.', linkUrl: 'https://x.example/p' }, { linkLabel: 'Privacy policy' }],
    [{ text: '' }, null],
    ['Kept.', null],
  ])('when a server sends the notice %j, then the widget reads %j', (sent, expected) => {
    const read = privacyNoticeOf(sent);
    if (expected === null) expect(read).toBeNull();
    else expect(read).toMatchObject(expected);
  });
});
