import { chatWithCrm as startChatWithCrm } from './chat-with-crm.js';
import { beforeEach, expect, it } from 'vitest';
import { startHandoffTestBed, type HandoffTestBed } from './handoff-test-bed.js';

let bed: HandoffTestBed;
beforeEach(async () => {
  bed = await startHandoffTestBed();
});

/** A chat whose store feeds a worker delivering to the CRM receiver (which verifies signatures). */
async function chatWithCrm() {
  const { chat, sent } = await startChatWithCrm(bed.crm, {
    server: { publicUrl: 'https://chat.beacon.example' },
    now: bed.clock.now,
  });
  return { chat, bodies: sent };
}

const UNANSWERED = 'Does it run on a Raspberry Pi?';

it("when the knowledge file cannot answer a question, then the CRM gets lead.question_unanswered, signed, with the question in the visitor's words", async () => {
  const { chat, bodies } = await chatWithCrm();
  const reply = (await chat.say(UNANSWERED)).map((p) => p.text).join(' ');
  expect(reply).toContain('specialists will follow up');

  const got = await bodies();
  expect(got.map((b) => b.type)).toEqual(['lead.question_unanswered']);
  const [body] = got;
  expect(body?.question).toEqual({
    text: UNANSWERED,
    at: expect.any(String),
    messageId: expect.any(String),
  });
  const asked = body?.transcript.find((m) => m.role === 'visitor');
  expect(asked).toMatchObject({ text: UNANSWERED, at: body?.question?.at });
  expect(body?.leadUrl).toBe(`https://chat.beacon.example/console/leads/${body?.conversationId}`);
  expect(bed.crm.requests.every((r) => r.verifiedWith.length === 1)).toBe(true);
});

it.each([
  ['the same question asked again', 'so... does it run on a raspberry pi??'],
  ['a question the knowledge file answers', 'Is there a free trial?'],
])('when the visitor then sends %s, then no second event is raised', async (_name, text) => {
  const { chat, bodies } = await chatWithCrm();
  await chat.say(UNANSWERED);
  await chat.say(text);
  expect((await bodies()).map((b) => b.type)).toEqual(['lead.question_unanswered']);
});

it('when the knowledge file answers the question, then no event is raised', async () => {
  const { chat, bodies } = await chatWithCrm();
  const reply = (await chat.say('Is there a free trial?')).map((p) => p.text).join(' ');
  expect(reply).not.toContain('specialists will follow up');
  expect(await bodies()).toEqual([]);
});
