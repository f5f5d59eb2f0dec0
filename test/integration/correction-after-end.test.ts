import { chatWithCrm as startChatWithCrm } from './chat-with-crm.js';
import { beforeEach, expect, it } from 'vitest';
import { scoreLead } from '../../src/scoring/score-lead.js';
import { startCrmReceiver, type CrmReceiver } from '../fakes/crm-receiver.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { SECRET } from '../unit/handoff/handoff-fixtures.js';

let crm: CrmReceiver;
beforeEach(async () => {
  crm = closeAfterTest(await startCrmReceiver({ secrets: [SECRET] }));
});

/** A rules-mode chat whose saves feed a worker delivering to the CRM receiver. */
async function chatWithCrm() {
  const { chat, store, sent, config } = await startChatWithCrm(crm);
  const record = async () => {
    const conv = await store.getConversation(chat.conversationId);
    if (!conv) throw new Error('no conversation');
    return { conv, score: scoreLead(conv.lead, conv.visitor, config.scoring, config.currency) };
  };
  return { chat, record, sent };
}

/** A decision maker with everything but a budget: marketing-qualified, closed with the resource. */
const WITHOUT_BUDGET = [
  'We lose inbound demo requests over the weekend and want them answered.',
  'I am the COO and I make the call on tools like this.',
  'Northwind Parcel, about 120 people.',
  'No budget for this yet.',
  'This quarter.',
  'Kim Osei, kim.osei@northwind.example',
];

it('when a visitor who closed as marketing-qualified later says "actually our budget is $80k a year", then the record is SQL, the CRM gets lead.qualified with that budget, and a meeting is offered', async () => {
  const { chat, record, sent } = await chatWithCrm();
  for (const text of WITHOUT_BUDGET) await chat.say(text);
  const closed = (await chat.say('no thanks')).at(-1);
  expect(closed?.final).toBe(true);
  expect((await record()).score.stage).toBe('MQL');
  expect(await sent()).toEqual([]);

  const offer = (await chat.say('actually our budget is $80k a year')).at(-1);
  const { conv, score } = await record();
  expect(score.stage).toBe('SQL');
  expect(conv.qualifiedAt).not.toBeNull();
  expect(offer).toMatchObject({ final: false, expecting: 'booking' });
  expect(offer?.quickReplies.length).toBeGreaterThan(0);

  const bodies = await sent();
  expect(bodies.map((b) => b.type)).toEqual(['lead.qualified']);
  expect(bodies[0]?.lead).toMatchObject({
    stage: 'SQL',
    budget: { amount: 80000, period: 'yearly', status: 'stated' },
    contact: { email: 'kim.osei@northwind.example' },
  });

  // The offer is a real one: picking a time books it, and the CRM hears of it.
  await chat.say(offer?.quickReplies[0]?.value ?? '');
  expect((await sent()).map((b) => b.type)).toEqual(['lead.qualified', 'meeting.booked']);
});

it('when a qualified visitor who declined the meeting corrects their budget after the end, then the CRM gets lead.updated with it and the chat stays over', async () => {
  const { chat, record, sent } = await chatWithCrm();
  for (const text of WITHOUT_BUDGET.slice(0, 3)) await chat.say(text);
  await chat.say('About $30k a year.');
  await chat.say('This quarter.');
  const offered = (await chat.say('Kim Osei, kim.osei@northwind.example')).at(-1);
  expect(offered?.expecting).toBe('booking');
  expect((await chat.say('No thanks, we do not want a call.')).at(-1)?.final).toBe(true);
  expect((await sent()).map((b) => b.type)).toEqual(['lead.qualified']);

  const late = (await chat.say('sorry, our budget is actually $45k a year')).at(-1);
  expect(late).toMatchObject({ final: true, text: expect.stringContaining('noted your budget') });
  expect(getBudget((await record()).conv.lead)).toBe(45000);

  const bodies = await sent();
  expect(bodies.map((b) => b.type)).toEqual(['lead.qualified', 'lead.updated']);
  expect(bodies[1]?.lead).toMatchObject({ budget: { amount: 45000 } });
});

it('when a visitor writes after the end without changing anything, then nothing is sent and the chat says it is over', async () => {
  const { chat, sent } = await chatWithCrm();
  for (const text of WITHOUT_BUDGET) await chat.say(text);
  await chat.say('no thanks');
  const after = (await chat.say('ok bye')).at(-1);
  expect(after).toMatchObject({ final: true, text: expect.stringContaining('ended') });
  expect(await sent()).toEqual([]);
});

function getBudget(lead: Record<string, { value: unknown } | undefined>): unknown {
  return lead['budget.amount']?.value;
}
