/** Colours: nodes by actor type, edges by relation family (the legend reads the same tables). */
export const TYPE_COLORS: Record<string, string> = {
  person: '#3566c8',
  organization: '#e0822f',
  location: '#2f9e5a',
  other: '#8a8a8a',
};

export const FAMILY_COLORS: Record<string, string> = {
  tie: '#8e44ad',
  event: '#16a0a8',
  mixed: '#a5673f',
  comention: '#c8c8c8',
};

export const FAMILY_LABELS: Record<string, string> = {
  tie: 'tie (standing relationship)',
  event: 'event (meeting, call, support …)',
  mixed: 'both ties and events',
  comention: 'co-mentioned only',
};

export const DIMMED = '#e4e4e4';

/** Node size by degree: grows with the square root so hubs stand out without covering the graph. */
export const nodeSize = (degree: number) => 3 + 2.2 * Math.sqrt(degree);
