import type { Server } from 'node:http';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Knex } from '@mikro-orm/knex';
import { Client as PgClient } from 'pg';
import { CaseTask, initORM, seedIfEmpty, type Database, type DatabaseConfig } from '../../db';
import { createApp } from '../../server/app';
import { encodeTimeCursor, type TimeCursor } from '../../server/time-cursor';
import { caseTitlesQuery, inboxTasksQuery, readInbox, type InboxQuery } from '../../server/use-cases/inbox';
import { apiCall, signIn, type ApiSession } from '../api-session';
import { freePort } from '../free-port';
import { ratioLine, type ReportLine } from '../report';
import type { BenchScale } from '../scale';
import { percentile, since } from '../stats';

/** The inbox whose pages are measured: a tenth of all tasks are this user's, half of those open. */
const INBOX_USER = 'sekda';
const PAGE = 20;
/** Task creation times spread over two years before this instant. */
const NEWEST_MS = Date.UTC(2026, 10, 1);
const SPREAD_SECONDS = 2 * 365 * 24 * 3600;

interface InboxDatabase {
  name: 'SQLite' | 'PostgreSQL';
  /** Creates a database of its own for `label` (one per inbox size); `drop` removes every one created. */
  create(label: string): Promise<DatabaseConfig>;
  drop(): Promise<void>;
}

/** One inbox size: its own database, with the API serving it. */
interface InboxUnderTest {
  db: Database;
  baseUrl: string;
  session: ApiSession;
  openTasks: number;
  /** The cursor of the page 90% down the inbox. */
  deep: TimeCursor & { token: string };
}

/**
 * Adds tasks n in [from, to) in one statement. Deterministic: task n belongs to the inbox user
 * when n % 10 = 0 (open when n % 20 = 0), otherwise to one of 997 other people (a third open).
 * The open tasks of the inbox user get a case row, as the route reads their titles.
 */
async function addTasks(db: Database, from: number, to: number): Promise<void> {
  const conn = db.em().getConnection();
  const user = `case when n % 10 = 0 then '${INBOX_USER}' else 'pegawai.' || (n % 997) end`;
  const status = "case when n % 20 = 0 or (n % 10 <> 0 and n % 3 = 0) then 'open' else 'closed' end";
  const createdMs = `(${NEWEST_MS} - ((n * 7919) % ${SPREAD_SECONDS}) * 1000 - (n % 1000))`;
  if (db.kind === 'sqlite') {
    const series = `with recursive seq(n) as (select ${from} union all select n + 1 from seq where n < ${to - 1})`;
    await conn.execute(`insert into case_tasks (id, case_id, process_key, step_id, visit, user_id, substitute_for, status, created_at, due_at, closed_at)
      ${series} select 'bench-' || n || '/verifikasi/1/' || ${user}, 'bench-' || n, 'persetujuan-umum', 'verifikasi', 1, ${user}, null,
        ${status}, ${createdMs}, null, case when ${status} = 'closed' then ${createdMs} + 86400000 else null end from seq`);
    await conn.execute(`insert into cases (id, process, title, status, current_step, initiator, subject_unit_id, version, state, created_at, updated_at, closed_at)
      ${series} select 'bench-' || n, 'persetujuan-umum', 'Usulan ' || n, 'open', 'verifikasi', 'kepala.dinkes', null, 1, '{}',
        ${createdMs}, ${createdMs}, null from seq where n % 20 = 0`);
    return;
  }
  const at = (ms: string) => `to_timestamp(${ms} / 1000.0)`;
  const series = `from generate_series(${from}::bigint, ${to - 1}::bigint) as n`;
  await conn.execute(`insert into case_tasks (id, case_id, process_key, step_id, visit, user_id, substitute_for, status, created_at, due_at, closed_at)
    select 'bench-' || n || '/verifikasi/1/' || ${user}, 'bench-' || n, 'persetujuan-umum', 'verifikasi', 1, ${user}, null,
      ${status}, ${at(createdMs)}, null, case when ${status} = 'closed' then ${at(`${createdMs} + 86400000`)} else null end ${series}`);
  await conn.execute(`insert into cases (id, process, title, status, current_step, initiator, subject_unit_id, version, state, created_at, updated_at, closed_at)
    select 'bench-' || n, 'persetujuan-umum', 'Usulan ' || n, 'open', 'verifikasi', 'kepala.dinkes', null, 1, '{}',
      ${at(createdMs)}, ${at(createdMs)}, null ${series} where n % 20 = 0`);
  // What autovacuum would do on a live server after a bulk load.
  await conn.execute('analyze case_tasks');
  await conn.execute('analyze cases');
}

/** The inbox page the route reads (server/use-cases/inbox.ts). */
function inboxQuery(cursor?: TimeCursor): InboxQuery {
  return { userId: INBOX_USER, cursor, limit: PAGE };
}

/** The cursor the API would hand out after the task at `depth` of the inbox (0 = newest). */
async function cursorAtDepth(db: Database, depth: number): Promise<TimeCursor & { token: string }> {
  const [row] = await db.em().find(CaseTask, { userId: INBOX_USER, status: 'open' }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: 1, offset: depth });
  if (!row) throw new Error(`the inbox has fewer than ${depth + 1} tasks`);
  return { createdAt: row.createdAt, id: row.id, token: encodeTimeCursor(row) };
}

/** A query with its values inlined, as the connection runs it (MikroORM's execute formats every query so). */
function inlined(db: Database, qb: Knex.QueryBuilder): string {
  const { sql, bindings } = qb.toSQL();
  return db.em().getPlatform().formatQuery(sql, [...bindings]);
}

/** The SQL the route's two reads send for one inbox page (its tasks, then their cases' titles), inlined. */
async function inboxSql(db: Database, cursor?: TimeCursor): Promise<[string, string]> {
  const q = inboxQuery(cursor);
  const { tasks } = await readInbox(db.em(), q);
  return [
    inlined(db, inboxTasksQuery(db.em(), q)),
    inlined(db, caseTitlesQuery(db.em(), tasks.slice(0, PAGE).map((t) => t.caseId))),
  ];
}

/**
 * Times two things turn about (the same page of two inbox sizes, or one read two ways), so both
 * see the same background noise. Warms the page cache, the JIT and the connections first.
 */
async function timePair(times: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number[], number[]]> {
  for (let i = 0; i < 30; i++) {
    await a();
    await b();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < times; i++) {
    for (const [index, run] of [a, b].entries()) {
      const start = performance.now();
      await run();
      samples[index]!.push(since(start));
    }
  }
  return samples;
}

/** GET /api/tasks for one page of an inbox, checked to be a full page. */
function httpPage(inbox: InboxUnderTest, deep: boolean): () => Promise<void> {
  const url = `/api/tasks?limit=${PAGE}${deep ? `&cursor=${inbox.deep.token}` : ''}`;
  return async () => {
    const res = await apiCall<{ items: unknown[] }>(inbox.baseUrl, inbox.session, 'GET', url);
    if (res.status !== 200 || res.body.items.length !== PAGE) throw new Error(`GET ${url}: ${res.status}`);
  };
}

/** The route's two reads through the ORM's connection, and the same SQL run raw, turn about. */
async function ormAgainstRaw(db: Database, requests: number, cursor?: TimeCursor): Promise<[number[], number[]]> {
  const [tasks, titles] = await inboxSql(db, cursor);
  const raw = async () => {
    const conn = db.em().getConnection();
    await conn.execute(tasks);
    await conn.execute(titles);
  };
  return timePair(requests * 2, () => readInbox(db.em(), inboxQuery(cursor)), raw);
}

function inboxDatabases(dir: string, log: (line: string) => void): InboxDatabase[] {
  const list: InboxDatabase[] = [{
    name: 'SQLite', create: async (label) => ({ kind: 'sqlite', file: path.join(dir, `inbox-${label}.sqlite`) }), drop: async () => undefined,
  }];
  const adminUrl = process.env.BENCH_DATABASE_URL?.trim();
  if (!adminUrl) {
    log('inbox: BENCH_DATABASE_URL is not set; PostgreSQL is skipped');
    return list;
  }
  const created: string[] = [];
  const admin = async (sql: string) => {
    const client = new PgClient({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  list.push({
    name: 'PostgreSQL',
    create: async (label) => {
      const name = `alur_bench_inbox_${label}_${process.pid}_${Date.now()}`;
      await admin(`create database ${name}`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return { kind: 'postgresql', url: url.toString() };
    },
    drop: async () => {
      for (const name of created.splice(0)) await admin(`drop database if exists ${name} with (force)`);
    },
  });
  return list;
}

const p95 = (samples: number[]) => percentile(samples, 95);

/**
 * 3. Inbox at scale: p95 of the first and a deep page of GET /api/tasks with many tasks against
 * 10k tasks, each size in a database of its own with the API serving it, their requests turn about;
 * and the ORM's query against the same SQL run raw. Tasks are inserted in bulk; this measures the
 * read path only.
 */
export async function inboxAtScale(temporalAddress: string, dir: string, scale: BenchScale, log: (line: string) => void): Promise<{ lines: ReportLine[]; notes: string[] }> {
  const lines: ReportLine[] = [];
  const notes: string[] = [];
  const { baseTasks, largeTasks, requests } = scale.inbox;
  const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  for (const target of inboxDatabases(dir, log)) {
    const connection = Connection.lazy({ address: temporalAddress });
    const opened: Array<{ db: Database; server: Server }> = [];
    /** A database of its own with `tasks` tasks, and the API serving it. */
    const inboxOf = async (tasks: number): Promise<InboxUnderTest> => {
      const db = await initORM(await target.create(k(tasks).toLowerCase()));
      const app = createApp({ client: new Client({ connection }), connection, taskQueue: 'unused', db, webDir: path.join(dir, 'no-web') });
      const port = await freePort();
      const server = await new Promise<Server>((resolve) => {
        const s = app.listen(port, '127.0.0.1', () => resolve(s));
      });
      opened.push({ db, server });
      await db.migrate();
      await seedIfEmpty(db);
      const start = performance.now();
      // The same tasks in both databases: the large one holds the small one's and more.
      for (let from = 0; from < tasks; from += 250_000) await addTasks(db, from, Math.min(tasks, from + 250_000));
      log(`inbox ${target.name}: ${tasks.toLocaleString('en-US')} tasks inserted in ${(since(start) / 1000).toFixed(1)} s`);
      const baseUrl = `http://127.0.0.1:${port}`;
      const openTasks = await db.em().count(CaseTask, { userId: INBOX_USER, status: 'open' });
      return { db, baseUrl, session: await signIn(baseUrl, INBOX_USER), openTasks, deep: await cursorAtDepth(db, Math.floor(openTasks * 0.9)) };
    };
    try {
      const small = await inboxOf(baseTasks);
      const large = await inboxOf(largeTasks);
      // The two sizes' pages turn about, so a pause of the machine falls on both alike.
      const [smallFirst, largeFirst] = await timePair(requests, httpPage(small, false), httpPage(large, false));
      const [smallDeep, largeDeep] = await timePair(requests, httpPage(small, true), httpPage(large, true));

      const where = `${target.name}, ${k(largeTasks)} ÷ ${k(baseTasks)} tasks`;
      const inbox = (n: number, open: number) => `at ${k(n)} tasks (${open.toLocaleString('en-US')} open in the inbox)`;
      log(`inbox ${target.name}: first page p95 ${p95(smallFirst).toFixed(1)} → ${p95(largeFirst).toFixed(1)} ms; `
        + `deep page p95 ${p95(smallDeep).toFixed(1)} → ${p95(largeDeep).toFixed(1)} ms`);
      for (const [page, smallTimes, largeTimes] of [
        ['first page', smallFirst, largeFirst],
        ['deep page (90% down)', smallDeep, largeDeep],
      ] as const) {
        lines.push(ratioLine(`Inbox ${page}, GET /api/tasks p95, ${where}`,
          { label: `p95 ${inbox(baseTasks, small.openTasks)}`, value: p95(smallTimes), unit: 'ms' },
          { label: `p95 ${inbox(largeTasks, large.openTasks)}`, value: p95(largeTimes), unit: 'ms' },
          { atMost: 1.5 }, `${smallTimes.length} requests to each, turn about; p50 ${percentile(smallTimes, 50).toFixed(2)} → ${percentile(largeTimes, 50).toFixed(2)} ms`));
      }
      for (const [page, cursor] of [['first page', undefined], ['deep page', large.deep]] as const) {
        const [orm, raw] = await ormAgainstRaw(large.db, requests, cursor);
        // Medians: sub-millisecond timings, where one pause would decide a p95.
        lines.push(ratioLine(`Inbox ORM query ÷ the same SQL raw, ${page}, ${target.name} at ${k(largeTasks)} tasks`,
          { label: 'raw SQL p50', value: percentile(raw, 50), unit: 'ms' },
          { label: 'ORM p50', value: percentile(orm, 50), unit: 'ms' },
          { atMost: 2 }, `p95: ${p95(orm).toFixed(2)} ÷ ${p95(raw).toFixed(2)} ms; the route's two reads (tasks, then their titles) as the route runs them (built with the ORM's knex, executed and mapped through its connection), and the same two statements raw on the same connection`));
      }
    } finally {
      for (const { db, server } of opened) {
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeAllConnections();
        await closed;
        await db.close();
      }
      await connection.close();
      await target.drop();
    }
  }
  notes.push(`Inbox: the measured inbox (${INBOX_USER}) holds a tenth of all tasks, half of them open; the rest belong to 997 others. `
    + 'SQLite is not ANALYZEd (as in production); PostgreSQL is, as autovacuum would be.');
  return { lines, notes };
}
