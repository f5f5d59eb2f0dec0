import { slotLabel } from '../../booking/availability.js';
import { offeredOrdinal, type OfferedOrdinal } from './offered-ordinal.js';
import { readRequestedTime, type RequestedTime } from './read-requested-time.js';

/** What a message says about the meeting time wanted, for `matchChoice` to read against free slots. */
export type TimeChoice = {
  /** The offered starts the text names exactly: a quick reply's label, or its ISO value. */
  named: readonly string[];
  /** The text itself when it is an ISO instant (a slot's start sent as it is). */
  instant: string | null;
  /** A pick from the list offered ("the second one", "option 2"). */
  pick: OfferedOrdinal | null;
  /** The day, time or part of the day asked for ("Thursday at 2pm"), on the visitor's clock. */
  wanted: RequestedTime | null;
};

/** What the text is read against: the visitor's clock and the times on offer. */
export type TimeChoiceContext = {
  now: Date;
  /** The visitor's IANA zone and locale (quick-reply labels are written in them). */
  timezone: string;
  locale: string;
  /** The starts on offer (ISO), in quick-reply order; empty when none are. */
  offered: readonly string[];
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\S+$/;

const normalize = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Reads a typed meeting choice: a quick reply (label or value) of the times offered, a pick
 * from their list, or a day and time (see `readRequestedTime` and `offeredOrdinal`).
 *
 * @example readTimeChoice('the second option', { now, timezone: 'Asia/Kolkata', locale: 'en-IN', offered }).pick // { position: 2, explicit: true }
 */
export function readTimeChoice(text: string, ctx: TimeChoiceContext): TimeChoice {
  const { now, timezone, locale, offered } = ctx;
  const t = normalize(text);
  const trimmed = text.trim();
  return {
    named: offered.filter(
      (start) => t === normalize(slotLabel(start, timezone, locale)) || trimmed === start,
    ),
    instant: ISO_INSTANT.test(trimmed) ? trimmed : null,
    pick: offeredOrdinal(text),
    wanted: readRequestedTime(text, now, timezone),
  };
}
