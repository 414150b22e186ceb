import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { FeedbackRating, FeedbackTicket, OrgUnit } from '../../db';
import { eventually, signIn } from '../integration/harness';
import {
  EXPECTED_REFUSALS,
  launchChromium,
  openAs,
  reloadUntilVisible,
  screenshot,
  signInThroughPage,
  startWebApp,
  textOf,
  watchConsole,
  type ConsoleWatch,
  type WebApp,
} from './browser';

jest.setTimeout(240_000);

const CODE = /^[2-9A-HJKMNP-Z]{12}$/;
/** A phone: the portal must read without sideways scrolling at this width. */
const PHONE = { width: 360, height: 740 };
/** The nine SKM elements as the rating form names them. */
const SKM_LABELS = [
  'Persyaratan', 'Sistem, mekanisme, dan prosedur', 'Waktu penyelesaian', 'Biaya / tarif', 'Produk layanan', 'Kompetensi pelaksana',
  'Perilaku pelaksana', 'Penanganan pengaduan, saran, dan masukan', 'Sarana dan prasarana',
];
/**
 * The portal's refusals the tests provoke on purpose: a report the server finds invalid, an unknown
 * tracking code, and the rate limit and outage the third test plays back.
 */
const PORTAL_REFUSALS = [
  ...EXPECTED_REFUSALS,
  { status: 422, path: /\/api\/public\/feedback$/ },
  { status: 429, path: /\/api\/public\/feedback$/ },
  { status: 503, path: /\/api\/public\/feedback$/ },
  { status: 404, path: /\/api\/public\/feedback\/[A-Z0-9]+$/ },
];

describe('the public feedback portal in headless Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  const consoleWatch: ConsoleWatch = { errors: [] };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchChromium()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await web?.close();
  });

  /** A citizen's phone browser, without an account, at `path`. */
  async function citizenAt(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale: 'id-ID' });
    contexts.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.baseUrl });
    const page = await context.newPage();
    watchConsole(page, PORTAL_REFUSALS, consoleWatch);
    await page.goto(`${web.baseUrl}${path}`);
    return page;
  }

  async function officer(login: string): Promise<Page> {
    const user = await openAs(browser, web.baseUrl, consoleWatch);
    contexts.push(user.context);
    await signInThroughPage(user.page, login);
    return user.page;
  }

  async function sidewaysOverflow(page: Page): Promise<number> {
    // Runs in the page; the root tsconfig has no DOM types, so the page's globals are reached by name.
    return page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;
  }

  /**
   * Completes the case's current task in the officer app, once the case has reached `step` and the
   * task is the admin's (effects and the inbox projection follow a moment after the last action).
   */
  async function completeTask(page: Page, step: string, fill: (form: Locator) => Promise<void>): Promise<void> {
    await reloadUntilVisible(page, page.getByRole('heading', { name: `Langkah saat ini: ${step}` }));
    const decision = page.locator('.action-form-primary');
    const submit = decision.getByRole('button', { name: 'Selesaikan tugas' });
    await reloadUntilVisible(page, submit);
    await fill(decision);
    await submit.click();
    await page.getByRole('status').filter({ hasText: 'Tindakan tersimpan.' }).waitFor();
  }

  test('when a citizen reports from a phone, the OPD\'s feedback admin answers in the officer app and the citizen rates it, then the citizen reads the answer and sees the report rated', async () => {
    const dinkes = await web.harness.db.em().findOneOrFail(OrgUnit, { code: 'DINKES' });
    const report = 'Loket pendaftaran Puskesmas Gajahan baru dibuka pukul 09.00, padahal jadwalnya pukul 07.30, tiga hari berturut-turut.';
    const answer = 'Terima kasih atas laporan Anda. Kepala Puskesmas Gajahan telah menegur petugas loket; mulai Senin loket dibuka pukul 07.30 sesuai jadwal.';

    // The citizen finds the portal from the sign-in page of the officer app.
    const citizen = await citizenAt('/');
    const portalLink = citizen.getByRole('link', { name: 'Sampaikan pengaduan / aspirasi' });
    await portalLink.waitFor();
    await portalLink.click();
    await citizen.getByRole('heading', { name: 'Sampaikan pengaduan, aspirasi, atau permintaan informasi', level: 1 }).waitFor();
    expect(new URL(citizen.url()).pathname).toBe('/lapor');
    const units = citizen.getByRole('combobox', { name: 'Perangkat daerah (OPD) yang dituju (opsional)' });
    await units.locator('option', { hasText: dinkes.name }).waitFor({ state: 'attached' });
    // The honeypot is neither seen nor reachable: out of the accessibility tree and the tab order.
    expect(await citizen.getByRole('textbox', { name: 'Jangan isi kolom ini' }).count()).toBe(0);
    expect(await citizen.locator('input[name="website"]').getAttribute('tabindex')).toBe('-1');
    expect(await sidewaysOverflow(citizen)).toBeLessThanOrEqual(0);
    await screenshot(citizen, 'pengaduan-01-form-phone');

    await citizen.getByRole('radio', { name: 'Pengaduan', exact: true }).check();
    await citizen.getByRole('combobox', { name: 'Kategori (wajib)' }).selectOption('PELAYANAN_PUBLIK');
    await units.selectOption({ label: dinkes.name });
    await citizen.getByRole('textbox', { name: 'Isi laporan (wajib)' }).fill(report);
    await citizen.getByRole('textbox', { name: 'Nama (opsional)' }).fill('Sri Wahyuni');
    await citizen.getByRole('textbox', { name: 'Surel (e-mail) (opsional)' }).fill('sri.wahyuni@contoh.id');
    await citizen.getByRole('button', { name: 'Kirim laporan' }).click();

    // The receipt: the code, large, with a copy button and the status link.
    await citizen.getByRole('heading', { name: 'Laporan Anda sudah diterima', level: 1 }).waitFor();
    const code = await textOf(citizen.locator('.tracking-code code'));
    expect(code).toMatch(CODE);
    const ticket = await web.harness.db.em().findOneOrFail(FeedbackTicket, { trackingCode: code });
    expect(ticket).toMatchObject({ unitId: dinkes.id, reporterName: 'Sri Wahyuni', status: 'RECEIVED' });
    await citizen.getByRole('button', { name: 'Salin kode' }).click();
    await citizen.getByRole('status').filter({ hasText: 'Kode pelacakan sudah disalin.' }).waitFor();
    expect(await citizen.evaluate('navigator.clipboard.readText()')).toBe(code);
    expect(await textOf(citizen.locator('.status-link'))).toBe(`${web.baseUrl}/lapor/status/${code}`);
    expect(await sidewaysOverflow(citizen)).toBeLessThanOrEqual(0);
    await screenshot(citizen, 'pengaduan-02-receipt-phone');

    // Right away, the status page says it is being verified, and by when.
    await citizen.getByRole('link', { name: 'Lihat status laporan' }).click();
    await citizen.getByRole('heading', { name: 'Status laporan', level: 1 }).waitFor();
    await citizen.locator('.stage').getByText('Diterima; sedang diverifikasi petugas.').waitFor();
    const received = await textOf(citizen.locator('.facts'));
    expect(received).toContain(code);
    expect(received).toContain('Pengaduan');
    expect(received).toContain('Batas waktu tahap ini');
    expect(await textOf(citizen.locator('main'))).toContain('Belum ada jawaban.');
    // Neither anonymous nor confidential: the report is shown, the reporter never.
    expect(await textOf(citizen.locator('main'))).toContain(report);
    expect(await textOf(citizen.locator('main'))).not.toContain('Sri Wahyuni');
    await screenshot(citizen, 'pengaduan-03-status-received-phone');

    // The feedback admin of Dinas Kesehatan finds the report in the inbox of the officer app.
    const admin = await officer('pengaduan.dinkes');
    const title = `Pengaduan masyarakat #${ticket.id}`;
    const task = admin.getByRole('link', { name: title, exact: true });
    await reloadUntilVisible(admin, task);
    await screenshot(admin, 'pengaduan-04-inbox-admin');
    // The verification is sent through the API: its form in the officer app shows the verdicts as
    // codes, asks for the OPD as a numeric id, and its conditional schema makes the browser's ajv
    // log strict-mode warnings. The follow-up and the answer are filled in the browser.
    const caseId = ticket.caseId as string;
    const adminApi = await signIn(web.harness.app, 'pengaduan.dinkes');
    const verified = await adminApi
      .post(`/api/cases/${encodeURIComponent(caseId)}/actions/approve`)
      .set('Idempotency-Key', `e2e-verify-${caseId}`)
      .send({
        stepId: 'verifikasi',
        data: {
          verification: 'DITERIMA', resolutionCategory: 'NORMATIF', handlingUnitId: dinkes.id,
          publicNote: 'Laporan Anda diteruskan ke Dinas Kesehatan untuk ditindaklanjuti.',
        },
      });
    expect(verified.status).toBe(200);
    await eventually(async () => {
      const body = (await adminApi.get(`/api/cases/${encodeURIComponent(caseId)}`).expect(200)).body as { current: { stepId: string } | null };
      return body.current?.stepId === 'tindak-lanjut' ? true : undefined;
    });

    await task.click();
    await admin.getByRole('heading', { name: title, level: 1 }).waitFor();
    await completeTask(admin, 'Tindak lanjut oleh OPD', async (form) => {
      await form.getByLabel('Rencana tindak lanjut').fill('Klarifikasi ke Kepala Puskesmas Gajahan dan periksa daftar hadir petugas loket.');
    });
    await completeTask(admin, 'Penyelesaian dan jawaban', async (form) => {
      await form.getByLabel('Jawaban untuk pelapor').fill(answer);
    });
    await reloadUntilVisible(admin, admin.getByRole('heading', { name: 'Langkah saat ini: Penilaian kepuasan oleh pelapor' }));
    await screenshot(admin, 'pengaduan-05-answered-admin');

    // The citizen reads the answer and rates it on the nine SKM elements.
    const rating = citizen.getByRole('form', { name: 'Beri penilaian atas jawaban ini' });
    for (let attempt = 0; ; attempt++) {
      await citizen.getByRole('button', { name: 'Perbarui' }).click();
      if (await rating.isVisible()) break;
      if (attempt > 20) throw new Error('the answer never reached the status page');
      await citizen.waitForTimeout(500);
    }
    await citizen.locator('.stage').getByText('Sudah dijawab. Silakan beri penilaian atas jawaban ini.').waitFor();
    expect(await textOf(citizen.locator('.answer'))).toContain(answer);
    const answered = await textOf(citizen.locator('.facts'));
    expect(answered).toContain('Dinas Kesehatan');
    expect(answered).toContain('Normatif: paling lama 5 hari kerja');
    expect(await textOf(citizen.locator('main'))).toContain('Laporan Anda diteruskan ke Dinas Kesehatan untuk ditindaklanjuti.');
    for (const label of ['Tidak baik', 'Kurang baik', 'Baik', 'Sangat baik']) {
      await rating.getByRole('group', { name: 'Persyaratan', exact: true }).getByRole('radio', { name: label, exact: true }).waitFor();
    }
    for (const [index, label] of SKM_LABELS.entries()) {
      await rating.getByRole('group', { name: label, exact: true }).getByRole('radio', { name: index === 8 ? 'Baik' : 'Sangat baik', exact: true }).check();
    }
    await rating.getByLabel('Saran dan komentar').fill('Terima kasih, cepat ditanggapi.');
    expect(await sidewaysOverflow(citizen)).toBeLessThanOrEqual(0);
    await screenshot(citizen, 'pengaduan-06-answer-and-rating-phone');
    await rating.getByRole('button', { name: 'Kirim penilaian' }).click();

    await citizen.getByRole('status').filter({ hasText: 'Terima kasih atas penilaian Anda.' }).waitFor();
    await citizen.getByText(/^Laporan ini sudah dinilai pada .+\. Terima kasih\.$/).waitFor();
    await citizen.locator('.stage').getByText('Selesai.').waitFor();
    expect(await rating.count()).toBe(0);
    const rated = await web.harness.db.em().fork().findOneOrFail(FeedbackRating, { ticketId: ticket.id });
    expect(rated).toMatchObject({ requirements: 4, facilities: 3 });
    await screenshot(citizen, 'pengaduan-07-rated-phone');

    // In English, and the choice is kept after a reload.
    await citizen.getByRole('button', { name: 'English' }).click();
    await citizen.getByRole('heading', { name: 'Report status', level: 1 }).waitFor();
    await citizen.reload();
    await citizen.getByRole('heading', { name: 'Report status', level: 1 }).waitFor();
    expect(await textOf(citizen.locator('.stage'))).toBe('Closed.');
    expect(await textOf(citizen.locator('.answer'))).toContain(answer);
    await citizen.getByText(/^This report was rated on .+\. Thank you\.$/).waitFor();
    await screenshot(citizen, 'pengaduan-08-rated-en-phone');
  });

  test('when a citizen sends the form empty, then each required field shows its error tied to it; and a field the server refuses shows the server\'s message beside it', async () => {
    const before = await web.harness.db.em().fork().count(FeedbackTicket, {});
    const citizen = await citizenAt('/lapor');
    await citizen.getByRole('heading', { name: 'Sampaikan pengaduan, aspirasi, atau permintaan informasi', level: 1 }).waitFor();
    await citizen.getByRole('button', { name: 'Kirim laporan' }).click();

    const notice = citizen.locator('[aria-live="assertive"]');
    await notice.getByText('Periksa isian yang ditandai.').waitFor();
    expect(await textOf(notice)).toContain('Laporan belum terkirim');
    const category = citizen.getByRole('combobox', { name: 'Kategori (wajib)' });
    const message = citizen.getByRole('textbox', { name: 'Isi laporan (wajib)' });
    const firstType = citizen.getByRole('radio', { name: 'Aspirasi', exact: true });
    for (const [field, text] of [[category, 'Pilih salah satu.'], [message, 'Wajib diisi.'], [firstType, 'Pilih salah satu.']] as const) {
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const described = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
      const texts = await Promise.all(described.map((id) => textOf(citizen.locator(`[id="${id}"]`))));
      expect(texts).toContain(text);
    }
    // Focus went to the first field with a problem.
    expect(await citizen.evaluate('document.activeElement?.id')).toBe(await firstType.getAttribute('id'));
    expect(await sidewaysOverflow(citizen)).toBeLessThanOrEqual(0);
    await screenshot(citizen, 'pengaduan-09-empty-submit-phone');

    // What only the server checks (the e-mail's form) comes back as a 422 and sits by its field.
    await citizen.getByRole('radio', { name: 'Aspirasi', exact: true }).check();
    await category.selectOption('LAINNYA');
    await message.fill('Mohon jam layanan Mal Pelayanan Publik diperpanjang hingga sore hari.');
    const email = citizen.getByRole('textbox', { name: 'Surel (e-mail) (opsional)' });
    await email.fill('bukan-surel');
    await citizen.getByRole('button', { name: 'Kirim laporan' }).click();
    await notice.getByText('Isian formulir belum benar.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const emailError = (await email.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error'));
    expect(emailError).toBeDefined();
    expect((await textOf(citizen.locator(`[id="${emailError}"]`))).length).toBeGreaterThan(0);
    expect(await category.getAttribute('aria-invalid')).toBeNull();
    // The form keeps what was typed, and nothing was stored.
    expect(await message.inputValue()).toBe('Mohon jam layanan Mal Pelayanan Publik diperpanjang hingga sore hari.');
    expect(await web.harness.db.em().fork().count(FeedbackTicket, {})).toBe(before);
    await screenshot(citizen, 'pengaduan-10-server-refusal-phone');
  });

  test('when the service refuses a report (too many, or an outage) or a tracking code is wrong, then the citizen reads what happened and what to do', async () => {
    const citizen = await citizenAt('/lapor');
    await citizen.getByRole('heading', { name: 'Sampaikan pengaduan, aspirasi, atau permintaan informasi', level: 1 }).waitFor();
    await citizen.getByRole('radio', { name: 'Permintaan informasi', exact: true }).check();
    await citizen.getByRole('combobox', { name: 'Kategori (wajib)' }).selectOption('KEPEGAWAIAN');
    const message = 'Bagaimana cara mengetahui jadwal seleksi PPPK tahun ini di Kota Surakarta?';
    await citizen.getByRole('textbox', { name: 'Isi laporan (wajib)' }).fill(message);
    const notice = citizen.locator('[aria-live="assertive"]');

    // The rate limit and an outage, as the API answers them, played back by the browser.
    const answers = [
      { status: 429, code: 'FEEDBACK_TOO_MANY_SUBMISSIONS', message: 'Terlalu banyak laporan dikirim dari alamat ini. Silakan coba lagi dalam satu jam.' },
      { status: 503, code: 'FEEDBACK_NOT_RECEIVED', message: 'Laporan Anda belum dapat diterima karena gangguan sistem dan tidak disimpan. Silakan kirim ulang beberapa saat lagi.' },
    ];
    for (const answer of answers) {
      await citizen.route('**/api/public/feedback', (route) => route.fulfill({
        status: answer.status, contentType: 'application/json', body: JSON.stringify({ error: { code: answer.code, message: answer.message } }),
      }));
      await citizen.getByRole('button', { name: 'Kirim laporan' }).click();
      await notice.getByText(answer.message).waitFor();
      const text = await textOf(notice);
      expect(text).toContain(answer.status === 429 ? 'Terlalu banyak permintaan' : 'Layanan sedang terganggu');
      expect(text).toContain(answer.status === 429 ? 'Tunggu sebentar, lalu coba lagi.' : 'Tidak ada yang tersimpan.');
      expect(text).toContain('Isian Anda masih ada di formulir.');
      expect(await citizen.getByRole('textbox', { name: 'Isi laporan (wajib)' }).inputValue()).toBe(message);
      await screenshot(citizen, `pengaduan-1${answers.indexOf(answer) + 1}-refused-${answer.status}-phone`);
      await citizen.unroute('**/api/public/feedback');
    }

    // A code that cannot be one is caught at once; one that fits but does not exist, by the server.
    await citizen.getByRole('navigation', { name: 'Menu layanan' }).getByRole('link', { name: 'Cek status' }).click();
    await citizen.getByRole('heading', { name: 'Cek status laporan', level: 1 }).waitFor();
    const codeInput = citizen.getByRole('textbox', { name: 'Kode pelacakan' });
    await codeInput.fill('abc');
    await citizen.getByRole('button', { name: 'Cek status' }).click();
    expect(await codeInput.getAttribute('aria-invalid')).toBe('true');
    await citizen.getByText('Kode pelacakan terdiri atas 12 huruf dan angka.').waitFor();
    await codeInput.fill('abcd-efgh-jkmn');
    await citizen.getByRole('button', { name: 'Cek status' }).click();
    await citizen.waitForURL(`${web.baseUrl}/lapor/status/ABCDEFGHJKMN`);
    await notice.getByText('Laporan tidak ditemukan').waitFor();
    expect(await textOf(notice)).toContain('Periksa kembali kodenya');
    expect(await sidewaysOverflow(citizen)).toBeLessThanOrEqual(0);
    await screenshot(citizen, 'pengaduan-13-unknown-code-phone');
  });

  test('then no page logged a console error', () => {
    expect(consoleWatch.errors).toEqual([]);
  });
});
