import { zodResponseFormat } from 'openai/helpers/zod';
import { describe, expect, it } from 'vitest';
import {
  EXTRACTION_SCHEMA_NAME,
  fieldDefinitions,
  LlmExtractionSchema,
} from '../../../src/extract/llm/extraction-schema.js';
import { FIELD_PATHS } from '../../../src/lead/field-paths.js';
import { emptyExtraction } from '../../fakes/fake-extraction.js';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  anyOf?: JsonSchema[];
};

/** Every object in the JSON schema, with its path. */
function objectsOf(schema: JsonSchema, at = '$'): [string, JsonSchema][] {
  const own: [string, JsonSchema][] = schema.properties ? [[at, schema]] : [];
  const children = Object.entries(schema.properties ?? {}).flatMap(([k, s]) =>
    objectsOf(s, `${at}.${k}`),
  );
  const branches = (schema.anyOf ?? []).flatMap((s) => objectsOf(s, at));
  return [...own, ...children, ...branches];
}

describe('the extraction schema', () => {
  const format = zodResponseFormat(LlmExtractionSchema, EXTRACTION_SCHEMA_NAME);
  // The helper types the JSON schema loosely; the shape read here is JSON Schema's own.
  const schema = format.json_schema.schema as JsonSchema;

  it('when given to zodResponseFormat, then it is accepted as a strict schema', () => {
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.name).toBe('lead_extraction');
  });

  it('when inspected, then every object requires all its properties and allows no others', () => {
    const objects = objectsOf(schema);
    expect(objects.length).toBeGreaterThan(10);
    for (const [at, object] of objects) {
      expect(object.additionalProperties, at).toBe(false);
      expect([...(object.required ?? [])].sort(), at).toEqual(
        Object.keys(object.properties ?? {}).sort(),
      );
    }
  });

  it('when inspected, then it has no way to set a score, grade or stage', () => {
    const text = JSON.stringify(schema);
    for (const word of ['"score"', '"grade"', '"stage"', '"qualified"'])
      expect(text).not.toContain(word);
  });

  it('when a field is not said, then null is valid for it', () => {
    expect(LlmExtractionSchema.safeParse(emptyExtraction()).success).toBe(true);
  });

  it('when an answer adds a stage or leaves a group out, then it violates the schema', () => {
    expect(LlmExtractionSchema.safeParse({ ...emptyExtraction(), stage: 'SQL' }).success).toBe(
      false,
    );
    const { budget: _, ...withoutBudget } = emptyExtraction();
    expect(LlmExtractionSchema.safeParse(withoutBudget).success).toBe(false);
  });

  it('when the prompt lists the fields, then each maps to a lead field except the code-computed bucket', () => {
    const paths = fieldDefinitions().map((f) => f.path);
    const leadPaths = paths.map((p) => (p === 'timeline.noPlan' ? 'timeline.bucket' : p));
    expect(FIELD_PATHS.filter((p) => !leadPaths.includes(p))).toEqual([]);
    expect(paths).not.toContain('timeline.bucket');
  });
});
