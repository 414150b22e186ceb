/** Messages of the dashboard route (/api/dashboard), Bahasa Indonesia first; spread into server/messages.ts. */
export const dashboardMessages = {
  DASHBOARD_INVALID_DATE: {
    id: '{parameter} harus tanggal yang sah berformat YYYY-MM-DD antara tahun 2000 dan 2100, mis. 2026-01-31.',
    en: '{parameter} must be a valid date in the form YYYY-MM-DD between the years 2000 and 2100, e.g. 2026-01-31.',
  },
  DASHBOARD_PERIOD_REVERSED: {
    id: 'Tanggal awal (from) tidak boleh sesudah tanggal akhir (to).',
    en: 'The start date (from) must not be after the end date (to).',
  },
  DASHBOARD_PERIOD_TOO_LONG: {
    id: 'Periode paling panjang {maxDays} hari; persempit rentang tanggalnya.',
    en: 'The period may be at most {maxDays} days long; narrow the date range.',
  },
} as const;
