import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The Content-Security-Policy of the server's own pages (the demo pages at `/` and `/pricing`):
 * their scripts and styles come from this server only. The widget runs on them as it does on
 * any site: `/widget.js` and its chat bundle (script-src 'self'), a socket back to this server
 * (connect-src 'self', which covers ws: and wss: to the same host), and its styles, which it
 * puts in `<style>` elements of its shadow root (hence style-src 'unsafe-inline'; no script
 * runs inline). Nothing may frame the pages (frame-ancestors 'none', with X-Frame-Options DENY
 * for older browsers), so no other site can overlay them to trick a click.
 */
export const PAGE_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * helmet with the project's choices: the CSP above, `X-Frame-Options: DENY`, the browser's
 * default referrer policy (the demo pages pass their address to each other, as a customer's site
 * would; the booking pages set `same-origin` themselves), and no HSTS (TLS and its policy belong
 * to the proxy in front, which knows whether every subdomain is on HTTPS). The widget's own
 * routes set `Cross-Origin-Resource-Policy: cross-origin` after this, so other sites can load it.
 *
 * @example app.use(securityHeaders());
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  });
}
