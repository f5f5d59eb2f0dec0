import { candidate } from '../../lead/field-paths.js';
import { applyCandidates } from '../../lead/lead-record.js';
import { say } from '../engine-support.js';
import type { Transition } from '../engine-types.js';
import { ENDED } from '../phase.js';
import { meetingMessage, staysEnded, type Turn } from './turn.js';

/**
 * The nurture close asked whether the team may follow up: a yes or no is recorded as
 * consent.contact and ends the chat; a meeting request still reopens it; anything else ends it.
 */
export function onAskingConsent(turn: Turn): Transition {
  const { conv, event, now } = turn;
  const answer = event.extraction.signals.wantsHuman ? null : event.meeting.yesNo;
  if (answer !== null) {
    const { agreed, evidence } = answer;
    const c = candidate('consent.contact', agreed, evidence);
    const { lead } = applyCandidates(conv.lead, c ? [c] : [], {
      source: 'rules',
      messageId: event.messageId,
      at: now.toISOString(),
    });
    return say(
      { ...conv, lead, phase: ENDED },
      [{ template: 'consent-reply', vars: { agreed } }],
      true,
    );
  }
  return meetingMessage(turn, null) ?? staysEnded(turn);
}
