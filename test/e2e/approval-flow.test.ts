import type { Browser, Page } from 'playwright-core';
import { signIn } from '../integration/harness';
import {
  launchChromium,
  openAs,
  reloadUntilVisible,
  screenshot,
  signInThroughPage,
  startWebApp,
  textOf,
  type ConsoleWatch,
  type UserPage,
  type WebApp,
} from './browser';

jest.setTimeout(180_000);

const PROCESS = 'persetujuan-umum';

describe('the web UI in headless Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  const consoleWatch: ConsoleWatch = { errors: [] };
  const opened: UserPage[] = [];

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchChromium()]);
  });

  afterAll(async () => {
    for (const user of opened) await user.context.close();
    await browser?.close();
    await web?.close();
  });

  async function open(options: Parameters<typeof openAs>[3] = {}): Promise<Page> {
    const user = await openAs(browser, web.baseUrl, consoleWatch, options);
    opened.push(user);
    return user.page;
  }

  async function displayNameOf(login: string): Promise<string> {
    const me = await (await signIn(web.harness.app, login)).get('/api/auth/me').expect(200);
    return me.body.user.displayName as string;
  }

  /** Opens a case from the inbox, waiting for its task to be projected there. */
  async function openFromInbox(page: Page, title: string): Promise<void> {
    const link = page.getByRole('link', { name: title, exact: true });
    await reloadUntilVisible(page, link);
    await link.click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  async function approve(page: Page, comment: string): Promise<void> {
    const decision = page.locator('.action-form-primary');
    await decision.getByLabel('Komentar').fill(comment);
    await decision.getByRole('button', { name: 'Setujui' }).click();
    await page.getByRole('status').filter({ hasText: 'Tindakan tersimpan.' }).waitFor();
  }

  test('when a kepala OPD proposes, and BKPSDM then the Sekda approve in their browsers, then the initiator sees it approved with both decisions', async () => {
    const title = 'Usulan rotasi staf Dinas Kesehatan (e2e)';

    // The initiator signs in and starts a case.
    const kepala = await open();
    await kepala.getByRole('heading', { name: 'Masuk ke Alur' }).waitFor();
    await screenshot(kepala, '01-sign-in');
    await signInThroughPage(kepala, 'kepala.dinkes');
    const header = await textOf(kepala.locator('.site-header'));
    expect(header).toContain(await displayNameOf('kepala.dinkes'));
    expect(header).toContain('Kepala OPD');
    expect(header).toContain('Keluar');
    await kepala.locator('.health-ok').getByText('Sistem normal').waitFor();
    await screenshot(kepala, '02-inbox-kepala');

    await kepala.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Mulai kasus' }).click();
    await kepala.getByRole('heading', { name: 'Persetujuan umum' }).waitFor();
    expect(await textOf(kepala.locator('main'))).toContain('Usulan yang diverifikasi BKPSDM lalu diputuskan Sekretaris Daerah.');
    await screenshot(kepala, '03-start-processes');
    await kepala.getByRole('link', { name: 'Mulai: Persetujuan umum' }).click();
    await kepala.getByRole('heading', { name: 'Kasus baru: Persetujuan umum' }).waitFor();
    await kepala.getByLabel('Judul').fill(title);
    await kepala.getByLabel('Keterangan').fill('Penyegaran organisasi; staf telah 5 tahun di posisi yang sama.');
    await screenshot(kepala, '04-start-form');
    await kepala.getByRole('button', { name: 'Mulai kasus' }).click();

    await kepala.getByRole('heading', { name: title, level: 1 }).waitFor();
    const caseId = decodeURIComponent(new URL(kepala.url()).hash.replace('#/cases/', ''));
    expect(caseId).toMatch(new RegExp(`^${PROCESS}-`));
    // People by name, the login in the tooltip, once the page's one request for names has answered.
    const [kepalaName, mutasiName, sekdaName] = await Promise.all([displayNameOf('kepala.dinkes'), displayNameOf('bkpsdm.mutasi'), displayNameOf('sekda')]);
    await kepala.locator('.case-header .person-name[title="kepala.dinkes"]').getByText(kepalaName, { exact: true }).waitFor();
    const started = await textOf(kepala.locator('.case-header'));
    expect(started).toContain('Dalam proses');
    expect(started).toContain('Persetujuan umum (versi 1)');
    expect(started).toContain(kepalaName);
    expect(started).not.toContain('kepala.dinkes');
    expect(started).toContain('Penyegaran organisasi; staf telah 5 tahun di posisi yang sama.');
    await kepala.getByRole('heading', { name: 'Langkah saat ini: Verifikasi BKPSDM' }).waitFor();
    expect(await textOf(kepala.locator('.step-current'))).toContain('Verifikasi BKPSDM');
    const assignee = kepala.locator('.current-step .assignee .person-name');
    await assignee.getByText(mutasiName, { exact: true }).waitFor();
    expect(await assignee.getAttribute('title')).toBe('bkpsdm.mutasi');
    expect(await textOf(kepala.locator('.current-step'))).not.toContain('bkpsdm.mutasi');
    await kepala.locator('.timeline').getByText(`Ditugaskan kepada ${mutasiName}`).first().waitFor();
    expect(await textOf(kepala.locator('.timeline'))).not.toContain('bkpsdm.mutasi');
    // The initiator may withdraw or comment, never decide their own case.
    expect(await kepala.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    expect(await textOf(kepala.locator('.action-panel'))).toContain('Tarik kasus');
    await screenshot(kepala, '05-case-started');

    await kepala.getByRole('link', { name: 'Permintaan saya' }).click();
    await kepala.getByRole('heading', { name: 'Permintaan saya', level: 1 }).waitFor();
    const myRow = kepala.locator('.case-row').filter({ hasText: title });
    await myRow.waitFor();
    expect(await textOf(myRow)).toContain('Dalam proses');
    expect(await textOf(myRow)).toContain('Langkah saat ini: Verifikasi BKPSDM');
    await screenshot(kepala, '06-my-requests');

    // BKPSDM verifies, in a browser of its own.
    const mutasi = await open();
    await signInThroughPage(mutasi, 'bkpsdm.mutasi');
    const task = mutasi.locator('.task-row').filter({ hasText: title });
    await reloadUntilVisible(mutasi, task);
    // The process names arrive with the catalogue, a moment after the rows.
    await task.getByText('Persetujuan umum').waitFor();
    const taskText = await textOf(task);
    expect(taskText).toContain('Persetujuan umum');
    expect(taskText).toContain('Langkah: Verifikasi BKPSDM');
    // Three working days away: more than 24 hours, so on time.
    expect(taskText).toContain('Tepat waktu');
    expect(await textOf(mutasi.locator('.filter-chips'))).toMatch(/Persetujuan umum \(\d+\)/);
    await screenshot(mutasi, '07-inbox-bkpsdm');
    const nameRequests: string[] = [];
    mutasi.on('request', (r) => {
      if (r.url().includes('/api/users/names')) nameRequests.push(r.url());
    });
    await openFromInbox(mutasi, title);
    await mutasi.locator('.case-header .person-name[title="kepala.dinkes"]').waitFor();
    await mutasi.locator('.current-step .person-name[title="bkpsdm.mutasi"]').waitFor();
    await mutasi.locator('.timeline .timeline-actor[title="kepala.dinkes"]').getByText(`oleh ${kepalaName}`).first().waitFor();
    // One request named everyone the case page shows.
    expect(nameRequests).toHaveLength(1);
    expect(new URL(nameRequests[0] ?? '').searchParams.getAll('login').sort()).toEqual(['bkpsdm.mutasi', 'kepala.dinkes']);
    await screenshot(mutasi, '08-case-bkpsdm-before');
    // The delegate picker suggests people by name and says whom the typed login names.
    const delegate = mutasi.locator('details.action-form').filter({ hasText: 'Delegasikan tugas' });
    await delegate.locator('summary').click();
    const delegateTo = delegate.getByLabel('Delegasikan kepada');
    await delegateTo.fill('sekda');
    await delegate.getByText(`Terpilih: ${sekdaName} (sekda)`).waitFor();
    expect(await delegate.locator('datalist option[value="sekda"]').getAttribute('label')).toBe(sekdaName);
    await delegateTo.fill('');
    await delegate.locator('summary').click();
    await approve(mutasi, 'Berkas lengkap; memenuhi syarat.');
    await mutasi.getByRole('heading', { name: 'Langkah saat ini: Keputusan Sekda' }).waitFor();
    expect(await textOf(mutasi.locator('.action-panel'))).not.toContain('Setujui');

    // The Sekda decides.
    const sekda = await open();
    await signInThroughPage(sekda, 'sekda');
    await openFromInbox(sekda, title);
    await approve(sekda, 'Disetujui, silakan dilanjutkan.');
    await sekda.locator('.case-header').getByText('Disetujui', { exact: true }).waitFor();
    await screenshot(sekda, '09-case-sekda-approved');

    // The initiator sees the outcome in the list and on the case.
    await kepala.reload();
    const approvedRow = kepala.locator('.case-row').filter({ hasText: title });
    await approvedRow.getByText('Disetujui', { exact: true }).waitFor();
    await screenshot(kepala, '10-my-requests-approved');
    await approvedRow.getByRole('link', { name: title }).click();
    await kepala.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await textOf(kepala.locator('.case-header'))).toContain('Disetujui');
    const timeline = kepala.locator('.timeline');
    const decisions = timeline.locator('[data-event-type="step.decided"]');
    await decisions.nth(1).waitFor();
    expect(await decisions.count()).toBe(2);
    await timeline.getByText(`oleh ${sekdaName}`).first().waitFor();
    const first = await textOf(decisions.nth(0));
    expect(first).toContain('Keputusan pada "Verifikasi BKPSDM": Disetujui');
    expect(first).toContain(`oleh ${mutasiName}`);
    expect(first).toContain('Berkas lengkap; memenuhi syarat.');
    const second = await textOf(decisions.nth(1));
    expect(second).toContain('Keputusan pada "Keputusan Sekda": Disetujui');
    expect(second).toContain(`oleh ${sekdaName}`);
    expect(second).toContain('Disetujui, silakan dilanjutkan.');
    const all = await textOf(timeline);
    expect(all).toContain('Kasus dimulai');
    expect(all).toContain(`Ditugaskan kepada ${mutasiName}`);
    expect(all).toContain(`Ditugaskan kepada ${sekdaName}`);
    expect(all).not.toMatch(/kepala\.dinkes|bkpsdm\.mutasi|oleh sekda\b/);
    expect(all).toContain('Kasus selesai: Disetujui');
    expect(await textOf(kepala.locator('.case-steps .step-done').first())).toContain('Verifikasi BKPSDM');
    expect(await textOf(kepala.locator('.action-panel'))).toContain('Tidak ada tindakan yang dapat Anda lakukan');
    await screenshot(kepala, '11-case-approved-initiator');
  });

  test('when BKPSDM returns a case without a reason, then the refusal shows next to the reason; with one, the initiator can revise', async () => {
    const title = 'Usulan tanpa alasan pengembalian (e2e)';
    const initiator = await signIn(web.harness.app, 'kepala.dinkes');
    const created = await initiator
      .post(`/api/processes/${PROCESS}/cases`)
      .set('Idempotency-Key', `e2e-${Date.now()}`)
      .send({ title, data: { keterangan: 'Draf pertama.' } })
      .expect(201);

    const mutasi = await open();
    await signInThroughPage(mutasi, 'bkpsdm.mutasi');
    await openFromInbox(mutasi, title);

    const returnForm = mutasi.locator('details.action-form').filter({ hasText: 'Kembalikan untuk revisi' });
    await returnForm.locator('summary').click();
    expect(await returnForm.getByLabel('Kembalikan kepada').inputValue()).toBe('initiator');
    await returnForm.getByRole('button', { name: 'Kembalikan', exact: true }).click();

    const reason = returnForm.getByLabel('Alasan');
    await mutasi.locator('.notice-error').getByText('Tindakan tidak diterima').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    const errorId = await reason.getAttribute('aria-describedby');
    expect(errorId).toBeTruthy();
    expect(await textOf(mutasi.locator(`[id="${errorId}"]`))).toBe('Wajib diisi.');
    // The message sits in a live region, so screen readers announce it.
    expect(await mutasi.locator('.action-panel [aria-live="assertive"]').innerText()).toContain('Beberapa isian belum benar.');
    // Nothing changed on the case.
    expect(await textOf(mutasi.locator('.current-step'))).toContain('Verifikasi BKPSDM');
    await screenshot(mutasi, '12-return-without-reason');

    await reason.fill('Lampirkan analisis jabatan.');
    await returnForm.getByRole('button', { name: 'Kembalikan', exact: true }).click();
    await mutasi.getByRole('heading', { name: 'Langkah saat ini: Dikembalikan kepada pengusul untuk direvisi' }).waitFor();
    expect(await textOf(mutasi.locator('.timeline'))).toContain('Dikembalikan kepada pengusul untuk revisi');

    const kepala = await open();
    await signInThroughPage(kepala, 'kepala.dinkes');
    await kepala.goto(`${web.baseUrl}/#/cases/${encodeURIComponent(created.body.id as string)}`);
    await kepala.getByRole('heading', { name: 'Ajukan kembali' }).waitFor();
    expect(await kepala.getByLabel('Keterangan').inputValue()).toBe('Draf pertama.');
    expect(await textOf(kepala.locator('.timeline'))).toContain('Lampirkan analisis jabatan.');
    await screenshot(kepala, '13-revision-initiator');
  });

  test('when the step was decided in another tab first, then the refusal stays visible and the page shows the case as it is now', async () => {
    const title = 'Usulan yang diputuskan di tab lain (e2e)';
    const initiator = await signIn(web.harness.app, 'kepala.dinkes');
    const created = await initiator
      .post(`/api/processes/${PROCESS}/cases`)
      .set('Idempotency-Key', `e2e-${Date.now()}`)
      .send({ title, data: {} })
      .expect(201);
    const caseId = created.body.id as string;

    const mutasi = await open();
    await signInThroughPage(mutasi, 'bkpsdm.mutasi');
    await openFromInbox(mutasi, title);

    const otherTab = await signIn(web.harness.app, 'bkpsdm.mutasi');
    await otherTab
      .post(`/api/cases/${encodeURIComponent(caseId)}/actions/approve`)
      .set('Idempotency-Key', `e2e-other-tab-${Date.now()}`)
      .send({ stepId: 'verifikasi', comment: 'Dari tab lain.' })
      .expect(200);

    const decision = mutasi.locator('.action-form-primary');
    await decision.getByLabel('Komentar').fill('Terlambat sedetik.');
    await decision.getByRole('button', { name: 'Setujui' }).click();

    const refusal = mutasi.locator('.notice-error');
    await refusal.getByText('Tindakan tidak diterima').waitFor();
    await mutasi.getByRole('heading', { name: 'Langkah saat ini: Keputusan Sekda' }).waitFor();
    await mutasi.getByRole('status').filter({ hasText: 'Kasus telah dimuat ulang' }).waitFor();
    // Still there after the reload, so the person learns why nothing happened.
    expect(await textOf(refusal)).toMatch(/Langkah ini (sudah diputuskan|bukan langkah yang sedang berjalan)/);
    expect(await mutasi.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    await screenshot(mutasi, '13b-conflict-reloaded');
  });

  test('when the language is switched, then the texts change to English and back, and the choice survives a reload', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in to Alur' }).waitFor();
    expect(await textOf(page.locator('form'))).toContain('User name');
    await screenshot(page, '14-sign-in-en');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await signInThroughPage(page, 'sekda');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    const nav = await textOf(page.getByRole('navigation', { name: 'Main menu' }));
    expect(nav).toContain('My requests');
    expect(nav).toContain('Start a case');
    expect(await textOf(page.locator('.site-header'))).toContain('Regional Secretary');
    expect(await textOf(page.locator('.site-header'))).toContain('Sign out');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await screenshot(page, '15-inbox-en');

    // Process names and descriptions come from the API in both languages.
    await page.getByRole('link', { name: 'Start a case' }).click();
    await page.getByRole('heading', { name: 'Start a case', level: 1 }).waitFor();
    const english = await textOf(page.locator('main'));
    expect(english).toContain('General approval');
    expect(english).toContain('version 1');
    expect(english).toContain('A proposal verified by BKPSDM, then decided by the Regional Secretary.');
    await screenshot(page, '16-start-en');

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Mulai kasus', level: 1 }).waitFor();
    const indonesian = await textOf(page.locator('main'));
    expect(indonesian).toContain('Persetujuan umum');
    expect(indonesian).toContain('versi 1');
    expect(indonesian).not.toContain('General approval');
    await page.getByRole('link', { name: 'Kotak masuk' }).click();
    await page.getByRole('heading', { name: 'Kotak masuk', level: 1 }).waitFor();
  });

  test('when a case is opened at 375 px in English, then it reads without sideways scrolling', async () => {
    const page = await open({ viewport: { width: 375, height: 812 } });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('User name').fill('bkpsdm.mutasi');
    await page.getByLabel('Password').fill('alur-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'My requests' }).waitFor();

    const involved = await (await signIn(web.harness.app, 'bkpsdm.mutasi')).get('/api/cases?scope=involved').expect(200);
    const approved = (involved.body.items as Array<{ id: string; status: string }>).find((c) => c.status === 'approved');
    expect(approved).toBeDefined();
    await page.goto(`${web.baseUrl}/#/cases/${encodeURIComponent(approved!.id)}`);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const timeline = await textOf(page.locator('.timeline'));
    expect(timeline).toContain('Decision on "BKPSDM verification": Approved');
    expect(timeline).toContain('Case closed: Approved');
    expect(await textOf(page.locator('.case-header'))).toContain('General approval (version 1)');
    // Runs in the page; the root tsconfig has no DOM types, so the page's globals are reached by name.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '17-case-mobile-en');
  });

  test('when an administrator mistypes the password, then signs in and opens a case, then the error is shown and the case links to the Temporal UI', async () => {
    const page = await open();
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill('salah');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    const alert = page.locator('[aria-live="assertive"]');
    await alert.getByText('Nama pengguna atau kata sandi salah.').waitFor();
    expect(await textOf(alert)).toContain('Tidak dapat masuk');
    await screenshot(page, '18-sign-in-error');

    await signInThroughPage(page, 'admin');
    expect(await textOf(page.locator('.site-header'))).toContain('Administrator Alur');
    const all = await (await signIn(web.harness.app, 'admin')).get('/api/cases').expect(200);
    const someCase = (all.body.items as Array<{ id: string; title: string }>)[0];
    expect(someCase).toBeDefined();
    await page.goto(`${web.baseUrl}/#/cases/${encodeURIComponent(someCase!.id)}`);
    const link = page.getByRole('link', { name: 'Buka kasus ini di Temporal UI' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`http://localhost:8233/namespaces/default/workflows/${encodeURIComponent(someCase!.id)}`);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk ke Alur' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Masuk ke Alur' }).waitFor();
  });

  test('when a browser loads the app, then the page is checked each visit and its scripts come compressed and are kept for a year', async () => {
    const page = await fetch(`${web.baseUrl}/`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toEqual(expect.stringMatching(/^\/assets\/.+-[\w-]{8,}\.js$/));
    const asset = await fetch(`${web.baseUrl}${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await asset.text()).length).toBeGreaterThan(1000);
  });

  test('then no page logged a console error', () => {
    expect(consoleWatch.errors).toEqual([]);
  });
});
