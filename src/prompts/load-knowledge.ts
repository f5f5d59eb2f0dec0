import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One FAQ entry of `prompts/knowledge.md`: a `## question` heading and the paragraphs below it. */
export type KnowledgeEntry = {
  question: string;
  answer: string;
  /** Extra words that should find this entry, from a `Keywords:` line (not shown to visitors). */
  keywords: string[];
  /** 1-based line of the heading, for messages about the file. */
  line: number;
};

export type Knowledge = { file: string; entries: KnowledgeEntry[] };

export const KNOWLEDGE_FILE = 'knowledge.md';

/**
 * Reads `<dir>/knowledge.md`. A missing file is an empty knowledge base: the agent then says
 * a specialist will follow up, as it does for any question the FAQ does not cover.
 */
export function loadKnowledge(dir: string): Knowledge {
  const file = path.join(dir, KNOWLEDGE_FILE);
  if (!existsSync(file)) return { file, entries: [] };
  return { file, entries: parseKnowledge(readFileSync(file, 'utf8')) };
}

/**
 * Parses the FAQ markdown: text before the first `## ` heading is an introduction for
 * marketers; HTML comments are notes and never shown; a line `Keywords: a, b` adds words to
 * match without showing them.
 * @example parseKnowledge('## Is there a free trial?\nYes, 14 days.')
 * // [{ question: 'Is there a free trial?', answer: 'Yes, 14 days.', keywords: [], line: 1 }]
 */
export function parseKnowledge(markdown: string): KnowledgeEntry[] {
  // Comments are blanked line by line so heading line numbers stay true.
  const text = markdown.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ''));
  const entries: KnowledgeEntry[] = [];
  let current: { question: string; line: number; body: string[]; keywords: string[] } | null = null;
  const flush = (): void => {
    if (!current) return;
    const answer = current.body
      .join('\n')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
      .filter(Boolean)
      .join('\n\n');
    if (current.question && answer)
      entries.push({
        question: current.question,
        answer,
        keywords: current.keywords,
        line: current.line,
      });
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(raw);
    if (heading?.[1]) {
      flush();
      current = { question: heading[1], line: i + 1, body: [], keywords: [] };
      return;
    }
    if (!current) return;
    const keywords = /^keywords:\s*(.*)$/i.exec(raw.trim());
    if (keywords)
      current.keywords.push(
        ...(keywords[1] ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      );
    else current.body.push(raw);
  });
  flush();
  return entries;
}
