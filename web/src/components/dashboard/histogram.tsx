import { useId } from 'react';
import { useI18n } from '../../i18n';

interface HistogramProps {
  title: string;
  /** What the buckets measure, for the table's first column (e.g. "Lama (hari)"). */
  category: string;
  bucketLabels: string[];
  counts: number[];
  format: (value: number) => string;
}

const PLOT_HEIGHT = 96;
const TOP = 18;
const BOTTOM = 22;

/**
 * Counts per bucket as vertical bars. Positions are percentages of the width, so the histogram
 * fits a phone without scaling its text; the SVG is described by a sentence listing every bucket,
 * and the same figures are a data table.
 */
export function Histogram({ title, category, bucketLabels, counts, format }: HistogramProps) {
  const { t } = useI18n();
  const titleId = useId();
  const descriptionId = useId();
  const top = Math.max(1, ...counts);
  const slot = 100 / Math.max(1, counts.length);
  return (
    <figure className="chart chart-histogram">
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      <svg className="histogram-svg" width="100%" height={TOP + PLOT_HEIGHT + BOTTOM} role="img" aria-labelledby={titleId} aria-describedby={descriptionId}>
        <line className="chart-axis" x1="0" x2="100%" y1={TOP + PLOT_HEIGHT + 0.5} y2={TOP + PLOT_HEIGHT + 0.5} />
        {counts.map((count, i) => {
          const height = (count / top) * PLOT_HEIGHT;
          const shown = count > 0 ? Math.max(height, 2) : 0;
          return (
            <g key={bucketLabels[i] ?? i}>
              <rect className="chart-primary" x={`${i * slot + slot * 0.12}%`} width={`${slot * 0.76}%`} y={TOP + PLOT_HEIGHT - shown} height={shown} rx="2" />
              <text className="bar-value" x={`${(i + 0.5) * slot}%`} y={TOP + PLOT_HEIGHT - shown - 4} textAnchor="middle">
                {format(count)}
              </text>
              <text className="histogram-bucket" x={`${(i + 0.5) * slot}%`} y={TOP + PLOT_HEIGHT + 15} textAnchor="middle">
                {bucketLabels[i]}
              </text>
            </g>
          );
        })}
      </svg>
      <p id={descriptionId} className="visually-hidden">
        {counts.map((count, i) => `${bucketLabels[i] ?? ''}: ${format(count)}`).join('; ')}
      </p>
      <details className="chart-table">
        <summary>{t('chart.showTable')}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{category}</th>
              <th scope="col" className="numeric">
                {t('chart.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map((count, i) => (
              <tr key={bucketLabels[i] ?? i}>
                <th scope="row">{bucketLabels[i]}</th>
                <td className="numeric">{format(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
