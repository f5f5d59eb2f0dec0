import { formatProblem, type PromptProblem } from './prompt-problem.js';

/** Thrown by `createPromptRegistry` when a template is missing or broken at start-up. */
export class PromptLoadError extends Error {
  readonly code = 'PROMPTS_INVALID';
  constructor(readonly problems: readonly PromptProblem[]) {
    super(
      `Prompt templates cannot be loaded:\n${problems.map((p) => formatProblem(p)).join('\n')}`,
    );
    this.name = 'PromptLoadError';
  }
}
