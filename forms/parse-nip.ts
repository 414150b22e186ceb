import { validateNip, type NipOptions } from './validate-nip';

export interface NipParts {
  /** YYYY-MM-DD */
  birthDate: string;
  /** YYYY-MM: the month the person became CPNS. */
  tmtCpns: string;
  gender: 'M' | 'F';
  /** The 3-digit sequence, as written. */
  sequence: string;
}

/** The parts of a valid NIP; undefined when validateNip refuses it. */
export function parseNip(nip: string, options: NipOptions = {}): NipParts | undefined {
  if (!validateNip(nip, options).ok) return undefined;
  return {
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    tmtCpns: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    gender: nip[14] === '1' ? 'M' : 'F',
    sequence: nip.slice(15, 18),
  };
}
