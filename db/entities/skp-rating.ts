import { EntitySchema } from '@mikro-orm/core';

/** The yearly performance rating (predikat kinerja) of an SKP, best first. */
export const SKP_RATINGS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type SkpRatingValue = (typeof SKP_RATINGS)[number];

export class SkpRating {
  id!: number;
  employeeId!: number;
  year!: number;
  rating!: SkpRatingValue;
}

export const SkpRatingSchema = new EntitySchema<SkpRating>({
  class: SkpRating,
  tableName: 'skp_ratings',
  uniques: [{ properties: ['employeeId', 'year'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    employeeId: { type: 'integer' },
    year: { type: 'integer' },
    rating: { type: 'string', length: 20 },
  },
});
