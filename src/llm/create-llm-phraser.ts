import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Config } from '../config/config-schema.js';
import type { Knowledge } from '../prompts/load-knowledge.js';
import type { PromptRegistry } from '../prompts/prompt-registry.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { LlmError, toLlmError } from './llm-error.js';
import { SILENT_LOGGER, type LlmLogger } from './llm-logger.js';
import type { UsageLedger } from './llm-usage.js';
import type { PhraseInput, Phraser } from './phraser.js';
import { SLOT_GOALS } from './slot-goals.js';
import { withDeadline } from './with-deadline.js';

export type LlmPhraserDeps = {
  client: OpenAI;
  config: Pick<Config, 'llm' | 'company'>;
  /** Renders prompts/reply-system.hbs. */
  prompts: Pick<PromptRegistry, 'render'>;
  /** The FAQ of prompts/knowledge.md, read per call so a marketer's edit shows at the next reply. */
  knowledge: () => Knowledge;
  breaker: CircuitBreaker;
  usage: UsageLedger;
  logger?: LlmLogger;
  elapsed?: () => number;
};

/** Enough for any entry list a marketer keeps; a runaway file must not blow the prompt up. */
const MAX_KNOWLEDGE_ENTRIES = 40;

/** "French" for "fr-FR"; null for a locale Intl does not know (it is client-reported). */
export function languageName(locale: string): string | null {
  try {
    const language = new Intl.Locale(locale).language;
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(language);
    return name ?? null;
  } catch {
    return null;
  }
}

/**
 * The chat messages of one phrasing request: the system prompt (code and marketer text only),
 * the recent turns as user/assistant messages, and the draft last, as a user message, because
 * a draft may quote the visitor (their name, their question).
 */
export function phraseMessages(input: PhraseInput, system: string): ChatCompletionMessageParam[] {
  return [
    { role: 'system', content: system },
    ...input.recent.map((t): ChatCompletionMessageParam => (t.role === 'visitor' ? { role: 'user', content: t.text } : { role: 'assistant', content: t.text })),
    { role: 'user', content: `<draft>\n${input.draft}\n</draft>` },
  ];
}

/**
 * The LLM phraser: streams a short, on-brand rewording of the engine's draft (chat completions
 * with `stream: true`), answering the visitor's question from the knowledge file first. The
 * engine still decides what is asked; the model only words it.
 *
 * @example
 *   const phraser = createLlmPhraser({ client, config, prompts, knowledge: () => loadKnowledge(dir), breaker, usage });
 */
export function createLlmPhraser(deps: LlmPhraserDeps): Phraser {
  const logger = deps.logger ?? SILENT_LOGGER;
  const elapsed = deps.elapsed ?? (() => performance.now());
  const { usage, breaker } = deps;

  return {
    async phrase(input, onDelta) {
      const id = input.conversationId ?? null;
      const fail = (error: LlmError): never => {
        usage.record(id, { failures: 1, fallbacks: 1 });
        logger.warn('LLM phrasing failed; the template wording is sent', { conversationId: id, kind: error.kind, error: error.message });
        throw error;
      };
      if (!breaker.allow()) fail(new LlmError('breaker_open', 'the circuit breaker is open after repeated LLM failures'));

      const asked = input.question !== null;
      const entries = asked ? deps.knowledge().entries.slice(0, MAX_KNOWLEDGE_ENTRIES) : [];
      const system = deps.prompts.render('reply-system', {
        company: deps.config.company.name,
        agentName: deps.config.company.agentName,
        language: languageName(input.visitor.locale),
        goal: input.expecting === null ? null : SLOT_GOALS[input.expecting],
        asked,
        knowledge: entries.map((e) => ({ question: e.question, answer: e.answer })),
      }).text;
      const messages = phraseMessages(input, system);

      const started = elapsed();
      let tokens = { promptTokens: 0, completionTokens: 0 };
      let answered = false;
      try {
        const text = await withDeadline(deps.config.llm.timeoutMs, async (signal) => {
          const stream = await deps.client.chat.completions.create(
            { model: deps.config.llm.model, messages, stream: true, stream_options: { include_usage: true } },
            { signal },
          );
          answered = true;
          let out = '';
          try {
            for await (const chunk of stream) {
              if (chunk.usage) tokens = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
              const delta = chunk.choices[0]?.delta;
              if (delta?.refusal) throw new LlmError('refusal', `the model refused: ${delta.refusal.slice(0, 200)}`);
              // After the deadline the reply is the draft's: late chunks must not reach the widget.
              if (!delta?.content || signal.aborted) continue;
              out += delta.content;
              onDelta(delta.content);
            }
          } catch (e) {
            // The SDK does not wrap errors of a body being read (undici's "terminated").
            throw e instanceof LlmError || signal.aborted ? e : new LlmError('connection', `the stream broke: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
          }
          return out.trim();
        });
        if (text === '') throw new LlmError('empty', 'the model streamed no text');
        breaker.success();
        usage.record(id, { calls: 1, latencyMs: elapsed() - started, ...tokens });
        return text;
      } catch (e) {
        const error = toLlmError(e);
        // A stream that started and then broke still means the service is up.
        if (error.isServiceFailure && !answered) breaker.failure();
        else breaker.success();
        usage.record(id, { calls: 1, latencyMs: elapsed() - started, ...tokens });
        return fail(error);
      }
    },
  };
}
