import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import {
  correctField,
  parseFieldValue,
  type ActionContext,
} from '../../../src/console/lead/lead-actions.js';
import type { FieldPath } from '../../../src/lead/field-paths.js';
import { sequentialIds } from '../../../src/app/sequential-ids.js';
import { qualifiedConversation } from '../handoff/handoff-fixtures.js';

const ctx = (): ActionContext => ({
  actor: { email: 'ana@beacon.example', name: 'Ana Lima' },
  now: new Date('2026-03-04T10:00:00.000Z'),
  newId: sequentialIds('x'),
  config: parseConfig({}),
});

describe('a rep’s typed value becomes the field’s value', () => {
  it.each<[FieldPath, string, string | number | boolean]>([
    ['company.size', ' 250 ', 250],
    ['company.name', '123 Logistics', '123 Logistics'],
    ['budget.amount', '80000', 80000],
    ['intent.demo', 'yes', true],
    ['consent.contact', 'false', false],
    ['contact.email', 'Kim@Northwind.Example', 'kim@northwind.example'],
    ['authority.level', 'influencer', 'influencer'],
    ['timeline.targetDate', '2026-06-30', '2026-06-30'],
  ])('%s "%s" reads %o', (path, text, value) => {
    expect(parseFieldValue(path, text)).toBe(value);
  });

  it.each<[FieldPath, string]>([
    ['company.size', 'lots'],
    ['company.size', '-3'],
    ['contact.email', 'not an email'],
    ['authority.level', 'boss'],
    ['budget.currency', 'dollars'],
    ['contact.name', '   '],
    ['intent.demo', 'perhaps'],
  ])('%s "%s" is refused with a reason', (path, text) => {
    expect(() => parseFieldValue(path, text)).toThrow(`is not a valid ${path}`);
  });
});

describe('a rep’s correction follows the engine’s rules for events', () => {
  it('sends lead.updated for a lead the CRM already follows up', () => {
    const conv = correctField(qualifiedConversation(), 'company.size', '300', ctx());
    expect(conv?.outbox.map((e) => e.type)).toEqual(['lead.qualified', 'lead.updated']);
    expect(conv?.lead['company.size']).toMatchObject({ value: 300, source: 'rep' });
  });

  it('sends nothing for a lead nobody follows up yet that stays below SQL', () => {
    const cold = qualifiedConversation({ qualifiedAt: null }, []);
    const conv = correctField(cold, 'budget.status', 'none', ctx());
    expect(conv?.outbox).toEqual([]);
    expect(conv?.console.actions).toHaveLength(1);
  });

  it('changes nothing when the value is already that', () => {
    expect(correctField(qualifiedConversation(), 'company.size', '120', ctx())).toBeNull();
  });
});
