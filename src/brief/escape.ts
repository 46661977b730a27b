/**
 * Escaping for the markdown brief. Every text field of an analysis (title, names, quotes, evidence, notes)
 * comes from the article or its metadata, so a brief rendered to HTML must show it as text: no tags, no
 * links, no emphasis it did not ask for.
 */
import { forTerminalLine } from '../util/terminal.js';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * One field as inline markdown text: controls removed, on one line, HTML's special characters as entities,
 * markdown's inline syntax (emphasis, code, links and images, tables, strikethrough) backslash-escaped, and
 * a block marker at its start ("# ", "- ", "1. ") escaped too, since a field may open a line or a list item.
 */
export function markdownText(s: string): string {
  return forTerminalLine(s)
    .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c])
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^(\s*)([#=+-])/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
}
