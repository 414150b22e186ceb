import { ESELON_CODES, type Eselon } from './eselon-codes';

export function isEselon(code: unknown): code is Eselon {
  return typeof code === 'string' && (ESELON_CODES as readonly string[]).includes(code);
}
