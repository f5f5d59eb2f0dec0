import Handlebars from 'handlebars';

// Intl.ListFormat is the standard joiner; 'en' because the shipped wording is English. Made
// once: building one costs more than a whole template render.
const JOINER = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** Joins short phrases the way a person writes them: "a", "a and b", "a, b and c". */
function list(items: unknown): string {
  if (!Array.isArray(items)) return '';
  const words = items.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return JOINER.format(words);
}

/**
 * The helpers templates may call. The block helpers if/unless/each/with are handlebars'
 * own; `list` is ours (`{{list learned}}`). Anything else fails to compile.
 */
export const KNOWN_HELPERS = ['if', 'unless', 'each', 'with', 'list'] as const;
export type KnownHelper = (typeof KNOWN_HELPERS)[number];

export function isKnownHelper(name: string): name is KnownHelper {
  return (KNOWN_HELPERS as readonly string[]).includes(name);
}

/**
 * Compile options after google/dotprompt: only known helpers, no HTML escaping (the widget
 * renders text as text) and strict lookups, so a misspelled variable fails instead of
 * rendering blank.
 */
export const COMPILE_OPTIONS = {
  knownHelpersOnly: true,
  noEscape: true,
  strict: true,
  // log and lookup are handlebars built-ins we do not offer marketers.
  knownHelpers: { list: true, log: false, lookup: false },
} as const;

export type HandlebarsEnv = typeof Handlebars;

/** A private handlebars instance: helpers registered here never leak into other users of the library. */
export function createHandlebarsEnv(): HandlebarsEnv {
  const hb = Handlebars.create();
  hb.unregisterHelper('log');
  hb.unregisterHelper('lookup');
  hb.registerHelper('list', list);
  return hb;
}
