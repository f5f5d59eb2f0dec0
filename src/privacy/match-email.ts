import { z } from 'zod';
import type { Conversation } from '../conversation/conversation-schema.js';

/**
 * The email a privacy request names, trimmed and lower-cased: one person whatever case they
 * typed it in. Refuses anything that is not one address (a wildcard or a bare domain would
 * reach other people's data).
 */
export const PrivacyEmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('expected one email address, like dana@example.com'))
  .transform((e) => e.toLowerCase());

/** Characters that may sit inside an address: a match must not be a piece of a longer one. */
const ADDRESS_CHAR = /[a-z0-9._%+\-@]/;

/**
 * True when `text` contains `email` (already lower-case) as a whole address, in any case:
 * "Mail DANA@Example.com!" matches, "xdana@example.com" and "dana@example.com.au" do not.
 *
 * @example mentionsEmail('reach me at Dana@Example.com', 'dana@example.com') // true
 */
export function mentionsEmail(text: string, email: string): boolean {
  const lower = text.toLowerCase();
  for (let i = lower.indexOf(email); i !== -1; i = lower.indexOf(email, i + 1)) {
    const before = lower[i - 1] ?? '';
    const rest = lower.slice(i + email.length);
    // A dot right after ends a sentence, unless the address goes on (".au").
    const ends = !/^[a-z0-9_%+\-@]/.test(rest) && !/^\.[a-z0-9]/.test(rest);
    if (!ADDRESS_CHAR.test(before) && ends) return true;
  }
  return false;
}

/**
 * Whether the conversation holds the person's email: in the lead record (`contact.email`, now
 * or in its history) or in any message of the transcript.
 *
 * @example conversationHolds(conv, 'dana@example.com')
 */
export function conversationHolds(conv: Conversation, email: string): boolean {
  const entry = conv.lead['contact.email'];
  const values = entry === undefined ? [] : [entry.value, ...entry.history.map((h) => h.value)];
  if (values.some((v) => typeof v === 'string' && v.trim().toLowerCase() === email)) return true;
  return conv.messages.some((m) => mentionsEmail(m.text, email));
}
