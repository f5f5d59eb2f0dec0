/**
 * The experiment page's script: loads the template's experiment and report from the JSON API,
 * starts one from the form, promotes or stops it. Every value is written with textContent.
 */
import { z } from 'zod';

const VariantRowSchema = z.object({
  name: z.string(),
  version: z.number(),
  weight: z.number(),
  control: z.boolean(),
  conversations: z.number(),
  reached: z.number(),
  rate: z.number().nullable(),
  interval: z.object({ low: z.number(), high: z.number() }).nullable(),
  beatControl: z.number().nullable(),
});
const ReportSchema = z.object({
  experiment: z.object({ status: z.string(), promoted: z.number().nullable() }),
  variants: z.array(VariantRowSchema),
  message: z.string().nullable(),
});
type Report = z.output<typeof ReportSchema>;
const StateSchema = z.object({ experiment: z.unknown(), latest: z.unknown() });
const ErrorSchema = z.object({ error: z.object({ message: z.string() }) });

const section = document.getElementById('experiment');
const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`#${id} is missing`);
  return el;
};
const template = section?.dataset.template ?? '';
const csrf = section?.dataset.csrf ?? '';
const api = `/console/api/templates/${encodeURIComponent(template)}/experiment`;

const pct = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

async function call(method: string, url: string, body?: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = ErrorSchema.safeParse(data);
    throw new Error(parsed.success ? parsed.data.error.message : `HTTP ${res.status}`);
  }
  return data;
}

function showError(e: unknown): void {
  const el = byId('error');
  el.textContent = e instanceof Error ? e.message : String(e);
  el.hidden = false;
}

function cell(row: HTMLTableRowElement, text: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  return td;
}

function renderReport(report: Report): void {
  const running = report.experiment.status === 'running';
  byId('report').hidden = false;
  const msg = byId('report-message');
  msg.textContent = report.message ?? '';
  msg.hidden = report.message === null;
  const body = byId('report-table').querySelector('tbody');
  if (body === null) return;
  body.replaceChildren();
  for (const v of report.variants) {
    const row = body.insertRow();
    cell(row, v.control ? `${v.name} (control)` : v.name);
    cell(row, String(v.version));
    cell(row, String(v.weight));
    cell(row, String(v.conversations));
    cell(row, String(v.reached));
    cell(row, pct(v.rate));
    cell(row, v.interval === null ? '–' : `${pct(v.interval.low)} – ${pct(v.interval.high)}`);
    cell(row, v.control ? '–' : pct(v.beatControl));
    const action = row.insertCell();
    if (running) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `Promote ${v.name}`;
      button.addEventListener('click', () => {
        call('POST', `${api}/promote`, { version: v.version }).then(load, showError);
      });
      action.append(button);
    } else if (report.experiment.promoted === v.version) action.textContent = 'promoted';
  }
  byId('stop').hidden = !running;
}

async function load(): Promise<void> {
  const state = StateSchema.parse(await call('GET', api));
  const running = state.experiment !== null && state.experiment !== undefined;
  byId('start-form').hidden = running;
  byId('status').textContent = running
    ? 'An experiment is running on this template.'
    : 'No experiment is running on this template.';
  if (state.latest !== null && state.latest !== undefined)
    renderReport(ReportSchema.parse(await call('GET', `${api}/report`)));
}

byId('start-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  if (!(form instanceof HTMLFormElement)) return;
  const versions = [...form.querySelectorAll<HTMLSelectElement>('select[name=version]')];
  const weights = [...form.querySelectorAll<HTMLInputElement>('input[name=weight]')];
  const variants = versions
    .map((s, i) => ({ version: Number(s.value), weight: Number(weights[i]?.value ?? 1) }))
    .filter((v) => v.version > 0);
  const goal = form.querySelector<HTMLSelectElement>('#goal')?.value ?? 'answered';
  byId('error').hidden = true;
  call('POST', api, { variants, goal }).then(load, showError);
});
byId('stop').addEventListener('click', () => {
  call('POST', `${api}/stop`, {}).then(load, showError);
});
load().catch(showError);
