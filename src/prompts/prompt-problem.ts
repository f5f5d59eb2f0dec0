import path from 'node:path';

/**
 * A problem in a prompt file. `line` is 1-based in the file as the marketer sees it (front
 * matter included); 0 when the problem concerns the whole file (missing, unreadable).
 */
export type PromptProblem = {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
};

/**
 * One line per problem, the way editors and CI logs link to it.
 * @example formatProblem({ file: 'prompts/ask-budget.hbs', line: 3, message: 'unknown variable "budgt"', severity: 'error' })
 * // 'prompts/ask-budget.hbs:3: unknown variable "budgt"'
 */
export function formatProblem(problem: PromptProblem, cwd = process.cwd()): string {
  const abs = path.resolve(cwd, problem.file);
  const rel = path.relative(cwd, abs);
  // Files outside the working folder read better as absolute paths than as ../../ chains.
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  const where = problem.line > 0 ? `${shown}:${problem.line}` : shown;
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${prefix}${problem.message}`;
}
