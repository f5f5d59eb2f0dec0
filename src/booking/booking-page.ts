import { htmlPage } from '../lib/html-page.js';
import { escapeHtml } from './escape-html.js';
import type { MeetingDetails } from './meeting-details.js';
import { meetingPaths } from './meeting-links.js';

/** What the booking page shows besides the meeting itself. */
export type BookingPageInput = {
  details: MeetingDetails;
  /** The manage token the page was opened with; every link and form on it carries it. */
  token: string;
  /** Free times to move to, labelled in the page's time zone; empty when none are free. */
  choices: readonly { start: string; label: string }[];
  /** False once the meeting is canceled or has started: no forms then. */
  canChange: boolean;
  /** Horizon in days, to say how far ahead was searched when nothing is free. */
  horizonDays: number;
  /** Confirms the last action ("Your meeting was moved."), announced politely. */
  notice: string | null;
  /** Why the last action failed, announced at once. */
  error: string | null;
};

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}
h1{font-size:1.4rem;margin-top:0}h2{font-size:1.1rem;margin-top:2rem}
dt{font-weight:600}dd{margin:0 0 .75rem}
fieldset{border:1px solid #c5cad3;border-radius:6px}legend{padding:0 .25rem}
.choice{margin:.35rem 0}button{font:inherit;padding:.5rem 1rem;margin-top:.75rem;cursor:pointer}
.notice{background:#e7f6ec;padding:.5rem .75rem;border-radius:6px}
.error{background:#fdecea;padding:.5rem .75rem;border-radius:6px}
.back{margin-left:1rem}
:focus-visible{outline:3px solid #1a5fd0;outline-offset:2px}`;

/** A complete, self-contained HTML document (no scripts: it works with plain forms). */
function page(title: string, body: string): string {
  return htmlPage(title, body, STYLE);
}

/**
 * The page behind `/bookings/:id`: the meeting in the visitor's time zone, a link to its
 * invite, a form to pick another free time and a link to cancel. Both lead to a confirmation
 * page (GET); only its form (POST) changes the meeting. Every value from the calendar, the
 * config or the visitor is escaped.
 *
 * @example res.type('html').send(renderBookingPage({ details, token, choices, canChange: true, horizonDays: 14, notice: null, error: null }));
 */
export function renderBookingPage({
  details: d,
  token,
  choices,
  canChange,
  horizonDays,
  notice,
  error,
}: BookingPageInput): string {
  const paths = meetingPaths(d.id, token);
  const base = `/bookings/${encodeURIComponent(d.id)}`;
  const minutes = Math.round((Date.parse(d.end) - Date.parse(d.start)) / 60_000);
  const tzField = `<input type="hidden" name="tz" value="${escapeHtml(d.timezone)}">`;
  const tokenField = `<input type="hidden" name="t" value="${escapeHtml(token)}">`;
  const parts: string[] = [`<h1>${escapeHtml(d.summary)}</h1>`];
  if (notice) parts.push(`<p class="notice" role="status">${escapeHtml(notice)}</p>`);
  if (error) parts.push(`<p class="error" role="alert">${escapeHtml(error)}</p>`);
  parts.push(`<dl>
<dt>When</dt><dd><time datetime="${escapeHtml(d.start)}">${escapeHtml(d.startLabel)}</time> (${minutes} minutes)</dd>
<dt>Time zone</dt><dd>${escapeHtml(d.timezone)}</dd>
<dt>With</dt><dd>${escapeHtml(d.rep.name)}</dd>
<dt>Status</dt><dd>${d.status === 'canceled' ? 'Canceled' : 'Booked'}</dd>
</dl>`);
  parts.push(
    `<p><a href="${escapeHtml(paths.ics)}">${d.status === 'canceled' ? 'Download the cancellation (.ics)' : 'Add it to your calendar (.ics)'}</a></p>`,
  );
  if (canChange) {
    const options = choices
      .map(
        (c, i) =>
          `<div class="choice"><input type="radio" name="start" id="start-${i}" value="${escapeHtml(c.start)}" required><label for="start-${i}">${escapeHtml(c.label)}</label></div>`,
      )
      .join('\n');
    parts.push(
      choices.length > 0
        ? `<h2>Move it</h2>
<form method="get" action="${base}/reschedule">
<fieldset>
<legend>Pick a new time (${escapeHtml(d.timezone)})</legend>
${options}
</fieldset>
${tokenField}
${tzField}
<button type="submit">Move my meeting</button>
</form>`
        : `<h2>Move it</h2>\n<p>No other times are free in the next ${horizonDays} days.</p>`,
    );
    parts.push(`<h2>Cancel it</h2>
<form method="get" action="${base}/cancel">
${tokenField}
${tzField}
<button type="submit">Cancel my meeting</button>
</form>`);
  }
  return page(d.summary, parts.join('\n'));
}

/**
 * A short page for what went wrong with a browser request (unknown meeting, bad input).
 *
 * @example res.status(404).type('html').send(renderBookingNotice('Meeting not found', 'Check the link from your chat.'));
 */
export function renderBookingNotice(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
}

/** What a confirmation page asks, and the change it confirms. */
export type ConfirmInput = {
  details: MeetingDetails;
  token: string;
  /** The new time (an offered start and its label) to move to; absent to cancel. */
  moveTo?: { start: string; label: string } | undefined;
};

/**
 * The step between the booking page and a change: says what will happen ("Cancel your meeting
 * on ...?", "Move it from ... to ...?") with a form whose POST alone changes the meeting, and a
 * way back that changes nothing. A link someone follows (a forwarded invite, a crawler, a
 * preview) therefore never cancels or moves anything.
 *
 * @example res.type('html').send(renderConfirmPage({ details, token, moveTo: { start, label } }));
 */
export function renderConfirmPage({ details: d, token, moveTo }: ConfirmInput): string {
  const paths = meetingPaths(d.id, token);
  const when = `<time datetime="${escapeHtml(d.start)}">${escapeHtml(d.startLabel)}</time>`;
  const tzField = `<input type="hidden" name="tz" value="${escapeHtml(d.timezone)}">`;
  const back = `<a class="back" href="${escapeHtml(`${paths.page}&tz=${encodeURIComponent(d.timezone)}`)}">No, keep it as it is</a>`;
  const body = moveTo
    ? `<h1>Move your meeting?</h1>
<p>Your meeting with ${escapeHtml(d.rep.name)} moves from ${when} to <strong>${escapeHtml(moveTo.label)}</strong> (${escapeHtml(d.timezone)}).</p>
<form method="post" action="${escapeHtml(paths.reschedule)}">
<input type="hidden" name="start" value="${escapeHtml(moveTo.start)}">
${tzField}
<button type="submit">Yes, move my meeting</button>${back}
</form>`
    : `<h1>Cancel your meeting?</h1>
<p>Your meeting with ${escapeHtml(d.rep.name)} on ${when} (${escapeHtml(d.timezone)}) will be canceled.</p>
<form method="post" action="${escapeHtml(paths.cancel)}">
${tzField}
<button type="submit">Yes, cancel my meeting</button>${back}
</form>`;
  return page(moveTo ? 'Move your meeting?' : 'Cancel your meeting?', body);
}
