import { SKM_ELEMENTS, type SkmElement } from '../../forms/defaults/feedback-forms';

/** One rating: each SKM element scored 1 (not good) to 4 (very good). */
export type SkmScores = Record<SkmElement, number>;

export type ServiceGrade = 'A' | 'B' | 'C' | 'D';

export interface SatisfactionIndex {
  ratings: number;
  /** The mean score of each element (NRR per unsur), 1–4, to 3 decimals. */
  elements: SkmScores;
  /** The index on the 1–4 scale: the mean of the element means (each weighs 1/9), to 3 decimals. */
  index: number;
  /** The index converted to 25–100 (× 25), to 2 decimals: the IKM as reported. */
  ikm: number;
  grade: ServiceGrade;
  performance: { id: string; en: string };
}

/** The bands of PermenPANRB 14/2017 for the converted index (lower bounds, inclusive). */
const BANDS: ReadonlyArray<{ from: number; grade: ServiceGrade; performance: { id: string; en: string } }> = [
  { from: 88.31, grade: 'A', performance: { id: 'Sangat baik', en: 'Very good' } },
  { from: 76.61, grade: 'B', performance: { id: 'Baik', en: 'Good' } },
  { from: 65, grade: 'C', performance: { id: 'Kurang baik', en: 'Fair' } },
  { from: 25, grade: 'D', performance: { id: 'Tidak baik', en: 'Not good' } },
];

/**
 * The community satisfaction index (IKM) of a set of ratings, as PermenPANRB 14/2017 computes it:
 * the mean score of each of the nine elements, their weighted sum with equal weights (1/9 each),
 * converted to 25–100 by × 25 and banded A–D. Null when there are no ratings.
 */
export function satisfactionIndex(ratings: readonly SkmScores[]): SatisfactionIndex | null {
  const totals = {} as SkmScores;
  for (const element of SKM_ELEMENTS) totals[element] = ratings.reduce((total, rating) => total + rating[element], 0);
  return satisfactionIndexOfTotals(ratings.length, totals);
}

/**
 * The same index from the number of ratings and each element's sum of scores, as a database's
 * GROUP BY gives them (the dashboard sums ratings per OPD without loading them).
 */
export function satisfactionIndexOfTotals(ratings: number, totals: SkmScores): SatisfactionIndex | null {
  if (ratings === 0) return null;
  const elements = {} as SkmScores;
  let sum = 0;
  for (const element of SKM_ELEMENTS) {
    const mean = totals[element] / ratings;
    elements[element] = round(mean, 3);
    sum += mean;
  }
  const index = sum / SKM_ELEMENTS.length;
  const ikm = round(index * 25, 2);
  const band = BANDS.find((b) => ikm >= b.from) ?? (BANDS[BANDS.length - 1] as (typeof BANDS)[number]);
  return { ratings, elements, index: round(index, 3), ikm, grade: band.grade, performance: band.performance };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}
