import type { CalendarEntry } from '../booking/calendar.js';
import type { Config } from '../config/config-schema.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import { matchesEvent, type Destination } from '../handoff/delivery/create-destinations.js';
import type { DisabledDestination } from '../handoff/delivery/delivery-store.js';
import { postWebhook } from '../handoff/delivery/post-webhook.js';
import { buildHandoff } from '../handoff/webhook/build-handoff.js';
import { webhookHeaders } from '../handoff/webhook/sign-webhook.js';

/** What became of the `meeting.canceled` webhook to one destination. */
export type CancelNotice = {
  destinationId: string;
  /** `delivered` on a 2xx; otherwise why not (the erasure goes on either way). */
  outcome: 'delivered' | 'failed' | 'skipped';
  detail: string | null;
};

/** Sends the webhook of a meeting canceled by an erasure; what each destination answered. */
export type CancelNotifier = (
  conversation: Conversation | null,
  entry: CalendarEntry,
) => Promise<CancelNotice[]>;

export type CancelNotifierDeps = {
  config: Config;
  destinations: readonly Destination[];
  disabledDestinations: () => Promise<DisabledDestination[]>;
  clock: () => Date;
  newId: () => string;
  fetch?: typeof fetch;
};

/**
 * Sends the `meeting.canceled` webhook of a meeting canceled by an erasure, once per destination
 * that takes the event, in the usual body (the CRM must know whose meeting it was) and signed as
 * usual, before the person's data is erased. It keeps no delivery record: a record would keep
 * the body's subject in the data folder, and it could not be retried anyway once the
 * conversation it is built from is gone. The outcome is reported to the operator instead.
 *
 * @example const notify = createCancelNotifier({ config, destinations, disabledDestinations, clock, newId });
 */
export function createCancelNotifier(deps: CancelNotifierDeps): CancelNotifier {
  const doFetch = deps.fetch ?? globalThis.fetch;
  return async (conv: Conversation | null, entry: CalendarEntry): Promise<CancelNotice[]> => {
    // Without its conversation there is no lead to tell the CRM about.
    if (conv === null) return [];
    const at = deps.clock();
    const event = {
      id: deps.newId(),
      type: 'meeting.canceled',
      occurredAt: at.toISOString(),
      conversationId: conv.id,
    };
    const canceled: Conversation = {
      ...conv,
      meeting:
        conv.meeting?.id === entry.id
          ? { ...conv.meeting, status: 'canceled' }
          : {
              id: entry.id,
              start: entry.start,
              end: entry.end,
              repId: entry.repId,
              status: 'canceled',
              bookedAt: entry.createdAt,
            },
    };
    const off = new Set((await deps.disabledDestinations()).map((d) => d.destinationId));
    const out: CancelNotice[] = [];
    for (const dest of deps.destinations) {
      if (!matchesEvent(dest.events, event.type)) continue;
      if (off.has(dest.id)) {
        out.push({ destinationId: dest.id, outcome: 'skipped', detail: 'destination disabled' });
        continue;
      }
      let rendered;
      try {
        const { packet, view } = buildHandoff(canceled, event, deps.config);
        rendered = dest.render(packet, view);
      } catch (e) {
        const detail = `could not build the body: ${e instanceof Error ? e.message : String(e)}`;
        out.push({ destinationId: dest.id, outcome: 'failed', detail });
        continue;
      }
      if ('skip' in rendered) {
        out.push({ destinationId: dest.id, outcome: 'skipped', detail: rendered.skip });
        continue;
      }
      const headers = webhookHeaders({
        id: event.id,
        timestamp: Math.floor(at.getTime() / 1000),
        body: rendered.body,
        secrets: dest.secrets,
      });
      const r = await postWebhook({
        url: dest.url,
        headers: { ...dest.headers, ...headers },
        body: rendered.body,
        timeoutMs: deps.config.crm.attemptTimeoutMs,
        fetch: doFetch,
      });
      const ok = r.status !== null && r.status >= 200 && r.status < 300;
      out.push({
        destinationId: dest.id,
        outcome: ok ? 'delivered' : 'failed',
        detail: ok ? null : r.status !== null ? `HTTP ${r.status}` : (r.error ?? 'no response'),
      });
    }
    return out;
  };
}
