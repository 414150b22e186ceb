import { isGolongan, pangkatOf } from '../../forms';
import type { GolonganView } from './views';

export function golonganView(code: string): GolonganView {
  return { golongan: code, pangkat: isGolongan(code) ? pangkatOf(code) : null };
}
