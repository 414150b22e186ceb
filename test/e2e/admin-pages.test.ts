import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadRegistryCalendar } from '../../activities';
import { wibDay } from '../../activities/wib-day';
import { CalendarDay, User } from '../../db';
import {
  EXPECTED_REFUSALS, launchChromium, screenshot, signInThroughPage, startWebApp, textOf, watchConsole, type ConsoleWatch, type WebApp,
} from './browser';

jest.setTimeout(240_000);

/** The refusals these pages provoke on purpose: field errors the server answers with 422. */
const ADMIN_REFUSALS = [...EXPECTED_REFUSALS, { status: 422, path: /\/api\/admin\// }, { status: 422, path: /\/api\/me\/absence$/ }];
const PHONE = { width: 390, height: 844 };

describe('administration pages in headless Chromium', () => {
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

  async function open(login: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'id-ID' });
    contexts.push(context);
    const page = await context.newPage();
    watchConsole(page, ADMIN_REFUSALS, consoleWatch);
    await page.goto(web.baseUrl);
    await signInThroughPage(page, login);
    return page;
  }

  /** Nothing sticks out sideways: the page is usable at this width without horizontal scrolling. */
  async function expectNoSidewaysScroll(page: Page): Promise<void> {
    const overflow = await (page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>);
    expect(overflow).toBeLessThanOrEqual(0);
  }

  test('when an administrator creates a user, sets their absence with a substitute and adds a holiday, then each is saved and errors show beside their fields', async () => {
    const admin = await open('admin');
    const nav = admin.getByRole('navigation', { name: 'Menu utama' });

    // Users and roles: a refused first try, then the user is created.
    await nav.getByRole('link', { name: 'Pengguna' }).click();
    await admin.getByRole('heading', { name: 'Pengguna dan peran', level: 1 }).waitFor();
    await admin.getByText('Tambah pengguna', { exact: true }).click();
    const form = admin.getByRole('form', { name: 'Tambah pengguna' });
    await form.getByLabel('Nama pengguna (login)').fill('e2e.petugas');
    await form.getByLabel('Nama tampilan').fill('Petugas Uji E2E');
    await form.getByLabel('Kata sandi awal').fill('pendek');
    await form.getByLabel('Kepala OPD').check();
    await form.getByRole('button', { name: 'Buat pengguna' }).click();
    const passwordError = form.locator('.field', { has: admin.getByLabel('Kata sandi awal') }).locator('.field-error');
    await passwordError.waitFor();
    expect(await textOf(passwordError)).toBe('Kata sandi paling sedikit 10 dan paling banyak 200 karakter.');
    expect(await form.getByLabel('Unit kerja (lingkup peran)').getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(form.locator('.field', { has: admin.getByLabel('Unit kerja (lingkup peran)') }))).toContain('hanya berlaku untuk satu unit kerja');
    await screenshot(admin, 'admin-01-user-errors');

    await form.getByLabel('Kata sandi awal').fill('sandi-awal-yang-panjang');
    await form.getByLabel('Kepala OPD').uncheck();
    await form.getByLabel('Inspektorat').check();
    await form.getByRole('button', { name: 'Buat pengguna' }).click();
    await form.getByText('Pengguna e2e.petugas dibuat.').waitFor();
    const card = admin.locator('.admin-list > li').filter({ hasText: '(e2e.petugas)' });
    await card.waitFor();
    expect(await textOf(card)).toContain('Inspektorat');
    const stored = await web.harness.db.em().findOneOrFail(User, { login: 'e2e.petugas' });
    expect(stored).toMatchObject({ displayName: 'Petugas Uji E2E', roles: ['inspektorat'], active: true, updatedBy: 'admin' });
    await screenshot(admin, 'admin-02-user-created');

    // The new user's absence, with the Inspektorat account standing in.
    await card.getByRole('button', { name: 'Ubah Petugas Uji E2E' }).click();
    const start = wibDay(new Date());
    const end = wibDay(new Date(Date.now() + 5 * 86_400_000));
    await card.getByLabel('Mulai (hari pertama tidak hadir)').fill(start);
    await card.getByLabel('Sampai dengan (hari terakhir tidak hadir)').fill(end);
    await card.getByLabel('Cari pengganti').fill('inspektorat');
    const substitute = card.getByLabel('Pengganti', { exact: true });
    const option = substitute.locator('option', { hasText: '(inspektorat)' });
    await option.waitFor({ state: 'attached' });
    await substitute.selectOption(await option.getAttribute('value'));
    await card.getByRole('button', { name: 'Simpan ketidakhadiran' }).click();
    await card.getByText('Ketidakhadiran tersimpan.').waitFor();
    const inspektorat = await web.harness.db.em().findOneOrFail(User, { login: 'inspektorat' });
    expect(await web.harness.db.em().findOneOrFail(User, { login: 'e2e.petugas' })).toMatchObject({
      absenceStart: start, absenceEnd: end, substituteUserId: inspektorat.id,
    });
    expect(await textOf(card)).toContain(`diteruskan kepada: ${inspektorat.displayName}`);
    await screenshot(admin, 'admin-03-absence-set');

    // The calendar: weekends are automatic; a cuti bersama on a Saturday is refused beside the date.
    await nav.getByRole('link', { name: 'Kalender kerja' }).click();
    await admin.getByRole('heading', { name: 'Kalender hari kerja', level: 1 }).waitFor();
    await admin.getByText(/Sabtu dan Minggu otomatis bukan hari kerja/).waitFor();
    const addDay = admin.getByRole('form', { name: 'Tambah hari' });
    await addDay.getByLabel('Tanggal').fill('2026-12-26');
    await addDay.getByLabel('Jenis').selectOption('CUTI_BERSAMA');
    await addDay.getByLabel('Keterangan (Bahasa Indonesia)').fill('Cuti bersama uji');
    await addDay.getByRole('button', { name: 'Tambah ke kalender' }).click();
    const dateField = addDay.locator('.field', { has: admin.getByLabel('Tanggal') });
    await dateField.locator('.field-error').waitFor();
    expect(await textOf(dateField.locator('.field-error'))).toMatch(/^Tanggal ini hari Sabtu atau Minggu/);
    await screenshot(admin, 'admin-04-calendar-error');

    await addDay.getByLabel('Tanggal').fill('2026-12-28');
    await addDay.getByLabel('Jenis').selectOption('NATIONAL_HOLIDAY');
    await addDay.getByLabel('Keterangan (Bahasa Indonesia)').fill('Libur daerah uji');
    await addDay.getByRole('button', { name: 'Tambah ke kalender' }).click();
    await admin.getByText('Senin, 28 Desember ditambahkan.').waitFor();
    const row = admin.locator('.admin-days > li').filter({ hasText: 'Libur daerah uji' });
    expect(await textOf(row)).toContain('Libur nasional');
    expect(await web.harness.db.em().findOne(CalendarDay, { date: '2026-12-28' })).toMatchObject({ kind: 'NATIONAL_HOLIDAY', nameId: 'Libur daerah uji', updatedBy: 'admin' });
    expect((await loadRegistryCalendar(web.harness.db)).holidays).toContain('2026-12-28');
    await screenshot(admin, 'admin-05-calendar-added');

    // Election-freeze periods: one added, shown with its legal basis.
    await nav.getByRole('link', { name: 'Masa larangan' }).click();
    await admin.getByRole('heading', { name: /Masa larangan penggantian pejabat/, level: 1 }).waitFor();
    const addPeriod = admin.getByRole('form', { name: 'Masa larangan baru' });
    await addPeriod.getByLabel('Mulai').fill('2029-03-01');
    await addPeriod.getByLabel('Selesai').fill('2029-12-31');
    await addPeriod.getByLabel('Alasan dan dasar hukum').fill('Enam bulan sebelum penetapan pasangan calon Pilkada 2029 (UU 10/2016 pasal 71).');
    await addPeriod.getByRole('button', { name: 'Tambah masa larangan' }).click();
    await admin.getByText(/^Masa larangan 1 Mar 2029 – 31 Des 2029 ditambahkan\.$/).waitFor();
    await screenshot(admin, 'admin-06-election-freeze');

    expect(consoleWatch.errors).toEqual([]);
  });

  test('when an officer opens the app on a phone, then only their own absence page is offered, and it works at that width', async () => {
    const kepala = await open('kepala.dinkes', PHONE);
    const nav = kepala.getByRole('navigation', { name: 'Menu utama' });
    expect(await nav.getByRole('link', { name: 'Pengguna' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Kalender kerja' }).count()).toBe(0);
    await kepala.goto(`${web.baseUrl}/#/admin/users`);
    await kepala.getByText('Halaman ini hanya untuk administrator.').waitFor();

    await nav.getByRole('link', { name: 'Ketidakhadiran' }).click();
    await kepala.getByRole('heading', { name: 'Ketidakhadiran dan pengganti', level: 1 }).waitFor();
    await kepala.getByText('Tidak ada ketidakhadiran yang tercatat.').waitFor();
    // No substitute chosen: the server's refusal sits beside the select.
    await kepala.getByLabel('Sampai dengan (hari terakhir tidak hadir)').fill(wibDay(new Date(Date.now() + 3 * 86_400_000)));
    await kepala.getByRole('button', { name: 'Simpan ketidakhadiran' }).click();
    const substitute = kepala.getByLabel('Pengganti', { exact: true });
    await kepala.locator('.field', { has: substitute }).locator('.field-error').getByText('Wajib diisi.').waitFor();
    expect(await substitute.getAttribute('aria-invalid')).toBe('true');
    await screenshot(kepala, 'admin-07-phone-absence-error');
    await expectNoSidewaysScroll(kepala);

    await kepala.getByLabel('Cari pengganti').fill('sekda');
    const option = substitute.locator('option', { hasText: '(sekda)' });
    await option.waitFor({ state: 'attached' });
    await substitute.selectOption(await option.getAttribute('value'));
    await kepala.getByRole('button', { name: 'Simpan ketidakhadiran' }).click();
    await kepala.getByText('Ketidakhadiran tersimpan.').waitFor();
    await kepala.locator('.notice-info').getByText(/diteruskan kepada/).waitFor();
    await screenshot(kepala, 'admin-08-phone-absence-saved');
    await expectNoSidewaysScroll(kepala);
    await kepala.getByRole('button', { name: 'Akhiri ketidakhadiran' }).click();
    await kepala.getByText('Ketidakhadiran diakhiri; tugas baru kembali kepada pengguna ini.').waitFor();

    // The administrator's pages fit a phone too.
    const admin = await open('admin', PHONE);
    for (const [path, heading] of [['/#/admin/users', 'Pengguna dan peran'], ['/#/admin/calendar', 'Kalender hari kerja']] as const) {
      await admin.goto(`${web.baseUrl}${path}`);
      await admin.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await admin.locator('.admin-list > li, .admin-days > li').first().waitFor();
      await expectNoSidewaysScroll(admin);
    }
    await screenshot(admin, 'admin-09-phone-calendar');

    expect(consoleWatch.errors).toEqual([]);
  });
});
