import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { consoleUserOf, type ConsoleAuth } from '../console/console-auth.js';
import type { Role } from '../console/users/user.js';
import { consoleApiSession, parseInput } from './console-api-guard.js';
import type { ExperimentStore } from '../experiments/experiment-store.js';
import { TemplateInvalidError } from '../prompts/versions/check-draft.js';
import type { TemplateHistory } from '../prompts/versions/template-history.js';
import { addDraftRoutes } from './template-draft-routes.js';
import { MAX_TEMPLATE_CHARS, TemplateNameSchema } from '../prompts/versions/template-version.js';

export type TemplatesRouterDeps = {
  history: TemplateHistory;
  /** The console's sessions and guard (createConsoleRouter's `auth` and `requireUser`). */
  consoleUi: { auth: ConsoleAuth; requireUser: (roles: readonly Role[]) => RequestHandler };
  /** Running experiments: each template in the list shows its own (null when none runs). */
  experiments?: Pick<ExperimentStore, 'running'>;
};

/** Who edits the agent's wording (DESIGN.md "Console"). */
export const TEMPLATE_ROLES: readonly Role[] = ['marketer', 'admin'];
const API_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

const VersionNumber = z.coerce.number().int().min(1).max(1_000_000);
const PublishBody = z.strictObject({
  source: z.string().max(MAX_TEMPLATE_CHARS),
  note: z.string().trim().max(500).default(''),
});
const RollbackBody = z.strictObject({
  version: VersionNumber,
  note: z.string().trim().max(500).optional(),
});
const DiffQuery = z.object({ from: VersionNumber, to: VersionNumber });

/** A refused draft answers 422 with the problems, so the editor can mark each line. */
function sendInvalid(res: Response, e: TemplateInvalidError): void {
  res.status(422).json({
    error: { code: 'TEMPLATE_INVALID', message: e.message },
    problems: e.problems.map((p) => ({ line: p.line, message: p.message, severity: p.severity })),
  });
}

/**
 * The templates' JSON API for marketers and admins (DESIGN.md "Prompt versions"), under
 * `/console/api/templates`: `GET /` (every template and its live version), `GET /:name` (its
 * versions, 1 being the file), `GET /:name/versions/:version` (with its text), `POST
 * /:name/versions` `{ source, note }` (publish; 422 with `problems` when the prompt checks
 * refuse it), `POST /:name/rollback` `{ version, note? }`, `GET /:name/diff?from=&to=`.
 * 401 without a session, 403 for reps; writes need the session's CSRF token and own Origin.
 *
 * @example app.use(createTemplatesRouter({ history, consoleUi }));
 */
export function createTemplatesRouter(deps: TemplatesRouterDeps): Router {
  const { history, consoleUi } = deps;
  // An API answers in JSON: 401 rather than the login page's redirect, 403 rather than a page.
  const session = consoleApiSession(consoleUi.auth, TEMPLATE_ROLES, 'Templates');
  const allowed = consoleUi.requireUser(TEMPLATE_ROLES);
  const nameOf = (raw: unknown) => parseInput(TemplateNameSchema, raw, 'template');
  const by = (req: Request) => {
    const { user } = consoleUserOf(req);
    return { email: user.email, name: user.name };
  };

  const router = Router();
  router.use('/console/api/templates', session, allowed, (_req, res, next) => {
    res.set(API_HEADERS);
    next();
  });
  addDraftRoutes(router);
  router.get('/console/api/templates', async (_req, res) => {
    const running = new Map((await deps.experiments?.running())?.map((e) => [e.template, e]));
    const templates = (await history.overview()).map((t) => {
      const e = running.get(t.name);
      const variants = e?.variants.map(({ version, weight }) => ({ version, weight }));
      return { ...t, experiment: e ? { id: e.id, goal: e.goal, variants } : null };
    });
    res.json({ templates });
  });
  router.get('/console/api/templates/:name', async (req, res) => {
    const name = nameOf(req.params.name);
    const versions = await history.versions(name);
    const live = versions.at(-1)?.version ?? 1;
    res.json({
      name,
      live,
      versions: versions.map(({ source: _source, ...v }) => ({ ...v, live: v.version === live })),
    });
  });
  router.get('/console/api/templates/:name/versions/:version', async (req, res) => {
    const name = nameOf(req.params.name);
    res.json(await history.get(name, parseInput(VersionNumber, req.params.version, 'version')));
  });
  router.get('/console/api/templates/:name/diff', async (req, res) => {
    const name = nameOf(req.params.name);
    const { from, to } = parseInput(DiffQuery, req.query, 'query');
    res.json(await history.diff(name, from, to));
  });
  router.post('/console/api/templates/:name/versions', async (req, res) => {
    const name = nameOf(req.params.name);
    const body = parseInput(PublishBody, req.body, 'body');
    try {
      res.status(201).json(await history.publish(name, body.source, by(req), body.note));
    } catch (e) {
      if (e instanceof TemplateInvalidError) return sendInvalid(res, e);
      throw e;
    }
  });
  router.post('/console/api/templates/:name/rollback', async (req, res) => {
    const name = nameOf(req.params.name);
    const body = parseInput(RollbackBody, req.body, 'body');
    try {
      res.status(201).json(await history.rollback(name, body.version, by(req), body.note));
    } catch (e) {
      if (e instanceof TemplateInvalidError) return sendInvalid(res, e);
      throw e;
    }
  });
  return router;
}
