import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { OrgUnit } from '../../db';
import { eventually, signIn } from '../integration/harness';
import {
  launchChromium,
  openAs,
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

interface DashboardBody {
  openCases: { total: number; byProcess: Array<{ process: string; count: number }> };
  cycleTime: { processes: Array<{ process: string; count: number }> };
  jp: { summary: { employees: number; below: number } };
}

describe('the dashboard in headless Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  const consoleWatch: ConsoleWatch = { errors: [] };
  const opened: UserPage[] = [];
  let dinkesName: string;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchChromium()]);
    dinkesName = (await web.harness.db.em().findOneOrFail(OrgUnit, { code: 'DINKES' })).name;

    // Two cases of the Dinas Kesehatan: one still open, one approved by BKPSDM and the Sekda.
    const kepala = await signIn(web.harness.app, 'kepala.dinkes');
    const mutasi = await signIn(web.harness.app, 'bkpsdm.mutasi');
    const sekda = await signIn(web.harness.app, 'sekda');
    const start = async (title: string) =>
      (await kepala.post(`/api/processes/${PROCESS}/cases`).set('Idempotency-Key', randomUUID()).send({ title, data: {} }).expect(201)).body.id as string;
    await start('Usulan yang masih berjalan (dasbor e2e)');
    const done = await start('Usulan yang sudah diputus (dasbor e2e)');
    await mutasi.post(`/api/cases/${done}/actions/approve`).send({ stepId: 'verifikasi' }).expect(200);
    await sekda.post(`/api/cases/${done}/actions/approve`).send({ stepId: 'keputusan' }).expect(200);
    await eventually(async () => ((await dashboardAs('admin')).cycleTime.processes.some((p) => p.process === PROCESS) ? true : undefined));
  });

  afterAll(async () => {
    for (const user of opened) await user.context.close();
    await browser?.close();
    await web?.close();
  });

  async function dashboardAs(login: string): Promise<DashboardBody> {
    return (await (await signIn(web.harness.app, login)).get('/api/dashboard').expect(200)).body as DashboardBody;
  }

  async function open(options: Parameters<typeof openAs>[3] = {}): Promise<Page> {
    const user = await openAs(browser, web.baseUrl, consoleWatch, options);
    opened.push(user);
    return user.page;
  }

  /** The value shown in the summary tile with this label. */
  async function tile(page: Page, label: string): Promise<string> {
    return textOf(page.locator('.stat-tile').filter({ has: page.getByText(label, { exact: true }) }).locator('dd'));
  }

  test('when an administrator opens the dashboard, then the figures of the API show as charts with tables, and the JP report pages through the employees', async () => {
    const expected = await dashboardAs('admin');
    const page = await open();
    await signInThroughPage(page, 'admin');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Dasbor' }).click();
    await page.getByRole('heading', { name: 'Dasbor', level: 1 }).waitFor();
    await page.locator('.stat-tile').first().waitFor();
    expect(await textOf(page.locator('main'))).toContain('Seluruh unit kerja pemerintah daerah.');
    expect(await tile(page, 'Kasus terbuka')).toBe(String(expected.openCases.total));
    expect(await tile(page, 'Kasus selesai dalam periode')).toBe(String(expected.cycleTime.processes.reduce((n, p) => n + p.count, 0)));

    // Open cases per process: the row's label, and its bar's value for screen readers.
    const openSection = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Kasus terbuka', level: 2 }) });
    const byProcess = openSection.getByRole('figure', { name: 'Menurut proses' });
    const row = byProcess.locator('.bar-rows li').filter({ hasText: 'Persetujuan umum' });
    const openGeneral = expected.openCases.byProcess.find((p) => p.process === PROCESS)?.count;
    expect(await row.getByRole('img').getAttribute('aria-label')).toBe(String(openGeneral));
    expect(await textOf(openSection.getByRole('figure', { name: 'Menurut perangkat daerah' }))).toContain(dinkesName);
    // Every chart is also a table.
    await byProcess.getByText('Tampilkan sebagai tabel').click();
    const table = byProcess.getByRole('table');
    expect(await textOf(table.getByRole('row').filter({ hasText: 'Persetujuan umum' }))).toBe(`Persetujuan umum ${openGeneral}`);

    const cycle = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Waktu penyelesaian', level: 2 }) });
    expect(await textOf(cycle)).toContain('Persetujuan umum (1 kasus)');
    expect(await textOf(cycle)).toContain('Verifikasi BKPSDM (1 kali)');
    const histogram = cycle.getByRole('img', { name: 'Sebaran lama penyelesaian (hari): Persetujuan umum' });
    expect(await histogram.getAttribute('aria-describedby')).toBeTruthy();
    expect(await textOf(page.locator('section').filter({ has: page.getByRole('heading', { name: /Hak 20 JP/ }) }))).toContain(
      `dari ${expected.jp.summary.employees.toLocaleString('id-ID')}) telah memenuhi 20 JP`,
    );
    expect(await textOf(page.locator('main'))).toContain('Indeks kepuasan masyarakat (IKM)');
    await screenshot(page, 'dashboard-01-admin');

    // The 20-JP report, from the dashboard.
    await page.getByRole('link', { name: 'Buka laporan 20 JP' }).click();
    await page.getByRole('heading', { name: 'Laporan 20 JP', level: 1 }).waitFor();
    const list = page.getByRole('table', { name: /Pegawai di bawah 20 JP/ });
    await list.waitFor();
    const below = expected.jp.summary.below;
    expect(below).toBeGreaterThan(20);
    expect(await list.locator('tbody tr').count()).toBe(20);
    const pager = page.getByRole('navigation', { name: 'Halaman daftar pegawai' });
    expect(await textOf(pager)).toContain(`1–20 dari ${below.toLocaleString('id-ID')}`);
    const firstName = await textOf(list.locator('tbody tr').first().locator('th'));
    await pager.getByRole('button', { name: 'Berikutnya' }).click();
    await pager.getByText(`21–40 dari ${below.toLocaleString('id-ID')}`).waitFor();
    expect(await textOf(list.locator('tbody tr').first().locator('th'))).not.toBe(firstName);
    await screenshot(page, 'dashboard-02-jp-report');

    // Only one OPD.
    await page.getByLabel('Perangkat daerah', { exact: true }).selectOption({ label: dinkesName });
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByRole('figure', { name: 'Kepatuhan menurut perangkat daerah' }).locator('.bar-rows li').first().waitFor();
    await eventually(async () => ((await page.locator('.bar-rows li').count()) === 1 ? true : undefined));
    expect(await textOf(page.locator('.bar-rows li'))).toContain(dinkesName);
    for (const opd of await list.locator('tbody tr td:nth-child(3)').allInnerTexts()) expect(opd).toBe(dinkesName);
    await screenshot(page, 'dashboard-03-jp-report-dinkes');
  });

  test('when the Sekda opens the dashboard on a phone in English, then it reads without sideways scrolling', async () => {
    const page = await open({ viewport: { width: 375, height: 812 } });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('User name').fill('sekda');
    await page.getByLabel('Password').fill('alur-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.locator('.stat-tile').first().waitFor();
    expect(await textOf(page.locator('main'))).toContain('Every unit of the regional government.');
    await page.getByRole('heading', { name: 'Cycle time' }).waitFor();
    await page.getByRole('figure', { name: 'By process' }).first().waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-04-sekda-mobile-en');
  });

  test('when a kepala OPD opens it, then only their unit is shown; a feedback officer has no dashboard', async () => {
    const page = await open();
    await signInThroughPage(page, 'kepala.dinkes');
    await page.getByRole('link', { name: 'Dasbor' }).click();
    await page.getByText(`Unit kerja ${dinkesName} beserta unit di bawahnya.`).waitFor();
    await page.locator('.stat-tile').first().waitFor();
    const opds = await page.getByRole('figure', { name: 'Menurut perangkat daerah' }).first().locator('.bar-label').allInnerTexts();
    expect(opds).toEqual([dinkesName]);
    await screenshot(page, 'dashboard-05-kepala-dinkes');

    const officer = await open();
    await signInThroughPage(officer, 'pengaduan.dinkes');
    expect(await officer.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Dasbor' }).count()).toBe(0);
    await officer.goto(`${web.baseUrl}/#/dashboard`);
    await officer.getByText('Dasbor hanya untuk pimpinan, BKPSDM, bagian pengawasan dan kepala OPD.').waitFor();
  });

  test('then no page logged a console error', () => {
    expect(consoleWatch.errors).toEqual([]);
  });
});
