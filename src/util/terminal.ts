/**
 * Text bound for a terminal. A title, a name or a file name can carry escape sequences (clear the screen, set
 * the window title), a bell, or bidi overrides that make a line read backwards: none of them may reach it.
 */

// C0 and C1 controls (tab and newline kept by forTerminal), DEL, the bidi marks, embeddings, overrides and
// isolates, zero-width characters, line and paragraph separators and the interlinear annotation marks.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

/** Multi-line text with everything that steers a terminal removed; line breaks and tabs stay. */
export function forTerminal(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(UNSAFE, '');
}

/** One field on one line: the same, and every line break or tab as a space. */
export function forTerminalLine(s: string): string {
  return s.replace(/[\t\n\r]+/g, ' ').replace(UNSAFE, '');
}
