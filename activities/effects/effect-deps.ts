import type { ElectionFreezeWindow } from '../election-freeze';

/** What the ASN process effects read besides the case and the database. */
export interface EffectDeps {
  /** The election-freeze windows as configured now (ALUR_ELECTION_FREEZE by default). */
  electionFreeze: () => readonly ElectionFreezeWindow[];
  /** The clock; tests may pin it. */
  now: () => Date;
}
