/**
 * The one-line embed (`<script async src=".../widget.js" data-...>`): reads its settings from
 * its own tag, puts a custom element with a shadow root on the page showing only the
 * launcher, and loads the chat bundle (socket.io-client and the panel) when the browser is
 * idle or on the first click, whichever comes first. Kept tiny: it runs on every page view.
 */
import { readEmbedConfig, WIDGET_TAG, type EmbedConfig } from '../shared/embed-config.js';
import { recordFirstTouch } from '../shared/first-touch.js';
import { safeStorage, storageKeys } from '../shared/safe-storage.js';
import type { ChatHandle, MountChat } from '../chat/chat.js';
import launcherCss from './launcher.css';

const SVG = 'http://www.w3.org/2000/svg';
const CHAT_ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';
const CLOSE_ICON =
  'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z';

function icon(path: string, className: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', className);
  const p = document.createElementNS(SVG, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

function boot(config: EmbedConfig): void {
  // A tag name of its own: page rules aimed at div, section, aside... never match it.
  if (!customElements.get(WIDGET_TAG))
    customElements.define(WIDGET_TAG, class extends HTMLElement {});
  const host = document.createElement(WIDGET_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = launcherCss;
  const root = document.createElement('div');
  root.className = `lb-root lb-${config.position}`;
  root.style.setProperty('--lb-accent', config.color);
  root.style.setProperty('--lb-on-accent', config.onColor);
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'lb-launcher';
  launcher.setAttribute('aria-label', config.title);
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-haspopup', 'dialog');
  launcher.append(icon(CHAT_ICON, 'lb-icon-chat'), icon(CLOSE_ICON, 'lb-icon-close'));
  root.append(launcher);
  shadow.append(style, root);
  // On <html>, after <body>: a `transform`, `filter` or `contain` on the page's body would make
  // the body the containing block of the fixed launcher (off screen, clipped, scrolling away);
  // and among equal z-indexes, the later element paints on top.
  document.documentElement.append(host);

  const chatUrl = `${config.origin}/widget/chat.js?v=${__LEADBOT_CHAT_VERSION__}`;
  let module: Promise<MountChat> | null = null;
  let chat: Promise<ChatHandle> | null = null;
  // import() of a runtime URL is typed `any`; the module is our own chat bundle, built together
  // with this loader (its hash is in the URL), so its export is known.
  const importChat = (): Promise<MountChat> =>
    (module ??= import(chatUrl)
      .then((m: { mountChat: MountChat }) => m.mountChat)
      .catch((e: unknown) => {
        module = null; // a network blip: the next click tries again
        throw e;
      }));
  const mount = (): Promise<ChatHandle> =>
    (chat ??= importChat()
      .then((mountChat) => mountChat({ shadow, root, launcher, config }))
      .catch((e: unknown) => {
        chat = null;
        throw e;
      }));

  launcher.addEventListener('click', () => {
    mount().then(
      (handle) => handle.toggle(),
      () => launcher.setAttribute('aria-label', `${config.title} (unavailable, try again)`),
    );
  });

  // Navigating or reloading with the panel open reopens it (with its history); otherwise the
  // chat bundle is only fetched, not connected, when the browser has nothing else to do.
  const wasOpen = safeStorage(() => sessionStorage).get(storageKeys(config.origin).open) === '1';
  if (wasOpen)
    mount().then(
      (h) => h.open({ focus: false }),
      () => undefined,
    );
  else if ('requestIdleCallback' in window)
    requestIdleCallback(() => void importChat().catch(() => undefined), { timeout: 4000 });
  else setTimeout(() => void importChat().catch(() => undefined), 2000);
}

const current = document.currentScript;
const script =
  current instanceof HTMLScriptElement
    ? current
    : document.querySelector<HTMLScriptElement>('script[src*="/widget.js"]');
// Embedded twice (a tag manager and the page)? One widget is enough.
if (script && !document.querySelector(WIDGET_TAG)) {
  const config = readEmbedConfig(script, location.href);
  // Every page view, before anything else: the landing page's campaign and referrer are kept
  // for the visit, however many pages later the visitor opens the chat.
  recordFirstTouch(
    { href: location.href, referrer: document.referrer },
    safeStorage(() => sessionStorage),
    storageKeys(config.origin).firstTouch,
  );
  // After the body is parsed, so the host ends up after it.
  if (document.body) boot(config);
  else document.addEventListener('DOMContentLoaded', () => boot(config), { once: true });
}
