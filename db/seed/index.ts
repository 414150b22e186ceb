export { seed, seedIfEmpty } from './seed';
export type { SeedCounts } from './seed';
export { buildDemoRegistry, DEMO_AS_OF, DEMO_PASSWORD } from './demo-registry';
export type { DemoRegistry, DemoUser } from './demo-registry';
