/** Nearest-rank percentile of samples (milliseconds); NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * Runs `total` jobs with at most `lanes` in flight; each lane takes the next index when its job
 * ends, the way independent users keep a server busy.
 */
export async function inLanes(lanes: number, total: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (next < total && !failed) {
      const index = next++;
      try {
        await job(index);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  // After a failure the other lanes finish their current job and stop, so nothing runs on unseen.
  const results = await Promise.allSettled(Array.from({ length: Math.min(lanes, total) }, lane));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}

/** Milliseconds since `start` (a performance.now() reading). */
export function since(start: number): number {
  return performance.now() - start;
}
