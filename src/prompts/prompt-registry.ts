import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import type { QuickReply } from '../conversation/conversation-schema.js';
import { compileTemplate, TemplateRenderError, type CompiledTemplate } from './compile-template.js';
import { createHandlebarsEnv } from './handlebars-env.js';
import { PromptLoadError } from './prompt-load-error.js';
import type { PromptProblem } from './prompt-problem.js';
import type { LiveTemplates } from './versions/live-templates.js';
import { publishedCompiler } from './versions/published-compiler.js';
import type { TemplateVersion } from './versions/template-version.js';
import {
  TEMPLATE_NAMES,
  TEMPLATE_VARS,
  type TemplateName,
  type TemplateVars,
} from './template-vars.js';

/** Where a broken edit is reported: file, 1-based line in the file, and what is wrong. */
export type PromptError = { file: string; line: number; message: string };

/** `version`: the template version that produced it (1 is the file, 2+ published). */
export type RenderedPrompt = { text: string; quickReplies: QuickReply[]; version: number };

/** The templates marketers edit, rendered with hot reload. */
export type PromptRegistry = {
  /**
   * Renders a template with its declared variables (invalid variables are a programming
   * error and throw). Picks up an edited file within `recheckMs`; a broken edit keeps the
   * last good version live. `pinned` (experiments) renders that version instead of the live one:
   * a published version, or null for the file.
   */
  render<N extends TemplateName>(
    name: N,
    vars: TemplateVars<N>,
    pinned?: TemplateVersion | null,
  ): RenderedPrompt;
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
  /**
   * Published versions (DESIGN.md "Prompt versions"): the latest published one of a template is
   * live; its file (version 1) is live, with hot reload, only while none is published.
   */
  published?: Pick<LiveTemplates, 'current'>;
};

/** Version 1 of every template is its file. */
const FILE_VERSION = 1;

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
  const published = publishedCompiler(hb, report);

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
    render(name, vars, pinned) {
      const entry = entries.get(name);
      if (!entry) throw new AppError('INTERNAL', `unknown template "${name}"`);
      const parsed = TEMPLATE_VARS[name].safeParse(vars);
      if (!parsed.success) {
        throw new AppError(
          'INTERNAL',
          `invalid variables for template "${name}": ${z.prettifyError(parsed.error)}`,
        );
      }
      const data: Record<string, unknown> = parsed.data;
      const pub = pinned === undefined ? (options.published?.current(name) ?? null) : pinned;
      const compiled = pub === null ? null : published.get(name, pub);
      if (pub !== null && compiled !== null) {
        try {
          const text = compiled.render(data);
          return { text, quickReplies: compiled.quickReplies, version: pub.version };
        } catch (e) {
          // Checked at publish, yet failing on real values: the file serves until the next one.
          if (!(e instanceof TemplateRenderError)) throw e;
          report(e.problem);
          published.markBroken(name, pub.version);
        }
      }
      refresh(name, entry);
      try {
        const text = entry.live.render(data);
        return { text, quickReplies: entry.live.quickReplies, version: FILE_VERSION };
      } catch (e) {
        // A version that passed its checks but fails on real values: report it once and
        // fall back to the version before it, which stays live until the file changes again.
        if (!(e instanceof TemplateRenderError) || entry.previous === null) throw e;
        report(e.problem);
        entry.live = entry.previous;
        entry.previous = null;
        const text = entry.live.render(data);
        return { text, quickReplies: entry.live.quickReplies, version: FILE_VERSION };
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
