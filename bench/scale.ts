/**
 * How much work each benchmark does. `small` (the default) finishes in a few minutes on a 2-core
 * laptop; `full` uses the numbers and takes much longer; `smoke` only checks that every
 * workload runs.
 */
export interface BenchScale {
  name: 'smoke' | 'small' | 'full';
  engine: { inFlight: number; warmup: number; measured: number };
  decisions: { openCases: number; atConcurrency1: number; atConcurrency10: number; bareUpdates: number };
  inbox: { baseTasks: number; largeTasks: number; requests: number };
  memory: { openCases: number };
  /** Open tasks in the measured inbox, and browser page loads per inbox (after one warm-up). */
  webInbox: { tasks: number; runs: number };
}

const SCALES: Record<BenchScale['name'], BenchScale> = {
  smoke: {
    name: 'smoke',
    engine: { inFlight: 5, warmup: 5, measured: 20 },
    decisions: { openCases: 40, atConcurrency1: 15, atConcurrency10: 20, bareUpdates: 50 },
    inbox: { baseTasks: 10_000, largeTasks: 20_000, requests: 30 },
    memory: { openCases: 100 },
    webInbox: { tasks: 50, runs: 3 },
  },
  small: {
    name: 'small',
    engine: { inFlight: 20, warmup: 20, measured: 200 },
    decisions: { openCases: 200, atConcurrency1: 80, atConcurrency10: 120, bareUpdates: 300 },
    inbox: { baseTasks: 10_000, largeTasks: 100_000, requests: 300 },
    memory: { openCases: 1_000 },
    webInbox: { tasks: 500, runs: 11 },
  },
  full: {
    name: 'full',
    engine: { inFlight: 50, warmup: 100, measured: 2_000 },
    decisions: { openCases: 1_000, atConcurrency1: 300, atConcurrency10: 600, bareUpdates: 1_000 },
    inbox: { baseTasks: 10_000, largeTasks: 1_000_000, requests: 1_000 },
    memory: { openCases: 10_000 },
    webInbox: { tasks: 500, runs: 21 },
  },
};

export function benchScale(raw: string | undefined): BenchScale {
  const name = (raw?.trim() || 'small') as BenchScale['name'];
  const scale = SCALES[name];
  if (!scale) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')} (got "${raw}")`);
  return scale;
}
