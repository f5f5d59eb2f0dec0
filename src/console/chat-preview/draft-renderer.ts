import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import type { Renderer } from '../../conversation/reply-renderer.js';
import { TemplateRenderError, type CompiledTemplate } from '../../prompts/compile-template.js';
import type { PromptProblem } from '../../prompts/prompt-problem.js';
import { TEMPLATE_VARS, type TemplateName } from '../../prompts/template-vars.js';

/** A renderer that speaks the draft for one template, and what the draft said. */
export type DraftRenderer = Renderer & {
  /** True when `text` (an agent message) holds wording the draft rendered. */
  drafted(text: string): boolean;
  /** Strict-mode failures of the draft on the conversation's real values. */
  failures(): PromptProblem[];
};

/**
 * Renders `name` with the compiled draft and every other template with `live` (the published
 * versions, or the files while none is). The draft's variables are validated like the
 * registry's; its texts are remembered, so the preview can mark the messages it produced.
 *
 * @example const r = draftRenderer(core.renderer, 'ask-budget', compiled);
 */
export function draftRenderer(
  live: Renderer,
  name: TemplateName,
  draft: CompiledTemplate,
): DraftRenderer {
  const texts = new Set<string>();
  const failures: PromptProblem[] = [];
  return {
    render(template, vars) {
      if (template !== name) return live.render(template, vars);
      const parsed = TEMPLATE_VARS[name].safeParse(vars);
      if (!parsed.success)
        throw new AppError(
          'INTERNAL',
          `invalid variables for template "${name}": ${z.prettifyError(parsed.error)}`,
        );
      const data: Record<string, unknown> = parsed.data;
      try {
        const text = draft.render(data);
        if (text.trim() !== '') texts.add(text.trim());
        return { text, quickReplies: draft.quickReplies };
      } catch (e) {
        if (e instanceof TemplateRenderError) failures.push(e.problem);
        throw e;
      }
    },
    drafted: (text) => [...texts].some((t) => text.includes(t)),
    failures: () => [...failures],
  };
}
