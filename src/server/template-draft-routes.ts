import type { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { checkTemplateDraft } from '../prompts/check-template-draft.js';
import { previewDraft } from '../prompts/versions/preview-draft.js';
import { MAX_TEMPLATE_CHARS, TemplateNameSchema } from '../prompts/versions/template-version.js';

const DraftBody = z.strictObject({ source: z.string().max(MAX_TEMPLATE_CHARS) });

function parseDraft(params: unknown, body: unknown) {
  const name = TemplateNameSchema.safeParse(params);
  if (!name.success) throw new AppError('BAD_REQUEST', 'invalid template: not a known template');
  const draft = DraftBody.safeParse(body);
  if (!draft.success) {
    const issue = draft.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` ${issue.path.join('.')}` : '';
    throw new AppError('BAD_REQUEST', `invalid body${where}: ${issue?.message ?? 'invalid'}`);
  }
  return { name: name.data, source: draft.data.source };
}

/**
 * The editor's draft routes, added to the templates router behind its guard (marketers and
 * admins, session CSRF token and own Origin on every POST, although neither stores anything):
 * `POST /console/api/templates/:name/check` `{ source }` -> `{ problems: [{ line, message,
 * severity }] }` (the prompt checks, as the marketer types), and `POST .../:name/preview`
 * `{ source }` -> `{ template, leads: [{ lead, messages: [{ kind, text, quickReplies }] }] }`,
 * or 422 `TEMPLATE_INVALID` with `problems` when the draft would not publish.
 *
 * @example addDraftRoutes(router); // after router.use('/console/api/templates', guard)
 */
export function addDraftRoutes(router: Router): void {
  router.post('/console/api/templates/:name/check', (req, res) => {
    const { name, source } = parseDraft(req.params.name, req.body);
    const problems = checkTemplateDraft(name, source).map(({ line, message, severity }) => ({
      line,
      message,
      severity,
    }));
    res.json({ problems });
  });
  router.post('/console/api/templates/:name/preview', (req, res) => {
    const { name, source } = parseDraft(req.params.name, req.body);
    const preview = previewDraft(name, source);
    if (preview.ok) return void res.json({ template: name, leads: preview.leads });
    res.status(422).json({
      error: { code: 'TEMPLATE_INVALID', message: `${name} has problems: it cannot be previewed` },
      problems: preview.problems.map(({ line, message, severity }) => ({
        line,
        message,
        severity,
      })),
    });
  });
}
