import { escapeHtml } from '../booking/escape-html.js';

/**
 * A complete, self-contained HTML document for the server's own pages (booking, email
 * confirmation, console): no scripts, so they work with plain forms under a strict CSP.
 * `style` is the page's own stylesheet; `title` is escaped, `body` must already be.
 *
 * @example res.type('html').send(htmlPage('Meeting', '<h1>Your meeting</h1>', STYLE));
 */
export function htmlPage(title: string, body: string, style: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
