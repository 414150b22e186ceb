import { Client } from '@temporalio/client';
import request from 'supertest';
import { loadRegistryCalendar } from '../../activities';
import { CaseTask, FeedbackRating, FeedbackTicket, MailMessage, OrgUnit, User } from '../../db';
import { SKM_ELEMENTS } from '../../forms/defaults/feedback-forms';
import type { ProcessDefinition, Step } from '../../processes';
import { FEEDBACK_PUBLIC_USER, publicFeedback } from '../../processes/defaults/pengaduan';
import { createApp } from '../../server/app';
import { openApiDocument } from '../../server/openapi';
import { TRACKING_CODE_ALPHABET } from '../../server/feedback/tracking-code';
import { deadlineAfter } from '../../workflows/working-days';
import { openApiSchemas } from '../support/openapi-schemas';
import { eventually, signIn, startHarness, testDatabases, type Harness, type SignedIn } from './harness';

const PUBLIC = '/api/public/feedback';
const CODE = new RegExp(`^[${TRACKING_CODE_ALPHABET}]{12}$`);

interface CaseBody {
  id: string;
  status: string;
  data: Record<string, unknown>;
  current: { stepId: string; kind: string; visit: number; startedAt: string; deadline?: string; assignees: Array<{ userId: string }> } | null;
  timeline?: Array<{ type: string; stepId: string | null; details?: Record<string, unknown> | null }>;
}

/** A report as a citizen's browser sends it. */
const report = (fields: Record<string, unknown> = {}) => ({
  type: 'PENGADUAN',
  category: 'PELAYANAN_PUBLIK',
  message: 'Antrean layanan di Puskesmas Gajahan dibuka terlambat satu jam tiga hari berturut-turut.',
  anonymous: false,
  confidential: false,
  ...fields,
});

const documented = openApiSchemas(openApiDocument());

const scores = { requirements: 4, procedure: 3, serviceTime: 3, cost: 4, product: 3, staffCompetence: 4, staffBehaviour: 4, complaintHandling: 3, facilities: 2 };

describe.each(testDatabases())('pengaduan masyarakat ($name)', (database) => {
  let h: Harness;
  const users = new Map<string, SignedIn>();
  let dinkes: OrgUnit;
  let bkpsdm: OrgUnit;
  /** Each test is its own citizen, at its own address, so the rate limit of one does not reach another. */
  let address = 0;

  const as = async (login: string): Promise<SignedIn> => {
    const known = users.get(login);
    if (known) return known;
    const signed = await signIn(h.app, login);
    users.set(login, signed);
    return signed;
  };
  const citizenAt = (ip: string) => ({
    post: (url: string) => request(h.app).post(url).set('X-Forwarded-For', ip),
    get: (url: string) => request(h.app).get(url).set('X-Forwarded-For', ip),
  });
  const newCitizen = () => citizenAt(`203.0.113.${++address}`);

  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true });
    const em = h.db.em();
    dinkes = await em.findOneOrFail(OrgUnit, { code: 'DINKES' });
    bkpsdm = await em.findOneOrFail(OrgUnit, { code: 'BKPSDM' });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function ticketOf(code: string): Promise<FeedbackTicket> {
    return h.db.em().findOneOrFail(FeedbackTicket, { trackingCode: code });
  }

  async function act(login: string, caseId: string, stepId: string, data: Record<string, unknown>): Promise<void> {
    const res = await (await as(login)).post(`/api/cases/${caseId}/actions/approve`).send({ stepId, data });
    if (res.status !== 200) throw new Error(`${login} ${stepId}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** The case once it is on `stepId` with its tasks in the inbox, or closed. */
  async function at(caseId: string, stepId: string | 'closed'): Promise<CaseBody> {
    const admin = await as('admin');
    return eventually(async () => {
      const body = (await admin.get(`/api/cases/${caseId}`).expect(200)).body as CaseBody;
      if (stepId === 'closed') return body.status !== 'open' && body.timeline?.some((e) => e.type === 'case.closed') ? body : undefined;
      if (body.current?.stepId !== stepId || body.current.assignees.length === 0) return undefined;
      return (await h.db.em().count(CaseTask, { caseId, stepId, visit: body.current.visit, status: 'open' })) > 0 ? body : undefined;
    });
  }

  test('when a citizen reports, the OPD answers and the citizen rates, then the case closes and the OPD\'s IKM counts the rating', async () => {
    const citizen = newCitizen();
    const sent = await citizen.post(PUBLIC).send(report({ unitId: dinkes.id, reporterName: 'Sri Wahyuni', contactEmail: 'sri.wahyuni@contoh.id' })).expect(201);
    expect(sent.body).toMatchObject({ status: 'RECEIVED', stage: { id: 'Diterima; sedang diverifikasi petugas.' } });
    const code = sent.body.trackingCode as string;
    expect(code).toMatch(CODE);
    expect(sent.headers.location).toBe(`${PUBLIC}/${code}`);
    expect(documented.problems('post', PUBLIC, 201, sent.body)).toEqual([]);

    const received = await citizen.get(`${PUBLIC}/${code.toLowerCase().replace(/(.{4})(?=.)/g, '$1-')}`).expect(200);
    expect(received.body).toMatchObject({
      trackingCode: code, status: 'RECEIVED', type: { code: 'PENGADUAN', label: { id: 'Pengaduan', en: 'Complaint' } },
      category: { code: 'PELAYANAN_PUBLIK' }, message: report().message, answer: null, rating: { open: false, ratedAt: null },
    });
    // Read right after the receipt, the status already says by when the report is verified.
    expect(received.body.dueAt).toEqual(expect.any(String));
    expect(JSON.stringify(received.body)).not.toMatch(/Sri Wahyuni|sri\.wahyuni/);
    expect(documented.problems('get', `${PUBLIC}/{code}`, 200, received.body)).toEqual([]);

    // The ticket keeps the reporter; the case, which every participant reads, does not.
    const ticket = await ticketOf(code);
    expect(ticket).toMatchObject({ reporterName: 'Sri Wahyuni', contactEmail: 'sri.wahyuni@contoh.id', unitId: dinkes.id, status: 'RECEIVED' });
    const caseId = ticket.caseId as string;
    const verifying = await at(caseId, 'verifikasi');
    expect(verifying.current?.assignees.map((a) => a.userId)).toEqual(['pengaduan.dinkes']);
    expect(verifying.data).toMatchObject({ ticketId: ticket.id, receivingUnitId: dinkes.id, type: 'PENGADUAN' });
    expect(JSON.stringify(verifying)).not.toMatch(/Sri Wahyuni|sri\.wahyuni/);
    expect((await citizen.get(`${PUBLIC}/${code}`).expect(200)).body.dueAt).toBe(verifying.current?.deadline);

    await act('pengaduan.dinkes', caseId, 'verifikasi', {
      verification: 'DITERIMA', resolutionCategory: 'NORMATIF', handlingUnitId: dinkes.id, verificationNote: 'Cek jadwal piket loket pendaftaran.',
    });
    const followUp = await at(caseId, 'tindak-lanjut');
    expect(followUp.data).toMatchObject({ resolutionDays: 5, handlingUnitId: dinkes.id });
    const dispatched = (await citizen.get(`${PUBLIC}/${code}`).expect(200)).body;
    expect(dispatched).toMatchObject({
      status: 'IN_PROGRESS', handlingUnit: { id: dinkes.id, name: dinkes.name },
      resolution: { category: 'NORMATIF', workingDays: 5 }, dueAt: followUp.current?.deadline,
    });
    expect(JSON.stringify(dispatched)).not.toContain('piket loket');

    await act('pengaduan.dinkes', caseId, 'tindak-lanjut', { followUpPlan: 'Kepala Puskesmas memeriksa jadwal dan menegur petugas.' });
    const resolving = await at(caseId, 'penyelesaian');
    // The resolution deadline is the category's 5 working days on the calendar.
    const calendar = await loadRegistryCalendar(h.db);
    expect(resolving.current?.deadline).toBe(deadlineAfter(new Date(resolving.current?.startedAt ?? ''), { workingDays: 5 }, calendar).toISOString());

    const answer = 'Loket pendaftaran kini dibuka pukul 07.00 tepat; petugas yang terlambat telah dibina oleh Kepala Puskesmas.';
    await act('pengaduan.dinkes', caseId, 'penyelesaian', { answer, resolutionNote: 'Teguran lisan tercatat.' });
    const answered = await eventually(async () => {
      const body = (await citizen.get(`${PUBLIC}/${code}`).expect(200)).body;
      return body.status === 'ANSWERED' ? body : undefined;
    });
    expect(answered).toMatchObject({ answer: { text: answer }, rating: { open: true }, stage: { en: 'Answered. Please rate the answer.' } });
    expect(JSON.stringify(answered)).not.toContain('Teguran lisan');
    // The reporter left an address, so the outbox tells them.
    expect(await h.db.em().findOne(MailMessage, { id: `feedback-answer-${ticket.id}` })).toMatchObject({ toAddress: 'sri.wahyuni@contoh.id' });

    expect(documented.problems('get', `${PUBLIC}/{code}`, 200, answered)).toEqual([]);

    // Each of the nine elements is 1 to 4, and all nine are needed.
    const { facilities: _facilities, ...eight } = scores;
    const invalid = await citizen.post(`${PUBLIC}/${code}/rating`).send({ ...eight, cost: 5 }).expect(422);
    expect(invalid.body.error).toMatchObject({ code: 'FORM_INVALID', details: { form: { key: 'pengaduan-masyarakat-penilaian' } } });
    expect(Object.keys(invalid.body.error.details.fields).sort()).toEqual(['cost', 'facilities']);
    const rated = await citizen.post(`${PUBLIC}/${code}/rating`).send({ ...scores, ratingComment: 'Terima kasih, cepat ditanggapi.' }).expect(200);
    expect(rated.body).toMatchObject({ status: 'CLOSED', rating: { open: false } });
    const closed = await at(caseId, 'closed');
    expect(closed.status).toBe('approved');
    expect(closed.timeline?.filter((e) => e.type === 'step.entered').map((e) => e.stepId)).toEqual([
      'verifikasi', 'catat-verifikasi', 'cabang-verifikasi', 'tindak-lanjut', 'penyelesaian', 'publikasi-jawaban', 'penilaian-warga', 'penutupan', 'selesai',
    ]);
    const rating = await h.db.em().findOneOrFail(FeedbackRating, { ticketId: ticket.id });
    expect(rating).toMatchObject({ ...scores, unitId: dinkes.id, caseId, comment: 'Terima kasih, cepat ditanggapi.' });
    expect(await ticketOf(code)).toMatchObject({ status: 'CLOSED', answer });

    const again = await citizen.post(`${PUBLIC}/${code}/rating`).send(scores).expect(409);
    expect(again.body.error).toMatchObject({ code: 'FEEDBACK_ALREADY_RATED', message: 'Laporan ini sudah dinilai; penilaian hanya dapat diberikan satu kali.' });

    const year = new Date(rating.ratedAt.getTime() + 7 * 3_600_000).getUTCFullYear();
    await request(h.app).get(`/api/feedback/satisfaction?year=${year}`).expect(401);
    const index = await (await as('inspektorat')).get(`/api/feedback/satisfaction?year=${year}`).expect(200);
    const mean = SKM_ELEMENTS.reduce((sum, e) => sum + scores[e], 0) / SKM_ELEMENTS.length;
    expect(index.body.units).toEqual([expect.objectContaining({
      unit: { id: dinkes.id, code: 'DINKES', name: dinkes.name }, ratings: 1, ikm: Math.round(mean * 25 * 100) / 100, grade: 'B',
    })]);
    expect(index.body.overall).toMatchObject({ ratings: 1 });
    expect(documented.problems('get', '/api/feedback/satisfaction', 200, index.body)).toEqual([]);
    expect((await (await as('inspektorat')).get(`/api/feedback/satisfaction?year=${year - 1}`).expect(200)).body).toEqual({ year: year - 1, units: [], overall: null });
    await (await as('inspektorat')).get('/api/feedback/satisfaction?year=20x6').expect(422);
  });

  test('when a bot fills the honeypot, then it is told the report was received, and nothing is stored or started', async () => {
    const before = await h.db.em().count(FeedbackTicket, {});
    const citizen = newCitizen();
    const res = await citizen.post(PUBLIC).send(report({ website: 'http://murah-meriah.example' })).expect(201);
    expect(res.body).toMatchObject({ status: 'RECEIVED' });
    expect(res.body.trackingCode).toMatch(CODE);
    expect(await h.db.em().count(FeedbackTicket, {})).toBe(before);
    await citizen.get(`${PUBLIC}/${res.body.trackingCode}`).expect(404);
  });

  test('when a report is not valid, then every field\'s problem is named, in the form errors\' shape, and nothing is stored', async () => {
    const citizen = newCitizen();
    const before = await h.db.em().count(FeedbackTicket, {});
    const res = await citizen.post(PUBLIC).set('Accept-Language', 'en').send({ type: 'KELUHAN', message: 'Terlalu pendek', contactEmail: 'bukan-surel' }).expect(422);
    expect(res.body.error).toMatchObject({ code: 'FORM_INVALID', details: { form: { key: 'pengaduan-masyarakat-laporan', version: 1 } } });
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(['category', 'contactEmail', 'message', 'type']);
    expect(res.body.error.details.errorSchema.message.__errors).toHaveLength(1);

    const unknownUnit = await citizen.post(PUBLIC).send(report({ unitId: 999_999 })).expect(422);
    expect(unknownUnit.body.error.details.fields).toEqual({ unitId: ['Perangkat daerah tidak ditemukan.'] });
    await citizen.post(PUBLIC).send([1, 2]).expect(400);
    expect(await h.db.em().count(FeedbackTicket, {})).toBe(before);
  });

  test('when the portal asks which OPDs a report may go to, then it gets the children of the root by id and name only, as documented', async () => {
    const res = await newCitizen().get(`${PUBLIC}/units`).expect(200);
    expect(documented.problems('get', `${PUBLIC}/units`, 200, res.body)).toEqual([]);
    const items = res.body.items as Array<{ id: number; name: string }>;
    expect(items).toContainEqual({ id: dinkes.id, name: dinkes.name });
    expect(items).toContainEqual({ id: bkpsdm.id, name: bkpsdm.name });
    expect(items.every((unit) => Object.keys(unit).sort().join() === 'id,name')).toBe(true);
    const root = await h.db.em().findOneOrFail(OrgUnit, { parentId: null });
    expect(items).toHaveLength(await h.db.em().count(OrgUnit, { parentId: root.id }));
  });

  test('when a code is unknown or malformed, then the answer is 404 with a message that says to check it', async () => {
    const citizen = newCitizen();
    for (const code of ['ABCDEFGHJKMN', 'not-a-code', '0000']) {
      const res = await citizen.get(`${PUBLIC}/${code}`).expect(404);
      expect(res.body.error).toMatchObject({ code: 'FEEDBACK_NOT_FOUND', message: expect.stringContaining('Periksa kembali kodenya') });
    }
    const en = await citizen.get(`${PUBLIC}/ABCDEFGHJKMN`).set('Accept-Language', 'en').expect(404);
    expect(en.body.error.message).toBe('There is no report with this tracking code. Check the code again (12 letters and digits).');
    await citizen.post(`${PUBLIC}/ABCDEFGHJKMN/rating`).send(scores).expect(404);
  });

  test('when one address sends too many reports, then it gets 429 with a clear message, and others are not held back', async () => {
    const busy = newCitizen();
    // Honeypot reports count like any other and cost nothing to make.
    for (let i = 0; i < 10; i++) await busy.post(PUBLIC).send(report({ website: 'x' })).expect(201);
    const refused = await busy.post(PUBLIC).send(report()).expect(429);
    expect(refused.body.error).toEqual({ code: 'FEEDBACK_TOO_MANY_SUBMISSIONS', message: 'Terlalu banyak laporan dikirim dari alamat ini. Silakan coba lagi dalam satu jam.' });
    const en = await busy.post(PUBLIC).set('Accept-Language', 'en').send(report()).expect(429);
    expect(en.body.error.message).toBe('Too many reports have been sent from this address. Please try again in an hour.');
    await newCitizen().post(PUBLIC).send(report({ website: 'x' })).expect(201);
  });

  test('when an anonymous, confidential report names no OPD, then nothing personal is kept or shown and the central desk verifies it', async () => {
    const citizen = newCitizen();
    const sent = await citizen.post(PUBLIC).send(report({
      type: 'ASPIRASI', category: 'KEPEGAWAIAN', anonymous: true, confidential: true, reporterName: 'Budi', contactEmail: 'budi@contoh.id',
    })).expect(201);
    const code = sent.body.trackingCode as string;
    const ticket = await ticketOf(code);
    expect(ticket).toMatchObject({ anonymous: true, confidential: true, reporterName: null, contactEmail: null, unitId: null });
    const status = (await citizen.get(`${PUBLIC}/${code}`).expect(200)).body;
    expect(status).toMatchObject({ status: 'RECEIVED', message: null, type: { code: 'ASPIRASI' } });
    expect(JSON.stringify(status)).not.toMatch(/Budi|Puskesmas/);

    const verifying = await at(ticket.caseId as string, 'verifikasi');
    expect(verifying.data.receivingUnitId).toBe(bkpsdm.id);
    expect(verifying.current?.assignees.map((a) => a.userId)).toEqual(['pengaduan.bkpsdm']);

    // Not answered yet: there is nothing to rate.
    const early = await citizen.post(`${PUBLIC}/${code}/rating`).send(scores).expect(409);
    expect(early.body.error).toMatchObject({ code: 'FEEDBACK_NOT_ANSWERED' });

    await act('pengaduan.bkpsdm', ticket.caseId as string, 'verifikasi', {
      verification: 'BUKAN_KEWENANGAN', publicNote: 'Urusan ini kewenangan Kantor Regional BKN; silakan sampaikan melalui SP4N-LAPOR.',
    });
    expect((await at(ticket.caseId as string, 'closed')).status).toBe('rejected');
    const closed = (await citizen.get(`${PUBLIC}/${code}`).expect(200)).body;
    expect(closed).toMatchObject({ status: 'NOT_IN_REMIT', note: expect.stringContaining('Kantor Regional BKN'), dueAt: null, rating: { open: false } });
  });

  test('when the verifier defers a report for more information, then the citizen reads what is missing, and once supplied it is verified again', async () => {
    const citizen = newCitizen();
    const code = (await citizen.post(PUBLIC).send(report({ type: 'PERMINTAAN_INFORMASI', unitId: dinkes.id })).expect(201)).body.trackingCode as string;
    const caseId = (await ticketOf(code)).caseId as string;
    await at(caseId, 'verifikasi');
    await act('pengaduan.dinkes', caseId, 'verifikasi', { verification: 'DITUNDA', publicNote: 'Mohon sebutkan tanggal dan jam kunjungan Anda.' });
    const waiting = await at(caseId, 'kelengkapan-informasi');
    expect(waiting.current?.deadline).toBeDefined();
    expect((await citizen.get(`${PUBLIC}/${code}`).expect(200)).body).toMatchObject({
      status: 'NEEDS_INFORMATION', note: 'Mohon sebutkan tanggal dan jam kunjungan Anda.', dueAt: waiting.current?.deadline,
    });

    await act('pengaduan.dinkes', caseId, 'kelengkapan-informasi', { additionalInformation: 'Pelapor menelepon: Senin 2 November, pukul 07.30.' });
    const again = await at(caseId, 'verifikasi');
    expect(again.current?.visit).toBe(2);
    expect((await citizen.get(`${PUBLIC}/${code}`).expect(200)).body).toMatchObject({ status: 'RECEIVED', note: null });

    await act('pengaduan.dinkes', caseId, 'verifikasi', { verification: 'DIARSIPKAN', publicNote: 'Informasi sudah tersedia di laman resmi Dinas Kesehatan.' });
    expect((await at(caseId, 'closed')).status).toBe('rejected');
    expect((await citizen.get(`${PUBLIC}/${code}`).expect(200)).body).toMatchObject({ status: 'ARCHIVED', note: expect.stringContaining('laman resmi') });
  });

  test('when a staff member\'s browser holds a session, then the public report needs no CSRF token', async () => {
    const staff = await signIn(h.app, 'kepala.dinkes');
    await staff.agent.post(PUBLIC).set('X-Forwarded-For', `203.0.113.${++address}`).send(report({ website: 'x' })).expect(201);
  });

  test('when the case cannot be started, then the citizen gets 503 and no code, and the ticket is not kept', async () => {
    const before = await h.db.em().count(FeedbackTicket, {});
    const broken = createApp({
      client: new Client({ connection: h.connection, namespace: 'alur-no-such-namespace' }), connection: h.connection, taskQueue: h.taskQueue, db: h.db,
    });
    const res = await request(broken).post(PUBLIC).send(report()).expect(503);
    expect(res.body.error).toMatchObject({ code: 'FEEDBACK_NOT_RECEIVED', message: expect.stringContaining('tidak disimpan') });
    expect(res.body.trackingCode).toBeUndefined();
    expect(await h.db.em().count(FeedbackTicket, {})).toBe(before);
  });

  test('when feedback is not verified by its deadline, then it escalates to the Inspektorat; an unrated answer closes when the rating time passes', async () => {
    const admin = await as('admin');
    const short = (step: Step): Step => {
      if (step.id === 'verifikasi' && step.kind === 'task') {
        const { reminders: _reminders, ...rest } = step;
        return { ...rest, deadline: { seconds: 2 }, escalation: { after: { seconds: 0 }, to: { kind: 'role', role: 'inspektorat' } } };
      }
      if (step.id === 'penilaian-warga' && step.kind === 'approval') return { ...step, deadline: { seconds: 3 } };
      return step;
    };
    const variant: ProcessDefinition = { ...publicFeedback, steps: publicFeedback.steps.map(short) };
    await admin.post('/api/processes').send({ definition: variant, changeNote: 'Tenggat singkat untuk pengujian' }).expect(201);
    try {
      const citizen = newCitizen();
      const code = (await citizen.post(PUBLIC).send(report({ unitId: dinkes.id })).expect(201)).body.trackingCode as string;
      const caseId = (await ticketOf(code)).caseId as string;
      const escalated = await eventually(async () => {
        const body = (await admin.get(`/api/cases/${caseId}`).expect(200)).body as CaseBody;
        return body.timeline?.some((e) => e.type === 'step.escalated') ? body : undefined;
      });
      expect(escalated.current?.stepId).toBe('verifikasi');
      expect(escalated.current?.assignees.map((a) => a.userId)).toEqual(['pengaduan.dinkes', 'inspektorat']);
      expect(escalated.timeline?.find((e) => e.type === 'step.escalated')?.details).toMatchObject({ to: ['inspektorat'] });
      await eventually(async () => ((await h.db.em().count(CaseTask, { caseId, stepId: 'verifikasi', userId: 'inspektorat', status: 'open' })) > 0 ? true : undefined));

      // The Inspektorat verifies it late, as a simple matter; the OPD answers; the citizen never rates.
      await act('inspektorat', caseId, 'verifikasi', { verification: 'DITERIMA', resolutionCategory: 'SEDERHANA', handlingUnitId: dinkes.id });
      await at(caseId, 'tindak-lanjut');
      await act('pengaduan.dinkes', caseId, 'tindak-lanjut', { followUpPlan: 'Diteruskan ke Puskesmas Gajahan.' });
      await at(caseId, 'penyelesaian');
      await act('pengaduan.dinkes', caseId, 'penyelesaian', { answer: 'Jadwal loket telah diperbaiki mulai pekan ini sesuai standar pelayanan.' });
      const closed = await at(caseId, 'closed');
      expect(closed.status).toBe('approved');
      expect(closed.timeline?.find((e) => e.type === 'step.deemed')).toMatchObject({ stepId: 'penilaian-warga', details: { undecided: [FEEDBACK_PUBLIC_USER] } });
      const ticket = await ticketOf(code);
      expect(ticket).toMatchObject({ status: 'CLOSED', resolutionCategory: 'SEDERHANA', resolutionDays: 2 });
      expect(await h.db.em().count(FeedbackRating, { ticketId: ticket.id })).toBe(0);
      const late = await citizen.post(`${PUBLIC}/${code}/rating`).send(scores).expect(409);
      expect(late.body.error).toMatchObject({ code: 'FEEDBACK_RATING_CLOSED' });
    } finally {
      await admin.post('/api/processes').send({ definition: publicFeedback, changeNote: 'Kembali ke definisi bawaan' }).expect(201);
    }
  });

  test('when the public\'s system user exists, then nobody can sign in as it', async () => {
    expect(await h.db.em().findOneOrFail(User, { login: FEEDBACK_PUBLIC_USER })).toMatchObject({ roles: [], active: true, email: null });
    await request(h.app).post('/api/auth/login').send({ login: FEEDBACK_PUBLIC_USER, password: '!no-login' }).expect(401);
    await request(h.app).post('/api/auth/login').send({ login: FEEDBACK_PUBLIC_USER, password: '' }).expect(422);
  });
});
