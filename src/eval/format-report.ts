import type { EvalReport } from './run-eval.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The human-readable report: per-field accuracy, the outcomes, then each failure. */
export function formatReport(r: EvalReport): string {
  const lines: string[] = [`Conversations: ${r.items}`, '', 'Field accuracy'];
  const width = Math.max(...Object.keys(r.fields).map((f) => f.length), 10);
  for (const [field, t] of Object.entries(r.fields).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${field.padEnd(width)}  ${String(t.correct).padStart(3)}/${String(t.total).padEnd(3)}  ${pct(t.total ? t.correct / t.total : 1)}`);
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
  if (r.failures.length > 0) {
    lines.push('', `Failures (${r.failures.length})`);
    for (const f of r.failures) lines.push(`  ${f.id}  ${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`);
  }
  return `${lines.join('\n')}\n`;
}
