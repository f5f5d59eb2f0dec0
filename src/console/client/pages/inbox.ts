/**
 * The inbox page's script (`/console/assets/inbox.js`): keeps the server-rendered list live.
 * - Connects to the console namespace `/console` (same origin, websocket first, the session
 *   cookie signs it in).
 * - On `inbox:changed`, re-reads this very page (same URL, so the filters and page are kept),
 *   at most every 300 ms and not while the tab is hidden, and swaps in its `#inbox-results`: rows are rendered, and escaped, by the server.
 * - On `inbox:alert`, shows the line in `#inbox-alert` (as text), and once the rep pressed
 *   "Enable notifications": a short beep (Web Audio, no file) and, when permitted, a browser
 *   notification that opens the lead.
 */
import { io } from 'socket.io-client';
import { beep, notifyReady, prepareNotifications } from './inbox-alerts.js';

const REFRESH_DELAY_MS = 300;
const ALERT_SHOWN_MS = 8000;

type Alert = { kind: string; conversationId: string; text: string; at: string };

function isAlert(value: unknown): value is Alert {
  if (typeof value !== 'object' || value === null) return false;
  const v: Record<string, unknown> = { ...value };
  return typeof v.conversationId === 'string' && typeof v.text === 'string';
}

let refreshing = false;
let again = false;

/** Re-reads the page and replaces the results; a page that now sends to the login reloads. */
async function refresh(): Promise<void> {
  if (refreshing) return void (again = true);
  refreshing = true;
  try {
    const res = await fetch(location.pathname + location.search, {
      credentials: 'same-origin',
      headers: { accept: 'text/html' },
    });
    if (!res.ok || new URL(res.url).pathname !== location.pathname) return location.reload();
    const fresh = new DOMParser()
      .parseFromString(await res.text(), 'text/html')
      .getElementById('inbox-results');
    const current = document.getElementById('inbox-results');
    if (fresh !== null && current !== null) current.replaceWith(document.importNode(fresh, true));
    document.dispatchEvent(new CustomEvent('inbox:refreshed'));
  } catch {
    // Offline for a moment: the next change tries again.
  } finally {
    refreshing = false;
    if (again) {
      again = false;
      void refresh();
    }
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
let stale = false;
/**
 * One re-read at most every REFRESH_DELAY_MS however many saves come (a trailing debounce would
 * never fire while visitors keep writing); none while the tab is hidden, one when it shows again.
 */
function refreshSoon(): void {
  if (document.hidden) return void (stale = true);
  if (timer !== undefined) return;
  timer = setTimeout(() => {
    timer = undefined;
    void refresh();
  }, REFRESH_DELAY_MS);
}
document.addEventListener('visibilitychange', () => {
  if (document.hidden || !stale) return;
  stale = false;
  refreshSoon();
});

let hideTimer: ReturnType<typeof setTimeout> | undefined;
function showAlert(alert: Alert): void {
  const line = document.getElementById('inbox-alert');
  if (line !== null) {
    line.textContent = alert.text;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => (line.textContent = ''), ALERT_SHOWN_MS);
  }
  beep();
  if (notifyReady()) {
    const note = new Notification('Leadbot inbox', { body: alert.text, tag: alert.conversationId });
    note.onclick = () => {
      window.focus();
      location.href = `/console/leads/${encodeURIComponent(alert.conversationId)}`;
    };
  }
}

const socket = io('/console', { transports: ['websocket', 'polling'] });
socket.on('inbox:changed', refreshSoon);
socket.on('inbox:alert', (payload: unknown) => {
  if (isAlert(payload)) showAlert(payload);
});
// Saves missed while disconnected: read the list again on every reconnect.
socket.io.on('reconnect', refreshSoon);
prepareNotifications(document.getElementById('enable-notifications'));
document.documentElement.dataset.live = 'connecting';
socket.on('connect', () => (document.documentElement.dataset.live = 'on'));
socket.on('disconnect', () => (document.documentElement.dataset.live = 'off'));
