import type { Config } from '../../config/config-schema.js';
import type { ServerSecret } from '../../lib/server-secret.js';
import type { Conversation } from '../../conversation/conversation-schema.js';
import type { Store } from '../../store/store.js';
import { buildHandoff } from '../webhook/build-handoff.js';
import type { Destination } from './create-destinations.js';
import type { Attempt, Delivery } from './delivery-schema.js';
import type { DisabledDestination } from './delivery-store.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { postWebhook, type PostResult } from './post-webhook.js';
import { retryDelay } from './retry-delay.js';
import { webhookHeaders } from '../webhook/sign-webhook.js';
import type { RenderedBody } from '../webhook/webhook-template.js';

export type AttemptContext = {
  store: Store;
  config: Config;
  clock: () => Date;
  fetch: typeof fetch;
  random: () => number;
  schedule: readonly number[];
  attemptTimeoutMs: number;
  retryAfterMaxMs: number;
  /** Signs the meeting invite link in bodies; absent, bodies carry no link. */
  secret?: ServerSecret | undefined;
};

/** The settings of the attempts; absent ones come from the config's `crm` section. */
export type AttemptSettings = Pick<AttemptContext, 'store' | 'config' | 'clock'> &
  Partial<Omit<AttemptContext, 'store' | 'config' | 'clock'>>;

/** The attempt context of `settings`, with the real fetch and randomness by default. */
export function attemptContext(settings: AttemptSettings): AttemptContext {
  const { crm } = settings.config;
  return {
    store: settings.store,
    config: settings.config,
    clock: settings.clock,
    fetch: settings.fetch ?? globalThis.fetch,
    random: settings.random ?? Math.random,
    schedule: settings.schedule ?? crm.retrySchedule,
    attemptTimeoutMs: settings.attemptTimeoutMs ?? crm.attemptTimeoutMs,
    retryAfterMaxMs: settings.retryAfterMaxMs ?? crm.retryAfterMaxMs,
    secret: settings.secret,
  };
}

/** The record after the attempt, and the destination's disabled state when it answered 410. */
export type AttemptOutcome = { delivery: Delivery; disabled: DisabledDestination | null };

/**
 * Makes one attempt of a delivery: builds the body from the conversation as stored, signs it
 * (webhook-id = the event id; webhook-timestamp = now), POSTs it and decides what follows:
 * delivered on 2xx, and on 409 (the receiver already has it); the destination disabled on 410; otherwise (network error, time-out, any
 * other status, a body the template could not render) a retry after the schedule's next step
 * or the receiver's Retry-After, or the dead letter when the schedule is used up. A template
 * that skips the event (`{{skip}}`) makes it `skipped`, with no request. Nothing is saved here:
 * the caller stores the outcome.
 */
export async function attemptDelivery(
  d: Delivery,
  dest: Destination,
  ctx: AttemptContext,
): Promise<AttemptOutcome> {
  const started = ctx.clock();
  const conv = await ctx.store.getConversation(d.conversationId);
  if (conv === null)
    return {
      delivery: finish(d, started, 'dead', 'the conversation is no longer stored'),
      disabled: null,
    };

  const built = build(conv, d, dest, ctx);
  if ('skip' in built)
    return {
      delivery: finish(
        d,
        started,
        'skipped',
        `template "${dest.template ?? ''}" skipped it: ${built.skip}`,
      ),
      disabled: null,
    };
  const result =
    'error' in built
      ? built.error
      : dest.send
        ? await dest.send(d, conv)
        : await send(built, d, dest, ctx, started);
  const ended = ctx.clock();
  const attempt: Attempt = {
    at: started.toISOString(),
    status: result.status,
    durationMs: Math.max(0, ended.getTime() - started.getTime()),
    responseSnippet: result.snippet,
    error: result.error,
  };
  const logged: Delivery = { ...d, attempts: [...d.attempts, attempt] };

  if (result.status !== null && result.status >= 200 && result.status < 300) {
    return { delivery: finish(logged, ended, 'delivered', null), disabled: null };
  }
  if (result.status === 409) {
    // "Conflict: I already have this" (HubSpot's answer to creating a contact that exists):
    // retrying cannot change that answer, so the event is done.
    const reason = `${dest.url} answered 409 Conflict: the receiver already has it`;
    return { delivery: finish(logged, ended, 'delivered', reason), disabled: null };
  }
  if (result.status === 410) {
    const reason = `${dest.url} answered 410 Gone`;
    return {
      delivery: finish(logged, ended, 'disabled', reason),
      disabled: { destinationId: dest.id, url: dest.url, at: ended.toISOString(), reason },
    };
  }
  const failed = logged.attempts.length - logged.roundStart;
  const delay = retryDelay({
    schedule: ctx.schedule,
    failedAttempts: failed,
    random: ctx.random(),
    retryAfterMs: parseRetryAfter(result.retryAfter, ended),
    retryAfterMaxMs: ctx.retryAfterMaxMs,
  });
  if (delay === null) {
    return {
      delivery: finish(
        logged,
        ended,
        'dead',
        `gave up after ${failed} attempt${failed === 1 ? '' : 's'}`,
      ),
      disabled: null,
    };
  }
  const next = new Date(ended.getTime() + delay).toISOString();
  return {
    delivery: {
      ...logged,
      status: 'failed-retrying',
      nextAttemptAt: next,
      updatedAt: ended.toISOString(),
      reason: null,
    },
    disabled: null,
  };
}

/** Builds the body from the conversation as stored; a body that cannot be built is a failed attempt without a request. */
function build(
  conv: Conversation,
  d: Delivery,
  dest: Destination,
  ctx: AttemptContext,
): RenderedBody | { error: PostResult } {
  const event = {
    id: d.eventId,
    type: d.eventType,
    occurredAt: d.occurredAt,
    conversationId: d.conversationId,
  };
  try {
    const { packet, view } = buildHandoff(conv, event, ctx.config, ctx.secret);
    return dest.render(packet, view);
  } catch (e) {
    // Retried on the schedule like any failure, so a template fixed in the meantime (and a restart) still delivers.
    return {
      error: {
        status: null,
        snippet: null,
        error: `could not build the body: ${e instanceof Error ? e.message : String(e)}`,
        retryAfter: null,
      },
    };
  }
}

/** Signs and POSTs the body, to the path the template chose on the destination's host. */
async function send(
  { body, path }: { body: string; path?: string | undefined },
  d: Delivery,
  dest: Destination,
  ctx: AttemptContext,
  at: Date,
): Promise<PostResult> {
  const signed = webhookHeaders({
    id: d.eventId,
    timestamp: Math.floor(at.getTime() / 1000),
    body,
    secrets: dest.secrets,
  });
  return postWebhook({
    url: path === undefined ? dest.url : new URL(path, dest.url).href,
    headers: { ...dest.headers, ...signed },
    body,
    timeoutMs: ctx.attemptTimeoutMs,
    fetch: ctx.fetch,
  });
}

function finish(
  d: Delivery,
  at: Date,
  status: 'delivered' | 'dead' | 'disabled' | 'skipped',
  reason: string | null,
): Delivery {
  return { ...d, status, nextAttemptAt: null, updatedAt: at.toISOString(), reason };
}
