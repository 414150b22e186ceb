import { argon2id, hash, verify } from 'argon2';

/**
 * argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane): a sign-in stays fast on a small server
 * while guessing stays memory-hard. verify reads the parameters from the hash, so they can be raised later.
 */
const OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False, never an exception, for a hash that is malformed or not argon2. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
