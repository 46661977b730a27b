/**
 * The API's brief is markdown whose text fields are escaped (HTML entities, backslash escapes) so that a
 * markdown renderer shows them as text. This app shows the brief as preformatted text, so it undoes the
 * escaping for display; Preact puts the result into a text node, where nothing in it can become markup.
 */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

export function briefAsText(markdown: string): string {
  return markdown.replace(/\\([\\`*_[\]|~#=+\-.)])/g, '$1').replace(/&(amp|lt|gt|quot);/g, (e) => ENTITIES[e]);
}
