import type { ChatMessage, Conversation } from '../conversation/conversation-schema.js';
import type { FieldEntry } from '../lead/lead-record.js';
import { SLOT_FIELDS, type Slot } from '../lead/slots.js';
import { reachedStages } from './reached-stages.js';

/** The visitor stopped writing this long after a question: they abandoned it (DESIGN.md). */
export const ABANDON_AFTER_MS = 30 * 60_000;

/** What one conversation tells about one question (slot) it asked. */
export type QuestionFacts = {
  /** The visitor's reply to one of its asks filled the slot. */
  answered: boolean;
  /** A reply filled nothing of the slot, was no refusal, and the slot was asked again. */
  reaskedNotUnderstood: boolean;
  /** The visitor declined it (`declined`), with the last reply to it. */
  refused: boolean;
  /** It was the open question when the visitor stopped writing (30 minutes) or the chat ended. */
  abandoned: boolean;
  /** Seconds from the ask to the reply that filled it; null when none did. */
  secondsToAnswer: number | null;
};

type Ask = { pos: number; at: string };
type Reply = { pos: number; msg: ChatMessage; askAt: string };

/**
 * The questions one conversation asked, with what became of each (DESIGN.md "Analytics
 * definitions"), derived from what is stored: the agent messages' `expecting` (an ask), the
 * visitor message after it (the reply), the lead's provenance (which message filled a field),
 * `declined`, and the booking time. Only messages at or before `now` count.
 *
 * @example questionFacts(conv, now).get('budget') // { answered: true, secondsToAnswer: 42, ... }
 */
export function questionFacts(conv: Conversation, now: Date): Map<Slot, QuestionFacts> {
  const messages = conv.messages.filter(
    (m) => m.role !== 'rep' && Date.parse(m.at) <= now.getTime(),
  );
  const asks = new Map<Slot, Ask[]>();
  const replies = new Map<Slot, Reply[]>();
  // The question waiting for the visitor's reply: the last agent message's `expecting`.
  const state: { open: { slot: Slot; ask: Ask } | null } = { open: null };
  for (const [pos, m] of messages.entries()) {
    const open = state.open;
    if (m.role === 'agent') {
      const slot = m.expecting ?? null;
      if (slot === null) state.open = null;
      else if (open === null || open.slot !== slot) {
        const ask = { pos, at: m.at };
        state.open = { slot, ask };
        asks.set(slot, [...(asks.get(slot) ?? []), ask]);
      }
    } else if (open !== null) {
      const reply = { pos, msg: m, askAt: open.ask.at };
      replies.set(open.slot, [...(replies.get(open.slot) ?? []), reply]);
      state.open = null;
    }
  }
  const positions = new Map(messages.map((m, pos) => [m.id, pos]));
  const last = messages.at(-1);
  const stopped =
    conv.phase.kind === 'ended' ||
    (last !== undefined && now.getTime() - Date.parse(last.at) >= ABANDON_AFTER_MS);
  const abandonedAt = stopped && state.open !== null ? state.open.slot : null;

  const facts = new Map<Slot, QuestionFacts>();
  for (const [slot, slotAsks] of asks) {
    const slotReplies = replies.get(slot) ?? [];
    const fills = (r: Reply) => fillsSlot(conv, slot, r, messages, positions);
    const answering = slotReplies.find((r) => fills(r) === 'filled');
    const lastReply = slotReplies.at(-1);
    const refused =
      conv.declined.includes(slot) && lastReply !== undefined && fills(lastReply) !== 'filled';
    const reasked = slotReplies.some(
      (r) =>
        fills(r) === 'nothing' &&
        !(refused && r === lastReply) &&
        slotAsks.some((a) => a.pos > r.pos),
    );
    facts.set(slot, {
      answered: answering !== undefined,
      reaskedNotUnderstood: reasked,
      refused,
      abandoned: abandonedAt === slot,
      secondsToAnswer:
        answering === undefined ? null : secondsBetween(answering.askAt, answering.msg.at),
    });
  }
  return facts;
}

const secondsBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 1000);

/**
 * What the reply did to the slot: `filled` (the slot is complete once it is read and the reply
 * gave some of it), `part` (it gave some of it, something is still missing), `nothing`.
 * Booking: filled when the meeting was booked after the reply and before the next message.
 */
function fillsSlot(
  conv: Conversation,
  slot: Slot,
  reply: Reply,
  messages: ChatMessage[],
  positions: Map<string, number>,
): 'filled' | 'part' | 'nothing' {
  if (slot === 'booking') {
    const booked = reachedStages(conv).booked;
    const next = messages.slice(reply.pos + 1).find((m) => m.role === 'visitor');
    const t = booked === undefined ? NaN : Date.parse(booked);
    const inTurn = t >= Date.parse(reply.msg.at) && (next === undefined || t < Date.parse(next.at));
    return inTurn ? 'filled' : 'nothing';
  }
  const entries = SLOT_FIELDS[slot].map((path) => conv.lead[path]);
  // Budget: "no budget" (budget.status none) fills the slot as an amount does.
  const status = conv.lead['budget.status'];
  const noBudget = slot === 'budget' && status?.value === 'none' ? [status] : [];
  const gave = [...entries, ...noBudget].some(
    (e) => e !== undefined && [e, ...e.history].some((p) => p.messageId === reply.msg.id),
  );
  if (!gave) return 'nothing';
  const firstPos = (e: FieldEntry | undefined): number =>
    e === undefined ? Infinity : (positions.get((e.history[0] ?? e).messageId) ?? Infinity);
  const complete =
    entries.every((e) => firstPos(e) <= reply.pos) ||
    noBudget.some((e) => firstPos(e) <= reply.pos);
  return complete ? 'filled' : 'part';
}
