/** An alert as printed (JSON Lines), posted (webhook) and served (/alerts.atom). */

export type AlertRule = 'pair' | 'neighbour' | 'channel' | 'anonymous' | 'newcomer';

export interface AlertEvidence {
  sentence: string;
  articleId: string;
  title: string | null;
  url: string | null;
  /** The article's outlet (source), when it names one. */
  outlet: string | null;
  /** The event's date when the sentence dates it, else the article's publication date. */
  date: string | null;
}

export interface AlertActor {
  id: string;
  name: string;
}

export interface Alert {
  /** Unique per thing that happened: the same tie reported again, or by another outlet, keeps its key. */
  key: string;
  rule: AlertRule;
  /** One line for people: "Marta Kessler met Jonas Brandt". */
  summary: string;
  /** The watched actors concerned, then the others. */
  actors: AlertActor[];
  /** neighbour: the watched actor whose neighbour the other one is. */
  via?: AlertActor;
  /** channel: hops now and before (null: there was none). */
  hops?: number;
  previousHops?: number | null;
  /** channel: the actors along the path. */
  path?: AlertActor[];
  evidence: AlertEvidence[];
  /** When the alert fired (the watcher's clock). */
  firedAt: string;
}
