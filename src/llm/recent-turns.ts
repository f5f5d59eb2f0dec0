import { screenInstructions } from '../extract/screen/instruction-screen.js';
import type { ChatTurn } from './alternate-roles.js';

/**
 * The recent turns of a conversation as chat turns, each visitor message screened: a line
 * posing as a system message or an instruction to the model is left out (`screenInstructions`),
 * so text that reads as instructions never reaches the model, in any request.
 * @example recentTurns([{ role: 'agent', text: 'Hi!' }, { role: 'visitor', text: 'Hello' }]) // assistant "Hi!", user "Hello"
 */
export function recentTurns(
  recent: readonly { role: 'visitor' | 'agent'; text: string }[],
): ChatTurn[] {
  return recent.map((t): ChatTurn =>
    t.role === 'visitor'
      ? { role: 'user', content: screenInstructions(t.text).kept }
      : { role: 'assistant', content: t.text },
  );
}
