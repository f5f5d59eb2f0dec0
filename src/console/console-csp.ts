/**
 * The console pages' Content-Security-Policy: like the booking pages' (nothing from elsewhere,
 * no inline script, no framing), plus the console's own scripts (`/console/assets/<name>.js`,
 * script-src 'self') and their socket and fetches back to this server (connect-src 'self').
 */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
