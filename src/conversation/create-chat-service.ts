import { attendeeName } from '../booking/attendee-name.js';
import { freeSlots, type FreeSlot } from '../booking/availability.js';
import type { Calendar, MeetingRequest } from '../booking/calendar.js';
import type { Config } from '../config/config-schema.js';
import { AppError } from '../errors/app-error.js';
import type { Extractor, Extraction } from '../extract/extractor.js';
import {
  NO_MEETING_SIGNALS,
  readMeeting,
  type MeetingSignals,
} from '../extract/meeting/read-meeting.js';
import { getField } from '../lead/lead-record.js';
import type { Visitor } from '../lead/visitor.js';
import { phraseReplies } from '../llm/phrase-replies.js';
import type { Phraser } from '../llm/phraser.js';
import { createKeyedQueue } from '../store/keyed-queue.js';
import type { Store } from '../store/store.js';
import type { AgentEvent, ChatService, ReceiveResult } from './chat-service.js';
import type { ChatMessage, Conversation } from './conversation-schema.js';
import { transition } from './engine.js';
import type { EngineEvent, Transition } from './engine-types.js';
import { newConversation } from './new-conversation.js';
import { expectingOf, offeredSlots } from './phase.js';
import { renderParts, type Renderer } from './reply-renderer.js';

export type ChatServiceDeps = {
  config: Config;
  store: Store;
  extractor: Extractor;
  /** Used for a turn when `extractor` fails (LLM mode); rules mode passes the same extractor. */
  fallback: Extractor;
  renderer: Renderer;
  /** The knowledge-file answer to a visitor's question, or null. */
  answer: (question: string) => string | null;
  calendar: Calendar;
  /** LLM mode: rephrases and streams the template wording; null in rules mode. */
  phraser?: Phraser | null;
  clock: () => Date;
  newId: () => string;
  onError?: (error: unknown, where: string) => void;
};

/** What the calendar keeps about the visitor for the invite and the booking page. */
function meetingRequest(conv: Conversation, id: string): MeetingRequest {
  const name = getField(conv.lead, 'contact.name');
  const email = getField(conv.lead, 'contact.email');
  // A visitor who kept their name to themselves is still booked: the invite names them by their email.
  return {
    id,
    conversationId: conv.id,
    attendee: email ? { name: attendeeName(name, email), email } : undefined,
    timezone: conv.visitor.timezone,
    locale: conv.visitor.locale,
  };
}

const REPLY_FAILED = 'Sorry, something went wrong on our side. Could you say that again?';

/** The recent turns an extractor may read. */
const RECENT_TURNS = 6;

/**
 * The shell around the pure engine: loads and saves conversations, runs the extractor, looks up
 * free meeting slots and the knowledge file, renders replies and emits them. One conversation's
 * messages are handled one at a time (a per-session queue), so saves never interleave.
 */
export function createChatService(
  deps: ChatServiceDeps,
): ChatService & { conversation(id: string): Promise<Conversation | null> } {
  const { config, store } = deps;
  const queue = createKeyedQueue();
  const serialize = <T>(id: string, task: () => Promise<T>): Promise<T> => queue.run(id, task);
  // Rules mode passes the rules extractor as its own fallback and has no phraser.
  const oneWritePerTurn = deps.extractor === deps.fallback && !deps.phraser;

  /**
   * Free meeting slots, looked up only when this turn may offer or move a meeting: a lead
   * becomes sales-qualified only once it has an email, so earlier turns skip the calendar.
   */
  async function slotsFor(
    conv: Conversation,
    now: Date,
    said: { text: string; meeting: MeetingSignals } | null,
  ) {
    const text = said?.text ?? null;
    const mayNeed =
      conv.meeting !== null ||
      conv.phase.kind === 'offering' ||
      getField(conv.lead, 'contact.email') !== undefined ||
      (text !== null && text.includes('@'));
    if (!mayNeed) return [];
    const horizon = new Date(now.getTime() + (config.booking.horizonDays + 1) * 86_400_000);
    const busy = await deps.calendar.busy(now.toISOString(), horizon.toISOString(), {
      exceptHoldId: conv.id,
    });
    // Times offered to a visitor stay bookable while they are held for them, even if the
    // minimum notice runs out meanwhile: the notice counts from when the hold began at most.
    const noticeFrom =
      offeredSlots(conv.phase).length > 0
        ? new Date(now.getTime() - config.booking.holdMinutes * 60_000)
        : now;
    // Reading a typed choice or moving a meeting needs the whole horizon; a first offer needs
    // only the next few (computing 14 days of slots costs milliseconds on every such turn).
    const choosing =
      conv.phase.kind === 'offering' ||
      conv.meeting !== null ||
      (said !== null && (conv.asks.booking ?? 0) > 0 && said.meeting.asksForMeeting);
    const limit = choosing ? 500 : config.booking.offer;
    return freeSlots(config.booking, noticeFrom, busy, limit + 1)
      .filter((s) => Date.parse(s.start) > now.getTime())
      .slice(0, limit);
  }

  /** Runs one engine event, then any calendar change it asks for, and renders the replies as messages. */
  async function run(
    conv: Conversation,
    event: EngineEvent,
    now: Date,
    text: string | null = null,
  ): Promise<{ conversation: Conversation; replies: ChatMessage[] }> {
    const said =
      event.type === 'visitor_message' && text !== null ? { text, meeting: event.meeting } : null;
    let ctx = { config, freeSlots: await slotsFor(conv, now, said), newId: deps.newId };
    let t: Transition = transition(conv, event, now, ctx);
    const replies: ChatMessage[] = [];
    for (let guard = 0; guard < 4; guard++) {
      collect(t, replies, now);
      const follow = await applyCalendarEffect(t);
      if (!follow) break;
      ctx = { ...ctx, freeSlots: await slotsFor(t.conversation, now, null) };
      t = transition(t.conversation, follow, now, ctx);
    }
    const conversation = { ...t.conversation, messages: [...t.conversation.messages, ...replies] };
    await holdOffered(conv, conversation, ctx.freeSlots, now);
    return { conversation, replies };

    function collect(tr: Transition, into: ChatMessage[], at: Date): void {
      for (const o of tr.outputs) {
        if (o.type !== 'reply') continue;
        const firstName = getField(tr.conversation.lead, 'contact.name')?.split(/\s+/)[0] ?? null;
        const r = renderParts(deps.renderer, o.parts, {
          company: config.company.name,
          agentName: config.company.agentName,
          firstName,
        });
        into.push({
          id: deps.newId(),
          role: 'agent',
          text: r.text,
          at: at.toISOString(),
          expecting: o.expecting,
          quickReplies: o.quickReplies ?? r.quickReplies,
          final: o.final,
        });
      }
    }
  }

  /** Runs the book / reschedule / cancel effect of a transition; returns the engine's follow-up event. */
  async function applyCalendarEffect(t: Transition): Promise<EngineEvent | null> {
    for (const o of t.outputs) {
      if (o.type === 'book') {
        const meetingId = deps.newId();
        const entry = await deps.calendar.claim(
          { start: o.start, end: o.end, repIds: o.repIds },
          meetingRequest(t.conversation, meetingId),
        );
        return entry
          ? {
              type: 'booking_confirmed',
              start: entry.start,
              end: entry.end,
              repId: entry.repId,
              meetingId,
            }
          : { type: 'booking_failed' };
      }
      if (o.type === 'reschedule') {
        const r = await deps.calendar.reschedule(o.meetingId, {
          start: o.start,
          end: o.end,
          repIds: o.repIds,
        });
        return r.ok
          ? {
              type: 'meeting_rescheduled',
              start: r.entry.start,
              end: r.entry.end,
              repId: r.entry.repId,
            }
          : { type: 'meeting_change_failed' };
      }
      if (o.type === 'cancel') {
        const r = await deps.calendar.cancel(o.meetingId);
        return r.ok ? { type: 'meeting_canceled' } : { type: 'meeting_change_failed' };
      }
    }
    return null;
  }

  /**
   * Keeps the slots just offered (for a first meeting or to move one) aside for this visitor
   * while they choose (config.booking.holdMinutes), each with a rep who is free then
   * (`FreeSlot.repIds` of the slots the offer came from), so a held slot is really kept for
   * them. Holds are renewed on every turn the offer stays open, and let go once the chat no
   * longer waits for a choice.
   */
  async function holdOffered(
    before: Conversation,
    after: Conversation,
    free: readonly FreeSlot[],
    now: Date,
  ): Promise<void> {
    const offered = offeredSlots(after.phase);
    const was = offeredSlots(before.phase);
    const same =
      offered.length === was.length &&
      offered.every((s, i) => s === was[i]) &&
      expectingOf(before.phase) === expectingOf(after.phase);
    if (offered.length === 0 && same) return;
    if (!same) await deps.calendar.release(after.id);
    const until = new Date(now.getTime() + config.booking.holdMinutes * 60_000);
    for (const start of offered) {
      const slot = free.find((s) => Date.parse(s.start) === Date.parse(start));
      // A slot no rep is free for any more cannot be held; picking it offers the nearest ones.
      if (slot) await deps.calendar.hold(slot, after.id, until);
    }
  }

  /**
   * What the message says about meetings, read only when meetings are in play (one is booked,
   * offered, or was offered before, or the follow-up question is open): the time reading costs
   * a parse that most qualifying turns need not pay.
   */
  function readMeetingSignals(conv: Conversation, text: string, now: Date): MeetingSignals {
    const inPlay =
      conv.meeting !== null ||
      (conv.asks.booking ?? 0) > 0 ||
      conv.phase.kind === 'offering' ||
      conv.phase.kind === 'askingConsent';
    if (!inPlay) return NO_MEETING_SIGNALS;
    const { timezone, locale } = conv.visitor;
    return readMeeting(text, { now, timezone, locale, offered: offeredSlots(conv.phase) });
  }

  async function extract(
    conv: Conversation,
    text: string,
    now: Date,
  ): Promise<{ extraction: Extraction; source: 'rules' | 'llm' }> {
    const recent = conv.messages.slice(-RECENT_TURNS).map((m) => ({ role: m.role, text: m.text }));
    const input = {
      text,
      expecting: expectingOf(conv.phase),
      lead: conv.lead,
      visitor: conv.visitor,
      now: now.toISOString(),
      recent,
      conversationId: conv.id,
    };
    try {
      return { extraction: await deps.extractor.extract(input), source: deps.extractor.name };
    } catch (e) {
      deps.onError?.(e, 'extract');
      return { extraction: await deps.fallback.extract(input), source: deps.fallback.name };
    }
  }

  /**
   * The reply to one visitor message in `conv` (which holds it): extract, run the engine,
   * phrase, save the conversation with the replies, then emit them. Throws when any step fails.
   */
  async function respond(
    conv: Conversation,
    messageId: string,
    text: string,
    emit: (e: AgentEvent) => void,
  ): Promise<void> {
    const now = deps.clock();
    const { extraction, source } = await extract(conv, text, now);
    const known =
      extraction.signals.question !== null ? deps.answer(extraction.signals.question) : null;
    const event: EngineEvent = {
      type: 'visitor_message',
      messageId,
      extraction,
      meeting: readMeetingSignals(conv, text, now),
      source,
      answer: known,
    };
    const { conversation, replies } = await run(conv, event, now, text);
    const phrased = deps.phraser
      ? await phraseReplies(
          deps.phraser,
          replies,
          {
            recent: conv.messages.slice(-RECENT_TURNS).map((m) => ({ role: m.role, text: m.text })),
            visitor: conv.visitor,
            question: extraction.signals.question,
            conversationId: conv.id,
          },
          emit,
          (e) => deps.onError?.(e, 'phrase'),
        )
      : replies;
    const kept = conversation.messages.slice(0, conversation.messages.length - replies.length);
    await store.saveConversation({ ...conversation, messages: [...kept, ...phrased] });
    for (const m of phrased) {
      emit({
        type: 'agent:message',
        payload: {
          id: m.id,
          text: m.text,
          expecting: m.expecting ?? null,
          quickReplies: m.quickReplies ?? [],
          final: m.final ?? false,
        },
      });
    }
  }

  /** The plain apology sent when a reply fails (not a template, which may be what failed). */
  const apology = (): AgentEvent => ({
    type: 'agent:message',
    payload: {
      id: deps.newId(),
      text: REPLY_FAILED,
      expecting: null,
      quickReplies: [],
      final: false,
    },
  });

  /** Replies to one stored visitor message, in the session's queue; a failure still answers with an apology. */
  async function answer(
    sessionId: string,
    messageId: string,
    text: string,
    emit: (e: AgentEvent) => void,
  ): Promise<void> {
    emit({ type: 'agent:typing', payload: { on: true } });
    try {
      await respond(await load(sessionId), messageId, text, emit);
    } catch (e) {
      deps.onError?.(e, 'reply');
      // Never leave the visitor waiting in silence; their message is stored, so nothing they said is lost.
      emit(apology());
    } finally {
      emit({ type: 'agent:typing', payload: { on: false } });
    }
  }

  /** The conversation with the visitor's message added, or the stored one when this clientId was already sent. */
  function withVisitorMessage(
    conv: Conversation,
    clientId: string,
    text: string,
  ): { duplicate: ChatMessage } | { message: ChatMessage; conversation: Conversation } {
    const duplicate = conv.messages.find((m) => m.role === 'visitor' && m.clientId === clientId);
    if (duplicate) return { duplicate };
    const message: ChatMessage = {
      id: deps.newId(),
      role: 'visitor',
      text,
      at: deps.clock().toISOString(),
      clientId,
    };
    return {
      message,
      conversation: { ...conv, messages: [...conv.messages, message], updatedAt: message.at },
    };
  }

  /**
   * Rules mode (no model to wait for): the reply is worked out before the ack and saved in the
   * same write as the visitor's message, so a turn costs one write instead of two. The ack still
   * follows the write, and the replies are sent after the ack.
   */
  async function receiveWithReply(
    sessionId: string,
    clientId: string,
    text: string,
    emit: (e: AgentEvent) => void,
  ): Promise<ReceiveResult> {
    const stored = await serialize(sessionId, async () => {
      const added = withVisitorMessage(await load(sessionId), clientId, text);
      if ('duplicate' in added) return { id: added.duplicate.id, duplicate: true, events: [] };
      const events: AgentEvent[] = [];
      try {
        await respond(added.conversation, added.message.id, text, (e) => events.push(e));
      } catch (e) {
        deps.onError?.(e, 'reply');
        // The message is stored whatever happened to the reply (persist before the ack).
        await store.saveConversation(added.conversation);
        events.splice(0, events.length, apology());
      }
      return { id: added.message.id, duplicate: false, events };
    });
    // After the caller's ack (which runs as soon as this resolves), in the order of the protocol.
    const reply = stored.duplicate
      ? Promise.resolve()
      : new Promise<void>((resolve) =>
          setImmediate(() => {
            emit({ type: 'agent:typing', payload: { on: true } });
            for (const e of stored.events) emit(e);
            emit({ type: 'agent:typing', payload: { on: false } });
            resolve();
          }),
        );
    return { id: stored.id, duplicate: stored.duplicate, reply };
  }

  async function load(id: string): Promise<Conversation> {
    const conv = await store.getConversation(id);
    if (!conv) throw new AppError('SESSION_NOT_FOUND', `no conversation with id "${id}"`);
    return conv;
  }

  return {
    conversation: (id) => store.getConversation(id),

    async hello({ sessionId, visitor }: { sessionId?: string | undefined; visitor: Visitor }) {
      if (sessionId !== undefined) {
        const known = await store.getConversation(sessionId).catch(() => null);
        if (known) {
          // Where the visitor is now (scoring's /pricing signal, the webhook's attribution); the
          // first touch stays the one stored, unless none was. In the session's queue, so no
          // reply's save overwrites it, and not awaited: the queue may be busy with a reply (an
          // LLM turn takes seconds) and the history does not depend on it.
          const notePage = async (): Promise<void> => {
            const conv = await store.getConversation(sessionId);
            if (!conv) return;
            const page = visitor.page ?? conv.visitor.page;
            const referrer = conv.visitor.referrer ?? visitor.referrer;
            const utm = conv.visitor.utm ?? visitor.utm;
            if (
              page === conv.visitor.page &&
              referrer === conv.visitor.referrer &&
              utm === conv.visitor.utm
            )
              return;
            await store.saveConversation({
              ...conv,
              visitor: { ...conv.visitor, page, referrer, utm },
            });
          };
          serialize(sessionId, notePage).catch((e: unknown) => deps.onError?.(e, 'hello'));
          return { sessionId: known.id, messages: known.messages, resumed: true };
        }
      }
      const now = deps.clock();
      const fresh = newConversation({ id: deps.newId(), visitor, now });
      const { conversation } = await run(fresh, { type: 'start' }, now);
      await store.saveConversation(conversation);
      return { sessionId: conversation.id, messages: conversation.messages, resumed: false };
    },

    /**
     * Answers the visitor's last message when no reply followed it: the process stopped after
     * storing (and acknowledging) it, before the reply was saved. Run when the visitor comes back.
     */
    answerPending(sessionId: string, emit: (e: AgentEvent) => void): Promise<void> {
      return serialize(sessionId, async () => {
        const last = (await load(sessionId)).messages.at(-1);
        if (last?.role === 'visitor') await answer(sessionId, last.id, last.text, emit);
      });
    },

    async receive(sessionId, { clientId, text }, emit: (e: AgentEvent) => void) {
      if (oneWritePerTurn) return receiveWithReply(sessionId, clientId, text, emit);
      let settle: () => void = () => undefined;
      const reply = new Promise<void>((resolve) => (settle = resolve));
      const stored = await serialize(sessionId, async () => {
        const added = withVisitorMessage(await load(sessionId), clientId, text);
        if ('duplicate' in added) return { id: added.duplicate.id, duplicate: true };
        await store.saveConversation(added.conversation);
        return { id: added.message.id, duplicate: false };
      });
      if (stored.duplicate) {
        settle();
        return { id: stored.id, duplicate: true, reply };
      }
      void serialize(sessionId, () => answer(sessionId, stored.id, text, emit))
        .catch((e: unknown) => deps.onError?.(e, 'reply'))
        .finally(settle);
      return { id: stored.id, duplicate: false, reply };
    },
  };
}
