import { phraseTable } from '../phrases/compile-phrases.js';

/*
 * What is left of a request for a person once the request itself is cut out (`person-request.ts`):
 * greetings, insistence and politeness, which state no fact. Every example is a test.
 */

const WORDS =
  String.raw`ok|okay|so|well|um+|hmm+|look|listen|sorry|seriously|honestly|really|actually|please|pls|plz|thanks|thank you|thx` +
  String.raw`|hi|hello|hey|there|again|still|now|right now|right away|asap|today|already|just|yes|yeah|no|nope|i said|as i said|i asked` +
  String.raw`|i|we|me|us|you|can|could|would|will|may|i'd|we'd|i'm|i want|i would|like|love|prefer|rather|instead|first|then|the|a|an|to` +
  String.raw`|not a bot|not the bot|no bot|no more bot|enough|stop|this bot|the bot|bot|robot|chatbot|is there|anyone|available|possible`;

/**
 * A clause of nothing but fillers ("ok, now please", "seriously, again"), which says nothing
 * about the lead once a request for a person is taken out of it.
 */
export const PERSON_REQUEST_FILLER = phraseTable('person request filler', [
  [
    String.raw`^[\s\W]*(?:(?:${WORDS})(?![\w'])[\s\W]*)*$`,
    'ok, now please!',
    'our SDRs drown in leads',
  ],
]);
