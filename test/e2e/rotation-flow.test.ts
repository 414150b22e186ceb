import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { wibDay } from '../../activities/wib-day';
import { Employee, OrgUnit, Position, SkpRating } from '../../db';
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

jest.setTimeout(240_000);

const PROCESS = 'rotasi-jabatan';
/** A vacant Kepala Subbagian (IV.a) seat of the demo registry (db/seed). */
const TARGET_POSITION = 104;

interface Candidate {
  rank: number;
  employee: { id: number; nip: string; name: string; unit: { id: number; name: string } };
}

describe('a rotation in headless Chromium', () => {
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

  async function openSignedIn(login: string, options: Parameters<typeof openAs>[3] = {}): Promise<Page> {
    const user = await openAs(browser, web.baseUrl, consoleWatch, options);
    opened.push(user);
    await signInThroughPage(user.page, login);
    return user.page;
  }

  async function openFromInbox(page: Page, title: string, step: string): Promise<void> {
    const link = page.locator('.task-row').filter({ hasText: step }).getByRole('link', { name: title, exact: true });
    await reloadUntilVisible(page, link);
    await link.click();
    await page.getByRole('heading', { name: `Langkah saat ini: ${step}` }).waitFor();
  }

  async function approve(page: Page): Promise<void> {
    await page.locator('.action-form-primary').getByRole('button', { name: /^(Setujui|Selesaikan tugas)$/ }).click();
    await page.getByRole('status').filter({ hasText: 'Tindakan tersimpan.' }).waitFor();
  }

  /** The best-ranked candidate whose last two SKP ratings are at least Baik, so no blocking check fails. */
  async function eligibleCandidate(): Promise<Candidate> {
    const res = await (await signIn(web.harness.app, 'kepala.dinkes')).get(`/api/rotation/candidates?positionId=${TARGET_POSITION}&limit=10`).expect(200);
    const em = web.harness.db.em();
    for (const candidate of res.body.items as Candidate[]) {
      const ratings = await em.find(SkpRating, { employeeId: candidate.employee.id }, { orderBy: { year: 'desc' }, limit: 2 });
      if (ratings.length === 2 && ratings.every((r) => r.rating === 'BAIK' || r.rating === 'SANGAT_BAIK')) return candidate;
    }
    throw new Error('the demo registry has no eligible candidate');
  }

  test('when a kepala OPD proposes a suggested candidate with the pickers and TPK, Sekda, Walikota and Hukum decide in their browsers, then the case is approved and the registry moves the employee', async () => {
    const title = `Usulan rotasi Kasubag Umpeg (e2e ${randomUUID().slice(0, 8)})`;
    const em = web.harness.db.em();
    const target = await em.findOneOrFail(Position, { id: TARGET_POSITION });
    const targetUnit = await em.findOneOrFail(OrgUnit, { id: target.unitId });
    const candidate = await eligibleCandidate();

    // The kepala OPD opens the rotation start form, at phone width.
    const kepala = await openSignedIn('kepala.dinkes', { viewport: { width: 390, height: 844 } });
    await kepala.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Mulai kasus' }).click();
    await kepala.getByRole('link', { name: 'Mulai: Rotasi / mutasi / promosi jabatan' }).click();
    await kepala.getByRole('heading', { name: 'Kasus baru: Rotasi / mutasi / promosi jabatan' }).waitFor();
    await kepala.getByLabel('Judul').fill(title);

    // Position picker: a unit by type-ahead (keyboard), then one of its positions, the vacant one marked.
    const unitBox = kepala.getByRole('combobox', { name: 'Unit kerja jabatan' });
    await unitBox.fill(targetUnit.code);
    const unitOption = kepala.getByRole('option').filter({ hasText: targetUnit.name }).first();
    await unitOption.waitFor();
    expect(await unitBox.getAttribute('aria-expanded')).toBe('true');
    await unitBox.press('ArrowDown');
    expect(await unitBox.getAttribute('aria-activedescendant')).toBeTruthy();
    await unitBox.press('Enter');
    expect(await unitBox.inputValue()).toBe(targetUnit.name);
    const positionSelect = kepala.getByLabel('Jabatan tujuan');
    await positionSelect.locator(`option[value="${TARGET_POSITION}"]`).waitFor({ state: 'attached' });
    expect(await textOf(positionSelect.locator(`option[value="${TARGET_POSITION}"]`))).toContain('lowong');
    await positionSelect.selectOption(String(TARGET_POSITION));

    // Employee picker: a search by name shows name, NIP, position and unit.
    const employeeBox = kepala.getByRole('combobox', { name: 'NIP pegawai yang diusulkan' });
    await employeeBox.fill(candidate.employee.name.slice(0, 6));
    const found = kepala.getByRole('option').filter({ hasText: candidate.employee.nip });
    await found.waitFor();
    expect(await textOf(found)).toContain(candidate.employee.unit.name);
    await screenshot(kepala, 'rotation-01-employee-search');
    await employeeBox.press('Escape');
    await employeeBox.fill('');

    // The suggested candidates, each score explained but collapsed; "Pilih" fills the employee and their unit.
    const suggestions = kepala.getByRole('region', { name: 'Kandidat yang disarankan' });
    const row = suggestions.getByRole('listitem').filter({ hasText: candidate.employee.nip });
    await row.waitFor();
    expect(await textOf(row)).toContain(`Peringkat ${candidate.rank}`);
    const why = row.locator('details');
    expect(await why.getAttribute('open')).toBeNull();
    await why.locator('summary').click();
    expect(await textOf(why)).toContain('Kompetensi');
    await row.getByRole('button', { name: `Pilih ${candidate.employee.name}` }).click();
    await row.getByRole('button', { name: `Pilih ${candidate.employee.name}`, pressed: true }).waitFor();
    await kepala.locator('.picker-employee').getByText(`Terpilih: ${candidate.employee.name}`).waitFor();
    expect(await kepala.getByRole('combobox', { name: 'Unit kerja pegawai saat ini' }).inputValue()).toBe(candidate.employee.unit.name);

    await kepala.getByLabel('Alasan').selectOption({ label: 'Rotasi' });
    await kepala.getByLabel('Pertimbangan (justifikasi)').fill('Penyegaran organisasi dan pemenuhan jabatan yang lowong.');
    const overflow = await kepala.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(kepala, 'rotation-02-start-form');
    await kepala.getByRole('button', { name: 'Mulai kasus' }).click();
    await kepala.getByRole('heading', { name: title, level: 1 }).waitFor();
    const caseId = decodeURIComponent(new URL(kepala.url()).hash.replace('#/cases/', ''));
    expect(caseId).toMatch(new RegExp(`^${PROCESS}-`));
    await kepala.getByRole('heading', { name: 'Langkah saat ini: Verifikasi BKPSDM' }).waitFor();

    // BKPSDM verifies in the browser; the form takes "a blocking check failed" from the case's checks.
    const mutasi = await openSignedIn('bkpsdm.mutasi');
    await openFromInbox(mutasi, title, 'Verifikasi BKPSDM');
    expect(await mutasi.getByLabel('Ada syarat wajib yang tidak terpenuhi').isChecked()).toBe(false);
    await mutasi.getByLabel('Hasil pemeriksaan otomatis sudah saya periksa').check();
    await mutasi.getByLabel('Catatan verifikasi').fill('Berkas lengkap');
    await approve(mutasi);

    // Three of the five TPK members approve, each in their own browser.
    const tpkStep = 'Sidang Tim Penilai Kinerja (TPK)';
    for (const [login, consideration] of [['kepala.bkpsdm', 'Kompetensi sesuai'], ['kepala.insp', 'Setuju, kinerja baik'], ['sekda', 'Setuju']] as const) {
      const page = await openSignedIn(login);
      await openFromInbox(page, title, tpkStep);
      await page.getByLabel('Pertimbangan anggota TPK').fill(consideration);
      if (login === 'kepala.bkpsdm') {
        await page.getByLabel('Nomor berita acara sidang TPK').fill('BA.800/TPK/2026');
        await screenshot(page, 'rotation-03-tpk');
      }
      await approve(page);
      if (login === 'sekda') {
        // The Sekda then forwards it to the Walikota, in the same browser.
        await page.goto(web.baseUrl);
        await openFromInbox(page, title, 'Persetujuan Sekretaris Daerah');
        await approve(page);
      }
    }

    // The Walikota decides.
    const walikota = await openSignedIn('walikota');
    await openFromInbox(walikota, title, 'Keputusan Wali Kota (PPK)');
    await screenshot(walikota, 'rotation-04-walikota');
    await approve(walikota);

    // Bagian Hukum registers the SK.
    const sk = { number: '821.2/045/2026', date: wibDay(new Date()), tmt: wibDay(new Date(Date.now() + 3 * 86_400_000)) };
    const hukum = await openSignedIn('hukum');
    await openFromInbox(hukum, title, 'Registrasi SK oleh Bagian Hukum');
    await hukum.getByLabel('Nomor SK').fill(sk.number);
    await hukum.getByLabel('Tanggal SK').fill(sk.date);
    await hukum.getByLabel('TMT jabatan (terhitung mulai tanggal)').fill(sk.tmt);
    await approve(hukum);

    // BKPSDM records the inauguration.
    const bkpsdm = await openSignedIn('bkpsdm.mutasi');
    await openFromInbox(bkpsdm, title, 'Pelantikan');
    await bkpsdm.getByLabel('Tanggal pelantikan').fill(sk.tmt);
    await bkpsdm.getByLabel('Tempat pelantikan').fill('Pendhapi Gedhe Balai Kota Surakarta');
    await approve(bkpsdm);

    // The initiator sees the case approved.
    await kepala.reload();
    await kepala.locator('.case-header').getByText('Disetujui', { exact: true }).waitFor({ timeout: 30_000 }).catch(async () => {
      await kepala.reload();
      await kepala.locator('.case-header').getByText('Disetujui', { exact: true }).waitFor({ timeout: 30_000 });
    });
    await screenshot(kepala, 'rotation-05-approved-initiator');

    // The registry moved the employee to the new position.
    const detail = await (await signIn(web.harness.app, 'admin')).get(`/api/registry/employees/${candidate.employee.id}`).expect(200);
    expect(detail.body.position).toMatchObject({ id: TARGET_POSITION, tmt: sk.tmt });
    expect(detail.body.unit.id).toBe(target.unitId);
    const fresh = web.harness.db.em();
    expect(await fresh.findOneOrFail(Position, { id: TARGET_POSITION })).toMatchObject({ holderEmployeeId: candidate.employee.id });
    expect(await fresh.findOneOrFail(Employee, { id: candidate.employee.id })).toMatchObject({ positionId: TARGET_POSITION });
  });

  test('then no page logged a console error', () => {
    expect(consoleWatch.errors).toEqual([]);
  });
});
