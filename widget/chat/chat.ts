/**
 * The chat bundle, fetched by the loader with `import()`: the panel, the session logic and
 * socket.io-client. It mounts into the shadow root the loader made.
 */
import type { EmbedConfig } from '../shared/embed-config.js';
import { safeStorage, storageKeys } from '../shared/safe-storage.js';
import { createChatSession } from './chat-session.js';
import { createChatView } from './chat-view.js';
import { randomId } from './random-id.js';
import { browserPageContext, collectVisitorContext } from './visitor-context.js';
import { createWidgetSocket } from './widget-socket.js';
import chatCss from './chat.css';

export type ChatHandle = { open(opts?: { focus?: boolean }): void; close(): void; toggle(): void };
export type MountChat = (target: {
  shadow: ShadowRoot;
  root: HTMLElement;
  launcher: HTMLButtonElement;
  config: EmbedConfig;
}) => ChatHandle;

/**
 * Mounts the chat panel next to the launcher and connects on first open.
 *
 * @example const chat = mountChat({ shadow, root, launcher, config }); chat.open();
 */
export const mountChat: MountChat = ({ shadow, root, launcher, config }) => {
  const style = document.createElement('style');
  style.textContent = chatCss;
  shadow.append(style);
  const keys = storageKeys(config.origin);
  const local = safeStorage(() => localStorage);
  const session = safeStorage(() => sessionStorage);

  const chat = createChatSession({
    socket: createWidgetSocket(config.origin),
    storage: local,
    sessionKey: keys.session,
    visitor: () => collectVisitorContext(browserPageContext(), session, keys.firstTouch),
    newId: randomId,
  });
  let started = false;
  let isOpen = false;

  const handle: ChatHandle = {
    open(opts) {
      if (!started) {
        started = true;
        chat.start();
      }
      isOpen = true;
      session.set(keys.open, '1');
      // The name stays the title; aria-expanded tells whether the panel is open.
      launcher.setAttribute('aria-expanded', 'true');
      root.classList.add('lb-open');
      view.show(opts?.focus ?? true);
      fitViewport();
    },
    close() {
      isOpen = false;
      session.remove(keys.open);
      launcher.setAttribute('aria-expanded', 'false');
      root.classList.remove('lb-open');
      view.hide();
      launcher.focus();
    },
    toggle() {
      if (isOpen) handle.close();
      else handle.open();
    },
  };

  const view = createChatView(root, config, {
    send: (text, label) => chat.send(text, label),
    restart: () => chat.restart(),
    close: () => handle.close(),
    typing: () => chat.typing(),
  });
  launcher.setAttribute('aria-controls', view.panel.id);
  chat.subscribe((state, announce) => view.render(state, announce));
  view.render(chat.state(), null);

  // On phones the panel fills the screen; when the keyboard opens, the visual viewport
  // shrinks while the layout viewport does not, so the panel follows the visual one and
  // the input stays above the keyboard.
  const vv = window.visualViewport;
  const fitViewport = (): void => {
    if (!vv) return;
    view.panel.style.setProperty('--lb-vvh', `${vv.height}px`);
    view.panel.style.setProperty('--lb-vvtop', `${vv.offsetTop}px`);
  };
  vv?.addEventListener('resize', fitViewport);
  vv?.addEventListener('scroll', fitViewport);
  return handle;
};
