import { createAjv, FormValidators, validateSubmission } from '../../forms';
import { ratioLine, type ReportLine } from '../report';

/** A start form of realistic size: a rotation proposal with domain formats and nested fields. */
const FORM = {
  type: 'object',
  required: ['nip', 'golongan', 'alasan', 'jabatanTujuan', 'justifikasi'],
  properties: {
    nip: { type: 'string', format: 'nip' },
    golongan: { type: 'string', format: 'golongan' },
    alasan: { type: 'string', enum: ['rotasi', 'promosi', 'demosi'] },
    jabatanTujuan: { type: 'integer', minimum: 1 },
    tmt: { type: 'string', format: 'date' },
    justifikasi: { type: 'string', minLength: 20, maxLength: 4000 },
    lampiran: { type: 'array', items: { type: 'string', format: 'attachment' }, maxItems: 10 },
    riwayat: { type: 'array', items: { type: 'object', required: ['tahun', 'nilai'], properties: { tahun: { type: 'integer' }, nilai: { type: 'string' } } } },
  },
};
const DATA = {
  nip: '198503122010011002', golongan: 'III/c', alasan: 'rotasi', jabatanTujuan: 42, tmt: '2027-01-02',
  justifikasi: 'Penyegaran organisasi dan pemerataan kompetensi di bidang keuangan.',
  riwayat: [{ tahun: 2024, nilai: 'BAIK' }, { tahun: 2025, nilai: 'SANGAT_BAIK' }],
};

function perSecond(iterations: number, run: () => void): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  return iterations / (Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * Issue 5's validator benchmark: validations per second through the per-version cache ÷ compiling
 * the schema for every submission and validating (what a server without the cache would do).
 */
export function formsValidation(iterations: number, log: (line: string) => void): ReportLine[] {
  const validators = new FormValidators();
  const cachedRate = perSecond(iterations, () => {
    const result = validateSubmission(validators.get('rotasi-usulan', 1, FORM), DATA, 'id');
    if (!result.valid) throw new Error('the benchmark data must be valid');
  });
  const compileIterations = Math.max(20, Math.floor(iterations / 100));
  const compileRate = perSecond(compileIterations, () => {
    const validate = createAjv().compile(FORM);
    if (!validateSubmission(validate, DATA, 'id').valid) throw new Error('the benchmark data must be valid');
  });
  log(`forms: ${cachedRate.toFixed(0)} validations/s cached, ${compileRate.toFixed(1)}/s compiling each time (${validators.compiledCount} compilation)`);
  return [
    ratioLine(
      'Form validation: validations/s with the per-version cache ÷ compile-and-validate/s',
      { label: 'compile + validate', value: compileRate, unit: '/s' },
      { label: 'cached validate', value: cachedRate, unit: '/s' },
      { atLeast: 100 },
    ),
  ];
}
