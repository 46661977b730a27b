/**
 * The canonical document text: NFC, Unix newlines, no BOM, no control characters, no-break and other
 * exotic spaces folded to plain spaces (same length, so nothing shifts), trailing spaces trimmed per line.
 */
export function normalizeText(input: string): string {
  let t = input.normalize('NFC');
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  t = t.replace(/\r\n?/g, '\n');
  // Control characters except tab and newline carry no meaning in an article.
  t = t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  t = t.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ');
  t = t.replace(/[\u200b\u200c\u200d\u2060]/g, '');
  t = t.replace(/[ ]+\n/g, '\n');
  t = t.replace(/\n{3,}/g, '\n\n');
  return t.trim();
}
