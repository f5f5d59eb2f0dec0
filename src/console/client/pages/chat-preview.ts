/**
 * The template editor's chat preview, mounted into `<section id="chat-preview"
 * data-template="NAME">`. The editor's script sends its draft with
 * `window.dispatchEvent(new CustomEvent('leadbot:draft', { detail: { template, source } }))`
 * on load and on every change; this script asks for it once with `leadbot:draft-request`.
 * Requests carry the session's CSRF token, read from the page's `_csrf` field.
 */
import { mountChatPreview } from '../chat-preview-panel.js';

function csrfToken(): string {
  const meta = document.querySelector('meta[name="csrf-token"]');
  const field = document.querySelector('input[name="_csrf"]');
  if (meta instanceof HTMLMetaElement && meta.content !== '') return meta.content;
  return field instanceof HTMLInputElement ? field.value : '';
}

function draftOf(e: Event): { template: string; source: string } | null {
  if (!(e instanceof CustomEvent)) return null;
  const detail: unknown = e.detail;
  if (typeof detail !== 'object' || detail === null) return null;
  if (!('template' in detail) || !('source' in detail)) return null;
  const { template, source } = detail;
  return typeof template === 'string' && typeof source === 'string' ? { template, source } : null;
}

const section = document.getElementById('chat-preview');
const template = section?.dataset.template ?? '';
if (section !== null && template !== '') {
  const panel = mountChatPreview(section, { template, csrf: csrfToken() });
  window.addEventListener('leadbot:draft', (e) => {
    const draft = draftOf(e);
    if (draft !== null && draft.template === template) panel.draft(draft.source);
  });
  window.dispatchEvent(new CustomEvent('leadbot:draft-request'));
}
