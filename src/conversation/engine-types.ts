import type { Config } from '../config/config-schema.js';
import type { FreeSlot } from '../booking/availability.js';
import type { Extraction } from '../extract/extractor.js';
import type { MeetingSignals } from '../extract/meeting/read-meeting.js';
import type { Source } from '../lead/lead-record.js';
import type { Slot } from '../lead/slots.js';
import type { TemplateName, TemplateVars } from '../prompts/template-vars.js';
import type { Conversation, QuickReply } from './conversation-schema.js';

/** What happened, as the engine sees it. The shell has already stored visitor messages. */
export type EngineEvent =
  | { type: 'start' }
  /** A rep handed the chat back to the bot (console takeover ended). */
  | { type: 'handed_back' }
  /** Nobody joined within `console.joinTimeoutSeconds` after the visitor was told someone is coming. */
  | { type: 'nobody_joined' }
  | {
      type: 'visitor_message';
      messageId: string;
      /** The field values and signals read from the visitor's words (the engine reads no text). */
      extraction: Extraction;
      /** What the words say about meetings (move, cancel, a time, a yes or no), read likewise. */
      meeting: MeetingSignals;
      source: Source;
      /** The knowledge-file answer to the visitor's question, when they asked one and it matched. */
      answer: string | null;
      /** The question's words normalized (find-answer.ts `questionKey`): the same key is a repeat. */
      questionKey: string | null;
    }
  | { type: 'booking_confirmed'; start: string; end: string; repId: string; meetingId: string }
  | { type: 'booking_failed' }
  /** The booking was refused: this client or conversation has booked as many meetings as allowed today. */
  | { type: 'booking_limited' }
  /** `booking.confirmEmail`: the slot is held until the visitor confirms from the email. */
  | {
      type: 'booking_held';
      start: string;
      end: string;
      repId: string;
      meetingId: string;
      until: string;
    }
  | { type: 'meeting_rescheduled'; start: string; end: string; repId: string }
  | { type: 'meeting_canceled' }
  /** The calendar refused the change (the new time was taken, or the meeting already started). */
  | { type: 'meeting_change_failed' };

/** A visitor message as the engine sees it. */
export type VisitorMessage = Extract<EngineEvent, { type: 'visitor_message' }>;

/** The facts from outside that a transition needs, looked up by the shell beforehand. */
export type EngineContext = {
  config: Config;
  /** Free meeting slots from now on (only needed when the lead may book). */
  freeSlots: readonly FreeSlot[];
  /** Generates ids for outbox events; injected so tests are repeatable. */
  newId: () => string;
  /** The visitor's signed links to a meeting (booking/meeting-links.ts). */
  meetingLinks: (meetingId: string) => { icsUrl: string; manageUrl: string };
  /** A rep (role rep or admin) is connected to the console: a request for a person hears "coming". */
  repsOnline?: boolean;
};

/** The variables the shell adds to every template. */
export type BaseVarName = 'company' | 'agentName' | 'firstName';

/** One piece of an agent message: a template and its own variables (rendered by the shell). */
export type ReplyPart = {
  [N in TemplateName]: { template: N; vars: Omit<TemplateVars<N>, BaseVarName> };
}[TemplateName];

export type EngineOutput =
  | {
      type: 'reply';
      parts: ReplyPart[];
      expecting: Slot | null;
      /** Quick replies decided by the engine (meeting slots); otherwise the ask template's own. */
      quickReplies: QuickReply[] | null;
      final: boolean;
    }
  /** Reserve this slot; the shell answers with booking_confirmed or booking_failed. */
  | { type: 'book'; start: string; end: string; repIds: string[] }
  /** Move or cancel the booked meeting; the shell answers with meeting_rescheduled / meeting_canceled / meeting_change_failed. */
  | { type: 'reschedule'; meetingId: string; start: string; end: string; repIds: string[] }
  | { type: 'cancel'; meetingId: string }
  /** The visitor was told someone is coming: the shell starts waiting for a rep to join. */
  | { type: 'await_rep' };

export type Transition = { conversation: Conversation; outputs: EngineOutput[] };
