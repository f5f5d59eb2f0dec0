import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import {
  createDestinations,
  matchesEvent,
} from '../../../src/handoff/delivery/create-destinations.js';
import { signWebhook } from '../../../src/handoff/webhook/sign-webhook.js';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';
import { NEW_SECRET, NO_RUNTIME, SECRET } from './handoff-fixtures.js';

const URL_A = 'https://crm.example/hooks/leads';
const build = (crm: Record<string, unknown>, runtime = {}, env: NodeJS.ProcessEnv = {}) =>
  createDestinations(
    parseConfig({ crm }),
    { ...NO_RUNTIME, ...runtime },
    { env, promptsDir: PROMPTS_DIR },
  );

describe('destinations from the config and the environment', () => {
  it('when nothing is configured, then there is no destination', () => {
    expect(build({})).toEqual([]);
  });

  it('when CRM_WEBHOOK_URL and CRM_WEBHOOK_SECRET are set, then a "default" destination takes every event, signed', () => {
    expect(build({}, { crmWebhookUrl: URL_A, crmWebhookSecret: SECRET })).toMatchObject([
      { id: 'default', url: URL_A, secrets: [SECRET], events: ['*'], template: null },
    ]);
  });

  it('when CRM_WEBHOOK_SECRET holds two space-separated secrets, then both sign (a rotation)', () => {
    expect(
      build({}, { crmWebhookUrl: URL_A, crmWebhookSecret: `${NEW_SECRET} ${SECRET}` })[0]?.secrets,
    ).toEqual([NEW_SECRET, SECRET]);
  });

  it('when the config has a "default" destination too, then the variables set its URL and secret and it keeps its events and template', () => {
    const list = build(
      {
        destinations: [
          {
            id: 'default',
            url: 'https://old.example/',
            events: ['lead.qualified'],
            template: 'slack-message',
          },
        ],
      },
      { crmWebhookUrl: URL_A, crmWebhookSecret: SECRET },
    );
    expect(list).toMatchObject([
      {
        id: 'default',
        url: URL_A,
        secrets: [SECRET],
        events: ['lead.qualified'],
        template: 'slack-message',
      },
    ]);
  });

  it('when a destination has previous secrets, then the current one and the previous ones all sign', () => {
    expect(
      build({
        destinations: [{ id: 'crm', url: URL_A, secret: NEW_SECRET, previousSecrets: [SECRET] }],
      })[0]?.secrets,
    ).toEqual([NEW_SECRET, SECRET]);
  });

  it('when a header names an environment variable, then its value is filled in from the environment', () => {
    const [d] = build(
      {
        destinations: [
          { id: 'hubspot', url: URL_A, headers: { Authorization: 'Bearer ${HUBSPOT_TOKEN}' } },
        ],
      },
      {},
      { HUBSPOT_TOKEN: 'pat-test-1' },
    );
    expect(d?.headers).toEqual({ Authorization: 'Bearer pat-test-1' });
  });

  it.each([
    [
      'the secret in CRM_WEBHOOK_SECRET is malformed',
      {},
      { crmWebhookUrl: URL_A, crmWebhookSecret: 'plain-text' },
      /^CRM_WEBHOOK_SECRET: /,
    ],
    [
      'CRM_WEBHOOK_SECRET is set without CRM_WEBHOOK_URL',
      {},
      { crmWebhookSecret: SECRET },
      /CRM_WEBHOOK_URL is not/,
    ],
    [
      'a header needs a variable that is not set',
      {
        destinations: [{ id: 'h', url: URL_A, headers: { Authorization: 'Bearer ${NOPE_TOKEN}' } }],
      },
      {},
      /headers\.Authorization: the environment variable NOPE_TOKEN/,
    ],
    [
      'a template does not exist',
      { destinations: [{ id: 'x', url: URL_A, template: 'salesforce-lead' }] },
      {},
      /crm\.destinations\[0\] \(x\)\.template: cannot read .*salesforce-lead\.hbs/,
    ],
    [
      'a template name is a path',
      { destinations: [{ id: 'x', url: URL_A, template: '../greeting' }] },
      {},
      /must be a file name/,
    ],
    [
      'two destinations share an id',
      {
        destinations: [
          { id: 'a', url: URL_A },
          { id: 'a', url: URL_A },
        ],
      },
      {},
      /the id "a" is used twice/,
    ],
  ])('when %s, then a config error names it', (_, crm, runtime, message) => {
    expect(() => build(crm, runtime)).toThrow(message);
  });
});

describe('event filters', () => {
  it.each([
    [['*'], 'lead.qualified', true],
    [['lead.qualified'], 'lead.qualified', true],
    [['lead.qualified'], 'lead.updated', false],
    [['meeting.*'], 'meeting.booked', true],
    [['meeting.*'], 'lead.qualified', false],
    [['lead.*', 'meeting.booked'], 'lead.handoff_requested', true],
    [['meeting.*'], 'meetingX.booked', false],
    [[], 'lead.qualified', false],
  ])('when a destination wants %j, then %s matches: %s', (patterns, type, expected) => {
    expect(matchesEvent(patterns, type)).toBe(expected);
  });
});

describe('checking secrets and event filters at start-up', () => {
  const config = (destination: Record<string, unknown>) => () =>
    parseConfig({ crm: { destinations: [{ id: 'crm', url: URL_A, ...destination }] } });

  it.each([
    [
      'unpadded base64 (the library says "incorrect padding")',
      'whsec_abc',
      /^crm\.destinations\.0\.secret: the base64 after "whsec_" is incorrectly padded/m,
    ],
    [
      'fewer than 24 bytes',
      `whsec_${Buffer.from('short').toString('base64')}`,
      /^crm\.destinations\.0\.secret: the secret is 5 bytes; use at least 24/m,
    ],
    [
      'no prefix',
      Buffer.from('x'.repeat(24)).toString('base64'),
      /^crm\.destinations\.0\.secret: expected a Standard Webhooks secret starting with "whsec_"/m,
    ],
    [
      'url-safe characters',
      `whsec_${'-'.repeat(32)}`,
      /^crm\.destinations\.0\.secret: the part after "whsec_" must be base64/m,
    ],
  ])('when a secret has %s, then the config is refused naming the field', (_, secret, message) => {
    expect(config({ secret })).toThrow(message);
    expect(config({ secret: SECRET, previousSecrets: [secret] })).toThrow(
      /crm\.destinations\.0\.previousSecrets\.0: /,
    );
  });

  it('when CRM_WEBHOOK_SECRET is unpadded, then the error names the variable', () => {
    expect(() => build({}, { crmWebhookUrl: URL_A, crmWebhookSecret: 'whsec_abc' })).toThrow(
      /^CRM_WEBHOOK_SECRET: invalid webhook secret: the base64 after "whsec_" is incorrectly padded/,
    );
  });

  it.each([
    SECRET,
    NEW_SECRET,
    `whsec_${Buffer.from('y'.repeat(24)).toString('base64')}`,
    `whsec_${Buffer.from('z'.repeat(64)).toString('base64')}`,
  ])(
    'when leadbot accepts the secret %s, then standardwebhooks takes it too and signs alike',
    (secret) => {
      expect(config({ secret })).not.toThrow();
      const timestamp = 1_767_225_600;
      expect(signWebhook({ id: 'evt-1', timestamp, body: '{}', secrets: [secret] })).toBe(
        new Webhook(secret).sign('evt-1', new Date(timestamp * 1000), '{}'),
      );
    },
  );

  it('when the secret is whsec_abc, then standardwebhooks refuses it as leadbot does', () => {
    expect(() => new Webhook('whsec_abc')).toThrow(/incorrect padding/);
    expect(config({ secret: 'whsec_abc' })).toThrow(/incorrectly padded/);
  });

  it.each([
    [
      'a misspelled type',
      ['lead.qualifed'],
      new RegExp(
        String.raw`^crm\.destinations\.0\.events\.0: unknown event type "lead\.qualifed"; ` +
          String.raw`expected one of "\*", "lead\.\*", "meeting\.\*", "lead\.qualified"`,
        'm',
      ),
    ],
    [
      'an unknown group',
      ['meetings.*'],
      /^crm\.destinations\.0\.events\.0: unknown event type "meetings\.\*"/m,
    ],
  ])(
    'when an event filter has %s, then the config is refused naming the entry and listing the known types',
    (_, events, message) => {
      expect(config({ events })).toThrow(message);
    },
  );

  it('when event filters use every known type and group, then the config is accepted', () => {
    expect(
      config({
        events: [
          '*',
          'lead.*',
          'meeting.*',
          'lead.qualified',
          'lead.handoff_requested',
          'lead.updated',
          'meeting.booked',
          'meeting.rescheduled',
          'meeting.canceled',
        ],
      }),
    ).not.toThrow();
  });
});
