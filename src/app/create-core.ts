import path from 'node:path';
import type { Config } from '../config/config-schema.js';
import type { Extractor } from '../extract/extractor.js';
import { createRulesExtractor } from '../extract/rules/rules-extractor.js';
import { registryRenderer, type Renderer } from '../conversation/reply-renderer.js';
import { findAnswer } from '../prompts/find-answer.js';
import { loadKnowledge } from '../prompts/load-knowledge.js';
import { createPromptRegistry, type PromptError } from '../prompts/prompt-registry.js';
import type { LiveTemplates } from '../prompts/versions/live-templates.js';
import { experimentChooser } from '../experiments/experiment-chooser.js';
import type { LiveExperiments } from '../experiments/live-experiments.js';

/** The parts every way of running the agent shares: wording, knowledge, understanding. */
export type Core = {
  renderer: Renderer;
  answer: (question: string) => string | null;
  extractor: Extractor;
  fallback: Extractor;
};

export type CoreOptions = {
  /** Defaults to config.promptsDir resolved from the working folder. */
  promptsDir?: string;
  onPromptError?: (e: PromptError) => void;
  /** The LLM extractor when one is configured (issue: LLM mode); rules otherwise. */
  llm?: Extractor | null;
  /** Published template versions: the latest is live (the files only while none is). */
  published?: Pick<LiveTemplates, 'current'>;
  /** Running experiments: a conversation sees its variant's version of their templates. */
  experiments?: Pick<LiveExperiments, 'running'>;
};

/** Builds the core parts from the config (rules mode unless an LLM extractor is given). */
export function createCore(config: Config, options: CoreOptions = {}): Core {
  const dir = path.resolve(options.promptsDir ?? config.promptsDir);
  const registry = createPromptRegistry({
    dir,
    ...(options.onPromptError ? { onError: options.onPromptError } : {}),
    ...(options.published ? { published: options.published } : {}),
  });
  const rules = createRulesExtractor(config);
  return {
    renderer: registryRenderer(
      registry,
      options.experiments ? experimentChooser(options.experiments) : undefined,
    ),
    // Read on each question so a marketer's edit to the knowledge file shows at the next message.
    answer: (question) => findAnswer(loadKnowledge(dir), question),
    extractor: options.llm ?? rules,
    fallback: rules,
  };
}
