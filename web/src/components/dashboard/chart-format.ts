import { useMemo } from 'react';
import { useI18n } from '../../i18n';

export interface ChartFormat {
  /** A whole or decimal number in the UI language (1.234,5 or 1,234.5). */
  number: (value: number) => string;
  percent: (value: number) => string;
  /** Elapsed seconds as the largest sensible unit: "45 detik", "12 menit", "5,5 jam", "2,3 hari". */
  duration: (seconds: number) => string;
  /** The label of histogram bucket `index` of these upper bounds (days): "< 1", "1–3", …, "≥ 60". */
  bucket: (bounds: readonly number[], index: number) => string;
}

export function useChartFormat(): ChartFormat {
  const { lang, t } = useI18n();
  return useMemo(() => {
    const locale = lang === 'id' ? 'id-ID' : 'en-GB';
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const number = (value: number) => decimal.format(value);
    return {
      number,
      percent: (value) => t('chart.percent', { n: number(value) }),
      duration: (seconds) => {
        if (seconds < 60) return t('chart.seconds', { n: number(seconds) });
        if (seconds < 3600) return t('chart.minutes', { n: number(Math.round(seconds / 60)) });
        if (seconds < 86_400) return t('chart.hours', { n: number(seconds / 3600) });
        return t('chart.days', { n: number(seconds / 86_400) });
      },
      bucket: (bounds, index) => {
        const upper = bounds[index];
        const lower = index === 0 ? undefined : bounds[index - 1];
        if (lower === undefined) return `< ${number(upper ?? 0)}`;
        if (upper === undefined) return `≥ ${number(lower)}`;
        return `${number(lower)}–${number(upper)}`;
      },
    };
  }, [lang, t]);
}
