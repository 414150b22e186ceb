// `npm run seed`: migrates the app database (DATA_DIR / DATABASE_URL) and writes the demo registry
// of Pemerintah Kota Surakarta. Refuses a database that already holds units or users.
import { ConfigError, loadConfig } from '../config';
import { DEMO_PASSWORD, initORM, seed } from '../db';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await initORM(config.database);
  try {
    const applied = await db.migrate();
    if (applied.length > 0) console.log(`[seed] migrated: ${applied.join(', ')}`);
    const started = performance.now();
    const counts = await seed(db.em());
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const width = Math.max(...Object.keys(counts).map((t) => t.length));
    for (const [table, count] of Object.entries(counts)) console.log(`[seed] ${table.padEnd(width)} ${String(count).padStart(6)}`);
    console.log(`[seed] done in ${seconds} s (${config.database.kind}); every demo user's password is "${DEMO_PASSWORD}"`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? `[seed] ${err.message}` : err);
  process.exit(1);
});
