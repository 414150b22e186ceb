import { EntitySchema } from '@mikro-orm/core';

/**
 * A record that an effect was applied, written in the same transaction as the effect's own
 * changes. Its key (case + step + visit) makes every effect idempotent: a retried or replayed
 * activity finds the record and applies nothing twice.
 */
export class EffectApplication {
  key!: string;
  caseId!: string;
  effect!: string;
  result!: Record<string, unknown> | null;
  appliedAt!: Date;
}

export const EffectApplicationSchema = new EntitySchema<EffectApplication>({
  class: EffectApplication,
  tableName: 'effect_applications',
  properties: {
    key: { type: 'string', primary: true, length: 400 },
    caseId: { type: 'string', length: 200 },
    effect: { type: 'string', length: 100 },
    result: { type: 'json', nullable: true },
    appliedAt: { type: 'datetime' },
  },
});
