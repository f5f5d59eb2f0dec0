import {
  ConversationSchema,
  type ChatMessage,
  type Conversation,
} from '../../src/conversation/conversation-schema.js';
import type { Lead } from '../../src/lead/lead-record.js';

const BASE_TIME = Date.parse('2030-03-04T10:00:00.000Z');

/** An ISO timestamp `seconds` after a fixed base time (tests never read the wall clock). */
export function at(seconds: number): string {
  return new Date(BASE_TIME + seconds * 1000).toISOString();
}

/** A transcript message; `n` makes its id, text and time distinct. */
export function makeMessage(n: number, text = `message number ${n}`): ChatMessage {
  return { id: `m${n}`, role: n % 2 === 0 ? 'agent' : 'visitor', text, at: at(n) };
}

/** A lead with a few fields, for documents that look like real ones. */
export function makeLead(): Lead {
  const entry = <V extends string | number>(value: V, evidence: string) => ({
    value,
    evidence,
    source: 'rules' as const,
    messageId: 'm1',
    at: at(1),
    history: [],
  });
  return {
    'company.name': entry('Brightfield Tooling', 'we are Brightfield Tooling'),
    'company.size': entry(120, 'about 120 people'),
    'contact.email': entry('dana@brightfield.example', 'dana@brightfield.example'),
  };
}

/**
 * Builds a valid Conversation through `ConversationSchema` (so defaults are applied the way the
 * store applies them), with `overrides` on top.
 */
export function makeConversation(overrides: Partial<Conversation> = {}): Conversation {
  const lead: Lead = overrides.lead ?? {};
  const parsed = ConversationSchema.parse({
    id: 'conv-1',
    createdAt: at(0),
    updatedAt: at(0),
    visitor: { timezone: 'Europe/Berlin', locale: 'de-DE', page: 'https://shop.example/pricing' },
    messages: [],
    ...overrides,
    lead,
  });
  // The schema's lead output is string-keyed; the input lead is already the typed record.
  return { ...parsed, lead };
}
