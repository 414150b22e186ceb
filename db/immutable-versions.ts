import type { EntityManager } from '@mikro-orm/knex';

/** Entries kept per database before the cache starts over (there are a few hundred versions at most). */
const CAPACITY = 2_000;

/** One cache per database (keyed by the ORM's configuration, which every fork of it shares). */
const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * A released version of a process definition or a form never changes (a new version is a new
 * row), so once read it can be kept for the life of the process; a draft can still change and is
 * read anew each time. `load` says which it read.
 */
export async function rememberVersion<T>(em: EntityManager, key: string, load: () => Promise<{ value: T; released: boolean }>): Promise<T> {
  let cache = caches.get(em.config);
  if (!cache) {
    cache = new Map();
    caches.set(em.config, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const { value, released } = await load();
  if (released) {
    if (cache.size >= CAPACITY) cache.clear();
    cache.set(key, value);
  }
  return value;
}
