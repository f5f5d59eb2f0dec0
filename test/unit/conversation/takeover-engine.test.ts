import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../../src/app/sequential-ids.js';
import { freeSlots } from '../../../src/booking/availability.js';
import { meetingLinks } from '../../../src/booking/meeting-links.js';
import { parseConfig } from '../../../src/config/load-config.js';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import { transition } from '../../../src/conversation/engine.js';
import type {
  EngineContext,
  EngineOutput,
  VisitorMessage,
} from '../../../src/conversation/engine-types.js';
import { newConversation } from '../../../src/conversation/new-conversation.js';
import { NO_SIGNALS, type Signals } from '../../../src/extract/extractor.js';
import { NO_MEETING_SIGNALS } from '../../../src/extract/meeting/read-meeting.js';
import { candidate, type Candidate } from '../../../src/lead/field-paths.js';
import { VisitorSchema } from '../../../src/lead/visitor.js';
import { TEST_SECRET } from '../../helpers/test-deps.js';

const NOW = new Date('2026-03-03T15:00:00.000Z');
const ANA = { by: 'ana@beacon.example', name: 'Ana Lima', since: NOW.toISOString() };

function ctxFor(repsOnline = false): EngineContext {
  const config = parseConfig({});
  return {
    config,
    freeSlots: freeSlots(config.booking, NOW, []),
    newId: sequentialIds('e'),
    meetingLinks: (id) => meetingLinks('', TEST_SECRET, id),
    repsOnline,
  };
}

let n = 0;
function said(values: Record<string, unknown>, signals: Partial<Signals> = {}): VisitorMessage {
  const candidates = Object.entries(values)
    .map(([p, v]) => candidate(p as Candidate['path'], v, 'text'))
    .filter((c): c is Candidate => c !== null);
  return {
    type: 'visitor_message',
    messageId: `m${++n}`,
    source: 'rules',
    answer: null,
    questionKey: null,
    meeting: NO_MEETING_SIGNALS,
    extraction: { candidates, signals: { ...NO_SIGNALS, ...signals } },
  };
}

const templatesOf = (outputs: EngineOutput[]) =>
  outputs.flatMap((o) => (o.type === 'reply' ? o.parts.map((p) => p.template) : []));
const replyOf = (outputs: EngineOutput[]) => outputs.find((o) => o.type === 'reply');

/** A chat that greeted and asked for the need (the phase waits for it). */
function asked(ctx = ctxFor()): Conversation {
  const visitor = VisitorSchema.parse({ timezone: 'America/New_York', locale: 'en-US' });
  const conv = transition(
    newConversation({ id: 'c1', visitor, now: NOW }),
    { type: 'start' },
    NOW,
    ctx,
  );
  return transition(conv.conversation, said({}), NOW, ctx).conversation;
}
const takenOver = (conv: Conversation): Conversation => ({
  ...conv,
  console: { ...conv.console, takeover: ANA },
});

const SQL = {
  'need.summary': 'our inbound leads go cold',
  'authority.level': 'decision_maker',
  'company.name': 'Acme',
  'company.size': 120,
  'budget.amount': 30000,
  'budget.currency': 'USD',
  'budget.period': 'yearly',
  'budget.status': 'stated',
  'timeline.bucket': 'quarter',
  'contact.name': 'Dana Lee',
  'contact.email': 'dana@acme.example',
};

describe('the engine while a rep has the chat', () => {
  it('when the visitor answers the rep, then the record and the outbox change, the bot says nothing and the phase stays', () => {
    const before = takenOver(asked());
    const { conversation, outputs } = transition(before, said(SQL), NOW, ctxFor());
    expect(outputs).toEqual([]);
    expect(conversation.phase).toEqual(before.phase);
    expect(conversation.asks).toEqual(before.asks);
    expect(conversation.lead['company.name']?.value).toBe('Acme');
    expect(conversation.outbox.map((e) => e.type)).toEqual(['lead.qualified']);
  });

  it('when the rep hands back, then the bot asks the next open slot', () => {
    const ctx = ctxFor();
    const talked = transition(
      takenOver(asked()),
      said({ 'need.summary': 'leads go cold' }),
      NOW,
      ctx,
    );
    const back = {
      ...talked.conversation,
      console: { ...talked.conversation.console, takeover: null },
    };
    const { outputs } = transition(back, { type: 'handed_back' }, NOW, ctx);
    expect(replyOf(outputs)).toMatchObject({ expecting: 'authority' });
  });

  it('when a chat that is over is handed back, then the bot says nothing', () => {
    const over: Conversation = { ...asked(), phase: { kind: 'ended' } };
    expect(transition(over, { type: 'handed_back' }, NOW, ctxFor()).outputs).toEqual([]);
  });
});

describe('the engine answering a request for a person', () => {
  it.each([
    [true, ['handoff-coming', 'ask-contact'], true],
    [false, ['handoff-human', 'ask-contact'], false],
  ])(
    'when a rep is online: %s, then it says %o and waits for a join: %s',
    (online, templates, waits) => {
      const ctx = ctxFor(online);
      const { conversation, outputs } = transition(
        asked(ctx),
        said({}, { wantsHuman: true }),
        NOW,
        ctx,
      );
      expect(templatesOf(outputs)).toEqual(templates);
      expect(outputs.some((o) => o.type === 'await_rep')).toBe(waits);
      expect(conversation.outbox.map((e) => e.type)).toEqual(['lead.handoff_requested']);
    },
  );

  it('when the visitor asks again, then nothing new is queued and no wait starts', () => {
    const ctx = ctxFor(true);
    const first = transition(asked(ctx), said({}, { wantsHuman: true }), NOW, ctx).conversation;
    const again = transition(first, said({}, { wantsHuman: true }), NOW, ctx);
    expect(again.outputs.some((o) => o.type === 'await_rep')).toBe(false);
    expect(again.conversation.outbox).toHaveLength(1);
    expect(again.conversation.lead['need.summary']).toBeUndefined();
  });

  it('when nobody joined in time, then the bot says nobody is free and asks for an email to reply to', () => {
    const ctx = ctxFor(true);
    const waiting = transition(asked(ctx), said({}, { wantsHuman: true }), NOW, ctx).conversation;
    const { outputs } = transition(waiting, { type: 'nobody_joined' }, NOW, ctx);
    expect(templatesOf(outputs)).toEqual(['handoff-human', 'ask-contact']);
    const part = replyOf(outputs);
    expect(part?.type === 'reply' && part.parts[0]?.vars).toMatchObject({
      hasEmail: false,
      canBook: false,
    });
  });

  it('when nobody joined and the lead may book, then the answer says so and the times are offered', () => {
    const ctx = ctxFor(true);
    const sql = transition(asked(ctx), said(SQL, { wantsHuman: true }), NOW, ctx).conversation;
    const { outputs } = transition(sql, { type: 'nobody_joined' }, NOW, ctx);
    const part = replyOf(outputs);
    expect(part?.type === 'reply' && part.parts[0]?.vars).toMatchObject({ canBook: true });
    expect(part).toMatchObject({ expecting: 'booking' });
  });

  it('when a rep joined before the timeout, then the timeout says nothing', () => {
    const ctx = ctxFor(true);
    const waiting = transition(asked(ctx), said({}, { wantsHuman: true }), NOW, ctx).conversation;
    expect(transition(takenOver(waiting), { type: 'nobody_joined' }, NOW, ctx).outputs).toEqual([]);
  });
});
