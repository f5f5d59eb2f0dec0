import type { Calendar } from '../../src/booking/calendar.js';
import type { ChatMessage, Conversation } from '../../src/conversation/conversation-schema.js';
import { deliveryIdFor, type Delivery } from '../../src/handoff/delivery/delivery-schema.js';
import type { DeliveryStore } from '../../src/handoff/delivery/delivery-store.js';
import type { Lead } from '../../src/lead/lead-record.js';
import type { Store } from '../../src/store/store.js';
import { at, makeConversation } from '../helpers/make-conversation.js';

/** A person of the privacy tests: what identifies them in the data folder. */
export type Person = { key: string; name: string; email: string };

export const DANA: Person = {
  key: 'dana',
  name: 'Dana Whitfield',
  email: 'dana@brightfield.example',
};
export const OMAR: Person = { key: 'omar', name: 'Omar Haddad', email: 'omar@quayside.example' };
export const LENA: Person = { key: 'lena', name: 'Lena Sorensen', email: 'lena@fjordline.example' };

/** The clock of the privacy tests: a day after the conversations, before the future meetings. */
export const NOW = new Date('2030-03-05T12:00:00.000Z');

function lead(p: Person, email: string): Lead {
  const entry = <V extends string>(value: V, evidence: string) => ({
    value,
    evidence,
    source: 'rules' as const,
    messageId: 'm1',
    at: at(1),
    history: [],
  });
  return {
    'contact.name': entry(p.name, `I'm ${p.name}`),
    'contact.email': entry(email, email),
  };
}

const message = (n: number, role: ChatMessage['role'], text: string): ChatMessage => ({
  id: `m${n}`,
  role,
  text,
  at: at(n),
});

/** A qualified chat with the person's name and email, typed in `emailAsTyped` case. */
export function chatOf(p: Person, id: string, emailAsTyped = p.email): Conversation {
  return makeConversation({
    id,
    lead: lead(p, emailAsTyped.toLowerCase()),
    messages: [
      message(1, 'visitor', `Hi, I'm ${p.name} and we need lead routing.`),
      message(2, 'agent', 'What is the best email to reach you?'),
      message(3, 'visitor', emailAsTyped),
    ],
  });
}

/** A chat where the email is only in a message (no lead record), in upper case. */
export function mentionOf(p: Person, id: string): Conversation {
  return makeConversation({
    id,
    messages: [
      message(1, 'visitor', `Please write to ${p.email.toUpperCase()}. Thanks, ${p.name}`),
    ],
  });
}

/** A delivery of the conversation with an attempt whose response echoed the email. */
export function deliveryOf(conversationId: string, n: number, echo: string): Delivery {
  const eventId = `evt-${conversationId}-${n}`;
  return {
    id: deliveryIdFor(eventId, 'default'),
    eventId,
    eventType: n === 1 ? 'lead.qualified' : 'meeting.booked',
    occurredAt: at(10 + n),
    conversationId,
    destinationId: 'default',
    status: 'delivered',
    createdAt: at(10 + n),
    updatedAt: at(11 + n),
    nextAttemptAt: null,
    roundStart: 0,
    reason: null,
    attempts: [
      {
        at: at(11 + n),
        status: 200,
        durationMs: 20,
        responseSnippet: `{"contact":"${echo}"}`,
        error: null,
      },
    ],
  };
}

const slot = (startIso: string) => ({
  start: startIso,
  end: new Date(Date.parse(startIso) + 30 * 60_000).toISOString(),
  repIds: ['rep-1'],
});

/**
 * Stores three people: Dana (two conversations, one naming her only in a message; a meeting to
 * come and a canceled one; three deliveries), Omar (a conversation, a meeting to come, a
 * delivery) and Lena (a conversation, a delivery).
 */
export async function seedPeople(parts: {
  store: Store;
  calendar: Calendar;
  deliveries: DeliveryStore;
}): Promise<void> {
  const { store, calendar, deliveries } = parts;
  for (const conv of [
    chatOf(DANA, 'dana-1', 'Dana@Brightfield.Example'),
    mentionOf(DANA, 'dana-2'),
    chatOf(OMAR, 'omar-1'),
    chatOf(LENA, 'lena-1'),
  ])
    await store.saveConversation(conv);
  const attendee = (p: Person) => ({ name: p.name, email: p.email });
  await calendar.claim(slot('2030-03-10T15:00:00.000Z'), {
    id: 'meet-dana-next',
    conversationId: 'dana-1',
    attendee: attendee(DANA),
  });
  await calendar.claim(slot('2030-03-06T09:00:00.000Z'), {
    id: 'meet-dana-old',
    conversationId: 'dana-1',
    attendee: attendee(DANA),
  });
  await calendar.cancel('meet-dana-old');
  await calendar.claim(slot('2030-03-11T15:00:00.000Z'), {
    id: 'meet-omar',
    conversationId: 'omar-1',
    attendee: attendee(OMAR),
  });
  for (const d of [
    deliveryOf('dana-1', 1, DANA.email),
    deliveryOf('dana-1', 2, DANA.name),
    deliveryOf('dana-2', 1, DANA.email),
    deliveryOf('omar-1', 1, OMAR.email),
    deliveryOf('lena-1', 1, LENA.email),
  ])
    await deliveries.create(d);
}
