import { htmlPage } from '../lib/html-page.js';
import { escapeHtml } from '../booking/escape-html.js';
import type { Role } from './users/user.js';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}
h1{font-size:1.4rem;margin-top:0}label{display:block;margin-top:.75rem;font-weight:600}
input{font:inherit;width:100%;box-sizing:border-box;padding:.4rem;margin-top:.25rem}
button{font:inherit;padding:.5rem 1rem;margin-top:1rem;cursor:pointer}
.error{background:#fdecea;padding:.5rem .75rem;border-radius:6px}
:focus-visible{outline:3px solid #1a5fd0;outline-offset:2px}`;

/** A complete console page (no scripts: plain forms). */
export function consolePage(title: string, body: string): string {
  return htmlPage(title, body, STYLE);
}

/**
 * The sign-in form of `/console/login`; `error` is shown above it, `next` is where it leads.
 *
 * @example res.type('html').send(renderLoginPage({ next: '/console', error: null, email: '' }));
 */
export function renderLoginPage(p: { next: string; error: string | null; email: string }): string {
  const error = p.error ? `<p class="error" role="alert">${escapeHtml(p.error)}</p>\n` : '';
  return consolePage(
    'Sign in to the console',
    `<h1>Sign in to the console</h1>
${error}<form method="post" action="/console/login">
<input type="hidden" name="next" value="${escapeHtml(p.next)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(p.email)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}

/** The logout button, with the session's CSRF token. */
export function logoutForm(csrfToken: string): string {
  return `<form method="post" action="/console/logout">
<input type="hidden" name="_csrf" value="${escapeHtml(csrfToken)}">
<button type="submit">Sign out</button>
</form>`;
}

/** A short page that says why a request was refused. */
export function renderConsoleNotice(title: string, message: string): string {
  return consolePage(
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>\n<p><a href="/console">Back to the console</a></p>`,
  );
}

/** The console's top navigation: each link with the roles that see it (one line per page). */
const NAV_LINKS: readonly { href: string; label: string; roles: readonly Role[] }[] = [
  { href: '/console', label: 'Inbox', roles: ['rep', 'marketer', 'admin'] },
  { href: '/console/templates', label: 'Templates', roles: ['marketer', 'admin'] },
  { href: '/console/analytics', label: 'Analytics', roles: ['marketer', 'admin'] },
];

/**
 * The navigation every console page carries, with the links the viewer's role may open;
 * `current` is the link of the page shown.
 *
 * @example consoleNav('marketer', '/console/templates') // '<nav class="console-nav" ...>...</nav>'
 */
export function consoleNav(role: Role, current = ''): string {
  const links = NAV_LINKS.filter((l) => l.roles.includes(role)).map((l) => {
    const here = l.href === current ? ' aria-current="page"' : '';
    return `<a href="${escapeHtml(l.href)}"${here}>${escapeHtml(l.label)}</a>`;
  });
  return `<nav class="console-nav" aria-label="Console">${links.join(' ')}</nav>`;
}
