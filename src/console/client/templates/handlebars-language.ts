import { StreamLanguage, type StreamParser, type StringStream } from '@codemirror/language';

/** Where the tokenizer is: the front matter, a `{{ }}` tag, a `{{!-- --}}` comment, or text. */
type State = { line: number; frontMatter: 'maybe' | 'in' | 'done'; tag: boolean; comment: boolean };

const BLOCK = /^[#/](if|unless|each|with)\b|^else\b/;

function frontMatterToken(stream: StringStream, state: State): string | null {
  if (stream.sol() && stream.match(/^---\s*$/)) {
    state.frontMatter = 'done';
    return 'meta';
  }
  if (stream.sol() && stream.match(/^\s*(-\s+)?[A-Za-z]+:/)) return 'propertyName';
  stream.skipToEnd();
  return 'string';
}

function tagToken(stream: StringStream, state: State): string | null {
  if (stream.match('}}')) {
    state.tag = false;
    return 'bracket';
  }
  if (stream.eatSpace()) return null;
  if (stream.match(BLOCK)) return 'keyword';
  if (stream.match(/^[A-Za-z_][\w.]*/)) return 'variableName';
  if (stream.match(/^"[^"]*"/)) return 'string';
  stream.next();
  return 'operator';
}

/**
 * The tokenizer of the templates' language: a `---` front matter block (keys and values), then
 * text with handlebars tags (`{{#if retry}}`, `{{company}}`, `{{!-- comments --}}`).
 *
 * @example templateParser.token(stream, state) // 'keyword' on `#if`
 */
export const templateParser: StreamParser<State> = {
  name: 'handlebars-template',
  startState: () => ({ line: 0, frontMatter: 'maybe', tag: false, comment: false }),
  copyState: (s) => ({ ...s }),
  token(stream, state) {
    if (stream.sol()) state.line += 1;
    if (state.frontMatter === 'maybe') {
      if (state.line === 1 && stream.sol() && stream.match(/^---\s*$/)) {
        state.frontMatter = 'in';
        return 'meta';
      }
      state.frontMatter = 'done';
    }
    if (state.frontMatter === 'in') return frontMatterToken(stream, state);
    if (state.comment) {
      if (stream.skipTo('--}}')) {
        stream.match('--}}');
        state.comment = false;
      } else stream.skipToEnd();
      return 'comment';
    }
    if (state.tag) return tagToken(stream, state);
    if (stream.match('{{!--')) {
      state.comment = true;
      return 'comment';
    }
    if (stream.match(/^\{\{![^}]*\}\}/)) return 'comment';
    if (stream.match('{{')) {
      state.tag = true;
      return 'bracket';
    }
    // Plain text up to the next tag.
    if (!stream.skipTo('{{')) stream.skipToEnd();
    return null;
  },
};

/**
 * The templates' language as a CodeMirror extension (highlighted by basicSetup's style).
 *
 * @example new EditorView({ extensions: [basicSetup, handlebarsTemplate] })
 */
export const handlebarsTemplate = StreamLanguage.define(templateParser);
