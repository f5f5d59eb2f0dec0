import { phraseTable } from '../phrases/compile-phrases.js';

/*
 * The holidays the timeline rule reads, one per line with a message it must match; the days
 * they fall on are in `timeline-holidays.ts`.
 */

/**
 * The end-of-year holidays with no holiday named: "before the holidays", "once the holidays are
 * over", "over the festive season". The word right before "holidays" must be "the" (or
 * Christmas, festive, end-of-year), so "the summer holidays" are not these.
 */
export const HOLIDAY_SEASON = phraseTable(
  'holiday season',
  [
    [
      String.raw`\b(?:(?<hprep>before|by|until|till|after|over|around|during|for|at|in|once|when)\s+)?the\s+` +
        String.raw`(?:(?:christmas|xmas|x-mas|festive|end[-\s]of[-\s](?:the[-\s])?year)\s+)?` +
        String.raw`(?:holidays|holiday\s+(?:season|period|break)|festive\s+(?:season|period|break))\b` +
        String.raw`(?<over>\s+(?:are\s+|is\s+)?(?:over|done|finished|behind\s+us))?`,
      'once the Christmas holidays are over',
      'after the summer holidays',
    ],
  ],
  'gi',
);

/** The named holidays, as the visitor may write them. */
export const HOLIDAYS = phraseTable('holidays', [
  [String.raw`christmas|xmas|x-mas`, 'before Xmas'],
  [String.raw`new\s+year(?:'s)?(?:\s+(?:day|eve))?`, "by New Year's Eve"],
  [String.raw`thanksgiving`, 'after Thanksgiving'],
  [String.raw`black\s+friday`, 'before Black Friday'],
  [String.raw`cyber\s+monday`, 'live for Cyber Monday'],
  [String.raw`labou?r\s+day(?:\s+weekend)?`, 'by Labour Day weekend'],
  [String.raw`memorial\s+day(?:\s+weekend)?`, 'before Memorial Day'],
  [String.raw`(?:the\s+)?(?:fourth|4th)\s+of\s+july`, 'by the 4th of July'],
  [String.raw`july\s+(?:4th|fourth|4)\b`, 'by July 4th'],
  [String.raw`independence\s+day`, 'before Independence Day'],
  [String.raw`easter(?:\s+(?:sunday|monday|weekend))?`, 'after Easter Monday'],
  [String.raw`hallowe'?en`, 'before Halloween'],
  [String.raw`valentine'?s(?:\s+day)?`, "for Valentine's Day"],
  [String.raw`boxing\s+day`, 'by Boxing Day'],
  [String.raw`australia\s+day`, 'before Australia Day'],
  [String.raw`canada\s+day`, 'after Canada Day'],
  [String.raw`anzac\s+day`, 'by Anzac Day'],
]);

/** A named holiday with the word before it: "before Easter", "by the 4th of July", "in the new year". */
export const NAMED_HOLIDAY = phraseTable(
  'named holiday',
  [
    [
      String.raw`\b(?:(?<hprep>before|by|after|until|till|over|around|for|at|on|in)\s+)?(?:the\s+)?(?<holiday>${HOLIDAYS.source})(?![\w'])`,
      'in the New Year',
      'the Christmassy mood',
    ],
  ],
  'gi',
);
