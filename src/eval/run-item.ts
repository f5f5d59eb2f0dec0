import type { ChatService } from '../conversation/chat-service.js';
import type { ChatMessage, Conversation } from '../conversation/conversation-schema.js';
import { isSlotFilled, type Slot } from '../lead/slots.js';
import type { CorpusItem } from './corpus-schema.js';

export const REFUSAL = "I'd rather not say.";
/** A safety stop for a conversation that would never end. */
const MAX_TURNS = 40;

export type ItemRun = {
  conversation: Conversation;
  visitorTurns: number;
  redundantAsks: number;
  /** The agent's messages, for failure reports. */
  transcript: ChatMessage[];
};

type Service = ChatService & { conversation(id: string): Promise<Conversation | null> };

/** What the simulated visitor says when asked for a slot (corpus README "answers"). */
function answerFor(item: CorpusItem, slot: Slot, last: ChatMessage): string {
  const a = item.answers[slot];
  if (a === undefined) return REFUSAL;
  if (slot === 'booking' && a === '@first') return last.quickReplies?.[0]?.value ?? REFUSAL;
  return a;
}

function wasRedundant(conv: Conversation, slot: Slot): boolean {
  return slot === 'booking' ? conv.meeting !== null : isSlotFilled(conv.lead, slot);
}

/**
 * Plays one corpus conversation through the real service: the opening, then whatever the agent
 * asks, answered from the item, until the agent's final message.
 */
export async function runItem(item: CorpusItem, service: Service): Promise<ItemRun> {
  const hello = await service.hello({ visitor: item.visitor });
  const id = hello.conversationId;
  let text = item.opening;
  let turns = 0;
  let redundant = 0;
  for (let n = 0; n < MAX_TURNS; n++) {
    const received: ChatMessage[] = [];
    const r = await service.receive(id, { clientId: `sim-${n}`, text }, (e) => {
      if (e.type === 'agent:message') received.push({ ...e.payload, role: 'agent', at: '' });
    });
    await r.reply;
    turns++;
    const conv = await service.conversation(id);
    const last = received.at(-1);
    if (!conv || !last || last.final || last.expecting === null || last.expecting === undefined)
      break;
    if (wasRedundant(conv, last.expecting)) redundant++;
    text = answerFor(item, last.expecting, last);
  }
  const conversation = await service.conversation(id);
  if (!conversation) throw new Error(`conversation ${id} vanished`);
  return {
    conversation,
    visitorTurns: turns,
    redundantAsks: redundant,
    transcript: conversation.messages,
  };
}
