import { escapeHtml } from '../booking/escape-html.js';
import { htmlPage } from '../lib/html-page.js';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}
h1{font-size:1.4rem;margin-top:0}button{font:inherit;padding:.5rem 1rem;cursor:pointer}
:focus-visible{outline:3px solid #1a5fd0;outline-offset:2px}`;

/**
 * The page a confirm link opens: what is held and one button that confirms it (a POST, so a
 * mail scanner that opens the link books nothing). No scripts; every value is escaped.
 *
 * @example res.type('html').send(renderConfirmPage({ when, repName, action, sig }));
 */
export function renderConfirmPage({
  when,
  repName,
  action,
  sig,
}: {
  when: string;
  repName: string;
  /** The path the form posts to (the link's own path). */
  action: string;
  sig: string;
}): string {
  return htmlPage(
    'Confirm your meeting',
    `<h1>Confirm your meeting</h1>
<p>We are holding <strong>${escapeHtml(when)}</strong> with ${escapeHtml(repName)} for you.</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="sig" value="${escapeHtml(sig)}">
<button type="submit">Confirm my meeting</button>
</form>`,
    STYLE,
  );
}
