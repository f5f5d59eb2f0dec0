import type { QuickReply } from './conversation-schema.js';
import type { PromptRegistry } from '../prompts/prompt-registry.js';
import type { TemplateName, TemplateVars } from '../prompts/template-vars.js';
import type { ReplyPart } from './engine-types.js';

/**
 * Renders one template with its variables (the prompts registry implements this); `version` is
 * the template version that produced the text, when the renderer knows it.
 */
export type Renderer = {
  render(
    template: TemplateName,
    vars: Record<string, unknown>,
  ): { text: string; quickReplies: QuickReply[]; version?: number };
};

/** The prompts registry as a Renderer. */
export function registryRenderer(registry: PromptRegistry): Renderer {
  return {
    // The registry validates `vars` against the template's zod schema at run time, so the
    // static link between a name and its variables (lost in the ReplyPart union) is checked there.
    render: (template, vars) => registry.render(template, vars as TemplateVars<typeof template>),
  };
}

/** The variables every template gets. */
export type BaseVars = { company: string; agentName: string; firstName: string | null };

/** The template (and its version) a stored agent message records: its last part's. */
export type MessageOrigin = { template: TemplateName; version?: number };

/**
 * Joins the rendered parts into one message; the last part's own quick replies are offered,
 * and the last part (the question or step the message leads to) is the message's `origin`.
 */
export function renderParts(
  renderer: Renderer,
  parts: readonly ReplyPart[],
  base: BaseVars,
): { text: string; quickReplies: QuickReply[]; origin: MessageOrigin | null } {
  const rendered = parts.map((p) => renderer.render(p.template, { ...base, ...p.vars }));
  const text = rendered
    .map((r) => r.text.trim())
    .filter((t) => t.length > 0)
    .join('\n\n');
  const last = parts.at(-1);
  const version = rendered.at(-1)?.version;
  const origin = last
    ? { template: last.template, ...(version === undefined ? {} : { version }) }
    : null;
  return { text, quickReplies: rendered.at(-1)?.quickReplies ?? [], origin };
}
