import type { BookingGuard } from '../booking/booking-guard.js';
import type { Calendar } from '../booking/calendar.js';
import type { Config } from '../config/config-schema.js';
import { randomBytes } from 'node:crypto';
import { meetingLinks } from '../booking/meeting-links.js';
import { getField } from '../lead/lead-record.js';
import { serverSecretFrom, type ServerSecret } from '../lib/server-secret.js';
import { createCalendarEffects } from './calendar-effects.js';
import type { ChatMessage, Conversation } from './conversation-schema.js';
import type { Assignments } from '../experiments/experiment.js';
import { transition } from './engine.js';
import type { EngineEvent, EngineOutput } from './engine-types.js';
import { renderParts, type Renderer } from './reply-renderer.js';
import type { TurnSlots, VisitorWords } from './turn-slots.js';

/** The engine's transitions and calendar changes in one turn are bounded (a change, its answer). */
const MAX_STEPS = 4;

export type TurnRunnerDeps = {
  config: Config;
  calendar: Calendar;
  renderer: Renderer;
  slots: TurnSlots;
  newId: () => string;
  /** Signs the meeting links in replies; a key of this process's own when absent (tests, eval). */
  secret?: ServerSecret | undefined;
  bookingGuard?: BookingGuard | undefined;
  /** Whether a rep (role rep or admin) is connected to the console now; nobody when absent. */
  repsOnline?: (() => boolean) | undefined;
};

export type TurnResult = {
  conversation: Conversation;
  replies: ChatMessage[];
  /** The visitor was told someone is coming: wait for a rep to join (engine output `await_rep`). */
  awaitRep: boolean;
  /** A dry run met a calendar change or a wait for a rep and stopped short of it. */
  stoppedShort?: boolean;
};

/**
 * The turn runner: runs one engine event, then each effect the engine asks for (one switch over
 * them): a reply is rendered into an agent message, a meeting change goes to the calendar and
 * its answer back to the engine. The replies are added to the conversation, and the slots
 * offered are held for the visitor. Nothing is saved here. A dry run (`dryRun`) only renders:
 * no calendar change, no hold; it stops short at the first effect (`stoppedShort`).
 *
 * @example const { conversation, replies } = await runTurn(conv, { type: 'start' }, now);
 */
export function createTurnRunner(deps: TurnRunnerDeps) {
  const { config, slots } = deps;
  const calendar = createCalendarEffects(
    deps.calendar,
    deps.newId,
    deps.bookingGuard,
    config.booking.confirmEmail ? config.booking.confirmMinutes : null,
  );
  const secret = deps.secret ?? serverSecretFrom(randomBytes(32));
  const base = config.server.publicUrl ?? '';
  const links = (id: string) => meetingLinks(base, secret, id);

  function render(
    o: Extract<EngineOutput, { type: 'reply' }>,
    conv: Conversation,
    at: Date,
    assigned: Assignments,
  ) {
    const firstName = getField(conv.lead, 'contact.name')?.split(/\s+/)[0] ?? null;
    const base = { company: config.company.name, agentName: config.company.agentName, firstName };
    const ctx = { conversationId: conv.id, assigned, at };
    const r = renderParts(deps.renderer, o.parts, base, ctx);
    const message: ChatMessage = {
      id: deps.newId(),
      role: 'agent',
      text: r.text,
      at: at.toISOString(),
      expecting: o.expecting,
      quickReplies: o.quickReplies ?? r.quickReplies,
      final: o.final,
      // Which wording produced it (DESIGN.md "Prompt versions"), for analytics and experiments.
      ...(r.origin ?? {}),
    };
    return { message, assigned: r.assigned };
  }

  return async function runTurn(
    conv: Conversation,
    event: EngineEvent,
    now: Date,
    said: VisitorWords | null = null,
    dryRun = false,
  ): Promise<TurnResult> {
    let ctx = {
      config,
      freeSlots: await slots.lookup(conv, now, said),
      newId: deps.newId,
      meetingLinks: links,
      repsOnline: deps.repsOnline?.() ?? false,
    };
    let t = transition(conv, event, now, ctx);
    const replies: ChatMessage[] = [];
    // Experiment assignments made while rendering this turn (stored on the conversation).
    let assigned: Assignments = { ...conv.experiments };
    let awaitRep = false;
    let stoppedShort = false;
    for (let step = 0; step < MAX_STEPS; step++) {
      // The engine asks for at most one calendar change per transition.
      let answer: EngineEvent | null = null;
      for (const o of t.outputs) {
        if (dryRun && o.type !== 'reply') {
          stoppedShort = true;
          continue;
        }
        switch (o.type) {
          case 'reply': {
            const r = render(o, t.conversation, now, assigned);
            replies.push(r.message);
            assigned = { ...assigned, ...r.assigned };
            break;
          }
          case 'book':
            answer ??= await calendar.book(o, t.conversation, now);
            break;
          case 'reschedule':
            answer ??= await calendar.reschedule(o);
            break;
          case 'cancel':
            answer ??= await calendar.cancel(o);
            break;
          case 'await_rep':
            awaitRep = true;
            break;
        }
      }
      if (answer === null) break;
      ctx = { ...ctx, freeSlots: await slots.lookup(t.conversation, now, null) };
      t = transition(t.conversation, answer, now, ctx);
    }
    const fresh = Object.keys(assigned).length > Object.keys(conv.experiments ?? {}).length;
    const conversation = {
      ...t.conversation,
      messages: [...t.conversation.messages, ...replies],
      ...(fresh ? { experiments: assigned } : {}),
    };
    if (dryRun) return { conversation, replies, awaitRep, stoppedShort };
    await slots.holdOffered(conv, conversation, ctx.freeSlots, now);
    return { conversation, replies, awaitRep };
  };
}

export type RunTurn = ReturnType<typeof createTurnRunner>;
