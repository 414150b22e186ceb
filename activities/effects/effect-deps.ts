import type { EntityManager } from '@mikro-orm/knex';
import type { ElectionFreezeWindow } from '../election-freeze';

/** What the ASN process effects read besides the case and the database. */
export interface EffectDeps {
  /** The election-freeze windows as configured now, read with the effect's entity manager (by default: loadElectionFreeze). */
  electionFreeze: (em: EntityManager) => readonly ElectionFreezeWindow[] | Promise<readonly ElectionFreezeWindow[]>;
  /** The clock; tests may pin it. */
  now: () => Date;
}
