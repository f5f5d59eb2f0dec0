import { DEFAULT_VISITOR, type Visitor } from '../../src/lead/visitor.js';

/**
 * What a widget reports about its visitor at hello: a browser in New York speaking en-US, on no
 * known page, with no referrer or campaign; override what a test is about.
 *
 * @example testVisitor({ timezone: 'America/Chicago', page: 'https://beacon.example/pricing' })
 */
export function testVisitor(overrides: Partial<Visitor> = {}): Visitor {
  return { ...DEFAULT_VISITOR, timezone: 'America/New_York', ...overrides };
}
