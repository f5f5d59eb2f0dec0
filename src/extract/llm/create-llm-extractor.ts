import { isOnlyPersonRequest } from '../rules/person-request.js';
import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { Config } from '../../config/config-schema.js';
import { conversationIdOf } from '../../llm/conversation-id.js';
import { toLlmError } from '../../llm/llm-error.js';
import { SILENT_LOGGER, type LlmLogger } from '../../llm/llm-logger.js';
import { tokensOf, type ModelGate } from '../../llm/model-gate.js';
import type { PromptRegistry } from '../../prompts/prompt-registry.js';
import type { ExtractInput, Extraction, Extractor } from '../extractor.js';
import { createRulesExtractor } from '../rules/rules-extractor.js';
import { extractMessages, extractSystemVars } from './extract-messages.js';
import { EXTRACTION_SCHEMA_NAME, LlmExtractionSchema } from './extraction-schema.js';
import { screenInstructions } from '../screen/instruction-screen.js';
import { mergeExtractions, type MergeDecision } from './merge-extractions.js';
import {
  JSON_MODES,
  parseCompletion,
  schemaInstructions,
  type JsonMode,
} from './parse-completion.js';
import { toCandidates } from './to-candidates.js';

export type LlmExtractorDeps = {
  client: OpenAI;
  config: Pick<Config, 'llm' | 'company' | 'fiscalYearEndMonth'>;
  /** Renders prompts/extract-system.hbs (the prompts registry, with hot reload). */
  prompts: Pick<PromptRegistry, 'render'>;
  /** Time budget, breaker, usage and failure logging, shared with the phraser. */
  gate: ModelGate;
  /** The rules extractor that runs on every message too; defaults to the real one. */
  rules?: Extractor;
  /** For screened messages, rejected proposals and a change of JSON mode. */
  logger?: LlmLogger;
  /** Told of every field the rules and the model read differently, and who won it. */
  onDecision?: (decision: MergeDecision) => void;
};

/**
 * The LLM extractor: asks the model for the lead fields of one visitor message (chat
 * completions with a strict structured-output schema), checks every proposed value against the
 * visitor's words and the field schemas (`toCandidates`), runs the rules on the same message
 * and merges both (`mergeExtractions`). Each call begins the visitor turn whose time budget
 * the phrasing of the replies shares.
 *
 * - A message with text written to steer the model (`screenInstructions`) is not sent to it;
 *   the rules read what is left (the visitor's own sentences), so a real answer in it still counts.
 * - A server without json_schema support (a 400 about response_format) is asked again in
 *   json_object mode, then with no response_format, the schema described in the system prompt
 *   and the answer validated with the same zod schema; the mode that works is kept for the process.
 * - Any failure (breaker open, no time left, timeout, 429, 5xx, wrong setup, refusal, malformed
 *   or schema-violating output) is counted, logged once and thrown, so the shell uses the rules
 *   alone for that turn.
 *
 * @example
 *   const extractor = createLlmExtractor({ client, config, prompts, gate, logger });
 *   const extraction = await extractor.extract(input); // throws LlmError when the model fails
 */
export function createLlmExtractor(deps: LlmExtractorDeps): Extractor {
  const rules = deps.rules ?? createRulesExtractor(deps.config);
  const logger = deps.logger ?? SILENT_LOGGER;
  const format = zodResponseFormat(LlmExtractionSchema, EXTRACTION_SCHEMA_NAME);
  const schemaNote = schemaInstructions(format.json_schema.schema ?? {});
  const { gate } = deps;
  /** The JSON mode this server accepts, learned once per process. */
  let mode: JsonMode = 'json_schema';

  function request(m: JsonMode, input: ExtractInput): ChatCompletionCreateParamsNonStreaming {
    const system = deps.prompts.render(
      'extract-system',
      extractSystemVars(input, deps.config),
    ).text;
    const messages = extractMessages(
      input,
      m === 'json_schema' ? system : `${system}\n\n${schemaNote}`,
    );
    const body = { model: deps.config.llm.model, messages };
    if (m === 'json_schema') return { ...body, response_format: format };
    if (m === 'json_object') return { ...body, response_format: { type: 'json_object' } };
    return body;
  }

  /** One model answer for the message, trying the next JSON mode when the server refuses one. */
  async function ask(input: ExtractInput, id: string | null) {
    for (;;) {
      const used = mode;
      const call = gate.open(id, 'extraction');
      let completion: ChatCompletion;
      try {
        const body = request(used, input);
        completion = await call.run((signal) =>
          deps.client.chat.completions.create(body, { signal }),
        );
      } catch (e) {
        const error = toLlmError(e);
        const next = JSON_MODES[JSON_MODES.indexOf(used) + 1];
        if (error.kind !== 'unsupported_format' || next === undefined) throw call.fail(error);
        call.fail(error, { fallback: false });
        if (mode === used) {
          mode = next;
          const format = next === 'prompt' ? 'no response_format' : next;
          logger.warn(
            `the LLM server does not accept response_format ${used}; extraction uses ${format} ` +
              'from now on, with the schema in the system prompt',
            { error: error.message.slice(0, 300) },
          );
        }
        continue;
      }
      const tokens = tokensOf(completion.usage);
      try {
        const proposed = parseCompletion(completion, used);
        call.succeed(tokens);
        return proposed;
      } catch (e) {
        throw call.fail(e, { tokens });
      }
    }
  }

  /** A screened message: the rules read the visitor's own sentences; a wish to talk to a human anywhere counts. */
  async function screened(
    input: ExtractInput,
    kept: string,
    id: string | null,
  ): Promise<Extraction> {
    const fromKept = await rules.extract({ ...input, text: kept });
    const wantsHuman =
      fromKept.signals.wantsHuman || (await rules.extract(input)).signals.wantsHuman;
    gate.record(id, { screened: 1 });
    logger.warn(
      'visitor message reads as instructions to the model: not sent to it; the rules read the rest',
      {
        conversationId: id,
        keptChars: kept.length,
        chars: input.text.length,
        fields: fromKept.candidates.map((c) => c.path),
      },
    );
    // Marked as the rules', so the record's provenance stays true (the event says "llm").
    return {
      candidates: fromKept.candidates.map((c) => ({ ...c, source: 'rules' as const })),
      signals: { ...fromKept.signals, wantsHuman },
    };
  }

  return {
    name: 'llm',
    async extract(input) {
      const id = conversationIdOf(input);
      gate.beginTurn(id);
      const screen = screenInstructions(input.text);
      if (screen.flagged) return screened(input, screen.kept, id);

      const fromRules = await rules.extract(input);
      const proposed = await ask(input, id);
      const { extraction, rejected } = toCandidates(proposed, {
        text: input.text,
        visitor: input.visitor,
        now: new Date(input.now),
      });
      if (rejected.length > 0) {
        gate.record(id, { rejected: rejected.length });
        logger.warn('LLM proposals rejected', { conversationId: id, rejected });
      }
      const merged = mergeExtractions(fromRules, extraction, input.expecting, deps.onDecision);
      // A request for a person is a request: the model's reading of it fills no field either.
      return isOnlyPersonRequest(input.text) ? { ...merged, candidates: [] } : merged;
    },
  };
}
