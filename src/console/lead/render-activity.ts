import type { ChatMessage } from '../../conversation/conversation-schema.js';
import { actionForm, h, when, type LeadPageModel } from './lead-page-model.js';

/** Where the visitor came from: UTM parameters, referrer and landing page. */
export function renderAttribution(m: LeadPageModel): string {
  const { page, referrer, utm } = m.view.attribution;
  const utmRows = Object.entries(utm ?? {}).map(
    ([k, v]) =>
      `<tr><th scope="row">${h(k.startsWith('utm_') ? k : `utm_${k}`)}</th><td>${h(v)}</td></tr>`,
  );
  const row = (label: string, v: string | null) =>
    `<tr><th scope="row">${label}</th><td>${v ? h(v) : '<span class="muted">none</span>'}</td></tr>`;
  return `<section aria-labelledby="attribution-h"><h2 id="attribution-h">Attribution</h2>
<table><tbody>${row('Landing page', page)}${row('Referrer', referrer)}${utmRows.join('')}</tbody></table></section>`;
}

/** Who wrote a message: the visitor, the bot (by its name), or a rep who took the chat over. */
function speaker(msg: ChatMessage, agent: string): string {
  if (msg.role === 'visitor') return 'Visitor';
  if (msg.role === 'agent') return agent;
  const name: unknown = 'name' in msg ? msg.name : undefined;
  return typeof name === 'string' ? `${name} (rep)` : 'Rep';
}

/** The conversation, every message as inert text, with who said it and when. */
export function renderTranscript(m: LeadPageModel): string {
  const agent = m.config.company.agentName;
  const items = m.conv.messages.map(
    (msg) =>
      `<li class="msg ${h(msg.role)}"><span class="who">${h(speaker(msg, agent))}</span> ${when(msg.at)}<p>${h(msg.text)}</p></li>`,
  );
  return `<section aria-labelledby="transcript-h"><h2 id="transcript-h">Transcript</h2>
<ol class="transcript" data-live="transcript">${items.join('\n')}</ol></section>`;
}

/** The webhook deliveries of this lead's events: status, attempts, last error; Redeliver for admins. */
export function renderDeliveries(m: LeadPageModel): string {
  const admin = m.viewer.role === 'admin';
  if (m.deliveries.length === 0)
    return `<section aria-labelledby="deliveries-h"><h2 id="deliveries-h">Webhook deliveries</h2><p>No deliveries.</p></section>`;
  const rows = m.deliveries.map((d) => {
    const last = d.attempts.at(-1);
    const failed = last !== undefined && (last.status === null || last.status >= 300);
    const error = last?.error ?? (failed ? `HTTP ${String(last.status)}` : null) ?? d.reason;
    const redeliver = admin
      ? actionForm(
          m,
          `deliveries/${encodeURIComponent(d.id)}/redeliver`,
          '',
          `Redeliver ${d.eventType} to ${d.destinationId}`,
        )
      : '';
    const cells = [
      h(d.eventType),
      h(d.destinationId),
      h(d.status),
      String(d.attempts.length),
      error ? h(error) : '',
      when(d.updatedAt),
      ...(admin ? [redeliver] : []),
    ];
    return `<tr class="status-${h(d.status)}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  const head = ['Event', 'Destination', 'Status', 'Attempts', 'Last error', 'Updated'];
  if (admin) head.push('');
  return `<section aria-labelledby="deliveries-h"><h2 id="deliveries-h">Webhook deliveries</h2>
<table><thead><tr>${head.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}

/** The notes reps left on the lead, with who and when. */
export function renderNotes(m: LeadPageModel, form: string): string {
  const items = m.conv.console.notes.map(
    (n) => `<li><p>${h(n.text)}</p><span class="muted">${h(n.byName)}, ${when(n.at)}</span></li>`,
  );
  const list =
    items.length === 0 ? '<p>No notes yet.</p>' : `<ul class="notes">${items.join('')}</ul>`;
  return `<section aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2>${list}${form}</section>`;
}

/** Every rep action on the lead: who, what, when. */
export function renderActions(m: LeadPageModel): string {
  const rows = m.conv.console.actions.map(
    (a) =>
      `<tr><td>${h(a.byName)}</td><td>${h(a.kind)}</td><td>${h(a.detail ?? '')}</td><td>${when(a.at)}</td></tr>`,
  );
  const body =
    rows.length === 0
      ? '<p>No rep action yet.</p>'
      : `<table><thead><tr><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Detail</th><th scope="col">When</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<section aria-labelledby="actions-h" data-live="actions"><h2 id="actions-h">Actions</h2>${body}</section>`;
}

/** Seconds as "4 min 5 s". */
function duration(seconds: number): string {
  const min = Math.floor(seconds / 60);
  return min === 0 ? `${seconds} s` : `${min} min ${seconds % 60} s`;
}

/** Speed to lead: from qualified or asking for a person to the first human touch. */
export function renderSpeed(m: LeadPageModel): string {
  const s = m.speed;
  const text =
    s === null
      ? 'Not waiting for a rep: the lead has not qualified nor asked for a person.'
      : s.seconds === null
        ? `Waiting for a rep since ${when(s.since)}.`
        : `First rep touch ${duration(s.seconds)} after the lead began waiting (${when(s.since)}).`;
  return `<section aria-labelledby="speed-h"><h2 id="speed-h">Speed to lead</h2><p>${text}</p></section>`;
}
