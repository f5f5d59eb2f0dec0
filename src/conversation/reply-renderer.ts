import type { QuickReply } from './conversation-schema.js';
import type { Assignments } from '../experiments/experiment.js';
import type { PromptRegistry } from '../prompts/prompt-registry.js';
import type { TemplateVersion } from '../prompts/versions/template-version.js';
import type { TemplateName, TemplateVars } from '../prompts/template-vars.js';
import type { ReplyPart } from './engine-types.js';

/** The conversation a template is rendered for (experiments): its id and stored assignments. */
export type RenderContext = { conversationId: string; assigned: Assignments; at: Date };

/** A rendered template; `variant` and the new `assigned` entries when an experiment chose it. */
export type Rendered = {
  text: string;
  quickReplies: QuickReply[];
  version?: number;
  variant?: string;
  assigned?: Assignments;
};

/**
 * Renders one template with its variables (the prompts registry implements this); `version` is
 * the template version that produced the text, when the renderer knows it.
 */
export type Renderer = {
  render(template: TemplateName, vars: Record<string, unknown>, ctx?: RenderContext): Rendered;
};

/**
 * Which version a conversation sees (src/experiments): null to serve the live one, else the
 * version to render (`pinned`: a published one, or null for the file) and its variant.
 */
export type VersionChooser = (
  template: TemplateName,
  ctx: RenderContext,
) => { pinned: TemplateVersion | null; variant: string; assigned: Assignments } | null;

/** The prompts registry as a Renderer; `choose` picks a version per conversation (experiments). */
export function registryRenderer(registry: PromptRegistry, choose?: VersionChooser): Renderer {
  return {
    // The registry validates `vars` against the template's zod schema at run time, so the
    // static link between a name and its variables (lost in the ReplyPart union) is checked there.
    render: (template, vars, ctx) => {
      const choice = ctx === undefined || choose === undefined ? null : choose(template, ctx);
      const typed = vars as TemplateVars<typeof template>;
      if (choice === null) return registry.render(template, typed);
      const { variant, assigned } = choice;
      return { ...registry.render(template, typed, choice.pinned), variant, assigned };
    },
  };
}

/** The variables every template gets. */
export type BaseVars = { company: string; agentName: string; firstName: string | null };

/** The template (its version and variant) a stored agent message records: its last part's. */
export type MessageOrigin = { template: TemplateName; version?: number; variant?: string };

/**
 * Joins the rendered parts into one message; the last part's own quick replies are offered,
 * and the last part (the question or step the message leads to) is the message's `origin`.
 * With `ctx`, experiments may choose the version; `assigned` holds the assignments made now.
 */
export function renderParts(
  renderer: Renderer,
  parts: readonly ReplyPart[],
  base: BaseVars,
  ctx?: RenderContext,
): {
  text: string;
  quickReplies: QuickReply[];
  origin: MessageOrigin | null;
  assigned: Assignments;
} {
  let assigned: Assignments = {};
  const rendered = parts.map((p) => {
    const here =
      ctx === undefined ? undefined : { ...ctx, assigned: { ...ctx.assigned, ...assigned } };
    const r = renderer.render(p.template, { ...base, ...p.vars }, here);
    assigned = { ...assigned, ...r.assigned };
    return r;
  });
  const text = rendered
    .map((r) => r.text.trim())
    .filter((t) => t.length > 0)
    .join('\n\n');
  const last = parts.at(-1);
  const version = rendered.at(-1)?.version;
  const variant = rendered.at(-1)?.variant;
  const origin = last
    ? {
        template: last.template,
        ...(version === undefined ? {} : { version }),
        ...(variant === undefined ? {} : { variant }),
      }
    : null;
  return { text, quickReplies: rendered.at(-1)?.quickReplies ?? [], origin, assigned };
}
