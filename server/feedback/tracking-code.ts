import { randomInt } from 'node:crypto';

/**
 * Letters and digits a citizen cannot misread or mistype when copying the code from a screen or
 * reading it over the phone: no 0/O, 1/I/L.
 */
export const TRACKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 31^12 ≈ 2^59 codes: guessing one that exists is hopeless, even without the rate limit. */
export const TRACKING_CODE_LENGTH = 12;

/** A new tracking code, every character drawn uniformly by the system's cryptographic random source. */
export function newTrackingCode(draw: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += TRACKING_CODE_ALPHABET[draw(TRACKING_CODE_ALPHABET.length)];
  return code;
}

/**
 * A code as a citizen may type it (lower case, grouped with spaces or hyphens) in its stored form,
 * or null when it cannot be one.
 */
export function normalizeTrackingCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== TRACKING_CODE_LENGTH) return null;
  for (const char of code) if (!TRACKING_CODE_ALPHABET.includes(char)) return null;
  return code;
}
