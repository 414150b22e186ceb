import { GOLONGAN, type Golongan } from './golongan-codes';

/** The pangkat name of a golongan, e.g. III/c → "Penata". */
export function pangkatOf(code: Golongan): string {
  const found = GOLONGAN.find((g) => g.code === code);
  if (!found) throw new RangeError(`Unknown golongan ${String(code)}`);
  return found.pangkat;
}
