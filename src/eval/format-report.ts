import type { EvalReport, LlmFigures } from './run-eval.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const count = (n: number): string => n.toLocaleString('en-US');
const kinds = (k: LlmFigures['failuresByKind']): string =>
  Object.entries(k)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
    .map(([kind, n]) => `${kind} ${n ?? 0}`)
    .join(', ');

/** The LLM lines of the text report. */
function llmLines(l: LlmFigures): string[] {
  return [
    '',
    `LLM (model ${l.model} at ${l.baseUrl})`,
    `  Model calls:      ${count(l.calls)}${l.calls > 0 ? ` (mean ${count(l.meanCallMs)} ms)` : ''}`,
    `  Tokens:           ${count(l.promptTokens)} prompt (${count(l.cachedPromptTokens)} cached), ${count(l.completionTokens)} completion`,
    `  Tokens per turn:  ${count(l.tokensPerTurn.input)} input (${count(l.tokensPerTurn.cachedInput)} cached), ${count(l.tokensPerTurn.output)} output`,
    `  Turns on rules:   ${l.turnsOnRules} of ${l.turns}${l.turns > 0 ? ` (${pct(l.turnsOnRules / l.turns)})` : ''}`,
    `  Failures:         ${l.failures}${l.failures > 0 ? ` (${kinds(l.failuresByKind)})` : ''}`,
    `  Screened:         ${l.screened} messages; rejected proposals: ${l.rejected}`,
    ...mergeLines(l.merges),
  ];
}

/** Per field, how often the rules and the model disagreed and which reading won. */
function mergeLines(merges: LlmFigures['merges']): string[] {
  const rows = Object.entries(merges).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return ['  Disagreements:    none (the rules and the model read alike)'];
  const width = Math.max(...rows.map(([f]) => f.length), 10);
  return [
    "  Disagreements (rules vs model, per field; the model's empty answer counts when it won)",
    ...rows.map(
      ([field, c]) =>
        `    ${field.padEnd(width)}  ${String(c.disagreed).padStart(3)}  model won ${c.llmWon}, rules won ${c.rulesWon}`,
    ),
  ];
}

/** The human-readable report: per-field accuracy, the outcomes, what the model did, then each failure. */
export function formatReport(r: EvalReport): string {
  const lines: string[] = [`Conversations: ${r.items}`, '', 'Field accuracy'];
  const width = Math.max(...Object.keys(r.fields).map((f) => f.length), 10);
  for (const [field, t] of Object.entries(r.fields).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `  ${field.padEnd(width)}  ${String(t.correct).padStart(3)}/${String(t.total).padEnd(3)}  ${pct(t.total ? t.correct / t.total : 1)}`,
    );
  }
  lines.push(
    `  ${'all fields'.padEnd(width)}  ${pct(r.fieldAccuracy)}`,
    '',
    `Stage accuracy:   ${pct(r.stageAccuracy)}`,
    `Grade accuracy:   ${pct(r.gradeAccuracy)}`,
    `Booked accuracy:  ${pct(r.bookedAccuracy)}`,
    `Visitor turns:    ${r.avgVisitorTurns.toFixed(1)} on average`,
    `Redundant asks:   ${r.redundantAsks}`,
  );
  if (r.llm) lines.push(...llmLines(r.llm));
  if (r.failures.length > 0) {
    lines.push('', `Failures (${r.failures.length})`);
    for (const f of r.failures)
      lines.push(
        `  ${f.id}  ${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The stderr warning of an LLM-mode run in which most turns fell back to the rules: its figures
 * then measure rules mode, not the model. Null when the model did the work (or in rules mode).
 * @example llmWarning(report) // "eval: WARNING: the model failed on 40 of 41 LLM-mode turns ..."
 */
export function llmWarning(r: EvalReport): string | null {
  const l = r.llm;
  if (!l || l.turns === 0 || l.turnsOnRules * 2 <= l.turns) return null;
  const why = l.lastFailure
    ? `\n  last model error: ${l.lastFailure.kind}: ${l.lastFailure.hint ?? l.lastFailure.message}`
    : '';
  return [
    '',
    `eval: WARNING: the model failed on ${l.turnsOnRules} of ${l.turns} LLM-mode turns (${kinds(l.failuresByKind)}); they ran on the rules.`,
    `  These figures measure rules mode, not model ${l.model} at ${l.baseUrl}.${why}`,
    '  Check LLM_BASE_URL, LLM_MODEL and the API key, then run the eval again.',
    '',
  ].join('\n');
}
