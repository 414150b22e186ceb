import { Router, type Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { User, verifyPassword, type Database } from '../../db';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_TTL_MS, toAuthUser } from '../auth/sessions';
import { requireAuth } from '../auth/middleware';
import { errorBody, HttpError, ValidationError } from '../errors';
import { message, requestLanguage } from '../messages';

/** A hash of a random password, verified against when the login is unknown, so both paths take as long. */
const DECOY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$vW0qWRWABdIBGql/L/rBBA$FHyuO/zLhj1P5Bpp4wBi0Wl3rR5MYEPswnhPjtFV03M';

export interface AuthRouteOptions {
  /** Attempts per login and client address in a 15-minute window. */
  loginAttempts?: number;
}

export function authRoutes(db: Database, options: AuthRouteOptions = {}): Router {
  const router = Router();
  const loginLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: options.loginAttempts ?? 10,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Per client address and login: one user's typos do not lock out a whole office behind a NAT.
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${typeof req.body?.login === 'string' ? req.body.login.toLowerCase() : ''}`,
    handler: (req, res) => {
      res.status(429).json(errorBody(new HttpError(429, 'TOO_MANY_ATTEMPTS'), requestLanguage(req)));
    },
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const { login, password } = parseLogin(req);
    const em = db.em();
    const user = await em.findOne(User, { login, active: true });
    const ok = await verifyPassword(user?.passwordHash ?? DECOY_HASH, password);
    if (!user || !ok) throw new HttpError(401, 'INVALID_CREDENTIALS');
    const session = await createSession(em, user);
    res.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      maxAge: SESSION_TTL_MS,
    });
    res.json({ user: toAuthUser(user), csrfToken: session.csrfToken });
  });

  router.post('/logout', requireAuth, async (req, res) => {
    await deleteSession(db.em(), req.auth!.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/me', requireAuth, (req, res) => {
    res.json({ user: req.auth!.user, csrfToken: req.auth!.csrfToken });
  });

  return router;
}

function parseLogin(req: Request): { login: string; password: string } {
  const body = req.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'BODY_REQUIRED');
  const language = requestLanguage(req);
  const fields: Record<string, string[]> = {};
  if (typeof body.login !== 'string' || body.login.trim() === '') fields.login = [message('FIELD_REQUIRED', language)];
  if (typeof body.password !== 'string' || body.password === '') fields.password = [message('FIELD_REQUIRED', language)];
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return { login: (body.login as string).trim(), password: body.password as string };
}
