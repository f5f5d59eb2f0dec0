import { phraseTable } from '../phrases/compile-phrases.js';

/*
 * The named periods the timeline matchers read (quarters, months, seasons, periods counted from
 * today, years), each with where in it ("early", "by the end of") and its year when said. One way
 * of saying a period per entry, with a message it must match; `timeline-matchers.ts` gives each
 * its meaning through the named groups: `mod`, `year`, `yy`, `yrel` ("next year") and the like.
 */

/** "March next year", "March of next year", "Q1 2027", "June '27": the year a period falls in. */
const YEAR_AFTER = String.raw`(?:,?\s+(?:(?<year>20\d{2})|['’](?<yy>\d{2})\b|(?:of\s+)?(?<yrel>next|this|the\s+following|the\s+coming)\s+year\b))`;

/** A quarter, with where in it and its year: "by the end of Q2", "third quarter of 2027", "Q1 FY27". */
export const QUARTER = phraseTable(
  'quarter',
  [
    [
      String.raw`(?:(?<mod>{timemod})[\s-]+(?:the\s+)?)?(?:(?:in|during|for)\s+)?\b(?:q(?<q>[1-4])|(?<qword>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\b` +
        String.raw`(?:\s*(?:of\s+)?(?:(?<year>20\d{2})|(?:fy\s?|')(?<yy>\d{2}))|\s+(?:of\s+)?(?<yrel>next|this)\s+year\b)?`,
      'by the end of the third quarter of next year',
    ],
  ],
  'gi',
);

/** A month, with where in it, a word before it that makes it a month, and its year: "early March", "in May", "Sept '27". */
export const MONTH = phraseTable(
  'month',
  [
    [
      String.raw`(?:(?<mod>{timemod})[\s-]+(?:the\s+month\s+of\s+)?|(?<prep>this|next|in|around|about|during|for|from|of|or|to|and|through|probably|maybe)\s+)?` +
        String.raw`\b(?<month>{month})\b\.?${YEAR_AFTER}?`,
      'by the end of the month of May next year',
    ],
  ],
  'gi',
);

/** A season: "before summer", "in the spring", "by the end of autumn 2027". */
export const SEASON = phraseTable(
  'season',
  [
    [
      String.raw`(?:(?<mod>{timemod})[\s-]+(?:the\s+)?|(?<sprep>in|during|over|for|this|next|by|before|until|till|after)\s+(?:the\s+)?)?` +
        String.raw`\b(?<season>{season})\b${YEAR_AFTER}?`,
      'in the spring of next year',
    ],
  ],
  'gi',
);

/** A period counted from today: "this week", "end of next month", "later this year", "the financial year". */
export const RELATIVE_PERIOD = phraseTable(
  'relative period',
  [
    [
      String.raw`(?:(?<mod>{timemod})[\s-]+)?(?:(?<rel>this|next|the\s+next|the\s+current|the\s+coming|the\s+following|the|our)\s+|(?<later>later)\s+this\s+)?` +
        String.raw`(?<unit>weekend|week|month|quarter|(?:calendar\s+)?year|(?:fiscal|financial)\s+year|fy)\b`,
      'by the end of the coming financial year',
    ],
  ],
  'gi',
);

/** The end of the (fiscal) year, month or quarter: "year-end", "our FY end", "EOQ". */
export const YEAR_END = phraseTable(
  'year end',
  [
    [
      String.raw`\b(?:the\s+|our\s+)?(?:(?<fiscal>(?:fiscal|financial)\s+year|fy)|year)[-\s]?end\b`,
      'by our fiscal year end',
    ],
    [String.raw`\beo(?<eo>[ymq])\b`, 'EOQ'],
  ],
  'gi',
);

/** A year after a modifier or a preposition: "in 2027", "by the end of 2026", not "2027-03". */
export const YEAR = phraseTable(
  'year',
  [
    [
      String.raw`(?:(?<mod>{timemod})[\s-]+(?:of\s+)?|(?<yprep>in|during|for)\s+)(?<year>20\d{2})\b(?![-/]\d)`,
      'by the end of 2027',
      '2027-03-01',
    ],
  ],
  'gi',
);

/** A year on its own ("Probably 2028"), not inside a date, a range or a percentage. */
export const BARE_YEAR = phraseTable(
  'bare year',
  [
    [
      String.raw`(?<![\d/.'’-])\b(?<year>20\d{2})\b(?!\s*[-–/.]\s*\d|\s*%)`,
      '2027, realistically',
      '2026-2027',
    ],
  ],
  'g',
);

/** A count for a duration: "half a", "3", "2.5", "three", "a". */
const QTY = String.raw`half\s+an?|\d+(?:\.\d+)?|{numwords}|an?`;

/**
 * A duration from today: "in 3 weeks", "within the next 2 months", "6 to 8 weeks", "three months
 * from now", "another 6 months", "a month or two".
 */
export const DURATION = phraseTable(
  'duration',
  [
    [
      String.raw`\b(?:(?<prep>in|within|inside|after|under|less\s+than)\s+)?(?:(?:the|a)\s+)?(?:(?<next>next|coming|following)\s+)?` +
        String.raw`(?:(?<another>another)\s+|(?:about|around|roughly|approximately|approx\.?|maybe|like|some|just|only|~)\s*)?` +
        String.raw`(?<qty>${QTY})(?:\s*(?:-|–|to|or)\s*(?<qty2>${QTY}))?(?:\s+of)?` +
        String.raw`\s*(?<unit>days?|weeks?|wks?|months?|mos?|mths?|years?|yrs?|quarters?|fortnights?)\b` +
        String.raw`(?<half>\s+and\s+a\s+half)?(?:\s+or\s+(?<qty3>so|two|three|four|\d+))?(?:\s+(?<from>from\s+now|out|time|'s\s+time|hence|away))?`,
      'within the next 6 to 8 weeks from now',
    ],
  ],
  'gi',
);

/** The visitor's own fiscal year end: "ours ends in June", "FY end, which is October 31", "our financial year closes in March". */
export const OWN_FISCAL_END = phraseTable('own fiscal year end', [
  [
    String.raw`\b(?:(?:fiscal|financial)\s+year|fy|ours|it)\b[^.;!?]{0,30}?\b(?:ends?|ending|closes?|closing|runs?\s+(?:to|until|through)|is|=|:)\s+` +
      String.raw`(?:in\s+|on\s+|at\s+the\s+end\s+of\s+|the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?<month>{month})\b`,
    'our fiscal year runs until the end of June',
  ],
]);

/** The visitor's own fiscal year start: "the next fiscal year, starting July 1", "our financial year begins in April". */
export const OWN_FISCAL_START = phraseTable('own fiscal year start', [
  [
    String.raw`\b(?:(?:fiscal|financial)\s+year|fy)\b[^.;!?]{0,30}?\b(?:starting|starts?|begins?|beginning|kicks\s+off|runs?\s+from)\s+` +
      String.raw`(?:in\s+|on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?<month>{month})\b`,
    'our fiscal year starts on 1st July',
  ],
]);

/** Words that may follow a season and leave it a season ("summer time", "spring, ideally"); any other word makes it an event ("our spring sale"). */
export const AFTER_SEASON = phraseTable(
  'after a season',
  [
    [String.raw`time|season|break|holidays?`, 'summer holidays'],
    [String.raw`or|and|at|if|so|but|then|when|since|because|as|to|though|of`, 'spring or summer'],
    [String.raw`ideally|hopefully|probably|maybe|latest|please`, 'by spring at the latest'],
    [String.raw`this|next|we|i|is|would|will`, 'summer next year'],
  ],
  'iu',
);
