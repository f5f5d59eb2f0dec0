import type { PrivacyNotice } from '../../src/server/socket-events.js';
import type { SessionState } from './chat-session.js';

/**
 * The privacy notice above the input: the server's text and, when set, a link to the privacy
 * policy (opening in a new tab). Shown until the visitor's first message, so a visitor coming
 * back to a conversation with messages does not see it again.
 *
 * @example const notice = createPrivacyNoticeView(); form.before(notice.el); notice.render(state);
 */
export function createPrivacyNoticeView(): {
  el: HTMLElement;
  render(state: SessionState): void;
} {
  const el = document.createElement('p');
  el.className = 'lb-privacy';
  el.id = 'lb-privacy';
  el.hidden = true;
  let shown: PrivacyNotice | null = null;

  return {
    el,
    render(state) {
      const notice = state.privacyNotice;
      el.hidden = notice === null || state.messages.some((m) => m.role === 'visitor');
      if (notice === shown) return;
      shown = notice;
      // Text only, ever: the notice comes from the server's config, still never parsed as HTML.
      const parts: Node[] = [document.createTextNode(notice?.text ?? '')];
      if (notice?.linkUrl) {
        const a = document.createElement('a');
        a.className = 'lb-link';
        a.href = notice.linkUrl;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.textContent = notice.linkLabel;
        parts.push(document.createTextNode(' '), a);
      }
      el.replaceChildren(...parts);
    },
  };
}
