import { chatWithCrm as startChatWithCrm } from './chat-with-crm.js';
import { beforeEach, expect, it } from 'vitest';
import { startHandoffTestBed, type HandoffTestBed } from './handoff-test-bed.js';

let bed: HandoffTestBed;
beforeEach(async () => {
  bed = await startHandoffTestBed();
});

async function chatWithCrm() {
  const { chat, sent, store } = await startChatWithCrm(bed.crm, { now: bed.clock.now });
  return { chat, bodies: sent, store };
}

it('when a visitor asks for a person twice, then the CRM gets one request and neither message becomes the need or scores', async () => {
  const { chat, bodies, store } = await chatWithCrm();
  expect((await chat.say('hi')).at(-1)?.expecting).toBe('need');
  await chat.say("I'd like to speak to a real person now");
  await chat.say('can I talk to a human?');

  const got = await bodies();
  expect(got.map((b) => b.type)).toEqual(['lead.handoff_requested']);
  const conv = await store.getConversation(chat.conversationId);
  expect(conv?.lead['need.summary']).toBeUndefined();
  expect(got[0]?.lead.breakdown.map((l) => l.signal)).not.toContain('need');
  expect(bed.crm.requests.every((r) => r.verifiedWith.length === 1)).toBe(true);
});

it('when a visitor states a need while asking for a person, then the need is recorded in their words', async () => {
  const { chat, store } = await chatWithCrm();
  const asked = await chat.say('hi');
  expect(asked.at(-1)?.expecting).toBe('need');
  await chat.say('our SDRs drown in leads, can I talk to someone?');
  const conv = await store.getConversation(chat.conversationId);
  expect(conv?.lead['need.summary']?.value).toBe('our SDRs drown in leads');
  expect(conv?.handoffRequested).toBe(true);
});
