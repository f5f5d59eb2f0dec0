import { slotLabel, type FreeSlot } from '../../booking/availability.js';
import type { Calendar, CalendarEntry } from '../../booking/calendar.js';
import { recordMeetingChange } from '../../booking/record-meeting-change.js';
import type { Config } from '../../config/config-schema.js';
import type { Conversation } from '../../conversation/conversation-schema.js';
import { AppError } from '../../errors/app-error.js';
import type { KeyedQueue } from '../../lib/keyed-queue.js';
import { isChangeable, rescheduleChoices } from '../../server/reschedule-choices.js';
import type { Store } from '../../store/store.js';
import { withAction, type ActionContext } from './lead-actions.js';

export type LeadMeetingDeps = {
  calendar: Calendar;
  store: Store;
  config: Config;
  /** The chat service's per-conversation queue, so a change never lands mid-turn. */
  queue?: KeyedQueue | undefined;
};

/** How many free times the lead page offers to move a meeting to (as the booking page). */
const CHOICES = 8;

/** The lead's meeting in the calendar, and the times it may move to while it can still change. */
export type LeadMeeting = { entry: CalendarEntry; changeable: boolean; choices: FreeSlot[] };

/** The meeting as the console labels it: in the booking time zone, which is the reps'. */
export const repLabel = (config: Config, start: string): string =>
  slotLabel(start, config.booking.timezone);

/**
 * The lead's meeting from the calendar (null without one), with the free times it may move to.
 *
 * @example const m = await leadMeeting(deps, conv, now); m?.choices.length // 8
 */
export async function leadMeeting(
  deps: LeadMeetingDeps,
  conv: Conversation,
  now: Date,
  limit = CHOICES,
): Promise<LeadMeeting | null> {
  if (conv.meeting === null) return null;
  const entry = await deps.calendar.get(conv.meeting.id);
  if (entry === null || entry.conversationId !== conv.id) return null;
  const changeable = isChangeable(entry, now);
  const booking = deps.config.booking;
  const choices = changeable
    ? await rescheduleChoices({ calendar: deps.calendar, booking, entry, now, limit })
    : [];
  return { entry, changeable, choices };
}

async function changeableMeeting(deps: LeadMeetingDeps, conv: Conversation, now: Date) {
  const found = await leadMeeting(deps, conv, now, Infinity);
  if (found === null) throw new AppError('NOT_FOUND', 'This lead has no meeting.');
  if (!found.changeable)
    throw new AppError('CONFLICT', 'This meeting was canceled or has started; it cannot change.');
  return found;
}

/**
 * A rep cancels the lead's meeting: the calendar frees the time, and the conversation's meeting,
 * the `meeting.canceled` event (webhooks, the visitor's email) and the rep's action are saved in
 * one write, as the booking page's cancel does. Returns the flash message.
 *
 * @example await cancelLeadMeeting(deps, conv, ctx) // 'Meeting canceled.'
 */
export async function cancelLeadMeeting(
  deps: LeadMeetingDeps,
  conv: Conversation,
  ctx: ActionContext,
): Promise<string> {
  const { entry } = await changeableMeeting(deps, conv, ctx.now);
  const result = await deps.calendar.cancel(entry.id);
  if (!result.ok) throw new AppError('NOT_FOUND', 'This lead has no meeting.');
  const detail = `canceled the meeting on ${repLabel(deps.config, entry.start)}`;
  await recordMeetingChange({
    ...deps,
    entry: result.entry,
    type: 'meeting.canceled',
    now: ctx.now,
    newId: ctx.newId,
    also: (c) => withAction(c, 'meeting', ctx, detail),
  });
  return 'Meeting canceled.';
}

/**
 * A rep moves the lead's meeting to `start`, one of the free times the page offered; like the
 * booking page's move, `meeting.rescheduled` and the action are saved with the new time.
 *
 * @example await rescheduleLeadMeeting(deps, conv, '2026-03-05T15:00:00.000Z', ctx)
 */
export async function rescheduleLeadMeeting(
  deps: LeadMeetingDeps,
  conv: Conversation,
  start: string,
  ctx: ActionContext,
): Promise<string> {
  const { entry, choices } = await changeableMeeting(deps, conv, ctx.now);
  const slot = choices.find((s) => Date.parse(s.start) === Date.parse(start));
  const result = slot ? await deps.calendar.reschedule(entry.id, slot) : null;
  if (result === null || !result.ok)
    throw new AppError('CONFLICT', 'That time is no longer free. Please pick another one.');
  const label = repLabel(deps.config, result.entry.start);
  await recordMeetingChange({
    ...deps,
    entry: result.entry,
    type: 'meeting.rescheduled',
    now: ctx.now,
    newId: ctx.newId,
    also: (c) => withAction(c, 'meeting', ctx, `moved the meeting to ${label}`),
  });
  return `Meeting moved to ${label}.`;
}
