import type { z } from 'zod';
import type { QuickReply } from '../conversation/conversation-schema.js';
import { checkTemplateVars } from './check-template-vars.js';
import { splitFrontMatter } from './front-matter.js';
import { COMPILE_OPTIONS, type HandlebarsEnv } from './handlebars-env.js';
import type { PromptProblem } from './prompt-problem.js';
import { SAMPLE_VARS } from './sample-vars.js';
import { TEMPLATE_VARS, type TemplateName } from './template-vars.js';

/** A template that parsed, passed the variable check and rendered its samples. */
export type CompiledTemplate = {
  /** Renders already-validated variables; throws a PromptProblem-shaped error on a strict-mode failure. */
  render(vars: Record<string, unknown>): string;
  quickReplies: QuickReply[];
};

export type CompileResult =
  { ok: true; template: CompiledTemplate } | { ok: false; problems: PromptProblem[] };

/**
 * Turns one template file's text into a renderable template, or the list of its problems
 * with file lines: front matter, handlebars syntax, undeclared variables, and strict-mode
 * errors found by rendering the sample values (and their opposite branches).
 */
export function compileTemplate(
  hb: HandlebarsEnv,
  name: TemplateName,
  source: string,
  file: string,
): CompileResult {
  const split = splitFrontMatter(source, file);
  const problems = [...split.problems];
  const atLine = (bodyLine: number, message: string): PromptProblem => ({
    file,
    line: bodyLine + split.bodyLineOffset,
    message,
    severity: 'error',
  });
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(split.body);
  } catch (e) {
    problems.push(atLine(parseErrorLine(e), syntaxMessage(e)));
    return { ok: false, problems };
  }
  const schema = TEMPLATE_VARS[name];
  problems.push(...checkTemplateVars(ast, schema).map((i) => atLine(i.line, i.message)));
  if (problems.length > 0) return { ok: false, problems };

  let compiled: HandlebarsTemplateDelegate;
  try {
    compiled = hb.compile(split.body, COMPILE_OPTIONS);
  } catch (e) {
    return { ok: false, problems: [atLine(errorLine(e), runtimeMessage(e))] };
  }
  const render = (vars: Record<string, unknown>): string => {
    try {
      return tidy(compiled(vars));
    } catch (e) {
      throw new TemplateRenderError(atLine(errorLine(e), runtimeMessage(e)));
    }
  };
  for (const vars of sampleVariants(schema, SAMPLE_VARS[name])) {
    try {
      render(vars);
    } catch (e) {
      if (e instanceof TemplateRenderError) return { ok: false, problems: [e.problem] };
      throw e;
    }
  }
  return { ok: true, template: { render, quickReplies: split.quickReplies } };
}

/** A strict-mode failure while rendering, located in the template file. */
export class TemplateRenderError extends Error {
  constructor(readonly problem: PromptProblem) {
    super(`${problem.file}:${problem.line}: ${problem.message}`);
    this.name = 'TemplateRenderError';
  }
}

/**
 * Chat text, not a document: drops the blank lines and double spaces left by `{{#if}}`
 * blocks, so marketers can lay templates out for reading.
 */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/([^\s]) {2,}/g, '$1 ')
    .replace(/ +([,.!?])/g, '$1')
    .trim();
}

/** The sample, plus a copy with every boolean flipped, every nullable emptied and every list emptied. */
function sampleVariants(schema: z.ZodObject, sample: object): Record<string, unknown>[] {
  const base: Record<string, unknown> = schema.parse(sample);
  const flipped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) {
    const field = schema.shape[key];
    if (typeof value === 'boolean') flipped[key] = !value;
    else if (Array.isArray(value)) flipped[key] = [];
    else if (field?.safeParse(null).success) flipped[key] = null;
    else flipped[key] = value;
  }
  return [base, flipped];
}

/** Jison parse errors only say "Parse error on line N"; handlebars' own carry lineNumber. */
function parseErrorLine(e: unknown): number {
  if (e instanceof Error && 'lineNumber' in e && typeof e.lineNumber === 'number')
    return e.lineNumber;
  const m = /line (\d+)/.exec(e instanceof Error ? e.message : '');
  return m?.[1] ? Number(m[1]) : 1;
}

function syntaxMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (!text.startsWith('Parse error')) return `syntax error: ${text.replace(/ - \d+:\d+$/, '')}`;
  const lines = text.split('\n');
  if (/got 'EOF'/.test(text))
    return 'syntax error: a block is not closed (missing {{/if}}, {{/each}}, ...?)';
  // Handlebars prints the offending text on the second line of its message.
  const near = lines[1]?.trim();
  return near ? `syntax error near "${near.slice(-40)}"` : `syntax error: ${lines[0] ?? text}`;
}

function errorLine(e: unknown): number {
  if (e instanceof Error && 'lineNumber' in e && typeof e.lineNumber === 'number')
    return e.lineNumber;
  return 1;
}

/** "\"budgt\" not defined in [object Object] - 3:5" -> 'unknown variable "budgt"'. */
function runtimeMessage(e: unknown): string {
  const text = (e instanceof Error ? e.message : String(e)).replace(/ - \d+:\d+$/, '');
  const undefinedVar = /^"([^"]+)" not defined/.exec(text);
  return undefinedVar ? `unknown variable "${undefinedVar[1]}"` : text;
}
