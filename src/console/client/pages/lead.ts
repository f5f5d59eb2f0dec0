/**
 * The lead page's script: the takeover panel in `#takeover` (join, message, hand back, the
 * visitor's typing) and the live refresh of the page's `data-live` parts whenever the
 * conversation changes (`conversation:changed`: a visitor message, a score, a rep action).
 * The console socket is signed in by the session cookie and accepted from the console's own
 * origin only, so its events need no CSRF token.
 */
import { io } from 'socket.io-client';
import { refreshLiveParts } from '../live-parts.js';
import { mountTakeoverPanel } from '../takeover-panel.js';

const section = document.getElementById('takeover');
const conversationId = section?.dataset.conversationId ?? '';
if (section !== null && conversationId !== '') {
  const socket = io('/console', { transports: ['websocket'] });
  const panel = mountTakeoverPanel(section, conversationId, socket);
  let refreshing: Promise<unknown> = Promise.resolve();
  // (Re)connected: follow this conversation again.
  socket.on('connect', () => socket.emit('watch', { conversationId }));
  socket.on('visitor:typing', panel.visitorTyping);
  socket.on('conversation:changed', (p: { conversationId?: unknown }) => {
    if (p.conversationId !== conversationId) return;
    // One refresh at a time, in order: the last one shows the latest page.
    refreshing = refreshing.then(() => refreshLiveParts()).catch(() => undefined);
  });
}
