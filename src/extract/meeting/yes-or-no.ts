import { NO_PHRASES, YES_PHRASES } from './yes-no-phrases.js';

/**
 * The visitor's yes (true) or no (false) to a yes/no question; null when it is neither. A no
 * wins.
 *
 * @example yesOrNo('Yes, please follow up') // true
 */
export function yesOrNo(text: string): boolean | null {
  return NO_PHRASES.test(text) ? false : YES_PHRASES.test(text) ? true : null;
}
