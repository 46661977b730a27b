/**
 * The full-form lexicon file format under lang/<code>/syntax/lexicon.tsv.gz: one line per (form, UPOS, lemma),
 * `form \t UPOS \t lemma \t FEATS`, where FEATS is the union of the analyses' features with alternative values
 * joined by commas (`Case=Acc,Dat,Nom|Gender=Masc|Number=Sing`). A first `#` line names the source and license.
 * The union loses which case goes with which number; the tagger only needs the candidate values per feature.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface LexiconEntry {
  form: string;
  upos: string;
  lemma: string;
  /** Union of feature values: name -> sorted values. */
  feats: string;
}

/** Union of FEATS strings ("A=x|B=y" + "A=z" -> "A=x,z|B=y"), names and values sorted. */
export function unionFeats(strings: Iterable<string>): string {
  const byName = new Map<string, Set<string>>();
  for (const s of strings) {
    if (!s) continue;
    for (const p of s.split('|')) {
      const eq = p.indexOf('=');
      const name = p.slice(0, eq);
      let set = byName.get(name);
      if (!set) byName.set(name, (set = new Set()));
      for (const v of p.slice(eq + 1).split(',')) set.add(v);
    }
  }
  return [...byName.keys()].sort().map((n) => `${n}=${[...byName.get(n)!].sort().join(',')}`).join('|');
}

export class LexiconFileBuilder {
  private entries = new Map<string, Set<string>>();
  add(form: string, upos: string, lemma: string, feats: string): void {
    if (!form || /[\t\n]/.test(form) || /[\t\n]/.test(lemma)) return;
    const key = `${form}\t${upos}\t${lemma}`;
    let set = this.entries.get(key);
    if (!set) this.entries.set(key, (set = new Set()));
    set.add(feats);
  }
  write(path: string, source: string): { forms: number; analyses: number } {
    const keys = [...this.entries.keys()].sort();
    const lines = [`# ${source}`];
    const forms = new Set<string>();
    for (const k of keys) {
      lines.push(`${k}\t${unionFeats(this.entries.get(k)!)}`);
      forms.add(k.slice(0, k.indexOf('\t')));
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, gzipSync(lines.join('\n') + '\n', { level: 9 }));
    return { forms: forms.size, analyses: keys.length };
  }
}

/** Read a lexicon file; errors name the file and line. */
export function readLexiconFile(path: string): LexiconEntry[] {
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const out: LexiconEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l || l.startsWith('#')) continue;
    const c = l.split('\t');
    if (c.length !== 4) throw new Error(`${path}:${i + 1}: expected 4 tab-separated columns (form, UPOS, lemma, FEATS), found ${c.length}`);
    out.push({ form: c[0], upos: c[1], lemma: c[2], feats: c[3] });
  }
  return out;
}
