import { describe, expect, it } from 'vitest';
import { compileWebhookTemplate } from '../../../src/handoff/webhook/webhook-template.js';
import { buildHandoff } from '../../../src/handoff/webhook/build-handoff.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { qualifiedConversation } from './handoff-fixtures.js';

const conv = qualifiedConversation();
const { packet, view } = buildHandoff(
  conv,
  { id: 'e1', type: 'lead.qualified', occurredAt: conv.updatedAt, conversationId: conv.id },
  parseConfig({}),
);

describe('{{endpoint}}: a template picks the path on its destination’s host, never the host', () => {
  it.each([
    ['/crm/v3/objects/contacts', { path: '/crm/v3/objects/contacts' }],
    ['/a/b?x=1', { path: '/a/b?x=1' }],
  ])('"%s" is used', (path, want) => {
    const render = compileWebhookTemplate(`{{endpoint "${path}"}}{}`, 't.hbs');
    expect(render({ ...packet, view })).toMatchObject(want);
  });

  it.each([
    ['//evil.example/steal'],
    ['https://evil.example/x'],
    ['relative/path'],
    ['/with space'],
  ])('"%s" is refused', (path) => {
    const render = compileWebhookTemplate(`{{endpoint "${path}"}}{}`, 't.hbs');
    expect(() => render({ ...packet, view })).toThrow(/endpoint takes a path/);
  });

  it('without it, the body goes to the destination URL as before', () => {
    expect(compileWebhookTemplate('{}', 't.hbs')({ ...packet, view })).toEqual({ body: '{}' });
  });
});

describe('lead.emailVerified', () => {
  it.each([
    ['never confirmed', undefined, false],
    ['confirmed this address', 'kim.osei@northwind.example', true],
    ['confirmed an address since changed', 'old@northwind.example', false],
  ])('when the visitor %s, then it is %s', (_name, verifiedEmail, want) => {
    const c = { ...conv, verifiedEmail };
    const event = { id: 'e', type: 'lead.updated', occurredAt: c.updatedAt, conversationId: c.id };
    expect(buildHandoff(c, event, parseConfig({})).packet.lead.emailVerified).toBe(want);
  });
});
