import { meetingLinks, meetingToken } from '../../../src/booking/meeting-links.js';
import { TEST_SECRET } from '../../helpers/test-deps.js';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../../src/app/sequential-ids.js';
import { freeSlots } from '../../../src/booking/availability.js';
import { parseConfig } from '../../../src/config/load-config.js';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import { transition as engineTransition } from '../../../src/conversation/engine.js';
import { newConversation } from '../../../src/conversation/new-conversation.js';
import { expectingOf, offeredSlots } from '../../../src/conversation/phase.js';
import type {
  EngineContext,
  EngineEvent,
  EngineOutput,
  VisitorMessage,
} from '../../../src/conversation/engine-types.js';
import { NO_SIGNALS, type Signals } from '../../../src/extract/extractor.js';
import { readMeeting } from '../../../src/extract/meeting/read-meeting.js';
import { candidate, type Candidate } from '../../../src/lead/field-paths.js';
import { VisitorSchema } from '../../../src/lead/visitor.js';
import { questionKey } from '../../../src/prompts/find-answer.js';

const NOW = new Date('2026-03-03T15:00:00.000Z'); // Tuesday, 10:00 in New York

function fresh(): Conversation {
  const visitor = VisitorSchema.parse({
    timezone: 'Europe/Berlin',
    locale: 'en-GB',
    page: 'https://beacon.example/pricing',
  });
  return newConversation({ id: 'c1', visitor, now: NOW });
}

function ctxFor(rawConfig: unknown = {}): EngineContext {
  const config = parseConfig(rawConfig);
  return {
    config,
    freeSlots: freeSlots(config.booking, NOW, []),
    newId: sequentialIds('e'),
    meetingLinks: (id) => meetingLinks(config.server.publicUrl ?? '', TEST_SECRET, id),
  };
}

/** A visitor message before its meeting signals are read (the shell reads them in the chat). */
type Said = Omit<VisitorMessage, 'meeting'> & { text: string };

let n = 0;
function said(
  values: Record<string, unknown>,
  signals: Partial<Signals> = {},
  text = 'text',
): Said {
  const candidates = Object.entries(values)
    .map(([p, v]) => candidate(p as Candidate['path'], v, text))
    .filter((c): c is Candidate => c !== null);
  return {
    type: 'visitor_message',
    messageId: `m${++n}`,
    text,
    source: 'rules',
    answer: null,
    questionKey: signals.question ? questionKey(signals.question) : null,
    extraction: { candidates, signals: { ...NO_SIGNALS, ...signals } },
  };
}

function reply(outputs: EngineOutput[]) {
  const r = outputs.find((o) => o.type === 'reply');
  if (!r || r.type !== 'reply') throw new Error('no reply');
  return { ...r, templates: r.parts.map((p) => p.template) };
}

/**
 * The engine's transition, with a visitor's words read first as the chat service reads them:
 * on the visitor's clock, against the times on offer.
 */
function transition(conv: Conversation, e: EngineEvent | Said, now: Date, ctx: EngineContext) {
  if (!('text' in e)) return engineTransition(conv, e, now, ctx);
  const { text, ...rest } = e;
  const { timezone, locale } = conv.visitor;
  const meeting = readMeeting(text, { now, timezone, locale, offered: offeredSlots(conv.phase) });
  return engineTransition(conv, { ...rest, meeting }, now, ctx);
}

/** Runs events in order from a fresh conversation; returns the last state and reply. */
function play(events: (EngineEvent | Said)[], ctx = ctxFor()) {
  let conv = transition(fresh(), { type: 'start' }, NOW, ctx).conversation;
  let outputs: EngineOutput[] = [];
  for (const e of events) ({ conversation: conv, outputs } = transition(conv, e, NOW, ctx));
  return { conv, outputs };
}

const SQL_VALUES = {
  'need.summary': 'our inbound leads go cold',
  'authority.level': 'decision_maker',
  'authority.role': 'COO',
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

describe('the conversation engine', () => {
  it('when the chat starts, then it greets and waits for the visitor', () => {
    const { conversation, outputs } = transition(fresh(), { type: 'start' }, NOW, ctxFor());
    expect(reply(outputs)).toMatchObject({
      templates: ['greeting'],
      expecting: null,
      final: false,
    });
    expect(expectingOf(conversation.phase)).toBeNull();
  });

  it('when the opening says nothing, then it asks the first slot of the configured order', () => {
    expect(reply(play([said({})]).outputs)).toMatchObject({
      templates: ['ask-need'],
      expecting: 'need',
    });
    const custom = ctxFor({
      slots: ['budget', 'need', 'authority', 'company', 'timeline', 'contact'],
    });
    expect(reply(play([said({})], custom).outputs).expecting).toBe('budget');
  });

  it('when a rich opening fills several slots, then those are never asked', () => {
    const { conv, outputs } = play([
      said({
        'need.summary': 'x',
        'authority.level': 'decision_maker',
        'company.name': 'Acme',
        'company.size': 200,
        'budget.amount': 40000,
      }),
    ]);
    expect(reply(outputs)).toMatchObject({
      templates: ['ack', 'ask-timeline'],
      expecting: 'timeline',
    });
    expect(conv.asks).toEqual({ timeline: 1 });
  });

  it('when the company name is known but not its size, then it asks only for the size', () => {
    const { outputs } = play([
      said({ 'need.summary': 'x', 'authority.level': 'influencer', 'company.name': 'Acme' }),
    ]);
    const r = reply(outputs);
    expect(r.expecting).toBe('company');
    expect(r.parts.at(-1)).toEqual({
      template: 'ask-company',
      vars: { retry: false, missingName: false, missingSize: true, companyName: 'Acme' },
    });
  });

  it('when the visitor declines a slot, then it moves on and never asks it again', () => {
    const { conv, outputs } = play([said({}), said({}, { declined: true })]);
    expect(reply(outputs)).toMatchObject({
      templates: ['ack', 'ask-authority'],
      expecting: 'authority',
    });
    expect(conv.declined).toEqual(['need']);
  });

  it('when an answer gives nothing, then the slot is asked a second time and then left', () => {
    const second = play([said({}), said({})]);
    expect(reply(second.outputs).parts.at(-1)).toEqual({
      template: 'ask-need',
      vars: { retry: true },
    });
    const third = play([said({}), said({}), said({})]);
    expect(reply(third.outputs).expecting).toBe('authority');
  });

  it('when the visitor asks their own question, then it answers and returns to the next slot', () => {
    const ev = said({}, { question: 'Do you integrate with HubSpot?' });
    if (ev.type === 'visitor_message') ev.answer = 'Yes, natively.';
    const r = reply(play([ev]).outputs);
    expect(r.parts[0]).toEqual({
      template: 'answer-question',
      vars: { question: 'Do you integrate with HubSpot?', answer: 'Yes, natively.' },
    });
    expect(r.expecting).toBe('need');
  });

  it("when the knowledge file cannot answer a question, then lead.question_unanswered carries it once, in the visitor's words", () => {
    const ask = (q: string, answer: string | null = null): Said => ({
      ...said({}, { question: q }, q),
      answer,
    });
    const { conv } = play([
      ask('Do you support SSO with Okta?'),
      ask('do you support sso with okta??'),
      ask('Do you integrate with HubSpot?', 'Yes, natively.'),
      ask('Is there an on-premise version?'),
    ]);
    const raised = conv.outbox.filter((e) => e.type === 'lead.question_unanswered');
    const meetingAsk = play([ask('Could we meet on Thursday at 10am?')]).conv.outbox;
    expect(meetingAsk.map((e) => e.type)).not.toContain('lead.question_unanswered');
    expect(raised.map((e) => e.question?.text)).toEqual([
      'Do you support SSO with Okta?',
      'Is there an on-premise version?',
    ]);
    expect(raised[0]?.question).toMatchObject({
      at: NOW.toISOString(),
      messageId: expect.stringMatching(/^m\d+$/),
    });
  });

  it('when the visitor asks for a human, then a handoff is queued once and their contact is asked', () => {
    const { conv, outputs } = play([
      said({}, { wantsHuman: true }),
      said({}, { wantsHuman: true }),
    ]);
    expect(conv.outbox.map((e) => e.type)).toEqual(['lead.handoff_requested']);
    expect(conv.handoffRequested).toBe(true);
    expect(reply(play([said({}, { wantsHuman: true })]).outputs)).toMatchObject({
      templates: ['handoff-human', 'ask-contact'],
      expecting: 'contact',
    });
    expect(reply(outputs).expecting).toBe('contact');
  });

  it('when the lead becomes sales-qualified, then lead.qualified is queued once and meeting slots are offered in the visitor time zone', () => {
    const { conv, outputs } = play([said(SQL_VALUES), said({ 'company.size': 150 })]);
    expect(conv.outbox.filter((e) => e.type === 'lead.qualified')).toHaveLength(1);
    const r = reply(outputs);
    expect(r.expecting).toBe('booking');
    expect(r.quickReplies).toHaveLength(3);
    // 30-minute slots from 09:00 New York = 15:00 Berlin; notice of 4 h from 10:00 NY → 14:00 NY = 20:00 Berlin
    expect(r.quickReplies?.[0]?.label).toMatch(/Tue 3 Mar, 20:00 CET|Tue, 3 Mar, 20:00 CET/);
    expect(offeredSlots(conv.phase)[0]).toBe('2026-03-03T19:00:00.000Z');
  });

  it('when the visitor picks an offered slot, then the engine asks the shell to book it and confirms when booked', () => {
    const ctx = ctxFor();
    const offered = play([said(SQL_VALUES)], ctx);
    const label = reply(offered.outputs).quickReplies?.[0]?.value ?? '';
    const picked = transition(offered.conv, said({}, {}, label), NOW, ctx);
    expect(picked.outputs).toEqual([
      {
        type: 'book',
        start: '2026-03-03T19:00:00.000Z',
        end: '2026-03-03T19:30:00.000Z',
        repIds: ['rep-1'],
      },
    ]);
    const done = transition(
      picked.conversation,
      {
        type: 'booking_confirmed',
        start: '2026-03-03T19:00:00.000Z',
        end: '2026-03-03T19:30:00.000Z',
        repId: 'rep-1',
        meetingId: 'mt1',
      },
      NOW,
      ctx,
    );
    expect(reply(done.outputs)).toMatchObject({ templates: ['booked'], final: true });
    expect(done.conversation.meeting).toMatchObject({ id: 'mt1', status: 'booked' });
    expect(done.conversation.outbox.map((e) => e.type)).toEqual([
      'lead.qualified',
      'meeting.booked',
    ]);
  });

  function booked(ctx: EngineContext) {
    const offered = play([said(SQL_VALUES)], ctx);
    const start = offeredSlots(offered.conv.phase)[0] ?? '';
    const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
    return transition(
      offered.conv,
      { type: 'booking_confirmed', start, end, repId: 'rep-1', meetingId: 'mt1' },
      NOW,
      ctx,
    ).conversation;
  }

  it('when a booked visitor asks to move the meeting to a day, then that day is offered and the pick moves it', () => {
    const ctx = ctxFor();
    const moving = transition(booked(ctx), said({}, {}, 'Can we move it to Thursday?'), NOW, ctx);
    const r = reply(moving.outputs);
    expect(r.expecting).toBe('booking');
    expect(r.quickReplies?.every((q) => q.label.startsWith('Thu'))).toBe(true);
    const pick = transition(
      moving.conversation,
      said({}, {}, r.quickReplies?.[0]?.value ?? ''),
      NOW,
      ctx,
    );
    expect(pick.outputs[0]).toMatchObject({
      type: 'reschedule',
      meetingId: 'mt1',
      start: offeredSlots(moving.conversation.phase)[0],
    });
    const done = transition(
      pick.conversation,
      {
        type: 'meeting_rescheduled',
        start: '2026-03-05T15:00:00.000Z',
        end: '2026-03-05T15:30:00.000Z',
        repId: 'rep-1',
      },
      NOW,
      ctx,
    );
    expect(reply(done.outputs)).toMatchObject({ templates: ['rescheduled'], final: true });
    expect(done.conversation.meeting).toMatchObject({
      start: '2026-03-05T15:00:00.000Z',
      status: 'booked',
    });
    expect(done.conversation.outbox.map((e) => e.type)).toEqual([
      'lead.qualified',
      'meeting.booked',
      'meeting.rescheduled',
    ]);
  });

  it('when a booked visitor asks to cancel, then the chat asks for a yes first, and the yes cancels it and records the event', () => {
    const ctx = ctxFor();
    const asked = transition(
      booked(ctx),
      said({}, {}, 'Sorry, please cancel my meeting'),
      NOW,
      ctx,
    );
    expect(asked.outputs).toHaveLength(1);
    expect(reply(asked.outputs)).toMatchObject({ templates: ['confirm-cancel'], final: false });
    expect(reply(asked.outputs).parts[0]?.vars).toMatchObject({
      when: expect.stringMatching(/^Tue 3 Mar, 20:00|^Tue, 3 Mar, 20:00/),
    });
    const yes = transition(asked.conversation, said({}, {}, 'Yes, cancel my meeting'), NOW, ctx);
    expect(yes.outputs).toEqual([{ type: 'cancel', meetingId: 'mt1' }]);
    const done = transition(yes.conversation, { type: 'meeting_canceled' }, NOW, ctx);
    expect(reply(done.outputs)).toMatchObject({ templates: ['meeting-canceled'], final: false });
    expect(done.conversation).toMatchObject({
      phase: { kind: 'qualifying', asked: null },
      meeting: { status: 'canceled' },
    });
    expect(done.conversation.outbox.at(-1)?.type).toBe('meeting.canceled');
  });

  it('when a booked visitor asked to cancel says no, then nothing is canceled and the meeting stays', () => {
    const ctx = ctxFor();
    const asked = transition(booked(ctx), said({}, {}, 'cancel my meeting'), NOW, ctx);
    const no = transition(asked.conversation, said({}, {}, 'No, keep my meeting'), NOW, ctx);
    expect(no.outputs.some((o) => o.type === 'cancel')).toBe(false);
    expect(reply(no.outputs).templates).toEqual(['meeting-unchanged']);
    expect(no.conversation.meeting?.status).toBe('booked');
    expect(no.conversation.phase.kind).toBe('ended');
  });

  it.each<[string, string[], 'booking' | null]>([
    ["I can't make it then, can we move it to Friday?", ['ask-booking'], 'booking'],
    ['Could you drop me the link for the call again?', ['meeting-links'], null],
    ['Do you integrate with HubSpot?', ['answer-question'], null],
  ])(
    'when a booked visitor writes "%s", then nothing is canceled: the reply is %j',
    (text, templates, expecting) => {
      const ctx = ctxFor();
      const ev = said({}, text.endsWith('HubSpot?') ? { question: text } : {}, text);
      const t = transition(booked(ctx), ev, NOW, ctx);
      expect(t.outputs.some((o) => o.type === 'cancel')).toBe(false);
      expect(reply(t.outputs)).toMatchObject({ templates, expecting });
      expect(t.conversation.meeting?.status).toBe('booked');
    },
  );

  it('when the visitor asks for the link again, then the invite and page links are sent', () => {
    const ctx = ctxFor({ server: { publicUrl: 'https://chat.beacon.example' } });
    const t = transition(
      booked(ctx),
      said({}, {}, 'Could you drop me the link for the call again?'),
      NOW,
      ctx,
    );
    expect(reply(t.outputs).parts[0]?.vars).toMatchObject({
      icsUrl: `https://chat.beacon.example/bookings/mt1.ics?t=${meetingToken(TEST_SECRET, 'manage', 'mt1')}`,
      manageUrl: `https://chat.beacon.example/bookings/mt1?t=${meetingToken(TEST_SECRET, 'manage', 'mt1')}`,
    });
  });

  it('when a move offer is open and the visitor asks to cancel, then the chat asks to confirm the cancel', () => {
    const ctx = ctxFor();
    const moving = transition(booked(ctx), said({}, {}, 'Can we move it to Thursday?'), NOW, ctx);
    expect(reply(moving.outputs).expecting).toBe('booking');
    const t = transition(
      moving.conversation,
      said({}, {}, 'actually, just cancel my meeting'),
      NOW,
      ctx,
    );
    expect(reply(t.outputs).templates).toEqual(['confirm-cancel']);
    expect(t.conversation.phase).toEqual({ kind: 'confirmingCancel' });
    expect(transition(t.conversation, said({}, {}, 'yes'), NOW, ctx).outputs).toEqual([
      { type: 'cancel', meetingId: 'mt1' },
    ]);
  });

  it.each(['cancel my meeting', 'Can we move it to Thursday?'])(
    'when the meeting has already started and the visitor writes "%s", then the chat refuses with a clear message',
    (text) => {
      const ctx = ctxFor();
      const later = new Date('2026-03-03T19:10:00.000Z'); // ten minutes into the 19:00 meeting
      const t = transition(booked(ctx), said({}, {}, text), later, ctx);
      expect(t.outputs.some((o) => o.type === 'cancel' || o.type === 'reschedule')).toBe(false);
      expect(reply(t.outputs)).toMatchObject({ templates: ['meeting-started'], expecting: null });
      expect(reply(t.outputs).parts[0]?.vars).toMatchObject({ over: false });
    },
  );

  it('when the meeting started while a move offer was open, then a pick does not move it', () => {
    const ctx = ctxFor();
    const moving = transition(booked(ctx), said({}, {}, 'Can we move it to Thursday?'), NOW, ctx);
    const pick = reply(moving.outputs).quickReplies?.[0]?.value ?? '';
    const t = transition(
      moving.conversation,
      said({}, {}, pick),
      new Date('2026-03-03T19:40:00.000Z'),
      ctx,
    );
    expect(t.outputs.some((o) => o.type === 'reschedule')).toBe(false);
    expect(reply(t.outputs).parts[0]?.vars).toMatchObject({ over: true });
  });

  it('when the visitor keeps the meeting instead of moving it, then a later question gets its answer and no nurture close', () => {
    const ctx = ctxFor();
    const moving = transition(booked(ctx), said({}, {}, 'Can we move it to Thursday?'), NOW, ctx);
    const kept = transition(moving.conversation, said({}, {}, 'keep it'), NOW, ctx);
    expect(reply(kept.outputs).templates).toEqual(['meeting-unchanged']);
    const ev = said(
      {},
      { question: 'Do you integrate with HubSpot?' },
      'Do you integrate with HubSpot?',
    );
    if (ev.type === 'visitor_message') ev.answer = 'Yes, natively.';
    const later = transition(kept.conversation, ev, NOW, ctx);
    expect(reply(later.outputs).templates).toEqual(['answer-question']);
    expect(later.conversation.meeting?.status).toBe('booked');
  });

  it('when a qualified visitor hesitates, then the offer stays open, says so, and a later typed choice still books', () => {
    const ctx = ctxFor();
    const offered = play([said(SQL_VALUES)], ctx);
    // The rules flag "not sure" as declined; for a meeting offer it is a hesitation, not a no.
    const wait = transition(
      offered.conv,
      said({}, { declined: true }, "I'm not sure yet, let me check my calendar"),
      NOW,
      ctx,
    );
    expect(reply(wait.outputs)).toMatchObject({
      templates: ['booking-later'],
      expecting: 'booking',
      final: false,
    });
    expect(reply(wait.outputs).quickReplies).toHaveLength(3);
    expect(wait.conversation).toMatchObject({
      phase: { kind: 'offering', purpose: 'book', slots: offeredSlots(offered.conv.phase) },
      declined: [],
    });
    const later = transition(wait.conversation, said({}, {}, 'Thursday at 4pm works'), NOW, ctx);
    expect(later.outputs).toEqual([
      {
        type: 'book',
        start: '2026-03-05T15:00:00.000Z',
        end: '2026-03-05T15:30:00.000Z',
        repIds: ['rep-1'],
      },
    ]);
  });

  it('when the answers to a meeting offer are not understood, then the chat says so and offers the times again, without closing', () => {
    const ctx = ctxFor();
    let { conv } = play([said(SQL_VALUES)], ctx);
    for (let i = 0; i < 4; i++) {
      const t = transition(conv, said({}, {}, 'blue'), NOW, ctx);
      expect(reply(t.outputs)).toMatchObject({
        templates: ['booking-unclear', 'ask-booking'],
        expecting: 'booking',
        final: false,
      });
      conv = t.conversation;
    }
    expect(conv.phase.kind).toBe('offering');
  });

  it('when a qualified visitor declines the meeting and later asks to book one, then the time named is booked', () => {
    const ctx = ctxFor();
    const offered = play([said(SQL_VALUES)], ctx);
    const no = transition(offered.conv, said({}, {}, 'no thanks'), NOW, ctx);
    expect(reply(no.outputs)).toMatchObject({ templates: ['close-nurture'], final: true });
    expect(no.conversation.phase.kind).toBe('ended');
    const again = transition(
      no.conversation,
      said({}, {}, 'Actually, can we book a call on Thursday at 4pm?'),
      NOW,
      ctx,
    );
    expect(again.outputs).toEqual([
      {
        type: 'book',
        start: '2026-03-05T15:00:00.000Z',
        end: '2026-03-05T15:30:00.000Z',
        repIds: ['rep-1'],
      },
    ]);
    const done = transition(
      again.conversation,
      {
        type: 'booking_confirmed',
        start: '2026-03-05T15:00:00.000Z',
        end: '2026-03-05T15:30:00.000Z',
        repId: 'rep-1',
        meetingId: 'mt2',
      },
      NOW,
      ctx,
    );
    expect(done.conversation).toMatchObject({
      meeting: { id: 'mt2', status: 'booked' },
      declined: [],
    });
  });

  it('when a visitor asks for a date past the horizon, then the reply says bookings open only 14 days ahead and offers the nearest', () => {
    const ctx = ctxFor();
    const offered = play([said(SQL_VALUES)], ctx);
    const t = transition(offered.conv, said({}, {}, 'How about April 20 at 4pm?'), NOW, ctx);
    const r = reply(t.outputs);
    expect(r.parts[0]).toMatchObject({
      template: 'slot-unavailable',
      vars: { beyondHorizon: true, horizonDays: 14 },
    });
    expect(r.expecting).toBe('booking');
    expect(
      offeredSlots(t.conversation.phase).every(
        (s) => Date.parse(s) <= Date.parse('2026-03-17T15:00:00Z'),
      ),
    ).toBe(true);
  });

  it('when the chosen slot was taken meanwhile, then other slots are offered', () => {
    const ctx = ctxFor();
    const offered = play([said(SQL_VALUES)], ctx);
    const failed = transition(offered.conv, { type: 'booking_failed' }, NOW, ctx);
    expect(reply(failed.outputs)).toMatchObject({
      templates: ['slot-unavailable', 'ask-booking'],
      expecting: 'booking',
    });
  });

  it('when a lead is marketing-qualified, then it is offered the resource and asked whether the team may follow up', () => {
    const mql = { ...SQL_VALUES, 'budget.status': 'none', 'budget.amount': undefined };
    const asked = play([said(mql)]);
    expect(reply(asked.outputs)).toMatchObject({
      templates: ['ack', 'ask-consent'],
      final: false,
      expecting: null,
    });
    expect(asked.conv.outbox).toEqual([]);
    const yes = play([said(mql), said({}, {}, 'Yes, please follow up')]);
    expect(reply(yes.outputs)).toMatchObject({ templates: ['consent-reply'], final: true });
    expect(yes.conv.lead['consent.contact']?.value).toBe(true);
    const no = play([said(mql), said({}, {}, 'no thanks')]);
    expect(no.conv.lead['consent.contact']?.value).toBe(false);
    expect(no.conv.phase.kind).toBe('ended');
  });

  it('when a lead is neither qualified nor a researcher, then the chat closes with the resource', () => {
    const { conv, outputs } = play(
      [said({ 'contact.email': 'a@acme.example', 'contact.name': 'A B' })],
      ctxFor({ slots: ['contact'] }),
    );
    expect(reply(outputs)).toMatchObject({
      templates: ['ack', 'close-nurture'],
      final: true,
      expecting: null,
    });
    expect(conv.phase.kind).toBe('ended');
  });

  it('when a researcher finishes, then the close is the researcher one', () => {
    const ctx = ctxFor({ slots: ['authority'] });
    expect(
      reply(play([said({ 'authority.level': 'researcher' })], ctx).outputs).templates,
    ).toContain('close-researcher');
  });

  it('when the visitor writes after the close, then the reply is final and the lead still updates', () => {
    const ctx = ctxFor({ slots: ['authority'] });
    const { conv, outputs } = play(
      [said({ 'authority.level': 'researcher' }), said({ 'contact.email': 'x@acme.example' })],
      ctx,
    );
    expect(reply(outputs)).toMatchObject({ templates: ['ack'], final: true });
    expect(conv.lead['contact.email']?.value).toBe('x@acme.example');
  });

  describe('a correction after the end that makes the lead sales-qualified', () => {
    const mql = { ...SQL_VALUES, 'budget.status': 'none', 'budget.amount': undefined };
    const budget = { 'budget.amount': 80000, 'budget.status': 'stated' };
    const types = (conv: Conversation) => conv.outbox.map((e) => e.type);

    it('when the chat ended after the follow-up question, then lead.qualified is queued and meeting times are offered', () => {
      const { conv, outputs } = play([said(mql), said({}, {}, 'no thanks'), said(budget)]);
      expect(types(conv)).toEqual(['lead.qualified']);
      expect(conv.qualifiedAt).not.toBeNull();
      expect(reply(outputs)).toMatchObject({ templates: ['ack', 'ask-booking'], final: false });
      expect(conv.phase.kind).toBe('offering');
    });

    it('when the correction answers the follow-up question instead, then it is read the same way', () => {
      const { conv, outputs } = play([said(mql), said(budget)]);
      expect(types(conv)).toEqual(['lead.qualified']);
      expect(reply(outputs).expecting).toBe('booking');
    });

    it('when no meeting time is free, then lead.qualified is still queued and the chat stays over', () => {
      const ctx = { ...ctxFor(), freeSlots: [] };
      const { conv, outputs } = play([said(mql), said({}, {}, 'no thanks'), said(budget)], ctx);
      expect(types(conv)).toEqual(['lead.qualified']);
      expect(reply(outputs)).toMatchObject({ templates: ['ack'], final: true });
    });
  });

  it('when a value is corrected, then the new value wins and the old one is kept in history', () => {
    const { conv } = play([said({ 'budget.amount': 800 }), said({ 'budget.amount': 2000 })]);
    expect(conv.lead['budget.amount']).toMatchObject({ value: 2000, history: [{ value: 800 }] });
  });
});

describe('lead.updated, for a lead a rep follows up', () => {
  const types = (conv: Conversation) => conv.outbox.map((e) => e.type);

  it.each<[string, (EngineEvent | Said)[], string[]]>([
    [
      'a qualified lead corrects a field',
      [said(SQL_VALUES), said({ 'budget.amount': 50000 })],
      ['lead.qualified', 'lead.updated'],
    ],
    [
      'a qualified lead repeats a value it gave',
      [said(SQL_VALUES), said({ 'budget.amount': 30000 })],
      ['lead.qualified'],
    ],
    [
      'the message that qualifies the lead also changes its record',
      [said({ 'need.summary': 'x' }), said(SQL_VALUES)],
      ['lead.qualified'],
    ],
    [
      'a visitor who asked for a person then gives an email',
      [said({}, { wantsHuman: true }), said({ 'contact.email': 'kim@northwind.example' })],
      ['lead.handoff_requested', 'lead.updated'],
    ],
    [
      'the message that asks for a person also gives the email',
      [said({ 'contact.email': 'kim@northwind.example' }, { wantsHuman: true })],
      ['lead.handoff_requested'],
    ],
    [
      'a lead nobody follows up changes',
      [said({}), said({ 'need.summary': 'fewer lost leads' })],
      [],
    ],
  ])('when %s, then the outbox holds %j', (_, events, expected) => {
    expect(types(play(events).conv)).toEqual(expected);
  });
});
