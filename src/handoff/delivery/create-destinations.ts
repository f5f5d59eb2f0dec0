import type { Config } from '../../config/config-schema.js';
import { ConfigError, type RuntimeEnv } from '../../config/load-config.js';
import type { HandoffPacket, TemplateView } from '../webhook/build-handoff.js';
import { secretKey } from '../webhook/sign-webhook.js';
import { isEventType } from '../webhook/event-types.js';
import type { Conversation } from '../../conversation/conversation-schema.js';
import type { Delivery } from './delivery-schema.js';
import type { PostResult } from './post-webhook.js';
import { loadWebhookTemplate, type RenderedBody } from '../webhook/webhook-template.js';

/** Where handoffs go: one URL, its secrets, which events it wants and how its body looks. */
export type Destination = {
  id: string;
  url: string;
  /** Every secret signs (several during a rotation); none means unsigned (e.g. Slack). */
  secrets: string[];
  /** Event type patterns: "lead.qualified", "meeting.*" or "*". */
  events: string[];
  /** Extra request headers, with ${NAME} already replaced from the environment. */
  headers: Record<string, string>;
  /** The template name, or null for the default JSON body. */
  template: string | null;
  /** The request body for a packet, or why the template skips it. */
  render(packet: HandoffPacket, view: TemplateView): RenderedBody;
  /** Delivers another way than an HTTP POST (the meeting emails); its result reads like one. */
  send?: ((delivery: Delivery, conversation: Conversation) => Promise<PostResult>) | undefined;
};

/** The id of the destination that CRM_WEBHOOK_URL / CRM_WEBHOOK_SECRET set up. */
export const DEFAULT_DESTINATION_ID = 'default';

/**
 * True when an event type matches one of the patterns: "*" matches all, "meeting.*" every type
 * starting with "meeting.", anything else itself.
 *
 * @example matchesEvent(['lead.qualified', 'meeting.*'], 'meeting.booked') // true
 */
export function matchesEvent(patterns: readonly string[], type: string): boolean {
  return patterns.some(
    (p) =>
      // "*" means every webhook event type, not leadbot's internal ones (the confirmation email).
      (p === '*' && isEventType(type)) ||
      p === type ||
      (p.endsWith('.*') && type.startsWith(p.slice(0, -1))),
  );
}

/**
 * The destinations of `config.crm.destinations`, plus the default one from CRM_WEBHOOK_URL and
 * CRM_WEBHOOK_SECRET (space-separated secrets sign together, for a rotation). When the config
 * also lists a destination with id "default", the variables override its URL and secret and it
 * keeps its events and template. Templates are loaded from `<promptsDir>/webhooks/` and checked
 * now. Throws ConfigError naming the field on any problem. `expandHeaders: false` keeps the
 * headers' `${NAME}` unexpanded, for tools that never send (the deliveries CLI, which must not
 * need HUBSPOT_TOKEN in its shell).
 *
 * @example const destinations = createDestinations(config, runtime);
 */
export function createDestinations(
  config: Config,
  runtime: RuntimeEnv,
  options: { env?: NodeJS.ProcessEnv; promptsDir?: string; expandHeaders?: boolean } = {},
): Destination[] {
  const env = options.env ?? process.env;
  const expand = options.expandHeaders ?? true;
  const promptsDir = options.promptsDir ?? config.promptsDir;
  const out: Destination[] = [];

  config.crm.destinations.forEach((d, i) => {
    const where = `crm.destinations[${i}] (${d.id})`;
    if (out.some((o) => o.id === d.id))
      throw new ConfigError(`${where}: the id "${d.id}" is used twice`);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(d.headers))
      headers[name] = expand ? expandEnv(value, env, `${where}.headers.${name}`) : value;
    out.push(
      destination(
        where,
        {
          id: d.id,
          url: d.url,
          secrets: [...(d.secret === undefined ? [] : [d.secret]), ...d.previousSecrets],
          events: d.events,
          headers,
          template: d.template ?? null,
        },
        promptsDir,
      ),
    );
  });

  if (runtime.crmWebhookUrl !== null || runtime.crmWebhookSecret !== null) {
    const envSecrets =
      runtime.crmWebhookSecret === null
        ? null
        : runtime.crmWebhookSecret.split(/\s+/).filter(Boolean);
    envSecrets?.forEach((s) => check(() => secretKey(s), 'CRM_WEBHOOK_SECRET'));
    const index = out.findIndex((d) => d.id === DEFAULT_DESTINATION_ID);
    const existing = out[index];
    const url = runtime.crmWebhookUrl ?? existing?.url;
    if (url === undefined)
      throw new ConfigError('CRM_WEBHOOK_SECRET is set but CRM_WEBHOOK_URL is not');
    const merged = destination(
      'CRM_WEBHOOK_URL',
      {
        id: DEFAULT_DESTINATION_ID,
        url,
        secrets: envSecrets ?? existing?.secrets ?? [],
        events: existing?.events ?? ['*'],
        headers: existing?.headers ?? {},
        template: existing?.template ?? null,
      },
      promptsDir,
    );
    if (existing === undefined) out.push(merged);
    else out[index] = merged;
  }
  return out;
}

function destination(
  where: string,
  d: Omit<Destination, 'render'>,
  promptsDir: string,
): Destination {
  d.secrets.forEach((s) => check(() => secretKey(s), `${where}.secret`));
  const template = d.template;
  const render =
    template === null
      ? null
      : check(() => loadWebhookTemplate(promptsDir, template), `${where}.template`);
  return {
    ...d,
    render: (packet, view) =>
      render === null ? { body: JSON.stringify(packet) } : render({ ...packet, view }),
  };
}

function check<T>(fn: () => T, where: string): T {
  try {
    return fn();
  } catch (e) {
    throw new ConfigError(`${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Replaces ${NAME} with the environment variable, so tokens stay out of the config file. */
function expandEnv(value: string, env: NodeJS.ProcessEnv, where: string): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = env[name];
    if (v === undefined || v === '')
      throw new ConfigError(`${where}: the environment variable ${name} is not set`);
    return v;
  });
}
