import { describe, expect, it } from 'vitest';
import { mentionsEmail, PrivacyEmailSchema } from '../../../src/privacy/match-email.js';

const EMAIL = 'dana@brightfield.example';

describe('which messages hold a person’s email', () => {
  it.each([
    ['Dana@Brightfield.Example', true],
    [`mail me at ${EMAIL}`, true],
    [`<${EMAIL}>, thanks`, true],
    [`it is ${EMAIL}.`, true],
    [`x${EMAIL}`, false],
    [`${EMAIL}.au`, false],
    [`${EMAIL}x`, false],
    [`old.${EMAIL}`, false],
    ['dana at brightfield dot example', false],
  ])('when a message says %j, then it holds the email: %s', (text, expected) => {
    expect(mentionsEmail(text, EMAIL)).toBe(expected);
  });
});

describe('the email of a privacy request', () => {
  it.each([
    ['  Dana@Brightfield.EXAMPLE ', EMAIL],
    ['*@brightfield.example', null],
    ['brightfield.example', null],
    ['', null],
    [`${'a'.repeat(250)}@x.example`, null],
  ])('when %j is asked for, then it reads as %j', (given, expected) => {
    const r = PrivacyEmailSchema.safeParse(given);
    expect(r.success ? r.data : null).toBe(expected);
  });
});
