import { Router } from 'express';
import { NOTIFICATION_KINDS, notificationText, type NotificationKind } from '../../activities';
import { Notification, User, type Database } from '../../db';
import { currentUser, requireAuth } from '../auth/middleware';
import { HttpError, ValidationError } from '../errors';
import { message, requestLanguage } from '../messages';
import { parseLimit } from '../query-params';
import { afterTimeCursorSql, decodeTimeCursor, encodeTimeCursor } from '../time-cursor';

/** The bell: my notifications, unread count, marking read, and my e-mail preferences. */
export function notificationRoutes(deps: { db: Database; appUrl: string }): Router {
  const router = Router();
  router.use(requireAuth);

  router.get('/', async (req, res) => {
    const user = currentUser(req);
    const language = requestLanguage(req);
    const limit = parseLimit(req.query.limit);
    const cursor = decodeTimeCursor(req.query.cursor);
    const em = deps.db.em();
    const qb = em.createQueryBuilder(Notification, 'n').where({ userLogin: user.login });
    if (cursor) qb.andWhere(...afterTimeCursorSql(em, 'n', cursor));
    const rows = await qb.orderBy([{ createdAt: 'desc' }, { id: 'desc' }]).limit(limit + 1).getResultList();
    const unread = await em.count(Notification, { userLogin: user.login, readAt: null });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    res.json({
      unread,
      items: page.map((n) => {
        const text = notificationText(n.kind as NotificationKind, n, language, deps.appUrl);
        return {
          id: n.id, kind: n.kind, caseId: n.caseId, caseTitle: n.caseTitle, stepId: n.stepId, actor: n.actor,
          subject: text.subject, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null,
        };
      }),
      nextCursor: rows.length > limit && last ? encodeTimeCursor(last) : null,
    });
  });

  router.post('/read-all', async (req, res) => {
    await deps.db.em().nativeUpdate(Notification, { userLogin: currentUser(req).login, readAt: null }, { readAt: new Date() });
    res.status(204).end();
  });

  router.post('/:id/read', async (req, res) => {
    const em = deps.db.em();
    const row = await em.findOne(Notification, { id: String(req.params.id), userLogin: currentUser(req).login });
    if (!row) throw new HttpError(404, 'NOTIFICATION_NOT_FOUND');
    if (!row.readAt) {
      row.readAt = new Date();
      await em.flush();
    }
    res.status(204).end();
  });

  router.get('/preferences', async (req, res) => {
    const user = await deps.db.em().findOneOrFail(User, { id: currentUser(req).id });
    res.json({ language: user.language, email: user.email, emailOptOut: user.emailOptOut, kinds: NOTIFICATION_KINDS });
  });

  router.put('/preferences', async (req, res) => {
    const language = requestLanguage(req);
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) throw new HttpError(400, 'BODY_REQUIRED');
    const body = req.body as { language?: unknown; emailOptOut?: unknown };
    const fields: Record<string, string[]> = {};
    if (body?.language !== undefined && body.language !== 'id' && body.language !== 'en') fields.language = [message('FIELD_ONE_OF', language, { options: 'id, en' })];
    const optOut = body?.emailOptOut;
    if (optOut !== undefined && (!Array.isArray(optOut) || optOut.some((k) => !(NOTIFICATION_KINDS as readonly unknown[]).includes(k)))) {
      fields.emailOptOut = [message('FIELD_ONE_OF', language, { options: NOTIFICATION_KINDS.join(', ') })];
    }
    if (Object.keys(fields).length > 0) throw new ValidationError(fields);
    const em = deps.db.em();
    const user = await em.findOneOrFail(User, { id: currentUser(req).id });
    if (body?.language) user.language = body.language as 'id' | 'en';
    if (optOut) user.emailOptOut = [...new Set(optOut as string[])];
    await em.flush();
    res.json({ language: user.language, email: user.email, emailOptOut: user.emailOptOut, kinds: NOTIFICATION_KINDS });
  });

  return router;
}
