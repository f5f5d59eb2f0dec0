import type { Calendar } from '../booking/calendar.js';
import { meetingPaths, meetingToken } from '../booking/meeting-links.js';
import type { Config } from '../config/config-schema.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import { consoleUserOf, type ConsoleAuth } from '../console/console-auth.js';
import type { LeadPageModel } from '../console/lead/lead-page-model.js';
import { leadMeeting } from '../console/lead/lead-meeting.js';
import { leadView } from '../console/lead/lead-view.js';
import { speedToLead } from '../console/speed-to-lead.js';
import type { DeliveryStore } from '../handoff/delivery/delivery-store.js';
import type { DeliveryWorker } from '../handoff/delivery/delivery-worker.js';
import type { KeyedQueue } from '../lib/keyed-queue.js';
import type { ServerSecret } from '../lib/server-secret.js';
import type { Store } from '../store/store.js';
import type { Request } from 'express';

export type ConsoleLeadsRouterDeps = {
  /** The console's sessions and users (createConsoleRouter's `auth`): who is signed in, whom to assign. */
  auth: ConsoleAuth;
  store: Store;
  calendar: Calendar;
  deliveries: DeliveryStore;
  /** Redelivers a webhook delivery (admins). */
  worker: Pick<DeliveryWorker, 'redeliver'>;
  config: Config;
  clock?: () => Date;
  /** The chat service's per-conversation queue: a rep's change waits for a turn in progress. */
  queue?: KeyedQueue;
  /** Signs the meeting invite link the page shows; no link without it. */
  secret?: ServerSecret;
  /** Ids of notes, outbox events and rep corrections; random UUIDs by default. */
  newId?: () => string;
};

/**
 * Reads everything the lead page shows for `conv`, as the signed-in user of `req` sees it.
 *
 * @example res.send(renderLeadPage(await loadLeadPage(deps, req, conv, null)));
 */
export async function loadLeadPage(
  deps: ConsoleLeadsRouterDeps,
  req: Request,
  conv: Conversation,
  flash: LeadPageModel['flash'],
): Promise<LeadPageModel> {
  const { user, session } = consoleUserOf(req);
  const now = (deps.clock ?? (() => new Date()))();
  const [meeting, deliveries, users] = await Promise.all([
    leadMeeting(deps, conv, now).catch(() => null),
    deps.deliveries.list({ conversationId: conv.id }),
    deps.auth.users.list(),
  ]);
  return {
    conv,
    view: leadView(conv, deps.config),
    config: deps.config,
    viewer: user,
    csrfToken: session.csrfToken,
    meeting,
    deliveries,
    assignees: users.filter((u) => !u.disabled && u.role !== 'marketer'),
    speed: speedToLead(conv),
    icsUrl:
      conv.meeting === null || deps.secret === undefined
        ? null
        : meetingPaths(conv.meeting.id, meetingToken(deps.secret, 'invite', conv.meeting.id)).ics,
    flash,
  };
}
