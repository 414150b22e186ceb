import { GOLONGAN_CODES, type Golongan } from './golongan-codes';

export function isGolongan(code: unknown): code is Golongan {
  return typeof code === 'string' && (GOLONGAN_CODES as readonly string[]).includes(code);
}
