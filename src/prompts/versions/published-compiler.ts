import { compileTemplate, type CompiledTemplate } from '../compile-template.js';
import type { HandlebarsEnv } from '../handlebars-env.js';
import type { PromptProblem } from '../prompt-problem.js';
import type { TemplateName } from '../template-vars.js';
import type { TemplateVersion } from './template-version.js';

/** Where a published version's problems are reported: `<template>@v<n>`, not a file. */
export const versionLabel = (name: string, version: number): string => `${name}@v${version}`;

/**
 * Compiles published versions once each (cached per template and version number, so the
 * variants of an experiment stay compiled side by side). A version
 * that no longer compiles (the code's variables changed since it was published) is reported
 * once and gives null: the caller serves the file instead.
 *
 * @example const compiled = publishedCompiler(hb, report).get('ask-budget', version);
 */
export function publishedCompiler(hb: HandlebarsEnv, report: (p: PromptProblem) => void) {
  const cache = new Map<string, CompiledTemplate | null>();
  return {
    get(name: TemplateName, v: TemplateVersion): CompiledTemplate | null {
      const held = cache.get(versionLabel(name, v.version));
      if (held !== undefined) return held;
      const result = compileTemplate(hb, name, v.source, versionLabel(name, v.version));
      if (!result.ok) result.problems.forEach(report);
      const compiled = result.ok ? result.template : null;
      cache.set(versionLabel(name, v.version), compiled);
      return compiled;
    },
    /** A version that failed on real values: the file serves until a newer one is published. */
    markBroken(name: TemplateName, version: number): void {
      cache.set(versionLabel(name, version), null);
    },
  };
}
