import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Figure {
  label: string;
  value: number;
  unit: string;
}

/** One line of the report: a result against a baseline measured in the same run, or a count. */
export interface ReportLine {
  workload: string;
  baseline: Figure | null;
  result: Figure;
  ratio: number | null;
  /** e.g. "≥ 0.3"; null for figures without a goal. */
  goal: string | null;
  met: boolean | null;
  note?: string;
}

export function ratioLine(workload: string, baseline: Figure, result: Figure, goal?: { atLeast?: number; atMost?: number }, note?: string): ReportLine {
  const ratio = result.value / baseline.value;
  let text: string | null = null;
  let met: boolean | null = null;
  if (goal?.atLeast !== undefined) {
    text = `≥ ${goal.atLeast}`;
    met = ratio >= goal.atLeast;
  } else if (goal?.atMost !== undefined) {
    text = `≤ ${goal.atMost}`;
    met = ratio <= goal.atMost;
  }
  return { workload, baseline, result, ratio, goal: text, met, ...(note ? { note } : {}) };
}

export function countLine(workload: string, result: Figure, note?: string): ReportLine {
  return { workload, baseline: null, result, ratio: null, goal: null, met: null, ...(note ? { note } : {}) };
}

/** A figure that must stay under a fixed limit, in its own unit (e.g. a bundle's size in kB). */
export function ceilingLine(workload: string, result: Figure, below: number, note?: string): ReportLine {
  return { workload, baseline: null, result, ratio: null, goal: `< ${below} ${result.unit}`, met: result.value < below, ...(note ? { note } : {}) };
}

export interface BenchReport {
  scale: string;
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; memoryGiB: number; node: string; temporalCli: string };
  lines: ReportLine[];
  notes: string[];
}

const RESULTS_DIR = path.resolve(__dirname, 'results');

/** Writes bench/results/bench-<time>.{md,json} and latest.{md,json}; returns the Markdown path. */
export function writeReport(report: BenchReport): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const markdown = toMarkdown(report);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  for (const name of [`bench-${stamp}`, 'latest']) {
    writeFileSync(path.join(RESULTS_DIR, `${name}.md`), markdown);
    writeFileSync(path.join(RESULTS_DIR, `${name}.json`), json);
  }
  return path.join(RESULTS_DIR, `bench-${stamp}.md`);
}

function figure(f: Figure | null): string {
  if (!f) return '—';
  return `${f.label}: ${formatNumber(f.value)} ${f.unit}`.trim();
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function toMarkdown(report: BenchReport): string {
  const rows = report.lines.map((l) => [
    l.workload,
    figure(l.baseline),
    figure(l.result),
    l.ratio === null ? '—' : formatNumber(l.ratio),
    l.goal ?? '—',
    l.met === null ? '—' : l.met ? 'yes' : '**no**',
    l.note ?? '',
  ].map((cell) => cell.replaceAll('|', '\\|')).join(' | '));
  return [
    `# Alur benchmarks (${report.scale} scale)`,
    '',
    `Run ${report.startedAt}, ${Math.round(report.durationSeconds)} s, on ${report.machine.cpus} CPUs / ${report.machine.memoryGiB} GiB, `
      + `Node ${report.machine.node}, ${report.machine.temporalCli}. Every figure is a ratio against a baseline measured in this run, a count, or a size against a fixed limit.`,
    '',
    '| Workload | Baseline | Result | Ratio | Goal | Met? | Note |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
    '',
    ...(report.notes.length > 0 ? ['## Notes', '', ...report.notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
}
