import { caseDriver } from '../case-driver';
import { ratioLine, type ReportLine } from '../report';
import type { BenchScale } from '../scale';
import { startBaselineWorker, startBenchStack } from '../stack';
import { casesPerSecond, emptyWorkflowsPerSecond } from './engine-overhead';

/**
 * 4. Dev-server tuning: the engine-overhead workload (smaller) on two fresh stacks, one with the
 * CLI's default SQLite settings and one with Alur's pragmas, back to back.
 */
export async function devServerTuning(scale: BenchScale, log: (line: string) => void): Promise<ReportLine[]> {
  const inFlight = scale.engine.inFlight;
  // A quarter of the engine workload (at most 200 cases): two fresh stacks must fit in the run.
  const measured = Math.min(200, Math.max(10, Math.round(scale.engine.measured / 4)));
  const warmup = Math.max(5, Math.round(scale.engine.warmup / 2));
  const results: Record<'cli-defaults' | 'alur', { cases: number; empty: number }> = { 'cli-defaults': { cases: 0, empty: 0 }, alur: { cases: 0, empty: 0 } };
  for (const settings of ['cli-defaults', 'alur'] as const) {
    const stack = await startBenchStack(log, { devServerSettings: settings });
    try {
      const baseline = await startBaselineWorker(stack.address);
      try {
        results[settings].empty = (await emptyWorkflowsPerSecond(stack.client, baseline.taskQueue, inFlight, warmup * 5, measured * 5)).perSecond;
      } finally {
        await baseline.close();
      }
      const driver = await caseDriver(stack.baseUrl);
      results[settings].cases = (await casesPerSecond(driver, inFlight, warmup, measured)).perSecond;
      log(`tuning, ${settings} settings: ${results[settings].cases.toFixed(2)} cases/s, ${results[settings].empty.toFixed(1)} empty workflows/s`);
    } finally {
      await stack.close();
    }
  }
  const what = `${measured} cases after ${warmup} warm-up, ${inFlight} in flight, fresh stack each`;
  return [
    ratioLine(`Dev-server tuning: 3-step cases/s, CLI default SQLite settings ÷ Alur's pragmas (${what})`,
      { label: "Alur's pragmas", value: results.alur.cases, unit: 'cases/s' },
      { label: 'CLI defaults', value: results['cli-defaults'].cases, unit: 'cases/s' }, undefined,
      'below 1: Alur\'s settings are faster'),
    ratioLine('Dev-server tuning: empty workflows/s, CLI default SQLite settings ÷ Alur\'s pragmas',
      { label: "Alur's pragmas", value: results.alur.empty, unit: '/s' },
      { label: 'CLI defaults', value: results['cli-defaults'].empty, unit: '/s' }),
  ];
}
