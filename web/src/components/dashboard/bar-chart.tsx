import { useId } from 'react';
import { useI18n } from '../../i18n';

export type BarTone = 'primary' | 'accent' | 'alert';

export interface BarSeries {
  label: string;
  tone: BarTone;
}

export interface BarRow {
  key: string;
  label: string;
  /** One value per series. */
  values: number[];
}

interface BarChartProps {
  title: string;
  /** Heading of the first column of the data table (what a row is: process, OPD, step). */
  category: string;
  series: BarSeries[];
  rows: BarRow[];
  format: (value: number) => string;
  /** The value of a full-length bar; the largest value by default. */
  max?: number;
  /** Shown instead of the chart when there are no rows. */
  empty: string;
}

const BAR_HEIGHT = 14;
const BAR_GAP = 3;
/** Bars use at most this share of the width, so the value printed after the longest one still fits. */
const BAR_SPAN_PCT = 78;

/**
 * A horizontal bar chart: each row's label is HTML (it wraps on a phone), its bars an SVG whose
 * widths are percentages, so the chart fits any width without scaling its text. Each row's SVG
 * says its values to screen readers, and the whole chart is also a data table (in a disclosure).
 */
export function BarChart({ title, category, series, rows, format, max, empty }: BarChartProps) {
  const { t } = useI18n();
  const titleId = useId();
  const top = max ?? Math.max(0, ...rows.flatMap((row) => row.values));
  const height = series.length * BAR_HEIGHT + (series.length - 1) * BAR_GAP;
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      {series.length > 1 && rows.length > 0 && (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.label}>
              <span className={`chart-swatch chart-${s.tone}`} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <ul className="bar-rows">
            {rows.map((row) => (
              <li key={row.key}>
                <span className="bar-label">{row.label}</span>
                <svg
                  className="bar-svg"
                  width="100%"
                  height={height}
                  role="img"
                  aria-label={series.map((s, i) => (series.length > 1 ? `${s.label}: ` : '') + format(row.values[i] ?? 0)).join(', ')}
                >
                  {series.map((s, i) => {
                    const value = row.values[i] ?? 0;
                    const share = top > 0 ? (value / top) * BAR_SPAN_PCT : 0;
                    // A value above zero always shows a sliver, so it is not mistaken for none.
                    const width = value > 0 ? Math.max(share, 0.6) : 0;
                    const y = i * (BAR_HEIGHT + BAR_GAP);
                    return (
                      <g key={s.label}>
                        <rect className={`chart-${s.tone}`} x="0" y={y} width={`${width}%`} height={BAR_HEIGHT} rx="2" />
                        <text className="bar-value" x={`${width}%`} dx={value > 0 ? 5 : 0} y={y + BAR_HEIGHT / 2} dominantBaseline="central">
                          {format(value)}
                        </text>
                      </g>
                    );
                  })}
                </svg>
              </li>
            ))}
          </ul>
          <details className="chart-table">
            <summary>{t('chart.showTable')}</summary>
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{category}</th>
                  {series.map((s) => (
                    <th key={s.label} scope="col" className="numeric">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    {series.map((s, i) => (
                      <td key={s.label} className="numeric">
                        {format(row.values[i] ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
