import { StringStream } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { templateParser } from '../../../src/console/client/templates/handlebars-language.js';

/** Tokenizes `text` line by line as the editor does: `token:text` for every styled piece. */
function tokens(text: string): string[] {
  const parser = templateParser;
  const state = parser.startState?.(2) ?? null;
  if (state === null) throw new Error('no start state');
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const stream = new StringStream(line, 4, 2);
    while (!stream.eol()) {
      const style = parser.token(stream, state);
      const piece = stream.current().trim();
      if (style !== null && piece !== '') out.push(`${style}:${piece}`);
      stream.start = stream.pos;
    }
  }
  return out;
}

describe('the template language of the editor', () => {
  it.each([
    [
      'front matter',
      '---\nquickReplies:\n  - label: Soon\n---\nHi',
      [
        'meta:---',
        'propertyName:quickReplies:',
        'propertyName:- label:',
        'string:Soon',
        'meta:---',
      ],
    ],
    [
      'a block and a variable',
      '{{#if retry}}Hi {{company}}{{/if}}',
      [
        'bracket:{{',
        'keyword:#if',
        'variableName:retry',
        'bracket:}}',
        'bracket:{{',
        'variableName:company',
        'bracket:}}',
        'bracket:{{',
        'keyword:/if',
        'bracket:}}',
      ],
    ],
    [
      'a comment over two lines',
      '{{!-- note\nmore --}}Hi',
      ['comment:{{!--', 'comment:note', 'comment:more --}}'],
    ],
    ['--- later in the text is text', 'Hi\n---', []],
  ])('%s', (_what, text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });
});
