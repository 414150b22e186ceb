import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { BudgetLine } from '../entities/budget-line';
import { CalendarDay } from '../entities/calendar-day';
import { Committee } from '../entities/committee';
import { CommitteeMember } from '../entities/committee-member';
import { DisciplinarySanction } from '../entities/disciplinary-sanction';
import { Employee } from '../entities/employee';
import { OrgUnit } from '../entities/org-unit';
import { Position } from '../entities/position';
import { SkpRating } from '../entities/skp-rating';
import { TrainingRecord } from '../entities/training-record';
import { User } from '../entities/user';
import type { Database } from '../orm';
import { hashPassword } from '../passwords';
import { buildDemoRegistry, DEMO_PASSWORD } from './demo-registry';

/** Rows written per table by a seed, by table name. */
export type SeedCounts = Record<string, number>;

/** Multi-row inserts of this many rows stay far below SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH_SIZE = 500;

/**
 * Writes the demo registry of Pemerintah Kota Surakarta in one transaction. Refuses a database that
 * already has units or users, so it never mixes demo rows into real ones.
 */
export async function seed(em: EntityManager): Promise<SeedCounts> {
  // Checked before the slow part (hashing) and again inside the transaction, against a concurrent seed.
  await refuseIfNotEmpty(em);
  const demo = buildDemoRegistry();
  // Every demo user has the same documented password, each hash with its own salt.
  const hashes = await Promise.all(demo.users.map(() => hashPassword(DEMO_PASSWORD)));
  const users: User[] = demo.users.map((user, i) => ({ ...user, passwordHash: hashes[i] ?? '' }));

  // Parents before children: foreign keys are checked per statement on both databases.
  const tables: Array<[string, new () => object, object[]]> = [
    ['org_units', OrgUnit, demo.orgUnits],
    ['positions', Position, demo.positions],
    ['employees', Employee, demo.employees],
    ['skp_ratings', SkpRating, demo.skpRatings],
    ['disciplinary_sanctions', DisciplinarySanction, demo.sanctions],
    ['training_records', TrainingRecord, demo.trainings],
    ['users', User, users],
    ['committees', Committee, demo.committees],
    ['committee_members', CommitteeMember, demo.committeeMembers],
    ['calendar_days', CalendarDay, demo.calendarDays],
    ['budget_lines', BudgetLine, demo.budgetLines],
  ];

  return em.transactional(async (tx) => {
    await refuseIfNotEmpty(tx);
    const counts: SeedCounts = {};
    for (const [table, entity, rows] of tables) {
      for (let i = 0; i < rows.length; i += BATCH_SIZE) await tx.insertMany(entity, rows.slice(i, i + BATCH_SIZE));
      counts[table] = rows.length;
    }
    // The seed gives ids itself (so two seeds are identical); PostgreSQL's sequences must then catch up.
    if (tx.getPlatform() instanceof PostgreSqlPlatform) {
      for (const [table] of tables) {
        await tx.execute(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from "${table}"))`);
      }
    }
    return counts;
  });
}

/** Seeds the demo registry when the database has none; true when it did. */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  const em = db.em();
  if (await hasRegistryData(em)) return false;
  await seed(em);
  return true;
}

async function refuseIfNotEmpty(em: EntityManager): Promise<void> {
  if (await hasRegistryData(em)) {
    throw new Error('The database already holds registry data (units or users); the demo seed runs only on an empty registry.');
  }
}

async function hasRegistryData(em: EntityManager): Promise<boolean> {
  return (await em.count(OrgUnit, {})) > 0 || (await em.count(User, {})) > 0;
}
