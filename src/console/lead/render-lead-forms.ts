import { actionForm, canAct, h, when, type LeadPageModel } from './lead-page-model.js';
import { repLabel } from './lead-meeting.js';

/** Assign the lead to an active rep or admin (or to nobody). */
export function assignForm(m: LeadPageModel): string {
  const current = m.conv.console.assignedTo;
  const options = [
    `<option value=""${current === null ? ' selected' : ''}>Nobody</option>`,
    ...m.assignees.map(
      (u) =>
        `<option value="${h(u.email)}"${u.email === current ? ' selected' : ''}>${h(u.name)} (${h(u.role)})</option>`,
    ),
  ];
  return actionForm(
    m,
    'assign',
    `<label for="assignee">Assign to</label><select id="assignee" name="assignee">${options.join('')}</select>`,
    'Assign',
  );
}

/** Accept or reject the lead; a rejection needs a reason. */
export function reviewForm(m: LeadPageModel): string {
  return actionForm(
    m,
    'review',
    `<fieldset><legend>Review the lead</legend>
<label><input type="radio" name="verdict" value="accepted" checked> Accept</label>
<label><input type="radio" name="verdict" value="rejected"> Reject</label>
<label for="reason">Reason (required to reject)</label>
<input id="reason" name="reason" maxlength="500"></fieldset>`,
    'Save review',
  );
}

/** A note for the team. */
export function noteForm(m: LeadPageModel): string {
  if (!canAct(m)) return '';
  return actionForm(
    m,
    'notes',
    `<label for="note">New note</label><textarea id="note" name="text" rows="3" maxlength="2000" required></textarea>`,
    'Add note',
  );
}

/** The meeting: when, with whom, its status; reps and admins may move or cancel it. */
export function renderMeeting(m: LeadPageModel): string {
  const meeting = m.conv.meeting;
  let body = '<p>No meeting.</p>';
  if (meeting !== null) {
    const rep = m.config.booking.reps.find((r) => r.id === meeting.repId);
    body = `<p>${h(repLabel(m.config, meeting.start))} with ${h(rep?.name ?? meeting.repId)}: <strong>${h(meeting.status)}</strong> (booked ${when(meeting.bookedAt)}).</p>`;
    if (m.icsUrl !== null) body += `<p><a href="${h(m.icsUrl)}">Invite (.ics)</a></p>`;
  }
  const found = m.meeting;
  if (canAct(m) && found !== null && found.changeable) {
    const options = found.choices.map(
      (s) => `<option value="${h(s.start)}">${h(repLabel(m.config, s.start))}</option>`,
    );
    if (options.length > 0)
      body += actionForm(
        m,
        'meeting/reschedule',
        `<label for="start">Move to</label><select id="start" name="start">${options.join('')}</select>`,
        'Move meeting',
      );
    body += actionForm(m, 'meeting/cancel', '', 'Cancel meeting');
  }
  return `<section aria-labelledby="meeting-h" data-live="meeting"><h2 id="meeting-h">Meeting</h2>${body}</section>`;
}
