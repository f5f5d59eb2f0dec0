import { htmlPage } from '../../lib/html-page.js';
import { consoleNav, logoutForm } from '../console-pages.js';
import { canAct, h, type LeadPageModel } from './lead-page-model.js';
import {
  renderActions,
  renderAttribution,
  renderDeliveries,
  renderNotes,
  renderSpeed,
  renderTranscript,
} from './render-activity.js';
import { assignForm, noteForm, renderMeeting, reviewForm } from './render-lead-forms.js';
import { fieldText, renderRecord, renderScore } from './render-record.js';

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
main{max-width:80rem;margin:1rem auto;padding:1rem 1.5rem;background:#fff;border-radius:8px}
h1{font-size:1.4rem;margin:.25rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .4rem;border-bottom:1px solid #e3e6ea}
td form{display:flex;gap:.25rem;margin:0}form{margin:.5rem 0}
label{margin-right:.5rem}input,select,textarea,button{font:inherit}textarea{width:100%;box-sizing:border-box}
.muted{color:#5c6670}.flash{padding:.5rem .75rem;border-radius:6px;background:#e7f5ea}.flash.error{background:#fdecea}
.facts{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;padding:0;list-style:none}
.transcript{list-style:none;padding:0}.msg p{margin:.1rem 0 .6rem;white-space:pre-wrap}.msg.visitor .who{color:#1a5fd0}
.who{font-weight:600}.status-dead td,.status-failed-retrying td{color:#a4262c}
.scroll{overflow-x:auto}time{white-space:nowrap}td input{width:8rem}td{overflow-wrap:anywhere}td button{overflow-wrap:normal;white-space:nowrap}
:focus-visible{outline:3px solid #1a5fd0;outline-offset:2px}`;

/** The headline: who, stage, grade, score, whether they want a person, the rep, the review. */
function renderHeadline(m: LeadPageModel): string {
  const name = fieldText(m, 'contact.name') || 'Unknown visitor';
  const company = fieldText(m, 'company.name');
  const email = fieldText(m, 'contact.email');
  const assigned = m.assignees.find((u) => u.email === m.conv.console.assignedTo);
  const review = m.conv.console.review;
  const facts = [
    ['Email', email || 'unknown'],
    ['Stage', m.view.stage],
    ['Grade', m.view.grade],
    ['Score', String(m.view.score)],
    ['Wants a person', m.conv.handoffRequested ? 'yes' : 'no'],
    ['Assigned to', assigned?.name ?? m.conv.console.assignedTo ?? 'nobody'],
    [
      'Review',
      review === null
        ? 'not reviewed'
        : `${review.verdict} by ${review.byName}${review.reason ? `: ${review.reason}` : ''}`,
    ],
  ];
  return `${consoleNav(m.viewer.role)}<header>
<h1>${h(name)}${company ? ` <span class="muted">at ${h(company)}</span>` : ''}</h1>
<ul class="facts" data-live="stage">${facts.map(([k, v]) => `<li><strong>${h(k ?? '')}:</strong> ${h(v ?? '')}</li>`).join('')}</ul></header>`;
}

function renderFlash(m: LeadPageModel): string {
  if (m.flash === null) return '';
  const error = m.flash.kind === 'error';
  return `<p class="flash${error ? ' error' : ''}" role="${error ? 'alert' : 'status'}">${h(m.flash.text)}</p>`;
}

/**
 * The console's lead page `/console/leads/<id>`: server-rendered, every value escaped, and
 * usable without JavaScript (plain forms). The takeover panel's `#takeover` and the page script
 * `/console/assets/lead.js` follow the transcript; `data-live` marks what the script refreshes.
 *
 * @example res.type('html').send(renderLeadPage(model));
 */
export function renderLeadPage(m: LeadPageModel): string {
  const act = canAct(m);
  const work = act
    ? `<section aria-labelledby="work-h"><h2 id="work-h">Work the lead</h2>${assignForm(m)}${reviewForm(m)}</section>`
    : '';
  const title = fieldText(m, 'contact.name') || `Lead ${m.conv.id}`;
  const body = [
    renderHeadline(m),
    renderFlash(m),
    work,
    renderScore(m),
    renderRecord(m),
    renderMeeting(m),
    renderAttribution(m),
    renderTranscript(m),
    `<section id="takeover" data-conversation-id="${h(m.conv.id)}"></section>`,
    renderDeliveries(m),
    renderNotes(m, noteForm(m)),
    renderActions(m),
    renderSpeed(m),
    `<footer><p class="muted">Signed in as ${h(m.viewer.name)} (${h(m.viewer.role)}).</p>${logoutForm(m.csrfToken)}</footer>`,
    '<script type="module" src="/console/assets/lead.js"></script>',
  ];
  return htmlPage(`${title} · Lead`, body.filter((s) => s !== '').join('\n'), STYLE);
}
