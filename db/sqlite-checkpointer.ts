import { Worker } from 'node:worker_threads';

/**
 * How often the background thread moves the write-ahead log into the database file. A decision
 * writes about ten pages, so at the engine benchmark's rate this is a few hundred pages a time,
 * about what SQLite's own automatic checkpoint (every 1,000 pages) copied.
 */
export const CHECKPOINT_EVERY_MS = 1000;

/**
 * The automatic checkpoint stays on the app's own connections only as a safety net, should the
 * background thread fail or fall behind: 10,000 pages, about 40 MB of log.
 */
export const SAFETY_NET_CHECKPOINT_PAGES = 10_000;

export interface Checkpointer {
  /** Ends the thread (and its connection); resolves once it has gone. */
  stop(): Promise<void>;
}

/**
 * The thread: its own connection, a PASSIVE checkpoint now and then (it never waits for, nor
 * blocks, the app's readers and writers), closed on any message. CommonJS source, so that it needs
 * no TypeScript loader.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
let reported = false;
const checkpoint = () => {
  try {
    // timeout 0: a checkpoint another process runs right now is simply left to it.
    db ??= new Database(workerData.file, { fileMustExist: true, timeout: 0 });
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    if (!reported) parentPort.postMessage({ error: err && err.message ? err.message : String(err) });
    reported = true;
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  try { if (db) db.close(); } catch {}
  parentPort.close();
});
`;

/**
 * Checkpoints an SQLite database (in WAL mode) from a thread of its own. SQLite otherwise runs the
 * checkpoint inside whichever COMMIT crosses 1,000 pages of log, and better-sqlite3 runs statements
 * on the event loop: that COMMIT copied the pages and synced the file (10-20 ms on the benchmark
 * machine), and every request the process was serving waited for it. The app's connections keep
 * the automatic checkpoint only at SAFETY_NET_CHECKPOINT_PAGES.
 */
export function startCheckpointer(file: string): Checkpointer {
  const thread = new Worker(THREAD_SOURCE, {
    eval: true,
    // Not the parent's loader flags (tsx) nor its profiler: the thread runs plain JavaScript.
    execArgv: [],
    workerData: { file, driver: require.resolve('better-sqlite3'), everyMs: CHECKPOINT_EVERY_MS },
  });
  // It must not keep a process alive that has nothing else to do.
  thread.unref();
  const warn = (message: string) => console.warn(`[db] ${message}`);
  thread.on('message', (message: { error?: string }) => {
    if (message.error) warn(`background WAL checkpoint failed (SQLite's own checkpoint takes over at ${SAFETY_NET_CHECKPOINT_PAGES} pages): ${message.error}`);
  });
  thread.on('error', (err) => warn(`background WAL checkpoint thread stopped: ${err.message}`));
  const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
  return {
    stop: async () => {
      thread.postMessage('stop');
      await exited;
    },
  };
}
