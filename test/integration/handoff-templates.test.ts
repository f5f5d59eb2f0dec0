import { TEST_SECRET } from '../helpers/test-deps.js';
import { meetingToken } from '../../src/booking/meeting-links.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/conversation/conversation-schema.js';
import { startCrmReceiver, type CrmReceiver } from '../fakes/crm-receiver.js';
import { deliveryIdFor } from '../../src/handoff/delivery/delivery-schema.js';
import {
  destinationsFor,
  fakeClock,
  leadOf,
  qualifiedConversation,
  SECRET,
  startInstance,
} from '../unit/handoff/handoff-fixtures.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import type { TempDir } from '../helpers/temp-dir-for-test.js';
import { startHandoffTestBed } from './handoff-test-bed.js';

type SlackBody = {
  text: string;
  blocks: { type: string; text?: { text: string }; elements?: { url?: string }[] }[];
};
type HubSpotBody = { inputs: { properties: Record<string, string> }[] };

let slack: CrmReceiver;
let hubspot: CrmReceiver;
let data: TempDir;
beforeEach(async () => {
  ({ crm: slack, data } = await startHandoffTestBed());
  hubspot = closeAfterTest(await startCrmReceiver({ secrets: [SECRET] }));
});

const MOVED: Meeting = {
  id: 'mtg-7',
  start: '2026-03-06T19:00:00.000Z',
  end: '2026-03-06T19:30:00.000Z',
  repId: 'rep-1',
  status: 'booked',
  bookedAt: '2026-03-03T15:01:00.000Z',
};

/** Delivers one meeting event of a conversation to a Slack and a HubSpot destination (signed, so the receivers verify). */
async function deliver(
  type: 'meeting.rescheduled' | 'meeting.canceled',
  meeting: Meeting,
): Promise<{ slack: SlackBody; hubspot: HubSpotBody }> {
  const { config, destinations } = destinationsFor({
    destinations: [
      {
        id: 'slack',
        url: slack.url,
        secret: SECRET,
        events: ['meeting.*'],
        template: 'slack-message',
      },
      {
        id: 'hubspot',
        url: hubspot.url,
        secret: SECRET,
        events: ['meeting.*'],
        template: 'hubspot-contact',
      },
    ],
  });
  config.server.publicUrl = 'https://chat.beacon.example';
  const app = await startInstance({ dataDir: data.dir, clock: fakeClock(), config, destinations });
  // Verified (confirmed from the email): HubSpot's contact is upserted.
  await app.store.saveConversation(
    qualifiedConversation({ meeting, verifiedEmail: 'kim.osei@northwind.example' }, [{ type }]),
  );
  await app.worker.runDue();
  expect(hubspot.requests[0]?.path).toBe('/crm/v3/objects/contacts/batch/upsert');
  expect([...slack.requests, ...hubspot.requests].map((r) => [r.answered, r.verifiedWith])).toEqual(
    [
      [204, [0]],
      [204, [0]],
    ],
  );
  return {
    slack: JSON.parse(slack.requests[0]?.body ?? '') as SlackBody,
    hubspot: JSON.parse(hubspot.requests[0]?.body ?? '') as HubSpotBody,
  };
}

/** The id qualifiedConversation() gives the stored conversation. */
const CONVERSATION_ID = 'conv-q1';

describe('meeting changes in the CRM messages', () => {
  it('when a meeting is canceled, then Slack says canceled, strikes the time and shows no calendar button, and HubSpot clears the meeting start', async () => {
    const got = await deliver('meeting.canceled', { ...MOVED, status: 'canceled' });
    expect(got.slack.blocks[0]?.text?.text).toBe(
      'Meeting canceled: Kim Osei, COO at Northwind Parcel (120 people)',
    );
    expect(got.slack.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'actions',
      'context',
    ]);
    expect(got.slack.blocks[3]?.text?.text).toBe('*Meeting canceled:* ~Fri, Mar 6, 2:00 PM EST~');
    // Only the lead's page: the canceled meeting has no calendar button.
    expect(got.slack.blocks[4]?.elements?.map((e) => e.url)).toEqual([
      `https://chat.beacon.example/console/leads/${CONVERSATION_ID}`,
    ]);
    expect(got.slack.text).toContain('canceled the meeting of Fri, Mar 6, 2:00 PM EST');
    expect(got.hubspot.inputs[0]?.properties).toMatchObject({
      leadbot_meeting_start: '',
      leadbot_last_event: 'meeting.canceled',
    });
  });

  it('when a meeting is rescheduled, then Slack shows the new time and the invite, and HubSpot gets the new start', async () => {
    const got = await deliver('meeting.rescheduled', MOVED);
    expect(got.slack.blocks[0]?.text?.text).toBe(
      'Meeting moved to Fri, Mar 6, 2:00 PM EST: Kim Osei, COO at Northwind Parcel (120 people)',
    );
    expect(got.slack.blocks[3]?.text?.text).toBe('*Meeting moved to:* Fri, Mar 6, 2:00 PM EST');
    expect(got.slack.blocks[4]?.elements?.map((e) => e.url)).toEqual([
      `https://chat.beacon.example/console/leads/${CONVERSATION_ID}`,
      `https://chat.beacon.example/bookings/mtg-7.ics?t=${meetingToken(TEST_SECRET, 'invite', 'mtg-7')}`,
    ]);
    expect(got.hubspot.inputs[0]?.properties).toMatchObject({
      leadbot_meeting_start: MOVED.start,
      leadbot_last_event: 'meeting.rescheduled',
    });
  });
});

describe('a template that needs a field the visitor has not given', () => {
  it('when a visitor with no email asks for a person, then HubSpot gets nothing ("skipped", no "id": null), and the email given next creates the contact', async () => {
    const { config, destinations } = destinationsFor({
      destinations: [
        {
          id: 'hubspot',
          url: hubspot.url,
          secret: SECRET,
          events: ['lead.*'],
          template: 'hubspot-contact',
        },
        {
          id: 'slack',
          url: slack.url,
          secret: SECRET,
          events: ['lead.*'],
          template: 'slack-message',
        },
      ],
    });
    const app = await startInstance({
      dataDir: data.dir,
      clock: fakeClock(),
      config,
      destinations,
    });
    const asked = qualifiedConversation(
      {
        qualifiedAt: null,
        handoffRequested: true,
        lead: leadOf({ 'need.summary': 'pricing for 3 sites' }),
      },
      [{ type: 'lead.handoff_requested' }],
    );
    await app.store.saveConversation(asked);
    await app.worker.runDue();

    expect(hubspot.requests).toEqual([]);
    expect(slack.requests.map((r) => r.verifiedWith)).toEqual([[0]]);
    expect(await app.deliveries.get(deliveryIdFor('evt-conv-q1-1', 'hubspot'))).toMatchObject({
      status: 'skipped',
      attempts: [],
      nextAttemptAt: null,
      reason:
        'template "hubspot-contact" skipped it: HubSpot upserts contacts by email, and the visitor has given none yet',
    });

    // The engine queues lead.updated with the message that gave the email.
    const updated = {
      id: 'evt-upd-1',
      type: 'lead.updated',
      occurredAt: asked.updatedAt,
      conversationId: asked.id,
    };
    await app.store.saveConversation({
      ...asked,
      lead: leadOf({
        'need.summary': 'pricing for 3 sites',
        'contact.email': 'kim@northwind.example',
      }),
      outbox: [...asked.outbox, updated],
    });
    await app.worker.runDue();
    expect(hubspot.requests.map((r) => [r.answered, r.verifiedWith])).toEqual([[204, [0]]]);
    // The typed email is not verified: a create, which HubSpot refuses for an existing contact.
    expect(hubspot.requests[0]?.path).toBe('/crm/v3/objects/contacts');
    const body = JSON.parse(hubspot.requests[0]?.body ?? '') as {
      properties: Record<string, string>;
    };
    expect(body.properties).toMatchObject({
      email: 'kim@northwind.example',
      leadbot_last_event: 'lead.updated',
    });
  });
});

describe('HubSpot and an email nobody verified', () => {
  it('when the typed email belongs to an existing contact, then HubSpot answers 409 to the create, and the delivery is done: nothing overwritten, nothing retried', async () => {
    const { config, destinations } = destinationsFor({
      destinations: [
        { id: 'hubspot', url: hubspot.url, secret: SECRET, template: 'hubspot-contact' },
      ],
    });
    const app = await startInstance({
      dataDir: data.dir,
      clock: fakeClock(),
      config,
      destinations,
    });
    hubspot.respond({
      status: 409,
      body: '{"message":"Contact already exists. Existing ID: 901"}',
    });
    await app.store.saveConversation(qualifiedConversation());
    await app.worker.runDue();

    expect(hubspot.requests.map((r) => [r.path, r.answered])).toEqual([
      ['/crm/v3/objects/contacts', 409],
    ]);
    expect(await app.deliveries.get(deliveryIdFor('evt-conv-q1-1', 'hubspot'))).toMatchObject({
      status: 'delivered',
      reason: expect.stringContaining('409 Conflict'),
    });
    expect(app.worker.nextDueAt()).toBeNull();
  });
});
