import { createHash } from 'node:crypto';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { createAjv } from './ajv-config';

/**
 * Compiled validators, cached per form version. The cache key includes a hash of the schema, so a
 * draft edited under the same version number never meets its stale validator.
 */
export class FormValidators {
  private readonly cache = new Map<string, { validate: ValidateFunction; schema: object }>();
  private compilations = 0;

  constructor(private readonly ajv: Ajv = createAjv(), private readonly maxEntries = 500) {}

  get(key: string, version: number, schema: object): ValidateFunction {
    const id = `${key}@${version}#${createHash('sha1').update(JSON.stringify(schema)).digest('hex')}`;
    const cached = this.cache.get(id);
    if (cached) {
      // Refresh its place: the least recently used validator is the one evicted.
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached.validate;
    }
    const validate = this.ajv.compile(schema);
    this.compilations += 1;
    this.cache.set(id, { validate, schema });
    if (this.cache.size > this.maxEntries) {
      const [oldestId, oldest] = this.cache.entries().next().value ?? [];
      if (oldestId !== undefined && oldest) {
        this.cache.delete(oldestId);
        this.ajv.removeSchema(oldest.schema);
      }
    }
    return validate;
  }

  /** How many schemas were compiled (for tests and metrics: a cache hit compiles nothing). */
  get compiledCount(): number {
    return this.compilations;
  }
}
