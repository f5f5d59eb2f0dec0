import type { ChatCompletion } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { LlmError } from '../../llm/llm-error.js';
import { LlmExtractionSchema, type LlmExtraction } from './extraction-schema.js';

/**
 * How the extraction asks for JSON, best first: structured outputs with the strict schema;
 * JSON mode with the schema in the system prompt; no response_format at all (the schema in the
 * system prompt, the JSON read out of the text). A server that refuses one gets the next.
 */
export const JSON_MODES = ['json_schema', 'json_object', 'prompt'] as const;
export type JsonMode = (typeof JSON_MODES)[number];

/** The system-prompt addition for the modes without structured outputs. */
export function schemaInstructions(schema: Record<string, unknown>): string {
  return [
    'Answer with one JSON object and nothing else (no prose, no code fence). It must match this JSON schema:',
    'every property present, null for a value the visitor did not state.',
    JSON.stringify(schema),
  ].join('\n');
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON object in a text answer: inside a code fence, or from the first "{" to the last "}". */
function jsonText(content: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  const body = fenced?.[1] ?? content;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start >= 0 && end > start ? body.slice(start, end + 1) : body;
}

/**
 * Without structured outputs a model often leaves out the nulls: missing groups and fields
 * become null (signals: false / null) and unknown keys are dropped, before the same zod schema
 * validates what is there.
 */
function withDefaults(json: unknown): unknown {
  if (!isObject(json)) return json;
  const out: Json = {};
  for (const [group, schema] of Object.entries(LlmExtractionSchema.shape)) {
    const given = json[group];
    const source = isObject(given) ? given : {};
    const fields: Json = {};
    for (const key of Object.keys(schema.shape)) {
      const fallback = group === 'signals' && key !== 'question' ? false : null;
      fields[key] = source[key] === undefined ? fallback : source[key];
    }
    out[group] = fields;
  }
  return out;
}

/**
 * Reads the model's answer: a refusal, a cut-off, a filtered answer or content that is not the
 * schema's JSON all throw an LlmError.
 */
export function parseCompletion(completion: ChatCompletion, mode: JsonMode): LlmExtraction {
  const choice = completion.choices[0];
  if (!choice) throw new LlmError('empty', 'the model returned no choice');
  if (choice.message.refusal)
    throw new LlmError('refusal', `the model refused: ${choice.message.refusal.slice(0, 200)}`);
  if (choice.finish_reason === 'content_filter')
    throw new LlmError('content_filter', 'the answer was stopped by the content filter');
  if (choice.finish_reason === 'length')
    throw new LlmError('truncated', 'the answer was cut off (finish_reason length)');
  const content = choice.message.content;
  if (!content) throw new LlmError('empty', 'the model returned no content');
  const strict = mode === 'json_schema';
  let json: unknown;
  try {
    json = JSON.parse(strict ? content : jsonText(content));
  } catch (e) {
    throw new LlmError(
      'malformed',
      `the answer is not JSON: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  const parsed = LlmExtractionSchema.safeParse(strict ? json : withDefaults(json));
  if (!parsed.success)
    throw new LlmError(
      'schema',
      `the answer does not match the schema: ${z.prettifyError(parsed.error).slice(0, 500)}`,
    );
  return parsed.data;
}
