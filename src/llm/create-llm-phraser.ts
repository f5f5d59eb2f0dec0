import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Config } from '../config/config-schema.js';
import type { Knowledge } from '../prompts/load-knowledge.js';
import type { PromptRegistry } from '../prompts/prompt-registry.js';
import { alternateRoles } from './alternate-roles.js';
import { whyNotKept } from './keeps-draft.js';
import { LlmError } from './llm-error.js';
import { tokensOf, type ModelGate } from './model-gate.js';
import type { PhraseInput, Phraser } from './phraser.js';
import { recentTurns } from './recent-turns.js';
import { SLOT_GOALS } from './slot-goals.js';

export type LlmPhraserDeps = {
  client: OpenAI;
  config: Pick<Config, 'llm' | 'company'>;
  /** Renders prompts/reply-system.hbs. */
  prompts: Pick<PromptRegistry, 'render'>;
  /** The FAQ of prompts/knowledge.md, read per call so a marketer's edit shows at the next reply. */
  knowledge: () => Knowledge;
  /** Time budget, breaker, usage and logging, shared with the extractor. */
  gate: ModelGate;
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
 * the recent turns as user/assistant messages, and the draft last, in the user turn, because a
 * draft may quote the visitor (their name, their question). Roles strictly alternate, so the
 * draft joins the visitor's last message (`alternateRoles`).
 */
export function phraseMessages(input: PhraseInput, system: string): ChatCompletionMessageParam[] {
  return alternateRoles(system, [
    ...recentTurns(input.recent),
    { role: 'user', content: `<draft>\n${input.draft}\n</draft>` },
  ]);
}

/**
 * The LLM phraser: streams a short, on-brand rewording of the engine's draft (chat completions
 * with `stream: true`), answering the visitor's question from the knowledge file first. The
 * engine still decides what is asked; the model only words it. A reply cut off (`length`),
 * filtered (`content_filter`), or that drops the draft's question or changes a time or link is
 * not used: the template wording is.
 *
 * @example
 *   const phraser = createLlmPhraser({ client, config, prompts, knowledge: () => loadKnowledge(dir), gate });
 */
export function createLlmPhraser(deps: LlmPhraserDeps): Phraser {
  const { gate } = deps;

  return {
    finishTurn: (conversationId) => gate.endTurn(conversationId),
    mayStartEarly: () => gate.answering(),

    async phrase(input, onDelta) {
      const id = input.conversationId ?? null;
      const call = gate.open(id, 'phrasing');

      const asked = input.question !== null;
      const entries = asked ? deps.knowledge().entries.slice(0, MAX_KNOWLEDGE_ENTRIES) : [];
      let messages: ChatCompletionMessageParam[];
      try {
        const system = deps.prompts.render('reply-system', {
          company: deps.config.company.name,
          agentName: deps.config.company.agentName,
          language: languageName(input.visitor.locale),
          goal: input.expecting === null ? null : SLOT_GOALS[input.expecting],
          asked,
          knowledge: entries.map((e) => ({ question: e.question, answer: e.answer })),
        }).text;
        messages = phraseMessages(input, system);
      } catch (e) {
        throw call.fail(e);
      }

      let tokens = tokensOf(null);
      let answered = false;
      try {
        const text = await call.run(async (signal) => {
          const stream = await deps.client.chat.completions.create(
            {
              model: deps.config.llm.model,
              messages,
              stream: true,
              stream_options: { include_usage: true },
            },
            { signal },
          );
          answered = true;
          let out = '';
          try {
            for await (const chunk of stream) {
              if (chunk.usage) tokens = tokensOf(chunk.usage);
              const choice = chunk.choices[0];
              const delta = choice?.delta;
              if (delta?.refusal)
                throw new LlmError('refusal', `the model refused: ${delta.refusal.slice(0, 200)}`);
              if (choice?.finish_reason === 'length')
                throw new LlmError('truncated', 'the reply was cut off (finish_reason length)');
              if (choice?.finish_reason === 'content_filter')
                throw new LlmError('content_filter', 'the reply was stopped by the content filter');
              // After the deadline the reply is the draft's: late chunks must not reach the widget.
              if (!delta?.content || signal.aborted) continue;
              out += delta.content;
              onDelta(delta.content);
            }
          } catch (e) {
            // The SDK does not wrap errors of a body being read (undici's "terminated").
            throw e instanceof LlmError || signal.aborted
              ? e
              : new LlmError(
                  'connection',
                  `the stream broke: ${e instanceof Error ? e.message : String(e)}`,
                  { cause: e },
                );
          }
          return out.trim();
        });
        if (text === '') throw new LlmError('empty', 'the model streamed no text');
        const why = whyNotKept(input.draft, text);
        if (why !== null) throw new LlmError('unfaithful', `the reply was not used: ${why}`);
        call.succeed(tokens);
        return text;
      } catch (e) {
        // A stream that started and then broke still means the service is up.
        throw call.fail(e, { tokens, answered });
      }
    },
  };
}
