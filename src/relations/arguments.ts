/**
 * Argument finding over one sentence: which actor mention fills the subject or an object slot of a trigger.
 * Works on the clause segmentation of SentenceView and a handful of word-order rules: subjects are bare
 * (no preposition, no genitive), German takes the first bare actor of the clause, English the nearest one
 * before the verb; infinitives and verb-first continuations inherit the subject of the clause above.
 */
import type { Clause } from './sentence-view.js';
import { SentenceView, compoundHead, isPartialMention, isPossessiveMention } from './sentence-view.js';
import { roleRuleFor } from './role-rules.js';
import type { Arg, ArgVia, SlotHit } from './types.js';

export type { Arg, ArgVia, SlotHit } from './types.js';

export class ArgumentFinder {
  constructor(readonly v: SentenceView, readonly previousPersons: string[]) {}

  private get sets() { return this.v.lex.sets; }
  private get german() { return this.v.lex.grammar.capitalizedNouns; }

  /** The actor a mention stands for when it is an argument, or null (a modifier, a foreign compound). */
  resolve(k: number, via: ArgVia = 'mention'): Arg | null {
    const v = this.v;
    const m = v.mention(k);
    if (isPartialMention(v, m)) {
      const head = compoundHead(v, m);
      if (this.sets.selfNamingHeads.has(head)) return { entity: m.entity, mention: k, via };
      if (endsWithAny(head, this.sets.circleHeads)) return { entity: m.entity, mention: k, via: 'circle' };
      if (endsWithAny(head, this.sets.groupNouns)) return { entity: m.entity, mention: k, via: 'affiliation' };
      return null;
    }
    if (m.kind === 'demonym') {
      // "his Azerbaijani counterpart", "the Swiss foreign minister": a demonym before a single person is no actor;
      // before a group ("Japanese officials") or a government it stands for its country.
      const noun = this.nounAfterModifier(m.tokenEnd);
      if (noun && !endsWithAny(noun, this.sets.groupNouns) && !endsWithAny(noun, this.sets.circleHeads) && roleRuleFor(v.lex, noun)) return null;
      if (noun && !endsWithAny(noun, this.sets.groupNouns) && !endsWithAny(noun, this.sets.circleHeads) && this.sets.singularCounterparts.has(noun)) return null;
      // "das japanische Unternehmen Nippon Steel": the demonym only modifies the name that follows.
      for (let t = m.tokenEnd; t < Math.min(m.tokenEnd + 3, v.to); t++) {
        // "mit Indian officials in New Delhi": a preposition ends the demonym's noun phrase.
        if (v.isPunct(t) || this.sets.prepositions.has(v.w(t))) break;
        const j = v.mentionIdx(t);
        if (j >= 0 && j !== k) return null;
      }
      return { entity: m.entity, mention: k, via: 'affiliation' };
    }
    // "U.S. Secretary of State Antony Blinken": a country or body naming a person's title is no argument itself.
    // "Cumulus chief executive Tom Birch" likewise, with a lower-case title.
    if (v.layer.byId.get(m.entity)?.type !== 'person' && !isPossessiveMention(v, m)) {
      let lowerTitle = false;
      for (let t = m.tokenEnd, n = 0; t < v.to && n < 5; t++, n++) {
        const j = v.mentionIdx(t);
        if (j >= 0 && j !== k) { if (v.layer.byId.get(v.mention(j).entity)?.type === 'person' && n > 0) return null; break; }
        if (v.isCapitalized(t) || v.w(t) === 'of') continue;
        if (!this.german && v.isLowerWord(t) && (roleRuleFor(v.lex, v.w(t)) || roleRuleFor(v.lex, v.w(t) + ' ' + v.w(t + 1)))) { lowerTitle = true; continue; }
        if (lowerTitle && v.isLowerWord(t) && roleRuleFor(v.lex, v.w(t - 1) + ' ' + v.w(t))) continue;
        break;
      }
    }
    return { entity: m.entity, mention: k, via: m.kind === 'pronoun' ? 'pronoun' : via };
  }

  /** The noun a modifier at token t belongs to (skipping one more adjective), lower case, or null. */
  private nounAfterModifier(t: number): string | null {
    const v = this.v;
    for (let u = t; u < Math.min(v.to, t + 2); u++) {
      if (v.isPunct(u) || v.mentionIdx(u) >= 0 || this.sets.prepositions.has(v.w(u))) return null;
      if (this.german ? v.isCapitalized(u) : !(u + 1 < v.to && v.isLowerWord(u + 1) && !this.sets.prepositions.has(v.w(u + 1)) && !v.isPunct(u + 1))) return v.w(u);
    }
    return null;
  }

  /** The preposition governing a mention ("mit mehreren japanischen Beamten" → mit), or null. */
  governingPrep(k: number): { prep: string; at: number } | null {
    return this.governingPrepAt(this.v.mention(k).tokenStart);
  }

  /**
   * Memo of governingPrepAt by start token: a list of actors ("A und B und C …") asks each member's
   * preposition through the next one's, so without it a long list costs the square of its length.
   */
  private readonly prepMemo = new Map<number, { prep: string; at: number } | null>();

  /** The preposition governing the noun phrase whose head starts at token `start`. */
  governingPrepAt(start: number): { prep: string; at: number } | null {
    let found = this.prepMemo.get(start);
    if (found === undefined) this.prepMemo.set(start, (found = this.findGoverningPrep(start)));
    return found;
  }

  private findGoverningPrep(start: number): { prep: string; at: number } | null {
    const v = this.v;
    let t = start - 1;
    let nounSkipped = false;
    let steps = 0;
    let afterCoordinator = false;
    const relPronoun = v.clauses[v.clauseAt(Math.max(v.from, t))]?.relPronoun ?? -1;
    while (t >= v.from && steps < 7) {
      steps++;
      const x = v.w(t);
      // The clause's relative pronoun is its own noun phrase ("zu dem sich Kishida …"), unless possessive ("zu dessen Firma").
      if (t === relPronoun && !v.lex.refs.possessiveRelatives.has(x)) return null;
      // "threatened to expel EU diplomats": "to" before a verb marks an infinitive, whose object is bare.
      if (this.sets.infinitiveMarkers.has(x) && !this.german && t + 1 < start && v.isLowerWord(t + 1) && !this.sets.determiners.has(v.w(t + 1)) && !this.sets.possessiveTokens.has(v.w(t + 1))) return null;
      if (this.sets.prepositions.has(x)) {
        // "Secretary of State Antony Blinken": an "of" inside a title is no preposition of the name.
        if (!this.german && this.sets.affiliationPreps.has(x) && v.isCapitalized(t + 1) && v.mentionIdx(t + 1) < 0 && v.isCapitalized(t - 1) && v.mentionIdx(t - 1) < 0 && roleRuleFor(v.lex, v.w(t - 1))) { t -= 2; continue; }
        return { prep: x, at: t };
      }
      const j = v.mentionIdx(t);
      if (j >= 0) {
        const mj = v.mention(j);
        if (afterCoordinator && !isPossessiveMention(v, mj)) return this.governingPrep(j);
        if (isPossessiveMention(v, mj) || mj.kind === 'demonym') { t = mj.tokenStart - 1; continue; }
        return null;
      }
      if (x === ',' && !afterCoordinator && v.isListComma(t)) { afterCoordinator = true; t--; continue; }
      if (v.isPunct(t)) return null;
      if (this.sets.coordinators.has(x)) { afterCoordinator = true; t--; continue; }
      // A two-word marker is stepped over whole: "vor allem" holds a preposition that governs nothing after it.
      if (t > v.from && this.sets.exemplarMarkers.has(v.w(t - 1) + ' ' + x)) { t -= 2; continue; }
      if (this.sets.determiners.has(x) || this.sets.possessiveTokens.has(x) || v.isNumber(t) || v.markerAt(this.sets.exemplarMarkers, t) || this.sets.exemplarMarkers.has(x + ' ' + v.w(t + 1))) { t--; continue; }
      if (v.isLowerWord(t)) {
        if (this.sets.verbLike.has(x) || this.sets.subordinators.has(x) || this.sets.infinitiveMarkers.has(x) || this.sets.attributionCues.has(x)) return null;
        if (v.lex.byForm.get(x)?.some((e) => e.spec.pos === 'verb')) return null;
        t--;
        continue;
      }
      // "am Montag Ute Marquardt": a preposition before a time word governs that word, not the name after it.
      if (this.sets.timeWords.has(x)) return null;
      if (v.isCapitalized(t) && !nounSkipped) { nounSkipped = true; t--; continue; }
      // English titles are capitalized word runs: "with Fijian Prime Minister Joeli Nakau".
      if (v.isCapitalized(t) && !this.german) { t--; continue; }
      return null;
    }
    return null;
  }

  /** "Beamte des japanischen Außenministeriums": a genitive attribute of a noun that is not a group. */
  private isGenitiveAttribute(k: number): boolean {
    const v = this.v;
    if (!this.german) return false;
    const mk = v.mention(k);
    // A description mention starts with its own article ("der Bundespartei").
    let t = mk.kind === 'description' && this.sets.genitiveArticles.has(v.w(mk.tokenStart)) ? mk.tokenStart : mk.tokenStart - 1;
    while (t >= v.from && v.isLowerWord(t) && !this.sets.genitiveArticles.has(v.w(t)) && !this.sets.determiners.has(v.w(t))) t--;
    if (t < v.from || !this.sets.genitiveArticles.has(v.w(t))) return false;
    const noun = t - 1;
    if (noun < v.from || v.isPunct(noun) || !v.isCapitalized(noun) || v.mentionIdx(noun) >= 0) return false;
    return !endsWithAny(v.w(noun), this.sets.groupNouns);
  }

  /** A bare actor: a subject or direct-object candidate ("him" is never a subject, "he" never an object). */
  bare(k: number, role: 'subject' | 'object' | 'any' = 'any'): Arg | null {
    const v = this.v;
    const m = v.mention(k);
    if (isPossessiveMention(v, m)) return null;
    const surface = v.doc.text.slice(m.start, m.end).toLowerCase();
    if (role === 'subject' && this.sets.objectPronouns.has(surface)) return null;
    if (role === 'object' && this.sets.subjectPronouns.has(surface)) return null;
    const gp = this.governingPrep(k);
    if (gp) {
      // "Beamte aus Japan", "officials from Japan": the group stands for its affiliation.
      const before = gp.at - 1;
      if (!(this.sets.affiliationPreps.has(gp.prep) && before >= v.from && endsWithAny(v.w(before), this.sets.groupNouns))) return null;
    }
    if (this.isGenitiveAttribute(k)) return null;
    return this.resolve(k);
  }

  /** Mentions in a token range, first token order, one per mention. */
  mentionsIn(a: number, b: number): number[] {
    return this.v.mentions.filter((k) => { const m = this.v.mention(k); return m.tokenStart >= a && m.tokenStart < b; });
  }

  /** Extend an argument over a coordinated list: "Pence, Mattis und Pompeo", "Aso and Yamada". */
  expand(k: number, arg: Arg, resolveFn: (j: number) => Arg | null = (j) => this.resolve(j)): Arg[] {
    const v = this.v;
    const out: Arg[] = [arg];
    const seen = new Set([k]);
    let t = v.mention(k).tokenEnd;
    for (;;) {
      const placed = this.afterPlacePhrase(t);
      const stepped = placed !== t;
      t = placed;
      const x = v.w(t);
      if (!((x === ',' && (v.isListComma(t) || (stepped && this.listGoesOn(t)))) || this.sets.coordinators.has(x))) break;
      let u = t + 1;
      if (x === ',' && this.sets.coordinators.has(v.w(u))) u++;
      // "Scholz und der französische Präsident Emmanuel Macron": step over article, adjectives, a demonym and a title.
      for (let n = 0; n < 4 && u < v.to; n++) {
        const j0 = v.mentionIdx(u);
        // "und Grünen-Fraktionschef Tobias Brandt": a compound title naming a body is a modifier of the name after it.
        if (j0 >= 0 && isPartialMention(v, v.mention(j0)) && v.mention(j0).tokenEnd === u + 1 && v.mentionIdx(u + 1) >= 0 && v.mentionIdx(u + 1) !== j0) { u++; continue; }
        if (j0 >= 0 && v.mention(j0).kind !== 'demonym') break;
        // A demonym before a name is a modifier ("der französische Präsident Macron"); before a group it is the conjunct.
        if (j0 >= 0) { const e = v.mention(j0).tokenEnd; if (v.mentionIdx(e) >= 0 || v.mentionIdx(e + 1) >= 0) { u = e; continue; } break; }
        if (x === ',' && !stepped) break;
        if (this.sets.determiners.has(v.w(u)) || v.isLowerWord(u) && !this.sets.verbLike.has(v.w(u)) && !v.lex.byForm.has(v.w(u))) { u++; continue; }
        if (v.isCapitalized(u) && v.mentionIdx(u + 1) >= 0) { u++; continue; }
        break;
      }
      const j = v.mentionIdx(u);
      // A list stays inside its clause ("mit Krause | und sicherte ihr … der Bundespartei zu").
      // (After a place phrase the list was checked up to its coordinator: the clause splitter may have cut it at the comma.)
      if (j < 0 || seen.has(j) || (!stepped && v.clauseAt(u) !== v.clauseAt(v.mention(k).tokenStart))) break;
      // A conjunct after a place phrase looks governed by its preposition; the list was checked above.
      const a = resolveFn(j) ?? (stepped ? this.resolve(j) : null);
      if (!a) break;
      seen.add(j);
      out.push(a);
      t = v.mention(j).tokenEnd;
    }
    t = v.mention(k).tokenStart - 1;
    for (;;) {
      const x = v.w(t);
      if (!(x === ',' || this.sets.coordinators.has(x))) break;
      let u = t - 1;
      if (this.sets.coordinators.has(x) && v.w(u) === ',') u--;
      const j = v.mentionIdx(u);
      if (j < 0 || seen.has(j)) break;
      const a = resolveFn(j);
      if (!a || isPossessiveMention(v, v.mention(j))) break;
      seen.add(j);
      out.unshift(a);
      t = v.mention(j).tokenStart - 1;
    }
    return dedupe(out);
  }

  /**
   * "die Hisbollah im Libanon, die Milizen im Irak und die Hamas in Gaza": a short place phrase after a conjunct (a
   * preposition, at most PLACE_PHRASE_MAX words, ending in a place name) is stepped over when the list goes on after it.
   */
  private afterPlacePhrase(t: number): number {
    const v = this.v;
    if (!this.sets.prepositions.has(v.w(t))) return t;
    for (let u = t + 1; u <= t + PLACE_PHRASE_MAX && u < v.to; u++) {
      if (v.isPunct(u)) return t;
      const j = v.mentionIdx(u);
      if (j < 0) continue;
      const m = v.mention(j);
      if (v.layer.byId.get(m.entity)?.type !== 'location') return t;
      const x = v.w(m.tokenEnd);
      return x === ',' || this.sets.coordinators.has(x) ? m.tokenEnd : t;
    }
    return t;
  }

  /** After a comma, the list goes on to a coordinator and a name: only articles, adjectives, names, place phrases and commas between. */
  private listGoesOn(t: number): boolean {
    const v = this.v;
    for (let u = t + 1; u < v.to && u <= t + LIST_LOOKAHEAD; u++) {
      const x = v.w(u);
      if (this.sets.coordinators.has(x)) return v.mentionIdx(u + 1) >= 0 || (this.sets.determiners.has(v.w(u + 1)) && v.mentionIdx(u + 2) >= 0);
      if (x === ',' || v.mentionIdx(u) >= 0 || this.sets.determiners.has(x) || this.sets.prepositions.has(x)) continue;
      if (v.isLowerWord(u) && !this.sets.verbLike.has(x) && !v.lex.byForm.has(x)) continue;
      return false;
    }
    return false;
  }

  // ---- subjects ----

  /** Bare candidates of a clause before token `until` (exclusive). */
  private bareIn(c: Clause, a: number, b: number): { k: number; arg: Arg }[] {
    const out: { k: number; arg: Arg }[] = [];
    for (const k of this.mentionsIn(Math.max(a, c.start), Math.min(b, c.end))) {
      const arg = this.bare(k, 'subject');
      if (arg) out.push({ k, arg });
    }
    return out;
  }

  /** Subject of the clause a verb trigger at token t sits in. `inherited` reports whether it came from above. */
  subjectOf(ci: number, t: number, exclude: Set<number> = new Set(), verb = true): { args: Arg[]; inherited: boolean } {
    const v = this.v;
    const c = v.clauses[ci];
    if (c.kind === 'relative') {
      if (c.relSubject && c.relPronoun < t) {
        const ante = this.antecedent(ci);
        if (ante.length) return { args: ante, inherited: true };
        return { args: this.exemplars(c), inherited: true };
      }
      const cands = this.bareIn(c, c.relPronoun + 1, t).filter((x) => !exclude.has(x.k));
      return cands.length ? { args: this.expand(cands[0].k, cands[0].arg), inherited: false } : { args: [], inherited: false };
    }
    if (c.kind === 'infinitive') return { args: this.inherit(ci), inherited: true };
    const before = this.bareIn(c, c.start, t).filter((x) => !exclude.has(x.k));
    if (!before.length) {
      const dual = this.dualSubject(c, t);
      if (dual.length) return { args: dual, inherited: false };
    }
    if (before.length) {
      const pick = this.german ? before[0] : before[before.length - 1];
      return { args: this.expand(pick.k, pick.arg, (j) => this.bare(j)), inherited: false };
    }
    if (verb && this.german && c.kind === 'main' && this.inSecondPosition(c, t)) {
      // Inverted V2 order: "Im Januar traf Hagerty Aso" — the first bare actor after the verb.
      const after = this.bareIn(c, t + 1, c.end).filter((x) => !exclude.has(x.k));
      if (after.length) return { args: this.expand(after[0].k, after[0].arg, (j) => this.bare(j)), inherited: false };
    }
    // Only verb-first clauses lack a subject of their own; a main clause without an actor has a non-actor subject.
    if (c.kind === 'continuation' || c.kind === 'reporting') return { args: this.inherit(ci), inherited: true };
    return { args: [], inherited: false };
  }

  /** German V2: the verb follows one constituent ("Im Tarifstreit bei der Deutschen Bahn vermittelt …"). */
  private inSecondPosition(c: Clause, t: number): boolean {
    const v = this.v;
    const h = v.head(c);
    if (t - h <= 4) return true;
    if (t - h > 9) return false;
    // A longer opening phrase must start with a preposition and hold no verb of its own.
    if (!this.sets.prepositions.has(v.w(h))) return false;
    for (let u = h + 1; u < t; u++) {
      const x = v.w(u);
      if (v.isPunct(u) || this.sets.verbLike.has(x) || (v.isLowerWord(u) && v.lex.byForm.get(x)?.some((e) => e.spec.pos === 'verb'))) return false;
    }
    return true;
  }

  /** The subject a clause would give a verb at its end. */
  ownSubject(ci: number): Arg[] {
    const c = this.v.clauses[ci];
    return this.subjectOf(ci, c.end).args;
  }

  /** Subject handed down to an infinitive or a verb-first continuation. */
  inherit(ci: number): Arg[] {
    const v = this.v;
    let p = v.clauses[ci].parent;
    const visited = new Set<number>();
    while (p >= 0 && !visited.has(p)) {
      visited.add(p);
      const pc = v.clauses[p];
      // "ermutigte China, Taiwan zu blockieren": the object of the governing verb is the subject below.
      if (v.clauses[ci].kind === 'infinitive') {
        for (let t = pc.start; t < pc.end; t++) {
          if (this.sets.objectControl.has(v.w(t))) {
            const subj = this.ownSubject(p).map((a) => a.entity);
            const cands = this.bareIn(pc, pc.start, pc.end).filter((x) => !subj.includes(x.arg.entity));
            if (cands.length) return this.expand(cands[0].k, cands[0].arg).map((a) => ({ ...a, via: 'inherited' as const }));
          }
        }
        const ctl = this.controlNounActor(pc);
        if (ctl.length) return ctl;
      }
      if (pc.kind === 'infinitive') { p = pc.parent; continue; }
      const titled = pc.kind === 'relative' ? [] : this.titledApposition(p);
      if (titled.length) return titled;
      const own = pc.kind === 'relative' && pc.relSubject ? this.antecedent(p) : this.bareIn(pc, pc.start, this.subjectLimit(pc)).slice(0, 1).map((x) => this.expand(x.k, x.arg, (j) => this.bare(j))).flat();
      if (own.length) return own.map((a) => ({ ...a, via: a.via === 'mention' ? 'inherited' : a.via }));
      const ctl = this.controlNounActor(pc);
      if (ctl.length) return ctl;
      // "Many of Trump's former cabinet members who …, such as Pence, Mattis and Pompeo, are no longer …".
      for (let q = p + 1; q < ci; q++) {
        if (v.clauses[q].kind !== 'apposition' && v.clauses[q].kind !== 'relative') break;
        const ex = this.exemplars(v.clauses[q]);
        if (ex.length) return ex.map((a) => ({ ...a, via: 'inherited' as const }));
      }
      if (pc.kind === 'continuation' || pc.kind === 'apposition') { p = pc.parent; continue; }
      // A finite clause whose subject is no actor ("Versuchen Sie nicht, …") blocks inheritance,
      // unless it is the sentence's opening noun phrase ("Japans neuer Botschafter, Shigeo Yamada, wurde …").
      if (pc.kind === 'main' && this.opensSentence(p)) return this.sentenceSubject(ci);
      return [];
    }
    return this.sentenceSubject(ci);
  }

  /**
   * "The U.S. ambassador in Nairobi, Daniel Harlow, met …": a clause that is a title phrase (a role noun, its
   * country or organisation only a modifier) followed by an apposed person — the person is the subject.
   */
  private titledApposition(p: number): Arg[] {
    const v = this.v;
    const pc = v.clauses[p], next = v.clauses[p + 1];
    if (!next || next.kind !== 'apposition' || !v.isBareMention(next)) return [];
    const k = v.mentionIdx(v.head(next));
    if (v.layer.byId.get(v.mention(k).entity)?.type !== 'person') return [];
    let role = false;
    for (let t = pc.start; t < pc.end; t++) {
      if (v.mentionIdx(t) >= 0 && v.layer.byId.get(v.mention(v.mentionIdx(t)).entity)?.type === 'person') return [];
      if (v.mentionIdx(t) < 0 && roleRuleFor(v.lex, v.w(t))) role = true;
      if (v.mentionIdx(t) < 0 && (this.sets.verbLike.has(v.w(t)) || v.lex.byForm.get(v.w(t))?.some((e) => e.spec.pos === 'verb'))) return [];
    }
    if (!role) return [];
    const a = this.resolve(k, 'mention');
    return a ? [{ ...a, via: 'inherited' }] : [];
  }

  /** "Japans Versuche", "die Versuche Japans", "Japan's efforts": the actor behind a control noun. */
  private controlNounActor(c: Clause): Arg[] {
    const v = this.v;
    for (let t = c.start; t < c.end; t++) {
      if (!this.sets.controlNouns.has(v.w(t))) continue;
      const poss = this.possessorBefore(t);
      if (poss) return [{ ...poss, via: 'inherited' }];
      const gen = this.genitiveAfter(t);
      if (gen) return [{ ...gen, via: 'inherited' }];
    }
    return [];
  }

  /** Where a clause's subject must stand before: English subjects precede the first verb; German ones may follow it. */
  subjectLimit(c: Clause): number {
    if (this.german) return c.end;
    const v = this.v;
    for (let t = c.start; t < c.end; t++) {
      const x = v.w(t);
      if (v.mentionIdx(t) >= 0) continue;
      if (this.sets.verbLike.has(x) || v.lex.byForm.get(x)?.some((e) => e.spec.pos === 'verb') || this.sets.attributionCues.has(x)) return t;
    }
    return c.end;
  }

  /** Only appositions and relative clauses stand before this clause. */
  private opensSentence(p: number): boolean {
    for (let i = 0; i < p; i++) if (this.v.clauses[i].kind !== 'apposition' && this.v.clauses[i].kind !== 'relative') return false;
    return true;
  }

  /** The subject of the sentence's first main clause, for verb-first continuations. */
  sentenceSubject(before: number): Arg[] {
    const v = this.v;
    for (let ci = 0; ci < before && ci < v.clauses.length; ci++) {
      const c = v.clauses[ci];
      if (c.kind === 'relative' || c.kind === 'subordinate' || c.kind === 'reporting' || c.kind === 'infinitive') continue;
      const cands = this.bareIn(c, c.start, c.end);
      if (cands.length) return this.expand(cands[0].k, cands[0].arg, (j) => this.bare(j)).map((a) => ({ ...a, via: a.via === 'mention' ? 'inherited' : a.via }));
    }
    return [];
  }

  /** The actor a relative clause refers back to, or [] when it is a common noun ("Personen, die …"). */
  antecedent(ci: number): Arg[] {
    const v = this.v;
    let p = ci - 1;
    while (p >= 0 && v.clauses[p].kind === 'apposition') p--;
    if (p < 0) return [];
    const pc = v.clauses[p];
    const last = v.tail(pc);
    const k = v.mentionIdx(last);
    if (k >= 0) {
      const m = v.mention(k);
      if (isPossessiveMention(v, m) || isPartialMention(v, m)) return [];
      const a = this.resolve(k, 'antecedent');
      return a ? this.expand(k, a) : [];
    }
    // "japanische Beamte, die …": a group noun stands for its affiliation.
    if (endsWithAny(v.w(last), this.sets.groupNouns)) {
      const j = v.mentionIdx(last - 1) >= 0 ? v.mentionIdx(last - 1) : v.mentionIdx(last - 2);
      if (j >= 0 && v.mention(j).kind === 'demonym') return [{ entity: v.mention(j).entity, mention: j, via: 'affiliation' }];
      const gen = this.genitiveAfter(last);
      if (gen) return [gen];
      return [];
    }
    // "Abe war der erste Staatschef, der …": the predicate noun of a copula is its subject.
    for (let t = pc.start; t < pc.end; t++) {
      if (this.sets.copulas.has(v.w(t))) {
        const own = this.bareIn(pc, pc.start, t);
        if (own.length) return [{ ...own[0].arg, via: 'antecedent' }];
        break;
      }
    }
    return [];
  }

  /** "… – wie A, B und C –" / "such as A, B and C": named examples standing for a group subject. */
  exemplars(c: Clause): Arg[] {
    const v = this.v;
    for (let t = c.start; t < c.end; t++) {
      if (!v.markerAt(this.sets.exemplarMarkers, t)) continue;
      const k = v.mentionIdx(t + 1) >= 0 ? v.mentionIdx(t + 1) : -1;
      if (k < 0) continue;
      const a = this.resolve(k);
      if (a) return this.expand(k, a);
    }
    return [];
  }

  // ---- noun-phrase neighbours ----

  /** "Trumps Besuch", "Trump's visit", "seinem ehemaligen Chef": the possessor just before token t. */
  possessorBefore(t: number): Arg | null {
    const v = this.v;
    for (let u = t - 1; u >= Math.max(v.from, t - 4); u--) {
      const k = v.mentionIdx(u);
      if (k >= 0) {
        const m = v.mention(k);
        return isPossessiveMention(v, m) ? this.resolve(k) : null;
      }
      if (v.isPunct(u) && !this.sets.possessiveTokens.has(v.w(u))) return null;
      if (!(v.isLowerWord(u) || this.sets.possessiveTokens.has(v.w(u)))) return null;
    }
    return null;
  }

  /** "Besuch Trumps", "Unterstützung der USA", "Zusammenarbeit japanischer Diplomaten": the genitive after t. */
  genitiveAfter(t: number): Arg | null {
    const v = this.v;
    if (!this.german) return null;
    // "der US-Präsident den französischen Präsidenten …": after an article that is no genitive, a demonym belongs
    // to the next noun phrase (an object), not to the role.
    let otherArticle = false;
    for (let u = t + 1; u < Math.min(v.to, t + 5); u++) {
      const k = v.mentionIdx(u);
      if (k >= 0) {
        const m = v.mention(k);
        if (m.kind === 'demonym' && otherArticle) return null;
        if (isPossessiveMention(v, m) || m.kind === 'demonym' || this.sets.genitiveArticles.has(v.w(u - 1))) return this.resolve(k, 'mention') ?? (m.kind === 'demonym' ? { entity: m.entity, mention: k, via: 'affiliation' } : null);
        return null;
      }
      const x = v.w(u);
      if (this.sets.determiners.has(x) && !this.sets.genitiveArticles.has(x)) otherArticle = true;
      if (v.isPunct(u) || this.sets.prepositions.has(x) || this.sets.verbLike.has(x)) return null;
      if (!(this.sets.genitiveArticles.has(x) || this.sets.determiners.has(x) || v.isLowerWord(u) || endsWithAny(x, this.sets.groupNouns))) return null;
    }
    return null;
  }

  // ---- objects ----

  /** First actor in the clause governed by a preposition (any side of the trigger). */
  prepObject(c: Clause, prep: string, exclude: Set<string>, possessor = false): SlotHit | null {
    const v = this.v;
    // "mit früheren Beamten, die dem Kandidaten nahestehen": the candidate's circle, not the group's country.
    const circle = this.circleObject(c, prep);
    if (circle && !circle.args.some((a) => exclude.has(a.entity))) return circle;
    for (const k of this.mentionsIn(c.start, c.end)) {
      let gp = this.governingPrep(k);
      // "met with officials of the Trump campaign": the group's preposition governs its affiliation.
      if (gp && gp.prep !== prep && this.sets.affiliationPreps.has(gp.prep) && endsWithAny(v.w(gp.at - 1), this.sets.groupNouns)) gp = this.governingPrepAt(gp.at - 1);
      if (!gp || gp.prep !== prep) continue;
      const m = v.mention(k);
      let arg: Arg | null;
      if (isPossessiveMention(v, m)) {
        // "in Trumps Übergangsteam": a possessor of a team/campaign/government is the partner.
        const head = this.nounAfter(m.tokenEnd);
        arg = head && endsWithAny(head, this.sets.circleHeads) ? { entity: m.entity, mention: k, via: 'circle' } : possessor ? this.resolve(k) : null;
      } else arg = this.resolve(k);
      if (arg && arg.via === 'pronoun' && exclude.has(arg.entity)) arg = this.unresolvedPronoun(m.tokenStart, m.tokenEnd, exclude, true)?.args[0] ?? null;
      if (!arg || exclude.has(arg.entity)) continue;
      const args = this.expand(k, arg);
      return { args, pair: prep === 'zwischen' || prep === 'between' };
    }
    // "met with his Azerbaijani counterpart, Elnur Aliyev,": the apposed name of the preposition's noun.
    const next = v.clauses[v.clauseAt(c.start) + 1];
    if (next && next.kind === 'apposition' && v.isBareMention(next) && v.w(v.tail(c)) !== prep) {
      let p = v.tail(c);
      while (p > c.start && v.w(p) !== prep && !v.isPunct(p) && v.mentionIdx(p) < 0) p--;
      if (v.w(p) === prep) {
        const a = this.bare(v.mentionIdx(v.head(next)), 'object');
        if (a && !exclude.has(a.entity) && v.layer.byId.get(a.entity)?.type === 'person') return { args: [a] };
      }
    }
    // "close to him" where the entities stage left "him" open.
    for (let t = c.start; t < c.end - 1; t++) {
      if (v.w(t) !== prep || v.mentionIdx(t + 1) >= 0) continue;
      const hit = this.unresolvedPronoun(t + 1, t + 2, exclude);
      if (hit) return hit;
    }
    // "Treffen zwischen den beiden": the two persons of the sentence before.
    if (prep === 'zwischen' || prep === 'between') {
      for (let t = c.start; t < c.end - 1; t++) {
        if (v.w(t) !== prep) continue;
        const u = this.sets.determiners.has(v.w(t + 1)) && !this.sets.dualAnaphors.has(v.w(t + 1)) ? t + 2 : t + 1;
        if (this.sets.dualAnaphors.has(v.w(u)) && this.standsAlone(u) && this.previousPersons.length === 2) {
          return { args: this.previousPersons.map((e) => ({ entity: e, mention: -1, via: 'dual' as const })), pair: true };
        }
      }
    }
    return this.circleObject(c, prep);
  }

  /** "mit Personen, die Trump nahestehen": a group defined by closeness to an actor stands for that actor. */
  private circleObject(c: Clause, prep: string): SlotHit | null {
    const v = this.v;
    for (let t = c.start; t < c.end; t++) {
      if (v.w(t) !== prep) continue;
      // The preposition's noun phrase runs to the clause end: nouns, adjectives, "und"; its last noun a plain noun or a group ("US-Beamten").
      // A verb particle or participle may close the clause after it ("… US-Beamten zusammen,").
      let tail = v.tail(c);
      while (tail > t + 1 && v.isLowerWord(tail) && v.mentionIdx(tail) < 0) tail--;
      let u = t + 1;
      while (u < tail && !v.isPunct(u) && (v.mentionIdx(u) < 0 || isPartialMention(v, v.mention(v.mentionIdx(u)))) && !this.sets.verbLike.has(v.w(u))) u++;
      if (u !== tail || !v.isCapitalized(u)) continue;
      const tk = v.mentionIdx(u);
      if (tk >= 0 && !(isPartialMention(v, v.mention(tk)) && endsWithAny(compoundHead(v, v.mention(tk)), this.sets.groupNouns))) continue;
      const ci = v.clauseAt(c.start);
      const next = v.clauses[ci + 1];
      if (!next || next.kind !== 'relative') continue;
      for (let w = next.start; w < next.end; w++) {
        const hits = v.lex.byForm.get(v.w(w));
        if (!hits?.some((h) => h.spec.predicate.startsWith('close_to'))) continue;
        for (let b = w - 1; b >= Math.max(next.start, w - 3); b--) {
          const k = v.mentionIdx(b);
          if (k >= 0) { const a = this.resolve(k); if (a) return { args: [{ ...a, via: 'circle' }] }; }
        }
      }
    }
    return null;
  }

  private nounAfter(t: number): string | null {
    const v = this.v;
    for (let u = t; u < Math.min(v.to, t + 4); u++) {
      if (v.isPunct(u)) return null;
      if (v.isCapitalized(u) || !this.german) return v.w(u);
    }
    return null;
  }

  /** A bare actor in the clause that is not the subject: the direct object. */
  directObject(c: Clause, t: number, subject: Set<string>, excludeMentions: Set<number>): SlotHit | null {
    const from = this.german ? c.start : t + 1;
    for (const k of this.mentionsIn(from, c.end)) {
      if (excludeMentions.has(k)) continue;
      if (c.relPronoun >= 0 && this.v.mention(k).tokenStart <= c.relPronoun) continue;
      const a = this.bare(k, 'object');
      if (a && a.via === 'pronoun' && subject.has(a.entity)) {
        // "Aso … could not see him": an object pronoun never means the subject itself.
        const m = this.v.mention(k);
        const alt = this.unresolvedPronoun(m.tokenStart, m.tokenEnd, subject, true);
        if (alt) return alt;
        continue;
      }
      if (!a || subject.has(a.entity)) continue;
      return { args: this.expand(k, a, (j) => this.bare(j, 'object')) };
    }
    const pron = this.unresolvedPronoun(from, c.end, subject);
    if (pron) return pron;
    // "accused its owner, Igor Seleznev, of …": the object noun's apposed name.
    const v = this.v;
    const next = v.clauses[v.clauseAt(c.start) + 1];
    if (next && next.kind === 'apposition' && v.isBareMention(next) && v.tail(c) > t && !v.isPunct(v.tail(c))) {
      const k = v.mentionIdx(v.head(next));
      const a = this.bare(k, 'object');
      if (a && !subject.has(a.entity) && v.layer.byId.get(a.entity)?.type === 'person') return { args: [a] };
    }
    return null;
  }

  /**
   * An object pronoun the entities stage left unresolved ("…, Trump zu treffen, konnte ihn aber nicht sehen"):
   * the nearest person named before it in the sentence who is not the subject.
   */
  unresolvedPronoun(a: number, b: number, subject: Set<string>, rebind = false): SlotHit | null {
    const v = this.v;
    for (let t = a; t < b; t++) {
      if (!this.isObjectPronoun(t) || (v.mentionIdx(t) >= 0 && !rebind)) continue;
      for (let u = t - 1; u >= v.from; u--) {
        const k = v.mentionIdx(u);
        if (k < 0) continue;
        const e = v.mention(k).entity;
        if (v.layer.byId.get(e)?.type === 'person' && !subject.has(e)) return { args: [{ entity: e, mention: -1, via: 'pronoun' }] };
        u = v.mention(k).tokenStart;
      }
      // "Putin had not spoken to him": the last person of the sentence before who is not the subject.
      for (let i = this.previousPersons.length - 1; i >= 0; i--) {
        const e = this.previousPersons[i];
        if (!subject.has(e)) return { args: [{ entity: e, mention: -1, via: 'pronoun' }] };
      }
      return null;
    }
    return null;
  }

  /** "ihn", "him" — and "ihr", "her" where no noun follows ("sicherte ihr die …", "accusing her of"). */
  isObjectPronoun(t: number): boolean {
    const v = this.v;
    const x = v.w(t);
    if (this.sets.objectPronouns.has(x)) return true;
    if (!this.sets.ambiguousObjectPronouns.has(x)) return false;
    const next = v.w(t + 1);
    return next === '' || v.isPunct(t + 1) || this.sets.prepositions.has(next) || (this.sets.determiners.has(next) && !this.sets.ambiguousObjectPronouns.has(next)) || this.sets.infinitiveMarkers.has(next);
  }

  /** Token index of the word right before a trigger, skipping its own particles ("ihm nahe stehend" → ihm). */
  wordBefore(t: number, skip: Set<string>): number {
    let u = t - 1;
    while (u >= this.v.from && skip.has(this.v.w(u))) u--;
    return u;
  }

  /** The actor right before the trigger: "ihm nahestehend", "Trump nahestehenden". */
  actorBefore(t: number, skip: Set<string>): SlotHit | null {
    const v = this.v;
    for (let u = t - 1; u >= Math.max(v.from, t - 3); u--) {
      if (skip.has(v.w(u))) continue;
      const k = v.mentionIdx(u);
      if (k < 0) return null;
      const a = this.resolve(k);
      return a ? { args: this.expand(k, a) } : null;
    }
    return null;
  }

  /** Agent of an event noun in the object: "die Übernahme von Firma A durch Konzern B" → Konzern B. */
  nominalAgent(c: Clause, exclude: Set<string>, t = -1): SlotHit | null {
    for (const p of [...this.sets.passiveAgents, ...this.sets.recipientPreps]) {
      if (p === 'von' || p === 'vom') continue;
      const hit = this.prepObject(c, p, exclude);
      if (hit) return hit;
    }
    return this.proposalOwner(c, exclude, t);
  }

  /** "lehnte den Haushaltsentwurf der CDU ab", "rejected Autovia's offer": the owner of the object noun. */
  proposalOwner(c: Clause, exclude: Set<string>, t: number): SlotHit | null {
    if (this.german) {
      const v = this.v;
      for (const k of this.mentionsIn(c.start, c.end)) {
        const m = v.mention(k);
        if (exclude.has(m.entity) || !this.isGenitiveAttribute(k)) continue;
        const art = m.kind === 'description' && this.sets.genitiveArticles.has(v.w(m.tokenStart)) ? m.tokenStart : m.tokenStart - 1;
        let noun = art - 1;
        while (noun > c.start && v.isLowerWord(noun)) noun--;
        if (endsWithAny(v.w(noun), this.sets.proposalNouns)) { const a = this.resolve(k); if (a) return { args: [a] }; }
      }
    }
    // "rejected Autovia's offer": the owner of the object noun.
    const v = this.v;
    for (let u = t + 1; t >= 0 && u < Math.min(c.end, t + 4); u++) {
      const k = v.mentionIdx(u);
      if (k < 0) { if (v.isPunct(u)) break; continue; }
      const m = v.mention(k);
      if (isPossessiveMention(v, m) && !exclude.has(m.entity)) { const a = this.resolve(k); if (a) return { args: [a] }; }
      break;
    }
    return null;
  }

  /** "die beiden" / "the two" used as a pronoun, not as a numeral before a noun ("den beiden größten Volkswirtschaften"). */
  private standsAlone(u: number): boolean {
    const v = this.v;
    const next = v.w(u + 1);
    if (v.isPunct(u + 1) || this.sets.verbLike.has(next) || this.sets.prepositions.has(next) || v.lex.byForm.get(next)?.some((e) => e.spec.pos === 'verb')) return true;
    if (!this.german) return false;
    // German: no noun (capitalized word) right after, nor after one adjective.
    return !v.isCapitalized(u + 1) && !(v.isLowerWord(u + 1) && v.isCapitalized(u + 2) && v.mentionIdx(u + 2) < 0);
  }

  /** "the two leaders", „die beiden Politiker“: a dual word before a role noun that ends the phrase. */
  private dualPersonNoun(u: number): boolean {
    const v = this.v;
    const noun = v.w(u + 1);
    return v.mentionIdx(u + 1) < 0 && !!roleRuleFor(v.lex, noun) && this.standsAlone(u + 1);
  }

  /** "die beiden", "the two" as a subject: the two persons named before (in this sentence, else the previous one). */
  dualSubject(c: Clause, t: number): Arg[] {
    const v = this.v;
    for (let u = c.start; u < t; u++) {
      if (!this.sets.dualAnaphors.has(v.w(u)) || !(this.standsAlone(u) || this.dualPersonNoun(u))) continue;
      const here: string[] = [];
      for (const k of v.mentions) {
        const m = v.mention(k);
        if (m.tokenStart >= u) break;
        if (v.layer.byId.get(m.entity)?.type === 'person' && !here.includes(m.entity)) here.push(m.entity);
      }
      const pair = here.length === 2 ? here : here.length === 0 && this.previousPersons.length === 2 ? this.previousPersons : null;
      if (pair) return pair.map((e) => ({ entity: e, mention: -1, via: 'dual' as const }));
    }
    return [];
  }
}

/** Longest place phrase (words after the preposition) stepped over inside a list: "im Jemen", "in the Gaza Strip". */
const PLACE_PHRASE_MAX = 4;
/** How far (tokens) a list interrupted by place phrases is followed to its coordinator. */
const LIST_LOOKAHEAD = 14;

export function endsWithAny(word: string, set: Set<string>): boolean {
  if (set.has(word)) return true;
  for (const s of set) if (s.length >= 4 && word.length > s.length && word.endsWith(s)) return true;
  return false;
}

function dedupe(args: Arg[]): Arg[] {
  const seen = new Set<string>();
  return args.filter((a) => (seen.has(a.entity) ? false : (seen.add(a.entity), true)));
}
