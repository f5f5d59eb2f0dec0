import { describe, expect, it } from 'vitest';
import type { RepAction } from '../../../src/console/console-state.js';
import { EMPTY_CONSOLE_STATE } from '../../../src/console/console-state.js';
import { speedToLead } from '../../../src/console/speed-to-lead.js';
import { at, makeConversation } from '../../helpers/make-conversation.js';

const event = (type: string, seconds: number) => ({
  id: `e-${type}-${seconds}`,
  type,
  occurredAt: at(seconds),
  conversationId: 'c1',
});
const action = (kind: RepAction['kind'], seconds: number): RepAction => ({
  kind,
  by: 'ana@beacon.example',
  byName: 'Ana Lima',
  at: at(seconds),
});

describe('speed to lead', () => {
  it.each([
    ['never qualified nor asked for a person', [], null, [], null],
    ['qualified, nobody touched it yet', [event('lead.qualified', 10)], at(10), [], null],
    [
      'qualified, a rep joined 95 s later',
      [event('lead.qualified', 10)],
      at(10),
      [action('join', 105)],
      95,
    ],
    [
      'asked for a person, then qualified: the clock starts at the request',
      [event('lead.handoff_requested', 5), event('lead.qualified', 50)],
      at(50),
      [action('message', 65)],
      60,
    ],
    [
      'an assignment or a note is no touch; the review is',
      [event('lead.qualified', 0)],
      at(0),
      [action('assign', 3), action('note', 4), action('review', 30)],
      30,
    ],
    [
      'a rep already in the chat when it qualified: it never waited',
      [event('lead.qualified', 100)],
      at(100),
      [action('join', 20)],
      0,
    ],
  ])('%s', (_title, outbox, qualifiedAt, actions, seconds) => {
    const conv = makeConversation({
      outbox,
      qualifiedAt,
      console: { ...EMPTY_CONSOLE_STATE, actions },
    });
    const result = speedToLead(conv);
    if (outbox.length === 0) expect(result).toBeNull();
    else expect(result?.seconds ?? null).toBe(seconds);
  });
});
