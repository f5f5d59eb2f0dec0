import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { consoleUserOf, type ConsoleAuth } from '../console/console-auth.js';
import { playDraft, type PlayDeps } from '../console/chat-preview/play-draft.js';
import type { Role } from '../console/users/user.js';
import { consoleApiSession, parseInput } from './console-api-guard.js';
import { VisitorSchema } from '../lead/visitor.js';
import type { PromptProblem } from '../prompts/prompt-problem.js';
import { MAX_TEMPLATE_CHARS, TemplateNameSchema } from '../prompts/versions/template-version.js';
import { TEMPLATE_ROLES } from './console-templates-router.js';
import { createInFlightLimit } from './limits/in-flight-limit.js';

/** The most visitor messages one preview replays (each call starts the conversation anew). */
export const MAX_PREVIEW_MESSAGES = 40;
/** The longest visitor message of a preview (the widget's own cap when lower). */
export const MAX_PREVIEW_MESSAGE_CHARS = 500;
/** Previews one console user may have playing at once (the panel sends one at a time). */
export const MAX_PREVIEWS_IN_FLIGHT = 2;

export type ChatPreviewRouterDeps = PlayDeps & {
  /** The console's sessions and guard (createConsoleRouter's `auth` and `requireUser`). */
  consoleUi: { auth: ConsoleAuth; requireUser: (roles: readonly Role[]) => RequestHandler };
};

function bodySchema(maxChars: number) {
  const text = z.string().trim().min(1, 'a message is empty').max(maxChars);
  return z.strictObject({
    source: z.string().max(MAX_TEMPLATE_CHARS),
    messages: z.array(text).max(MAX_PREVIEW_MESSAGES).default([]),
    timezone: VisitorSchema.shape.timezone,
  });
}

/** A problem as the editor marks it (the file name is the template's, known to the page). */
const publicProblem = (p: PromptProblem) => ({
  line: p.line,
  message: p.message,
  severity: p.severity,
});

/**
 * The chat preview of the template editor: `POST /console/api/templates/:name/chat-preview`
 * `{ source, messages, timezone? }` plays a fresh conversation (greeting, then each visitor
 * text) with the draft `source` for template `name` and the live wording of every other one,
 * and answers `{ transcript: [{ role, text, quickReplies, template?, draft }], problems }`.
 * Stateless: nothing is kept between calls, nothing reaches the real store, calendar, outbox or
 * a model. 422 `TEMPLATE_INVALID` with `problems` for a draft that does not render, 400 for bad
 * input, 429 when the user has {@link MAX_PREVIEWS_IN_FLIGHT} playing already; marketers and
 * admins only (401/403 JSON), with the CSRF token and the console's own Origin.
 *
 * @example app.use(createChatPreviewRouter({ config, renderer, answer, rules, clock, consoleUi }));
 */
export function createChatPreviewRouter(deps: ChatPreviewRouterDeps): Router {
  const { consoleUi } = deps;
  const Body = bodySchema(Math.min(MAX_PREVIEW_MESSAGE_CHARS, deps.config.server.maxMessageChars));
  // An API answers in JSON: 401 rather than the login page's notice, 403 rather than a page.
  const session = consoleApiSession(consoleUi.auth, TEMPLATE_ROLES, 'Templates');
  const previews = createInFlightLimit(
    MAX_PREVIEWS_IN_FLIGHT,
    'Previews are still playing: try again in a moment.',
  );
  const router = Router();
  router.post(
    '/console/api/templates/:name/chat-preview',
    session,
    consoleUi.requireUser(TEMPLATE_ROLES),
    async (req, res) => {
      res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' });
      const name = parseInput(TemplateNameSchema, req.params.name, 'template');
      const body = parseInput(Body, req.body, 'body');
      const result = await previews.run(consoleUserOf(req).user.email, () =>
        playDraft(deps, name, body.source, body.messages, body.timezone),
      );
      if (!result.ok)
        return void res.status(422).json({
          error: { code: 'TEMPLATE_INVALID', message: `${name} has a draft that does not render` },
          problems: result.problems.map(publicProblem),
        });
      res.json({
        transcript: result.transcript,
        problems: result.problems.map(publicProblem),
      });
    },
  );
  return router;
}
