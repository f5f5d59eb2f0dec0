import type { Conversation } from '../../src/conversation/conversation-schema.js';
import type { Lead } from '../../src/lead/lead-record.js';
import { at, makeConversation } from './make-conversation.js';

type Level = 'visitor' | 'lead' | 'MQL' | 'SQL';

const entry = (value: string | number | boolean, evidence = String(value)) => ({
  value,
  evidence,
  source: 'rules' as const,
  messageId: 'v1',
  at: at(1),
  history: [],
});

/**
 * A lead at `level` under the default scoring (page /pricing): SQL 75 hot, MQL 35 warm,
 * lead 15 cold, visitor 10 cold.
 */
function leadAt(level: Level, name: string | null, email: string, company: string | null): Lead {
  const lead: Record<string, ReturnType<typeof entry>> = {};
  if (name !== null) lead['contact.name'] = entry(name);
  if (company !== null) lead['company.name'] = entry(company);
  if (level === 'visitor') return lead as Lead;
  lead['contact.email'] = entry(email);
  if (level === 'lead') return lead as Lead;
  lead['need.summary'] = entry('replace our spreadsheets');
  lead['company.size'] = entry(120);
  if (level === 'MQL') return lead as Lead;
  lead['authority.level'] = entry('decision_maker');
  lead['intent.demo'] = entry(true);
  return lead as Lead;
}

/**
 * A conversation as the inbox sees it: `minutes` sets when it started and last changed (minutes
 * after the test base time), `wrote: false` makes one where the visitor never wrote.
 *
 * @example inboxConversation({ id: 'c1', level: 'SQL', name: 'Ana Lima', minutes: 5 })
 */
export function inboxConversation(o: {
  id: string;
  level?: Level;
  name?: string | null;
  company?: string | null;
  email?: string;
  minutes?: number;
  wrote?: boolean;
  wantsPerson?: boolean;
  booked?: boolean;
  assignedTo?: string | null;
  utmSource?: string;
  referrer?: string;
  overrides?: Partial<Conversation>;
}): Conversation {
  const t = at((o.minutes ?? 0) * 60);
  const email = o.email ?? `${o.id}@brightfield.example`;
  const wrote = o.wrote ?? true;
  return makeConversation({
    id: o.id,
    createdAt: t,
    updatedAt: t,
    lead: leadAt(o.level ?? 'lead', o.name ?? null, email, o.company ?? null),
    visitor: {
      timezone: 'Europe/Berlin',
      locale: 'en-US',
      page: 'https://shop.example/pricing',
      referrer: o.referrer ?? null,
      utm: o.utmSource === undefined ? null : { source: o.utmSource },
    },
    messages: [
      { id: 'a0', role: 'agent', text: 'Hi! What brings you here?', at: t },
      ...(wrote ? [{ id: 'v1', role: 'visitor' as const, text: 'Hello', at: t }] : []),
    ],
    handoffRequested: o.wantsPerson ?? false,
    meeting: o.booked
      ? {
          id: `meet-${o.id}`,
          start: at(86_400),
          end: at(88_200),
          repId: 'r1',
          status: 'booked',
          bookedAt: t,
        }
      : null,
    console: {
      assignedTo: o.assignedTo ?? null,
      review: null,
      notes: [],
      actions: [],
      takeover: null,
    },
    ...o.overrides,
  });
}
