import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { QuickReply } from '../conversation/conversation-schema.js';
import type { PromptProblem } from './prompt-problem.js';

/** What a template may declare between `---` lines at its top. Unknown keys are typos. */
export const FrontMatterSchema = z.strictObject({
  quickReplies: z
    .array(
      z.strictObject({
        label: z
          .string()
          .trim()
          .min(1)
          .max(40, 'a quick reply label must fit on a button (40 characters)'),
        value: z.string().trim().min(1).max(300),
      }),
    )
    .max(6, 'offer at most 6 quick replies')
    .default([]),
  /** Typical visitor answers: `prompts:check` runs each through the rules (never shown). */
  sampleAnswers: z
    .array(z.string().trim().min(1).max(300))
    .max(20, 'keep at most 20 sample answers')
    .default([]),
});

export type SplitTemplate = {
  /** The handlebars part of the file. */
  body: string;
  /** Lines before the body: add to a body line to get the file line. */
  bodyLineOffset: number;
  quickReplies: QuickReply[];
  sampleAnswers: string[];
  problems: PromptProblem[];
};

const DELIMITER = /^---\s*$/;

/**
 * Splits a template file into its YAML front matter (validated) and its handlebars body,
 * keeping line numbers: problems point at the line of the file.
 */
export function splitFrontMatter(source: string, file: string): SplitTemplate {
  const text = source.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines.length === 0 || !DELIMITER.test(lines[0] ?? '')) {
    return { body: text, bodyLineOffset: 0, quickReplies: [], sampleAnswers: [], problems: [] };
  }
  const close = lines.findIndex((l, i) => i > 0 && DELIMITER.test(l));
  if (close < 0) {
    const message = 'front matter is not closed: add a line with --- after it';
    return {
      body: '',
      bodyLineOffset: 0,
      quickReplies: [],
      sampleAnswers: [],
      problems: [{ file, line: 1, message, severity: 'error' }],
    };
  }
  const yamlText = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  const bodyLineOffset = close + 1;
  const { quickReplies, sampleAnswers, problems } = parseYaml(yamlText, file);
  return { body, bodyLineOffset, quickReplies, sampleAnswers, problems };
}

function parseYaml(
  yamlText: string,
  file: string,
): { quickReplies: QuickReply[]; sampleAnswers: string[]; problems: PromptProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: true });
  // The YAML starts on the file's second line (after the opening ---).
  const fileLine = (yamlLine: number): number => yamlLine + 1;
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      file,
      line: fileLine(e.linePos?.[0].line ?? 1),
      message: `front matter: ${firstLine(e.message)}`,
      severity: 'error' as const,
    }));
    return { quickReplies: [], sampleAnswers: [], problems };
  }
  const parsed = FrontMatterSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) {
    const { quickReplies, sampleAnswers } = parsed.data;
    return { quickReplies, sampleAnswers, problems: [] };
  }
  const problems = parsed.error.issues.map((issue) => {
    // Point at the deepest node of the issue's path that exists in the document.
    let line = 1;
    for (let depth = issue.path.length; depth >= 0; depth--) {
      const node = doc.getIn(issue.path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        line = lineCounter.linePos(node.range[0]).line;
        break;
      }
    }
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return {
      file,
      line: fileLine(line),
      message: `front matter: ${where}${issue.message}`,
      severity: 'error' as const,
    };
  });
  return { quickReplies: [], sampleAnswers: [], problems };
}

function firstLine(s: string): string {
  return s.split('\n')[0]?.trim() ?? s;
}
