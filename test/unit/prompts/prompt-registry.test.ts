import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PromptLoadError } from '../../../src/prompts/prompt-load-error.js';
import { createPromptRegistry, type PromptError } from '../../../src/prompts/prompt-registry.js';
import { copyShippedPrompts } from './temp-prompts.js';

function setup() {
  const copy = copyShippedPrompts();
  const errors: PromptError[] = [];
  // Checked for edits on every render, so a test sees its edit at once.
  const registry = createPromptRegistry({
    dir: copy.dir,
    onError: (e) => errors.push(e),
    recheckMs: 0,
  });
  return { ...copy, registry, errors };
}

const vars = { company: 'Lumen Freight', agentName: 'Ava', firstName: null, retry: false };
const budget = (r: ReturnType<typeof setup>['registry']) => r.render('ask-budget', vars);

describe('createPromptRegistry', () => {
  it('when a marketer edits a template, then the next render shows the change without a new registry', () => {
    const { registry, write } = setup();
    write('ask-budget.hbs', 'What budget does {{company}} have in mind?');
    expect(budget(registry).text).toBe('What budget does Lumen Freight have in mind?');
    write('ask-budget.hbs', 'Any budget yet?');
    expect(budget(registry).text).toBe('Any budget yet?');
  });

  it('when an edit breaks the syntax, then the last good text stays live and the error names file and line', () => {
    const { registry, write, dir, errors } = setup();
    write('ask-budget.hbs', 'Budget for {{company}}?');
    expect(budget(registry).text).toBe('Budget for Lumen Freight?');
    write('ask-budget.hbs', 'Line one\nBudget for {{#if company}?');
    expect(budget(registry).text).toBe('Budget for Lumen Freight?');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: path.join(dir, 'ask-budget.hbs'), line: 2 });
    expect(errors[0]?.message).toMatch(/syntax error/);
  });

  it('when an edit uses an unknown variable, then the last good text stays live and the variable is named', () => {
    const { registry, write, errors } = setup();
    const before = budget(registry).text;
    write('ask-budget.hbs', '---\nquickReplies: []\n---\nHi\n{{budgt}}?');
    expect(budget(registry).text).toBe(before);
    expect(errors).toEqual([
      expect.objectContaining({ line: 5, message: 'unknown variable "budgt"' }),
    ]);
  });

  it('when a broken version is rendered many times, then its error is reported once', () => {
    const { registry, write, errors } = setup();
    write('ask-budget.hbs', '{{#if retry}}oops');
    for (let i = 0; i < 5; i++) budget(registry);
    expect(errors).toHaveLength(1);
    write('ask-budget.hbs', '{{#if retry}}still oops');
    budget(registry);
    expect(errors).toHaveLength(2);
  });

  it('when the broken edit is fixed, then the fix is picked up at the next render', () => {
    const { registry, write, errors } = setup();
    write('ask-budget.hbs', 'Budget {{budgt}}?');
    budget(registry);
    write('ask-budget.hbs', 'Fixed: what budget do you have?');
    expect(budget(registry).text).toBe('Fixed: what budget do you have?');
    expect(errors).toHaveLength(1);
  });

  it('when the front matter of an edit is invalid, then the last good quick replies stay live', () => {
    const { registry, write, errors } = setup();
    const before = budget(registry);
    write('ask-budget.hbs', '---\nquickReplies:\n  - label: Soon\n---\nBudget?');
    expect(budget(registry)).toEqual(before);
    expect(errors).toEqual([expect.objectContaining({ line: 3 })]);
  });

  it('when a template declares quick replies in front matter, then they come with the text', () => {
    const { registry, write } = setup();
    write(
      'ask-timeline.hbs',
      '---\nquickReplies:\n  - label: This quarter\n    value: Within the next 3 months\n  - label: No rush\n    value: No fixed timeline\n---\nWhen would you like to start?\n',
    );
    expect(registry.render('ask-timeline', vars)).toEqual({
      text: 'When would you like to start?',
      quickReplies: [
        { label: 'This quarter', value: 'Within the next 3 months' },
        { label: 'No rush', value: 'No fixed timeline' },
      ],
      // No version published: the file is version 1.
      version: 1,
    });
  });

  it('when a template file is deleted while running, then the last good version stays live', () => {
    const { registry, dir, errors } = setup();
    const before = budget(registry).text;
    rmSync(path.join(dir, 'ask-budget.hbs'));
    expect(budget(registry).text).toBe(before);
    expect(budget(registry).text).toBe(before);
    expect(errors).toEqual([
      expect.objectContaining({
        file: path.join(dir, 'ask-budget.hbs'),
        message: expect.stringMatching(/missing/),
      }),
    ]);
  });

  it('when templates are missing at start-up, then creation fails listing every missing file', () => {
    const copy = copyShippedPrompts();
    rmSync(path.join(copy.dir, 'greeting.hbs'));
    rmSync(path.join(copy.dir, 'booked.hbs'));
    const create = () => createPromptRegistry({ dir: copy.dir });
    expect(create).toThrow(PromptLoadError);
    expect(create).toThrow(/greeting\.hbs[\s\S]*booked\.hbs|booked\.hbs[\s\S]*greeting\.hbs/);
  });

  it('when a template is broken at start-up, then creation fails naming its file and line', () => {
    const copy = copyShippedPrompts();
    copy.write('ack.hbs', 'Thanks\n{{lerned}}');
    expect(() => createPromptRegistry({ dir: copy.dir })).toThrow(
      /ack\.hbs:2: unknown variable "lerned"/,
    );
  });

  it('when the engine passes variables that do not fit the template, then render throws', () => {
    const { registry } = setup();
    expect(() =>
      // @ts-expect-error retry is required by ask-budget: the point of this test
      registry.render('ask-budget', {
        company: 'Lumen Freight',
        agentName: 'Ava',
        firstName: null,
      }),
    ).toThrow(/retry/);
    expect(() =>
      registry.render('ask-booking', { ...vars, timezone: 'UTC', slots: [{ label: '' }] }),
    ).toThrow(/ask-booking/);
  });

  it('when the file is edited back to what it was, then each version is still picked up', () => {
    const { registry, write } = setup();
    write('after-close.hbs', 'Closed A');
    expect(registry.render('after-close', vars).text).toBe('Closed A');
    write('after-close.hbs', 'Closed B');
    expect(registry.render('after-close', vars).text).toBe('Closed B');
    write('after-close.hbs', 'Closed A');
    expect(registry.render('after-close', vars).text).toBe('Closed A');
  });
});
