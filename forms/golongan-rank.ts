import { GOLONGAN_CODES, type Golongan } from './golongan-codes';

/** 0 for I/a up to 16 for IV/e, so golongan compare as numbers. */
export function golonganRank(code: Golongan): number {
  return GOLONGAN_CODES.indexOf(code);
}
