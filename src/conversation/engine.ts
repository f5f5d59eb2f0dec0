import { applyCandidates } from '../lead/lead-record.js';
import type { Conversation } from './conversation-schema.js';
import { learnedPhrases, say, withEvent } from './engine-support.js';
import type { EngineContext, EngineEvent, ReplyPart, Transition } from './engine-types.js';
import { withLeadUpdated } from './lead-updated.js';
import { withQuestionUnanswered } from './question-unanswered.js';
import { onMeetingResult } from './meeting-result.js';
import { isEnded, qualifying } from './phase.js';
import { onAskingConsent } from './phases/on-asking-consent.js';
import { onConfirmingCancel } from './phases/on-confirming-cancel.js';
import { onEnded } from './phases/on-ended.js';
import { onOffering } from './phases/on-offering.js';
import { onQualifying } from './phases/on-qualifying.js';
import type { Turn, VisitorMessage } from './phases/turn.js';
import { proceed } from './proceed.js';
import { onHandedBack, onNobodyJoined, personAnswer } from './person-answer.js';
import { onTakenOver } from './taken-over.js';

/**
 * The conversation engine: a pure function of (state, event, now, context) returning the next
 * state and the effects for the shell to run (DESIGN.md "Slots and the conversation"). It never
 * reads the clock, the store or the network; the extraction arrives inside the event.
 */
export function transition(
  conv: Conversation,
  event: EngineEvent,
  now: Date,
  ctx: EngineContext,
): Transition {
  const base: Conversation = { ...conv, updatedAt: now.toISOString() };
  switch (event.type) {
    case 'start':
      return say({ ...base, phase: qualifying() }, [{ template: 'greeting', vars: {} }]);
    case 'visitor_message':
      return withLeadUpdated(
        base,
        base.console.takeover !== null
          ? onTakenOver(base, event, now, ctx)
          : awaitingRep(base, onVisitorMessage(base, event, now, ctx), ctx),
        now,
        ctx,
      );
    case 'handed_back':
      return onHandedBack(base, ctx);
    case 'nobody_joined':
      return onNobodyJoined(base, ctx);
    default:
      return (
        onMeetingResult(base, event, now, ctx, (c, p) => proceed(c, p, ctx)) ??
        say(base, [{ template: 'after-close', vars: {} }], isEnded(base.phase))
      );
  }
}

/**
 * A visitor message: its facts are recorded and the signals that cut across every phase (a
 * request for a person, a question of their own) are answered first; then the handler of the
 * phase the conversation is in decides what comes next.
 */
function onVisitorMessage(
  base: Conversation,
  event: VisitorMessage,
  now: Date,
  ctx: EngineContext,
): Transition {
  const { signals } = event.extraction;
  const applied = applyCandidates(base.lead, event.extraction.candidates, {
    source: event.source,
    messageId: event.messageId,
    at: now.toISOString(),
  });
  let conv: Conversation = { ...base, lead: applied.lead };
  const parts: ReplyPart[] = [];
  if (signals.wantsHuman && !conv.handoffRequested) {
    conv = withEvent({ ...conv, handoffRequested: true }, 'lead.handoff_requested', now, ctx);
    parts.push(personAnswer(conv, ctx));
  }
  if (signals.question !== null) {
    parts.push({
      template: 'answer-question',
      vars: { question: signals.question, answer: event.answer },
    });
    conv = withQuestionUnanswered(conv, event, now, ctx);
  }
  const learned = learnedPhrases(applied.changed);
  const turn: Turn = {
    conv,
    event,
    now,
    ctx,
    parts,
    learned,
    understood: parts.length > 0 || learned.length > 0,
  };
  const { phase } = base;
  switch (phase.kind) {
    case 'qualifying':
      return onQualifying(turn, phase.asked);
    case 'offering':
      return onOffering(turn);
    case 'confirmingCancel':
      return onConfirmingCancel(turn);
    case 'askingConsent':
      return onAskingConsent(turn);
    case 'ended':
      return onEnded(turn);
  }
}

/** A request for a person answered "someone is coming": the shell waits for a rep to join. */
function awaitingRep(before: Conversation, t: Transition, ctx: EngineContext): Transition {
  const asked = !before.handoffRequested && t.conversation.handoffRequested;
  return asked && ctx.repsOnline === true
    ? { ...t, outputs: [...t.outputs, { type: 'await_rep' }] }
    : t;
}
