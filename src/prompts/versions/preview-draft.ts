import type { QuickReply } from '../../conversation/conversation-schema.js';
import { checkTemplateDraft } from '../check-template-draft.js';
import { compileTemplate, TemplateRenderError } from '../compile-template.js';
import { createHandlebarsEnv, type HandlebarsEnv } from '../handlebars-env.js';
import { PREVIEW_LEADS, previewVars, type PreviewLead } from '../preview-leads.js';
import type { PromptProblem } from '../prompt-problem.js';
import type { TemplateName } from '../template-vars.js';

/** One message of the preview: the first ask, the re-ask (ask-* only), or the only message. */
export type PreviewMessage = {
  kind: 'message' | 'first ask' | 're-ask';
  text: string;
  quickReplies: QuickReply[];
};
export type DraftPreview =
  | { ok: true; leads: { lead: PreviewLead; messages: PreviewMessage[] }[] }
  | { ok: false; problems: PromptProblem[] };

let hb: HandlebarsEnv | undefined;

/**
 * A draft rendered the way visitors would see it, for each sample lead (preview-leads.ts). An
 * ask-* template shows its first ask and its re-ask: the engine asks again with `retry: true`
 * and the same other variables (src/conversation/ask-slot.ts). The booking question's quick
 * replies are the offered times, as in the chat. A draft with errors (the checks publish runs)
 * gives its problems instead.
 *
 * @example previewDraft('ask-budget', source) // { ok: true, leads: [{ lead: 'qualified', messages: [{ kind: 'first ask', ... }, { kind: 're-ask', ... }] }, ...] }
 */
export function previewDraft(name: TemplateName, source: string): DraftPreview {
  const errors = checkTemplateDraft(name, source).filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: errors };
  const compiled = compileTemplate((hb ??= createHandlebarsEnv()), name, source, `${name}.hbs`);
  if (!compiled.ok) return { ok: false, problems: compiled.problems };
  const { render, quickReplies } = compiled.template;
  const message = (kind: PreviewMessage['kind'], vars: Record<string, unknown>): PreviewMessage => {
    const slots = name === 'ask-booking' ? vars.slots : undefined;
    const offered = Array.isArray(slots) ? slots.flatMap(slotReply) : quickReplies;
    return { kind, text: render(vars), quickReplies: offered };
  };
  try {
    const leads = PREVIEW_LEADS.map((lead) => {
      const vars = previewVars(name, lead);
      const messages =
        'retry' in vars
          ? [
              message('first ask', { ...vars, retry: false }),
              message('re-ask', { ...vars, retry: true }),
            ]
          : [message('message', vars)];
      return { lead, messages };
    });
    return { ok: true, leads };
  } catch (e) {
    if (e instanceof TemplateRenderError) return { ok: false, problems: [e.problem] };
    throw e;
  }
}

/** An offered time as the chat shows it: the label is also the value sent back. */
function slotReply(slot: unknown): QuickReply[] {
  if (typeof slot !== 'object' || slot === null || !('label' in slot)) return [];
  return typeof slot.label === 'string' ? [{ label: slot.label, value: slot.label }] : [];
}
