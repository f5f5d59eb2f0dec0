import type { Config } from '../../config/config-schema.js';
import type { Conversation } from '../../conversation/conversation-schema.js';
import { escapeHtml } from '../../booking/escape-html.js';
import type { Delivery } from '../../handoff/delivery/delivery-schema.js';
import type { SpeedToLead } from '../speed-to-lead.js';
import type { User } from '../users/user.js';
import type { LeadMeeting } from './lead-meeting.js';
import type { LeadView } from './lead-view.js';

/** Everything the lead page shows, read before it is rendered. */
export type LeadPageModel = {
  conv: Conversation;
  view: LeadView;
  config: Config;
  /** Who looks at the page: a marketer sees no forms, only an admin sees Redeliver. */
  viewer: User;
  csrfToken: string;
  meeting: LeadMeeting | null;
  deliveries: Delivery[];
  /** The active rep and admin users a lead may be assigned to. */
  assignees: User[];
  speed: SpeedToLead | null;
  /** The meeting's invite (.ics), signed view-only; null without a meeting or a server secret. */
  icsUrl: string | null;
  /** The outcome of the last action: a done message, or why it was refused. */
  flash: { kind: 'done' | 'error'; text: string } | null;
};

/** Whether the viewer may act on the lead (reps and admins). */
export const canAct = (m: LeadPageModel): boolean => m.viewer.role !== 'marketer';

/** `text` escaped for HTML. */
export const h = escapeHtml;

/** The lead page's own path, and its action paths. */
export const leadPath = (id: string, action = ''): string =>
  `/console/leads/${encodeURIComponent(id)}${action === '' ? '' : `/${action}`}`;

/**
 * A POST form of the lead page with the session's CSRF token; `fields` must already be escaped.
 *
 * @example actionForm(m, 'notes', '<textarea name="text"></textarea>', 'Add note')
 */
export function actionForm(
  m: LeadPageModel,
  action: string,
  fields: string,
  button: string,
): string {
  return `<form method="post" action="${h(leadPath(m.conv.id, action))}">
<input type="hidden" name="_csrf" value="${h(m.csrfToken)}">
${fields}
<button type="submit">${h(button)}</button>
</form>`;
}

/** A UTC instant as the page shows it: "2026-03-03 15:00 UTC", in a `<time>` element. */
export function when(iso: string): string {
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  return `<time datetime="${h(iso)}">${h(text)}</time>`;
}
