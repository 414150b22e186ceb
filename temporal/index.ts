export { clusterTarget, localTarget } from './connection';
export type { TemporalTarget } from './connection';
export { ensureSearchAttributes } from './search-attributes';
