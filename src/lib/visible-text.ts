/**
 * Characters that show nothing yet change what text means or how it is laid out:
 * - C0 controls except tab, line feed and carriage return (NUL among them), DEL and the C1
 *   controls: invalid in an iCalendar value (RFC 5545 3.1, 3.3.11) and in HTML text;
 * - the bidirectional controls: LRM, RLM, ALM, the embeddings and overrides U+202A-U+202E and
 *   the isolates U+2066-U+2069, with which "Dana‮moc.live" reads as another name (Trojan Source);
 * - the deprecated format controls U+206A-U+206F, the interlinear annotation marks
 *   U+FFF9-U+FFFB, the zero-width space, the word joiner, invisible operators U+2061-U+2064
 *   and the byte-order mark.
 * Kept: the zero-width joiner and non-joiner (U+200D, U+200C), which emoji sequences and
 * Persian, Arabic and Indic scripts need, and every visible character.
 */
const INVISIBLE_RANGES = [
  String.raw`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f`,
  String.raw`\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069`,
  String.raw`\u206a-\u206f\ufff9-\ufffb\u200b\u2060-\u2064\ufeff`,
];
const INVISIBLE = new RegExp(`[${INVISIBLE_RANGES.join('')}]`, 'g');

/** Line and paragraph separators (U+2028, U+2029) and the whitespace controls. */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/g;

/**
 * Visitor text without the invisible characters above: what the visitor's screen showed. Tab,
 * line feed and carriage return stay (a need summary may have several lines); the Unicode line
 * and paragraph separators become a line feed.
 *
 * @example visibleText('Dana\u0000 Lee\u202E') // 'Dana Lee'
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/[\u2028\u2029]/g, '\n');
}

/**
 * Visible text on one line, for a name, a company or a title: the invisible characters go and
 * every line break or tab becomes a space.
 *
 * @example visibleLine('Acme\nCorp\u2066') // 'Acme Corp'
 */
export function visibleLine(text: string): string {
  return text.replace(INVISIBLE, '').replace(LINE_BREAKS, ' ');
}
