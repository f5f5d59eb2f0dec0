import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { consoleUserOf, type ConsoleAuth } from '../console/console-auth.js';
import { renderExperimentPage } from '../console/experiments/render-experiment-page.js';
import type { Role } from '../console/users/user.js';
import { consoleApiSession, parseInput } from './console-api-guard.js';
import { ExperimentDraftSchema } from '../experiments/experiment.js';
import type { ExperimentService } from '../experiments/experiment-service.js';
import { TemplateInvalidError } from '../prompts/versions/check-draft.js';
import type { TemplateHistory } from '../prompts/versions/template-history.js';
import { TemplateNameSchema } from '../prompts/versions/template-version.js';
import { TEMPLATE_ROLES } from './console-templates-router.js';

export type ExperimentsRouterDeps = {
  experiments: ExperimentService;
  history: Pick<TemplateHistory, 'versions'>;
  /** The console's sessions and guard (createConsoleRouter's `auth` and `requireUser`). */
  consoleUi: { auth: ConsoleAuth; requireUser: (roles: readonly Role[]) => RequestHandler };
};

const API_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };
const PromoteBody = z.strictObject({ version: z.number().int().min(1).max(1_000_000) });
const StopBody = z.strictObject({});

/**
 * Experiments for marketers and admins (DESIGN.md "Prompt versions and experiments"), under
 * `/console/api/templates/:name/experiment`: `GET` (the running one, or null, and every earlier
 * one), `POST` `{ variants: [{ version, weight }], goal }` (start; 409 while one runs), `GET
 * /report`, `POST /promote` `{ version }`, `POST /stop`; and the page `GET
 * /console/templates/:name/experiment`. 401 without a session, 403 for reps; writes need the
 * session's CSRF token and the console's own Origin.
 *
 * @example app.use(createExperimentsRouter({ experiments, history, consoleUi }));
 */
export function createExperimentsRouter(deps: ExperimentsRouterDeps): Router {
  const { experiments, consoleUi } = deps;
  const session = consoleApiSession(consoleUi.auth, TEMPLATE_ROLES, 'Experiments');
  const allowed = consoleUi.requireUser(TEMPLATE_ROLES);
  const nameOf = (raw: unknown) => parseInput(TemplateNameSchema, raw, 'template');
  const by = (req: Request) => {
    const { user } = consoleUserOf(req);
    return { email: user.email, name: user.name };
  };
  const base = '/console/api/templates/:name/experiment';

  const router = Router();
  router.use(base, session, allowed, (_req, res, next) => {
    res.set(API_HEADERS);
    next();
  });
  router.get(base, async (req, res) => {
    const name = nameOf(req.params.name);
    const running = await experiments.running(name);
    res.json({ experiment: running, latest: await experiments.latest(name) });
  });
  router.post(base, async (req, res) => {
    const name = nameOf(req.params.name);
    const draft = parseInput(ExperimentDraftSchema, req.body, 'experiment');
    res.status(201).json(await experiments.start(name, draft, by(req)));
  });
  router.get(`${base}/report`, async (req, res) => {
    res.json(await experiments.report(nameOf(req.params.name)));
  });
  router.post(`${base}/stop`, async (req, res) => {
    const name = nameOf(req.params.name);
    parseInput(StopBody, req.body ?? {}, 'body');
    res.json(await experiments.stop(name, by(req)));
  });
  router.post(`${base}/promote`, async (req, res) => {
    const name = nameOf(req.params.name);
    const { version } = parseInput(PromoteBody, req.body, 'body');
    try {
      res.json(await experiments.promote(name, version, by(req)));
    } catch (e) {
      if (!(e instanceof TemplateInvalidError)) throw e;
      res.status(422).json({
        error: { code: 'TEMPLATE_INVALID', message: e.message },
        problems: e.problems.map((p) => ({
          line: p.line,
          message: p.message,
          severity: p.severity,
        })),
      });
    }
  });
  router.get('/console/templates/:name/experiment', allowed, async (req, res) => {
    const name = nameOf(req.params.name);
    const ctx = consoleUserOf(req);
    const versions = (await deps.history.versions(name)).map((v) => ({
      version: v.version,
      note: v.note,
    }));
    res.set(API_HEADERS);
    res.type('html').send(
      renderExperimentPage({
        template: name,
        versions,
        csrfToken: ctx.session.csrfToken,
        viewer: { name: ctx.user.name, role: ctx.user.role },
      }),
    );
  });
  return router;
}
