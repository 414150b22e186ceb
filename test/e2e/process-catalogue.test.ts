import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { eventually, signIn } from '../integration/harness';
import {
  EXPECTED_REFUSALS, launchChromium, screenshot, SCREENSHOT_DIR, signInThroughPage, startWebApp, textOf, watchConsole, type ConsoleWatch, type WebApp,
} from './browser';

jest.setTimeout(240_000);

const PROCESS = 'rotasi-jabatan';
const ROTATION_NAME = 'Rotasi / mutasi / promosi jabatan';
const NEW_DESCRIPTION = 'Usulan pemindahan atau promosi jabatan (versi katalog e2e).';
const DAY_MS = 86_400_000;

describe('process catalogue in headless Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  const consoleWatch: ConsoleWatch = { errors: [] };

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function openAs(login: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    // The definition with an error is refused on purpose by the dry run.
    watchConsole(page, [...EXPECTED_REFUSALS, { status: 422, path: /\/api\/processes\?dryRun=true$/ }], consoleWatch);
    await page.goto(web.baseUrl);
    await signInThroughPage(page, login);
    return page;
  }

  /** Opens "Mulai kasus" from the menu, as a person would (no reload), and returns the rotation's card. */
  async function openStartPage(page: Page) {
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Mulai kasus' }).click();
    await page.getByRole('heading', { name: 'Mulai kasus', level: 1 }).waitFor();
    return page.locator('.process-card').filter({ has: page.getByRole('heading', { name: ROTATION_NAME }) });
  }

  test('when an administrator changes a deadline, sees a problem, fixes it and publishes, then the list shows the new version, a kepala OPD\'s open app starts it, and new cases get the new deadline', async () => {
    // A kepala OPD has the app open in another browser, and has seen version 1 of the rotation's start form.
    const kepalaPage = await openAs('kepala.dinkes');
    const before = await openStartPage(kepalaPage);
    await before.getByText('versi 1', { exact: true }).waitFor();
    await before.getByRole('link', { name: `Mulai: ${ROTATION_NAME}` }).click();
    await kepalaPage.locator('.start-form-version').getByText('versi 1', { exact: true }).waitFor();

    const page = await openAs('admin');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Proses' }).click();
    await page.getByRole('heading', { name: 'Proses', level: 1 }).waitFor();
    const card = page.locator(`.process-list > li[data-process="${PROCESS}"]`);
    expect(await textOf(card.locator('.process-version'))).toBe('Versi 1');
    await screenshot(page, 'processes-01-list');

    // The diagram and its text alternative.
    await card.getByRole('link').click();
    const diagram = page.getByRole('img', { name: /Diagram alur Rotasi/ });
    await diagram.waitFor();
    const svgText = await diagram.textContent();
    for (const name of ['Verifikasi BKPSDM', 'Pelantikan', 'Keputusan Wali Kota (PPK) (Persetujuan)', 'Ditolak (Selesai · ditolak)']) expect(svgText).toContain(name);
    expect(await page.locator('.diagram-link-return').count()).toBeGreaterThan(0);
    const steps = page.locator('.process-step-list');
    const verification = await textOf(steps.locator('li[data-step="verifikasi-bkpsdm"]'));
    expect(verification).toContain('Tenggat 5 hari kerja');
    expect(verification).toContain('disetujui → Syarat terpenuhi atau ada alasan pengecualian');
    expect(verification).toContain('dikembalikan ke → pengusul');
    await screenshot(page, 'processes-02-diagram');
    await page.locator('.process-diagram-scroll').screenshot({ path: path.join(SCREENSHOT_DIR, 'processes-02-diagram-only.png') });

    // The structured editor: a new deadline, then a reminder longer than it.
    const editor = page.locator('.step-editor');
    expect(await editor.getByLabel('Langkah yang diubah', { exact: true }).inputValue()).toBe('verifikasi-bkpsdm');
    await editor.getByLabel('Tenggat — Satuan', { exact: true }).selectOption('calendarDays');
    await editor.getByLabel('Tenggat — Jumlah', { exact: true }).fill('12');
    await editor.getByLabel('Pengingat 1: sebelum tenggat — Satuan').selectOption('calendarDays');
    await editor.getByLabel('Pengingat 1: sebelum tenggat — Jumlah').fill('20');
    expect(JSON.parse(await page.getByRole('textbox', { name: 'JSON definisi' }).inputValue())).toMatchObject({
      steps: expect.arrayContaining([expect.objectContaining({ id: 'verifikasi-bkpsdm', deadline: { calendarDays: 12 }, reminders: [{ before: { calendarDays: 20 } }] })]),
    });
    await page.getByRole('button', { name: 'Periksa' }).click();
    const reminderError = editor.locator('.step-editor-row .field-error');
    await reminderError.waitFor();
    expect(await textOf(reminderError)).toContain('harus lebih singkat dari tenggat langkah (12 hari kalender)');
    expect(await textOf(page.locator('.process-problems'))).toContain('/steps/1/reminders/0/before');
    await screenshot(page, 'processes-03-problem');

    // Fixed, and the description reworded in the JSON; validated, published.
    await editor.getByLabel('Pengingat 1: sebelum tenggat — Jumlah').fill('2');
    const json = page.getByRole('textbox', { name: 'JSON definisi' });
    const edited = JSON.parse(await json.inputValue()) as { description: { id: string; en: string } };
    edited.description.id = NEW_DESCRIPTION;
    await json.fill(JSON.stringify(edited, null, 2));
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByText('Definisi sah dan siap diterbitkan.').waitFor();
    await page.getByLabel('Catatan perubahan').fill('Tenggat verifikasi 12 hari kalender');
    await page.getByRole('button', { name: 'Terbitkan versi baru' }).click();
    await page.getByText('Versi 2 terbit.').waitFor();
    expect(await textOf(page.locator('.process-step-list li[data-step="verifikasi-bkpsdm"]'))).toContain('Tenggat 12 hari kalender');
    await screenshot(page, 'processes-04-published');

    await page.getByRole('link', { name: /Semua proses/ }).click();
    await page.locator(`.process-list > li[data-process="${PROCESS}"] .process-version`).getByText('Versi 2').waitFor();

    // Without a reload, the kepala OPD's start page and start form are those of version 2.
    const after = await openStartPage(kepalaPage);
    await after.getByText('versi 2', { exact: true }).waitFor();
    expect(await textOf(after)).toContain(NEW_DESCRIPTION);
    await after.getByRole('link', { name: `Mulai: ${ROTATION_NAME}` }).click();
    await kepalaPage.locator('.start-form-version').getByText('versi 2', { exact: true }).waitFor();
    expect(await textOf(kepalaPage.locator('form'))).toContain(NEW_DESCRIPTION);
    await screenshot(kepalaPage, 'processes-05-start-form-new-version');

    // A new case runs on version 2: its verification is due in 12 calendar days.
    const kepala = await signIn(web.harness.app, 'kepala.dinkes');
    const candidates = await kepala.get('/api/rotation/candidates?positionId=104&limit=1').expect(200);
    const employee = (candidates.body.items as Array<{ employee: { nip: string; unit: { id: number } } }>)[0]?.employee;
    if (!employee) throw new Error('the demo registry has no rotation candidate');
    const started = await kepala.post(`/api/processes/${PROCESS}/cases`).set('Idempotency-Key', 'e2e-catalogue').send({
      title: 'Usulan rotasi (katalog proses e2e)',
      data: { employeeNip: employee.nip, currentUnitId: employee.unit.id, targetPositionId: 104, reason: 'rotasi', justification: 'Penyegaran organisasi dan pemenuhan kebutuhan jabatan.' },
    });
    expect([201, 202]).toContain(started.status);
    const admin = await signIn(web.harness.app, 'admin');
    const current = await eventually(async () => {
      const read = await admin.get(`/api/cases/${started.body.id as string}`).expect(200);
      const body = read.body as { processVersion?: number; current?: { stepId: string; startedAt: string; deadline?: string } };
      return body.current?.stepId === 'verifikasi-bkpsdm' && body.current.deadline ? body.current : undefined;
    });
    const days = (Date.parse(current.deadline ?? '') - Date.parse(current.startedAt)) / DAY_MS;
    expect(days).toBeGreaterThan(11.5);
    expect(days).toBeLessThan(13.1);

    expect(consoleWatch.errors).toEqual([]);
  });
});
