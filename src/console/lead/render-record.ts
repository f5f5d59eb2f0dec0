import { FIELD_PATHS, FIELD_SCHEMAS, type FieldPath } from '../../lead/field-paths.js';
import { readField } from '../../lead/lead-record.js';
import type { Conversation } from '../../conversation/conversation-schema.js';
import { actionForm, canAct, h, when, type LeadPageModel } from './lead-page-model.js';

const SOURCE_LABELS = { rules: 'rules', llm: 'LLM', rep: 'rep' } as const;

/** A field's value as the page shows it; an empty string when unknown. */
export function fieldTextOf(conv: Conversation, path: FieldPath): string {
  const value = readField(conv.lead, path);
  return value === null || conv.lead[path] === undefined ? '' : String(value);
}

/** {@link fieldTextOf} the page's conversation. */
export const fieldText = (m: LeadPageModel, path: FieldPath): string => fieldTextOf(m.conv, path);

/** The choices of an enum field, for the correction's list of suggestions. */
function optionsOf(path: FieldPath): readonly string[] {
  const schema = FIELD_SCHEMAS[path];
  if ('options' in schema && Array.isArray(schema.options))
    return schema.options.map((o: unknown) => String(o));
  if (path === 'intent.demo' || path === 'consent.contact') return ['true', 'false'];
  return [];
}

function correctForm(m: LeadPageModel, path: FieldPath): string {
  const seen = fieldText(m, path);
  const options = optionsOf(path);
  const list = options.length > 0 ? ` list="options-${h(path)}"` : '';
  const datalist =
    options.length > 0
      ? `<datalist id="options-${h(path)}">${options.map((o) => `<option value="${h(o)}">`).join('')}</datalist>`
      : '';
  return actionForm(
    m,
    'correct',
    `<input type="hidden" name="field" value="${h(path)}">
<input type="hidden" name="seen" value="${h(seen)}">
<input name="value" aria-label="New value for ${h(path)}" value="${h(seen)}"${list}>${datalist}`,
    'Correct',
  );
}

/**
 * The record table: each field's value, the visitor's words behind it (quoted), its source
 * (rules, LLM or rep), when, and the values it replaced; reps and admins get a correction form
 * on each row.
 */
export function renderRecord(m: LeadPageModel): string {
  const act = canAct(m);
  const rows = FIELD_PATHS.map((path) => {
    const e = m.view.evidence[path];
    const value = fieldText(m, path);
    const cells = [
      `<th scope="row"><code>${h(path)}</code></th>`,
      `<td class="value">${value === '' ? '<span class="muted">unknown</span>' : h(value)}</td>`,
      `<td>${e ? `<q>${h(e.quote)}</q>` : ''}</td>`,
      `<td>${e ? h(SOURCE_LABELS[e.source]) : ''}</td>`,
      `<td>${e ? when(e.at) : ''}</td>`,
      `<td>${e ? e.previous.map((p) => `<s>${h(String(p))}</s>`).join(', ') : ''}</td>`,
      ...(act ? [`<td>${correctForm(m, path)}</td>`] : []),
    ];
    return `<tr data-field="${h(path)}">${cells.join('')}</tr>`;
  });
  const head = ['Field', 'Value', 'The visitor’s words', 'Source', 'When', 'Earlier values'];
  if (act) head.push('Correct');
  return `<section aria-labelledby="record-h"><h2 id="record-h">Record</h2>
<div class="scroll"><table data-live="record"><thead><tr>${head.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></section>`;
}

/** The score, and each signal's points and detail. */
export function renderScore(m: LeadPageModel): string {
  const { score, grade, stage, breakdown } = m.view;
  const lines = breakdown.map(
    (l) =>
      `<tr><th scope="row">${h(l.signal)}</th><td>${l.points > 0 ? '+' : ''}${l.points}</td><td>${h(l.detail)}</td></tr>`,
  );
  const body =
    lines.length === 0
      ? '<p>No signal yet.</p>'
      : `<table><thead><tr><th scope="col">Signal</th><th scope="col">Points</th><th scope="col">Why</th></tr></thead><tbody>${lines.join('')}</tbody></table>`;
  return `<section aria-labelledby="score-h" data-live="score"><h2 id="score-h">Score ${score} (${h(grade)}, ${h(stage)})</h2>
${body}</section>`;
}
