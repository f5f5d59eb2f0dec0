import { freeSlots, slotLabel } from '../booking/availability.js';
import { bookingReply } from './ask-slot.js';
import type { Conversation } from './conversation-schema.js';
import { hasBookedMeeting, say } from './engine-support.js';
import type { EngineContext, ReplyPart, Transition } from './engine-types.js';
import type { VisitorMessage } from './engine-types.js';
import { alternativesNote, meetingLinks, onOfferAnswer, readChoice } from './meeting-flow.js';
import { ENDED, isMoving, offeredSlots } from './phase.js';

/** What the engine knows about the turn besides the message. */
export type BookedTurn = {
  /** The last agent message asked "Cancel your meeting on ...?". */
  confirming: boolean;
  /** The message was also about something the engine handled (a question, a new fact). */
  understood: boolean;
};

/**
 * A message from a visitor with a booked meeting: "can we move it to Friday?" (or "I can't make
 * it then") offers times or moves it to the one named; "cancel my meeting" asks for a yes
 * before canceling; "could you send the link again?" sends the invite and page links again. A
 * meeting that has already started is neither moved nor canceled. While other times are
 * offered, a pick moves the meeting, "keep it" keeps it and "cancel my meeting" still works.
 * Null when the message is about none of these.
 */
export function onBookedMessage(
  conv: Conversation,
  event: VisitorMessage,
  now: Date,
  ctx: EngineContext,
  parts: ReplyPart[],
  turn: BookedTurn,
): Transition | null {
  if (!hasBookedMeeting(conv)) return null;
  const meeting = conv.meeting;
  const { timezone, locale } = conv.visitor;
  const when = slotLabel(meeting.start, timezone, locale);
  const started = Date.parse(meeting.start) <= now.getTime();
  const { intent, keepsMeeting } = event.meeting;
  const yes = event.meeting.yesNo?.agreed ?? null;
  // Nothing is offered any more: the chat waits for nothing, as after the booking.
  const settled: Conversation = { ...conv, phase: ENDED };

  const refuse = (): Transition =>
    say(
      settled,
      [
        ...parts,
        {
          template: 'meeting-started',
          vars: { when, over: Date.parse(meeting.end) <= now.getTime() },
        },
      ],
      true,
    );
  const unchanged = (): Transition =>
    say(settled, [...parts, { template: 'meeting-unchanged', vars: { when } }], true);
  const cancel = (): Transition =>
    started
      ? refuse()
      : { conversation: settled, outputs: [{ type: 'cancel', meetingId: meeting.id }] };
  const confirmCancel = (): Transition =>
    started
      ? refuse()
      : say({ ...conv, phase: { kind: 'confirmingCancel' } }, [
          ...parts,
          { template: 'confirm-cancel', vars: { when } },
        ]);
  const sendLinks = (): Transition => {
    const repName = ctx.config.booking.reps.find((r) => r.id === meeting.repId)?.name ?? 'our team';
    return say(
      settled,
      [
        ...parts,
        { template: 'meeting-links', vars: { when, repName, ...meetingLinks(ctx, meeting.id) } },
      ],
      true,
    );
  };

  if (turn.confirming && intent !== 'move') {
    if (yes === true || intent === 'cancel') return cancel();
    if (yes === false || keepsMeeting) return unchanged();
  }
  if (isMoving(conv.phase)) {
    if (intent === 'cancel') return confirmCancel();
    if (intent === 'links') return sendLinks();
    return onOfferAnswer(conv, event, now, ctx, parts, {
      understood: turn.understood,
      declines: keepsMeeting,
      onDecline: unchanged,
      onSlot: ({ start, end, repIds }) =>
        started
          ? refuse()
          : {
              conversation: conv,
              outputs: [{ type: 'reschedule', meetingId: meeting.id, start, end, repIds }],
            },
    });
  }
  if (intent === 'links') return sendLinks();
  if (intent === 'cancel') return confirmCancel();
  if (intent !== 'move') return null;
  if (started) return refuse();

  // The meeting's own time is free for itself: the shell's free slots already leave it out of busy.
  const free = ctx.freeSlots.length > 0 ? ctx.freeSlots : freeSlots(ctx.config.booking, now, []);
  const moving: Conversation = {
    ...conv,
    phase: { kind: 'offering', purpose: 'move', slots: [...offeredSlots(conv.phase)] },
    asks: { ...conv.asks, booking: 1 },
  };
  const choice = readChoice(moving, event.meeting.choice, now, ctx, free, []);
  if (choice.kind === 'slot')
    return {
      conversation: moving,
      outputs: [
        {
          type: 'reschedule',
          meetingId: meeting.id,
          start: choice.slot.start,
          end: choice.slot.end,
          repIds: choice.slot.repIds,
        },
      ],
    };
  const note =
    choice.kind === 'alternatives' && choice.reason !== 'several'
      ? [alternativesNote(choice, ctx)]
      : [];
  const r = bookingReply(
    moving,
    [...parts, ...note],
    choice.kind === 'alternatives' && choice.slots.length > 0
      ? choice.slots
      : free.slice(0, ctx.config.booking.offer),
  );
  return { conversation: r.conversation, outputs: [r.output] };
}
