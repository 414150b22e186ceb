/**
 * The API's messages about public feedback, Bahasa Indonesia first; part of the one catalogue
 * (server/messages.ts). Citizens read these, so they say what to do next.
 */
export const feedbackMessages = {
  FEEDBACK_TOO_MANY_SUBMISSIONS: {
    id: 'Terlalu banyak laporan dikirim dari alamat ini. Silakan coba lagi dalam satu jam.',
    en: 'Too many reports have been sent from this address. Please try again in an hour.',
  },
  FEEDBACK_TOO_MANY_REQUESTS: {
    id: 'Terlalu banyak permintaan dari alamat ini. Tunggu beberapa menit lalu coba lagi.',
    en: 'Too many requests from this address. Wait a few minutes and try again.',
  },
  FEEDBACK_NOT_FOUND: {
    id: 'Tidak ada laporan dengan kode pelacakan ini. Periksa kembali kodenya (12 huruf dan angka).',
    en: 'There is no report with this tracking code. Check the code again (12 letters and digits).',
  },
  FEEDBACK_NOT_RECEIVED: {
    id: 'Laporan Anda belum dapat diterima karena gangguan sistem dan tidak disimpan. Silakan kirim ulang beberapa saat lagi.',
    en: 'Your report could not be received because of a system fault and was not stored. Please send it again in a moment.',
  },
  FEEDBACK_UNKNOWN_UNIT: { id: 'Perangkat daerah tidak ditemukan.', en: 'No such government office.' },
  FEEDBACK_NOT_ANSWERED: {
    id: 'Laporan ini belum dijawab; penilaian dapat diberikan setelah jawaban terbit.',
    en: 'This report has not been answered yet; it can be rated once the answer is published.',
  },
  FEEDBACK_ALREADY_RATED: {
    id: 'Laporan ini sudah dinilai; penilaian hanya dapat diberikan satu kali.',
    en: 'This report has already been rated; a report can be rated only once.',
  },
  FEEDBACK_RATING_CLOSED: {
    id: 'Masa penilaian laporan ini sudah berakhir; laporan telah ditutup.',
    en: 'The rating period of this report is over; the report has been closed.',
  },
  FEEDBACK_INVALID_YEAR: { id: 'Tahun harus bilangan bulat 2000–2100.', en: 'The year must be a whole number from 2000 to 2100.' },
} as const;
