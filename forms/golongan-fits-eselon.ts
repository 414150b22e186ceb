import { ESELON_GOLONGAN_RANGE } from './eselon-codes';
import { golonganRank } from './golongan-rank';
import { isEselon } from './is-eselon';
import { isGolongan } from './is-golongan';

/** True when the golongan lies within the pangkat range the eselon needs; false for unknown codes. */
export function golonganFitsEselon(golongan: string, eselon: string): boolean {
  if (!isGolongan(golongan) || !isEselon(eselon)) return false;
  const range = ESELON_GOLONGAN_RANGE[eselon];
  const rank = golonganRank(golongan);
  return rank >= golonganRank(range.min) && rank <= golonganRank(range.max);
}
