import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** Sets the (1-based) lines that have problems; an empty list clears the marks. */
export const setProblemLines = StateEffect.define<readonly number[]>();

const mark = Decoration.line({ class: 'cm-problem-line', attributes: { 'data-problem': 'true' } });

/**
 * Marks the editor's lines that have problems (a red background). Lines outside the document
 * (a problem on line 0 concerns the whole text) are skipped; edits move the marks with the text.
 *
 * @example view.dispatch({ effects: setProblemLines.of([4]) });
 */
export const problemMarks: Extension = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setProblemLines)) continue;
      const { doc } = tr.state;
      const lines = [...new Set(effect.value)]
        .filter((l) => l >= 1 && l <= doc.lines)
        .sort((a, b) => a - b);
      next = Decoration.set(lines.map((l) => mark.range(doc.line(l).from)));
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
