import { Router } from 'express';
import { z } from 'zod';
import { consoleUserOf } from '../console/console-auth.js';
import { renderConsoleNotice } from '../console/console-pages.js';
import { renderTemplateEditor } from '../console/templates/template-editor-page.js';
import {
  renderTemplatesList,
  type ListedTemplate,
} from '../console/templates/templates-list-page.js';
import type { Config } from '../config/config-schema.js';
import type { TemplateHistory } from '../prompts/versions/template-history.js';
import { isTemplateName } from '../prompts/template-vars.js';
import { TEMPLATE_ROLES, type TemplatesRouterDeps } from './console-templates-router.js';

export type TemplatePagesRouterDeps = {
  /** The overview may carry each template's experiment (`experiment`), shown when present. */
  history: Pick<TemplateHistory, 'versions'> & { overview(): Promise<readonly ListedTemplate[]> };
  consoleUi: TemplatesRouterDeps['consoleUi'];
  config: Pick<Config, 'booking'>;
};

const Published = z.coerce.number().int().min(1).max(1_000_000);

/**
 * The console's templates pages for marketers and admins (reps get a 403 page, anonymous
 * visitors the login page): `GET /console/templates` (the list) and `GET /console/templates/
 * <name>` (the editor; its script talks to `/console/api/templates`). `?published=<n>` after a
 * publish or rollback shows a fixed "v<n> is live" notice.
 *
 * @example app.use(createTemplatePagesRouter({ history, consoleUi, config }));
 */
export function createTemplatePagesRouter(deps: TemplatePagesRouterDeps): Router {
  const { history, consoleUi, config } = deps;
  const allowed = consoleUi.requireUser(TEMPLATE_ROLES);
  const timezone = config.booking.timezone;
  const router = Router();

  router.get('/console/templates', allowed, async (req, res) => {
    const { user, session } = consoleUserOf(req);
    const templates = await history.overview();
    res
      .type('html')
      .send(renderTemplatesList({ user, csrfToken: session.csrfToken, templates, timezone }));
  });

  router.get('/console/templates/:name', allowed, async (req, res) => {
    const name = String(req.params.name);
    if (!isTemplateName(name))
      return void res
        .status(404)
        .type('html')
        .send(renderConsoleNotice('No such template', 'There is no template by that name.'));
    const { user, session } = consoleUserOf(req);
    const versions = await history.versions(name);
    const published = Published.safeParse(req.query.published);
    const notice = published.success ? `Version ${published.data} is live.` : null;
    res.type('html').send(
      renderTemplateEditor({
        user,
        csrfToken: session.csrfToken,
        name,
        versions,
        timezone,
        notice,
      }),
    );
  });
  return router;
}
