import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { Attachment, CaseRecord, CaseTask, type Database } from '../../db';
import { currentUser, requireAuth } from '../auth/middleware';
import type { AuthUser } from '../auth/sessions';
import { HttpError } from '../errors';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The types a form may carry, each with the leading bytes its content must really start with. */
const ACCEPTED: Record<string, (bytes: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

/**
 * POST /api/attachments stores an uploaded file under DATA_DIR/attachments (content hashed, type
 * checked by its bytes, size bounded); a form field then holds its id. GET serves it only to its
 * uploader, an administrator, or someone involved in a case whose data refers to it.
 */
export function attachmentRoutes(deps: { db: Database; dataDir: string }): Router {
  const router = Router();
  router.use(requireAuth);

  router.post('/', express.raw({ type: () => true, limit: MAX_ATTACHMENT_BYTES }), async (req, res) => {
    const user = currentUser(req);
    const mediaType = (req.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const check = ACCEPTED[mediaType];
    if (!check) throw new HttpError(415, 'ATTACHMENT_TYPE', { accepted: Object.keys(ACCEPTED) });
    if (body.length === 0) throw new HttpError(400, 'ATTACHMENT_EMPTY');
    if (!check(body)) throw new HttpError(415, 'ATTACHMENT_CONTENT_MISMATCH', { mediaType });
    const originalName = sanitizeName(req.get('X-File-Name') ?? (typeof req.query.name === 'string' ? req.query.name : 'lampiran'));
    const id = randomUUID();
    const sha256 = createHash('sha256').update(body).digest('hex');
    const relative = path.join('attachments', sha256.slice(0, 2), id);
    const absolute = path.join(deps.dataDir, relative);
    await fs.mkdir(path.dirname(absolute), { recursive: true });
    // Written under a temporary name first, so a crash never leaves a half file under the real one.
    await fs.writeFile(`${absolute}.part`, body, { flag: 'wx' });
    await fs.rename(`${absolute}.part`, absolute);
    const em = deps.db.em();
    const row = em.create(Attachment, {
      id, originalName, mediaType, sizeBytes: body.length, sha256, storagePath: relative, uploadedByUserId: user.id, createdAt: new Date(),
    });
    await em.flush();
    res.status(201).location(`/api/attachments/${id}`).json(describe(row));
  });

  router.get('/:id', async (req, res) => {
    const user = currentUser(req);
    const id = String(req.params.id);
    const row = /^[0-9a-f-]{36}$/.test(id) ? await deps.db.em().findOne(Attachment, { id }) : null;
    if (!row) throw new HttpError(404, 'ATTACHMENT_NOT_FOUND');
    if (!(await mayRead(deps.db, user, row))) throw new HttpError(403, 'FORBIDDEN');
    res.setHeader('Content-Type', row.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.originalName)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('ETag', `"${row.sha256}"`);
    res.sendFile(path.join(deps.dataDir, row.storagePath));
  });

  router.get('/:id/meta', async (req, res) => {
    const user = currentUser(req);
    const row = await deps.db.em().findOne(Attachment, { id: String(req.params.id) });
    if (!row) throw new HttpError(404, 'ATTACHMENT_NOT_FOUND');
    if (!(await mayRead(deps.db, user, row))) throw new HttpError(403, 'FORBIDDEN');
    res.json(describe(row));
  });

  return router;
}

function describe(row: Attachment) {
  return { id: row.id, name: row.originalName, mediaType: row.mediaType, size: row.sizeBytes, sha256: row.sha256, createdAt: row.createdAt.toISOString() };
}

async function mayRead(db: Database, user: AuthUser, row: Attachment): Promise<boolean> {
  if (row.uploadedByUserId === user.id || user.roles.includes('administrator')) return true;
  const em = db.em();
  const involved = new Set((await em.find(CaseTask, { userId: user.login }, { fields: ['caseId'] })).map((t) => t.caseId));
  const cases = await em.find(CaseRecord, { $or: [{ initiator: user.login }, { id: { $in: [...involved] } }] });
  return cases.some((c) => JSON.stringify(c.state).includes(row.id));
}

function sanitizeName(name: string): string {
  const base = [...path.basename(decodeURIComponentSafe(name))]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '<>:"|?*\\/'.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  return (base || 'lampiran').slice(0, 200);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
