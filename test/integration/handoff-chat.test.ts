import { chatWithCrm as startChatWithCrm } from './chat-with-crm.js';
import { beforeEach, expect, it } from 'vitest';
import type { HandoffPacket } from '../../src/handoff/webhook/build-handoff.js';
import type { Visitor } from '../../src/lead/visitor.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { startCrmReceiver, type CrmReceiver } from '../fakes/crm-receiver.js';
import { SECRET } from '../unit/handoff/handoff-fixtures.js';

let crm: CrmReceiver;
beforeEach(async () => {
  crm = closeAfterTest(await startCrmReceiver({ secrets: [SECRET] }));
});

/** A chat service whose store feeds a worker delivering to the receiver, with one visitor on it. */
const chatWithCrm = (visitor: Partial<Visitor>) => startChatWithCrm(crm, { visitor });

it('when a visitor asks for a person and then gives an email, then the CRM gets the request and a lead.updated with the email', async () => {
  const { worker, chat } = await chatWithCrm({ timezone: 'America/Denver' });
  await chat.say('Can I talk to a human please?');
  await worker.runDue();
  await chat.say('kim.osei@northwind.example');
  await worker.runDue();

  const bodies = [...crm.processed.values()].map((b) => b as HandoffPacket);
  expect(bodies.map((b) => b.type)).toEqual(['lead.handoff_requested', 'lead.updated']);
  expect(bodies[0]?.lead.contact).toMatchObject({ email: null });
  expect(bodies[1]?.lead.contact).toMatchObject({ email: 'kim.osei@northwind.example' });
  expect(crm.requests.every((r) => r.verifiedWith.length === 1)).toBe(true);
});

it('when a visitor qualifies and books in the chat, then the CRM gets lead.qualified and meeting.booked, signed, with the rep packet', async () => {
  const { worker, chat } = await chatWithCrm({
    timezone: 'America/Denver',
    page: 'https://beacon.example/pricing',
    utm: { source: 'partner' },
  });
  await chat.answerUntilDone();
  await worker.runDue();

  const types = [...crm.processed.values()].map((b) => (b as HandoffPacket).type);
  expect(types).toEqual(['lead.qualified', 'meeting.booked']);
  expect(crm.requests.every((r) => r.verifiedWith.length === 1)).toBe(true);
  const booked = [...crm.processed.values()][1] as HandoffPacket;
  expect(booked.lead).toMatchObject({
    stage: 'SQL',
    grade: 'hot',
    contact: { email: 'robin.ashby@quillstone.example' },
  });
  expect(booked.meeting).toMatchObject({ status: 'booked', rep: { id: 'rep-1' } });
  expect(booked.attribution).toEqual({
    page: 'https://beacon.example/pricing',
    referrer: null,
    utm: { source: 'partner' },
  });
  expect(booked.summary).toMatch(
    /^Robin Ashby, .*Quillstone Analytics \(240 people\).*meeting .*Hot \(\d+\), SQL\.$/,
  );
  expect(booked.transcript.length).toBeGreaterThan(10);
});
