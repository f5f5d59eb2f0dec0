import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import type { QuickReply } from '../conversation/conversation-schema.js';
import { compileTemplate, TemplateRenderError, type CompiledTemplate } from './compile-template.js';
import { createHandlebarsEnv } from './handlebars-env.js';
import { PromptLoadError } from './prompt-load-error.js';
import type { PromptProblem } from './prompt-problem.js';
import {
  TEMPLATE_NAMES,
  TEMPLATE_VARS,
  type TemplateName,
  type TemplateVars,
} from './template-vars.js';

/** Where a broken edit is reported: file, 1-based line in the file, and what is wrong. */
export type PromptError = { file: string; line: number; message: string };

export type RenderedPrompt = { text: string; quickReplies: QuickReply[] };

/** The templates marketers edit, rendered with hot reload. */
export type PromptRegistry = {
  /**
   * Renders a template with its declared variables (invalid variables are a programming
   * error and throw). Picks up an edited file within `recheckMs`; a broken edit keeps the
   * last good version live.
   */
  render<N extends TemplateName>(name: N, vars: TemplateVars<N>): RenderedPrompt;
};

export type PromptRegistryOptions = {
  /** The folder holding `<template>.hbs` files (config `promptsDir`). */
  dir: string;
  /** Called once per broken version of a file. Defaults to a process warning. */
  onError?: (error: PromptError) => void;
  /**
   * How often a file is checked for edits, ms: at most once per this interval, on a render.
   * Default 1,000 (a stat on every render of every turn costs more than the render).
   */
  recheckMs?: number;
};

const MISSING = 'missing';
const DEFAULT_RECHECK_MS = 1_000;

type Entry = {
  file: string;
  live: CompiledTemplate;
  /** The version before `live`, to fall back on when `live` fails at render. */
  previous: CompiledTemplate | null;
  /** mtime and size of the file version last looked at, good or broken. */
  seen: string;
  /** When the file was last checked for an edit (Date.now()). */
  checkedAt: number;
};

/**
 * Loads every template of TEMPLATE_VARS from `dir`. Throws a PromptLoadError listing every
 * missing or broken file, so a bad deploy fails at start-up rather than mid-chat.
 * @example
 * const prompts = createPromptRegistry({ dir: './prompts', onError: (e) => log.warn(e) });
 * prompts.render('ask-budget', { company: 'Beacon', agentName: 'Ava', firstName: null, retry: false });
 */
export function createPromptRegistry(options: PromptRegistryOptions): PromptRegistry {
  const hb = createHandlebarsEnv();
  const onError =
    options.onError ??
    ((e: PromptError) => process.emitWarning(`${e.file}:${e.line}: ${e.message}`, 'PromptWarning'));
  const entries = new Map<TemplateName, Entry>();
  const problems: PromptProblem[] = [];

  for (const name of TEMPLATE_NAMES) {
    const file = path.join(options.dir, `${name}.hbs`);
    const seen = versionOf(file);
    if (seen === null) {
      problems.push({ file, line: 0, message: `missing template "${name}"`, severity: 'error' });
      continue;
    }
    const result = compileTemplate(hb, name, readFileSync(file, 'utf8'), file);
    if (result.ok)
      entries.set(name, {
        file,
        live: result.template,
        previous: null,
        seen,
        checkedAt: Date.now(),
      });
    else problems.push(...result.problems);
  }
  if (problems.length > 0) throw new PromptLoadError(problems);

  const report = (p: PromptProblem): void =>
    onError({ file: p.file, line: p.line, message: p.message });

  /** Recompiles the file when its mtime or size changed since last looked at. */
  const recheckMs = options.recheckMs ?? DEFAULT_RECHECK_MS;
  const refresh = (name: TemplateName, entry: Entry): void => {
    const now = Date.now();
    if (now - entry.checkedAt < recheckMs) return;
    entry.checkedAt = now;
    const version = versionOf(entry.file);
    if ((version ?? MISSING) === entry.seen) return;
    entry.seen = version ?? MISSING;
    if (version === null) {
      report({
        file: entry.file,
        line: 0,
        message: 'file is missing: the last good version stays live',
        severity: 'error',
      });
      return;
    }
    let source: string;
    try {
      source = readFileSync(entry.file, 'utf8');
    } catch (e) {
      report({
        file: entry.file,
        line: 0,
        message: `cannot read: ${e instanceof Error ? e.message : String(e)}`,
        severity: 'error',
      });
      return;
    }
    const result = compileTemplate(hb, name, source, entry.file);
    if (!result.ok) {
      result.problems.forEach(report);
      return;
    }
    entry.previous = entry.live;
    entry.live = result.template;
  };

  return {
    render(name, vars) {
      const entry = entries.get(name);
      if (!entry) throw new AppError('INTERNAL', `unknown template "${name}"`);
      const parsed = TEMPLATE_VARS[name].safeParse(vars);
      if (!parsed.success) {
        throw new AppError(
          'INTERNAL',
          `invalid variables for template "${name}": ${z.prettifyError(parsed.error)}`,
        );
      }
      refresh(name, entry);
      const data: Record<string, unknown> = parsed.data;
      try {
        return { text: entry.live.render(data), quickReplies: entry.live.quickReplies };
      } catch (e) {
        // A version that passed its checks but fails on real values: report it once and
        // fall back to the version before it, which stays live until the file changes again.
        if (!(e instanceof TemplateRenderError) || entry.previous === null) throw e;
        report(e.problem);
        entry.live = entry.previous;
        entry.previous = null;
        return { text: entry.live.render(data), quickReplies: entry.live.quickReplies };
      }
    },
  };
}

/** A cheap version stamp: nanosecond mtime and size; null when the file is gone. */
function versionOf(file: string): string | null {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.mtimeNs}:${stat.size}`;
  } catch {
    return null;
  }
}
