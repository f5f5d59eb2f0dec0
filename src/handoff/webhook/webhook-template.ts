import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { HandoffPacket, TemplateView } from './build-handoff.js';

/** What a body template sees: the packet's fields at the top (`lead`, `summary`, ...) and `view`. */
export type TemplateContext = HandoffPacket & { view: TemplateView };
/** The body to send, or why the template chose to send nothing for this event (`{{skip "..."}}`). */
export type RenderedBody = { body: string; path?: string | undefined } | { skip: string };
export type RenderBody = (context: TemplateContext) => RenderedBody;

/**
 * Like the chat prompts (google/dotprompt): no HTML escaping (the output is JSON, not HTML),
 * strict lookups, and only the helpers below; `log` and `lookup` are not offered.
 */
const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: {
    json: true,
    text: true,
    slackEscape: true,
    skip: true,
    endpoint: true,
    log: false,
    lookup: false,
  },
} as const;

/** Where `{{endpoint}}` leaves the path it chose, passed to each render as `@request`. */
type RequestSlot = { request: { path?: string } };
function isRequestSlot(data: unknown): data is RequestSlot {
  return typeof data === 'object' && data !== null && 'request' in data;
}

/** Thrown by `{{skip}}` to end the render; turned into a `{ skip }` result, never seen outside. */
class SkipSignal extends Error {}

function isOptions(x: unknown): x is Handlebars.HelperOptions {
  return typeof x === 'object' && x !== null && 'hash' in x && 'data' in x;
}

/** Splits a helper call into its parameters; handlebars passes its options object last. */
function paramsOf(args: unknown[], helper: string): unknown[] {
  const params = isOptions(args[args.length - 1]) ? args.slice(0, -1) : args;
  // Helper parameters are not checked by `strict`; the packet never holds undefined (absent
  // values are null), so undefined here is a misspelled variable.
  if (params.some((p) => p === undefined))
    throw new Error(`${helper}: unknown variable (misspelled?)`);
  return params;
}

const piece = (v: unknown): string =>
  v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/**
 * A private handlebars instance with the body-template helpers:
 * - `{{json value}}` writes the value as JSON (a string with its quotes, a number, null, an object);
 * - `{{text a b c}}` writes one JSON string made of the pieces (null counts as empty);
 * - `(slackEscape value)` escapes &, < and > for Slack's mrkdwn, so visitor text cannot forge links;
 * - `{{skip "reason"}}` sends nothing for this event: the delivery is recorded as `skipped` with
 *   the reason (e.g. `{{#unless lead.contact.email}}{{skip "no email yet"}}{{/unless}}`);
 * - `{{endpoint "/path"}}` POSTs this body to that path on the destination URL's host (HubSpot's
 *   create and upsert are two endpoints); the host never changes.
 */
export function createWebhookHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.unregisterHelper('log');
  hb.unregisterHelper('lookup');
  hb.registerHelper('json', (...args: unknown[]) => {
    const params = paramsOf(args, 'json');
    if (params.length !== 1) throw new Error('json takes one value; use text to join several');
    return JSON.stringify(params[0]);
  });
  hb.registerHelper('text', (...args: unknown[]) =>
    JSON.stringify(paramsOf(args, 'text').map(piece).join('')),
  );
  hb.registerHelper('slackEscape', (...args: unknown[]) =>
    paramsOf(args, 'slackEscape')
      .map(piece)
      .join('')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;'),
  );
  hb.registerHelper('endpoint', (...args: unknown[]) => {
    const [path] = paramsOf(args, 'endpoint');
    const options = args[args.length - 1];
    if (typeof path !== 'string' || !/^\/(?!\/)[^\s?#]*(\?[^\s#]*)?$/.test(path))
      throw new Error(
        'endpoint takes a path that starts with one "/", like "/crm/v3/objects/contacts"',
      );
    if (isOptions(options) && isRequestSlot(options.data)) options.data.request.path = path;
    return '';
  });
  hb.registerHelper('skip', (...args: unknown[]) => {
    throw new SkipSignal(
      paramsOf(args, 'skip').map(piece).join('') || 'the template skipped this event',
    );
  });
  return hb;
}

/**
 * Compiles a body template, checking it at once (syntax, unknown helpers), so a broken template
 * fails at start-up rather than at the first lead. Every body is checked to be valid JSON.
 *
 * @example compileWebhookTemplate('{ "text": {{json summary}} }', 'slack.hbs')(context) // { body: '{ "text": "Dana Lee, ..." }' }
 */
export function compileWebhookTemplate(
  source: string,
  file: string,
  hb = createWebhookHandlebars(),
): RenderBody {
  try {
    hb.precompile(source, COMPILE_OPTIONS);
  } catch (e) {
    throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const template = hb.compile<TemplateContext>(source, COMPILE_OPTIONS);
  return (context) => {
    let body: string;
    const request: RequestSlot['request'] = {};
    try {
      body = template(context, { data: { request } });
    } catch (e) {
      if (e instanceof SkipSignal) return { skip: e.message };
      throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      JSON.parse(body);
    } catch (e) {
      throw new Error(
        `${file} rendered invalid JSON: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    return request.path === undefined ? { body } : { body, path: request.path };
  };
}

/** A template name is a file name in `<promptsDir>/webhooks/`, with or without `.hbs`. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Loads and compiles `<promptsDir>/webhooks/<name>.hbs`. Throws naming the file when the name
 * is not a plain file name, the file is missing or the template does not compile.
 *
 * @example const render = loadWebhookTemplate('./prompts', 'slack-message');
 */
export function loadWebhookTemplate(promptsDir: string, name: string): RenderBody {
  const bare = name.endsWith('.hbs') ? name.slice(0, -'.hbs'.length) : name;
  if (!NAME.test(bare))
    throw new Error(
      `template "${name}" must be a file name in ${path.join(promptsDir, 'webhooks')}`,
    );
  const file = path.join(promptsDir, 'webhooks', `${bare}.hbs`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return compileWebhookTemplate(source, file);
}
