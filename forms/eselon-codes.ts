import type { Golongan } from './golongan-codes';

/** Structural levels a pemerintah daerah uses (eselon I is provincial/central only). */
export const ESELON_CODES = ['II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b'] as const;

export type Eselon = (typeof ESELON_CODES)[number];

/** The lowest and highest golongan each eselon needs (DOMAIN.md). */
export const ESELON_GOLONGAN_RANGE: Readonly<Record<Eselon, { min: Golongan; max: Golongan }>> = {
  'II.a': { min: 'IV/c', max: 'IV/d' },
  'II.b': { min: 'IV/b', max: 'IV/c' },
  'III.a': { min: 'IV/a', max: 'IV/b' },
  'III.b': { min: 'III/d', max: 'IV/a' },
  'IV.a': { min: 'III/c', max: 'III/d' },
  'IV.b': { min: 'III/b', max: 'III/c' },
};
