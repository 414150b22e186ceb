import type { Browser, Page } from 'playwright-core';
import { generalApproval } from '../../processes/defaults/general-approval';
import { signIn } from '../integration/harness';
import { launchChromium, openAs, reloadUntilVisible, screenshot, signInThroughPage, startWebApp, textOf, type ConsoleWatch, type UserPage, type WebApp } from './browser';

jest.setTimeout(240_000);

const FORM = 'e2e-usulan-cuti';
const PROCESS = 'e2e-usulan-cuti';

describe('forms administration and case forms in headless Chromium', () => {
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

  async function open(login: string): Promise<Page> {
    const user = await openAs(browser, web.baseUrl, consoleWatch);
    opened.push(user);
    await signInThroughPage(user.page, login);
    return user.page;
  }

  async function publishProcess(formVersion: number): Promise<void> {
    const admin = await signIn(web.harness.app, 'admin');
    const { version: _version, ...definition } = generalApproval;
    void _version;
    const res = await admin.post('/api/processes').send({
      ...definition,
      key: PROCESS,
      name: { id: 'Usulan cuti (e2e)', en: 'Leave proposal (e2e)' },
      startForm: { key: FORM, version: formVersion },
    });
    expect([200, 201]).toContain(res.status);
  }

  test('when an administrator adds a field with the builder and publishes, then new cases show it, old cases keep the old form, server errors sit by the field, and the bell counts the task', async () => {
    // Version 1 of the form and a process using it, through the API; one case on it.
    const admin = await signIn(web.harness.app, 'admin');
    const created = await admin.post('/api/forms').send({
      key: FORM,
      title: { id: 'Usulan cuti', en: 'Leave proposal' },
      schema: { type: 'object', required: ['alasan'], properties: { alasan: { type: 'string', title: 'Alasan', minLength: 3 } } },
    });
    expect(created.status).toBe(201);
    expect((await admin.post(`/api/forms/${FORM}/versions/1/publish`).send({ changeNote: 'Versi awal' })).status).toBe(200);
    await publishProcess(1);
    const kepalaApi = await signIn(web.harness.app, 'kepala.dinkes');
    const oldCase = await kepalaApi.post(`/api/processes/${PROCESS}/cases`).set('Idempotency-Key', 'e2e-old').send({ title: 'Cuti lama (e2e)', data: { alasan: 'Keperluan keluarga' } });
    expect([201, 202]).toContain(oldCase.status);
    const oldCaseId = (oldCase.body.id ?? oldCase.body.case?.id) as string;

    // The administrator starts version 2 from the list and adds a field with the builder.
    const adminPage = await open('admin');
    await adminPage.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Formulir' }).click();
    await adminPage.getByRole('heading', { name: 'Usulan cuti' }).waitFor();
    const card = adminPage.locator('.forms-list > li').filter({ hasText: FORM });
    await card.getByText(`${PROCESS} v1`).waitFor();
    await screenshot(adminPage, 'forms-01-list');
    await card.getByRole('button', { name: 'Versi baru dari v1' }).click();
    await adminPage.getByRole('heading', { name: /Usulan cuti v2/ }).waitFor();
    await adminPage.getByRole('button', { name: 'Tambah isian' }).click();
    const field = adminPage.locator('.builder-field').nth(1);
    await field.getByLabel('Nama isian (kunci data)').fill('jumlah_hari');
    await field.getByLabel('Jenis').selectOption('integer');
    await field.getByLabel('Label (Bahasa Indonesia)').fill('Jumlah hari');
    await field.getByLabel('Label (English)').fill('Number of days');
    await field.getByLabel('Wajib diisi').check();
    await field.getByLabel('Minimum').fill('1');
    // The JSON editor and the preview follow the builder.
    const schemaText = await adminPage.getByRole('textbox', { name: 'Skema JSON' }).inputValue();
    expect(JSON.parse(schemaText)).toMatchObject({ required: ['alasan', 'jumlah_hari'], properties: { jumlah_hari: { type: 'integer', title: 'Jumlah hari', minimum: 1 } } });
    await adminPage.locator('.form-preview').getByLabel(/Jumlah hari/).waitFor();
    // A JSON syntax error shows inline, with its line.
    await adminPage.getByRole('textbox', { name: 'Skema UI' }).fill('{ "alasan": ');
    await adminPage.locator('.json-errors').getByText(/JSON tidak sah/).waitFor();
    await screenshot(adminPage, 'forms-02-editor-json-error');
    await adminPage.getByRole('textbox', { name: 'Skema UI' }).fill('{}');
    // Test submit: the server's refusal shows beside the field in the preview.
    await adminPage.locator('.form-preview').getByLabel(/Alasan/).fill('ab');
    await adminPage.getByRole('button', { name: 'Uji kirim ke server' }).click();
    await adminPage.getByText('Server menolak isian ini').waitFor();
    await screenshot(adminPage, 'forms-03-test-submit');
    await adminPage.getByLabel('Catatan perubahan').fill('Tambah jumlah hari');
    await adminPage.getByRole('button', { name: 'Terbitkan' }).click();
    await adminPage.getByText('Versi 2 terbit.').waitFor();
    await screenshot(adminPage, 'forms-04-published');
    await publishProcess(2);

    // A new case shows the new field; the server's FORM_INVALID shows beside it.
    const kepala = await open('kepala.dinkes');
    await kepala.goto(`${web.baseUrl}/#/start/${PROCESS}`);
    const days = kepala.getByLabel(/Jumlah hari/);
    await days.waitFor();
    await kepala.locator('input[name="title"]').fill('Cuti baru (e2e)');
    await kepala.getByLabel(/Alasan/).fill('Pemulihan pasca operasi');
    await days.fill('0');
    await kepala.getByRole('button', { name: 'Mulai kasus' }).click();
    const daysGroup = kepala.locator('.form-group', { has: kepala.getByLabel(/Jumlah hari/) }).last();
    await daysGroup.locator('.error-detail').waitFor();
    expect(await textOf(daysGroup)).toMatch(/1/);
    await screenshot(kepala, 'forms-05-form-invalid');
    await days.fill('3');
    await kepala.getByRole('button', { name: 'Mulai kasus' }).click();
    // The form version loads after the case: wait for its labels, not just the section.
    await kepala.locator('.case-form-data').getByText('Jumlah hari').first().waitFor();
    expect(await textOf(kepala.locator('.case-form-data'))).toContain('Jumlah hari');
    await screenshot(kepala, 'forms-06-new-case');

    // The older case still shows version 1 of the form.
    await kepala.goto(`${web.baseUrl}/#/cases/${encodeURIComponent(oldCaseId)}`);
    await kepala.locator('.case-form-data').getByText('versi 1').waitFor();
    await kepala.locator('.case-form-data').getByText('Alasan').first().waitFor();
    const oldForm = await textOf(kepala.locator('.case-form-data'));
    expect(oldForm).toContain('Alasan');
    expect(oldForm).not.toContain('Jumlah hari');
    await screenshot(kepala, 'forms-07-old-case');

    // The verifier's bell counts the new tasks; opening one marks it read.
    const verifier = await open('bkpsdm.mutasi');
    const bell = verifier.locator('.bell-badge');
    await reloadUntilVisible(verifier, bell);
    const before = Number(await bell.innerText());
    expect(before).toBeGreaterThan(0);
    await verifier.getByRole('button', { name: /Notifikasi/ }).click();
    const item = verifier.locator('.bell-item-unread').filter({ hasText: 'Cuti' }).first();
    await item.waitFor();
    await screenshot(verifier, 'forms-08-bell');
    await item.getByRole('button').click();
    await verifier.getByRole('heading', { level: 1 }).filter({ hasText: 'Cuti' }).waitFor();
    // The badge shows the server's unread count again once the case has opened.
    let after = before;
    for (let tries = 0; tries < 50 && after >= before; tries++) {
      await verifier.waitForTimeout(100);
      after = (await bell.count()) > 0 ? Number(await bell.innerText()) : 0;
    }
    expect(after).toBe(before - 1);
    await screenshot(verifier, 'forms-09-bell-read');

    expect(consoleWatch.errors).toEqual([]);
  });
});
