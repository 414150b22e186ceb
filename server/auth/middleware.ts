import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '../../db';
import { HttpError } from '../errors';
import { findSession, SESSION_COOKIE, type AuthContext, type AuthUser } from './sessions';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set for a request that carries a valid session cookie. */
    auth?: AuthContext;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads the session cookie; an unknown or expired one simply leaves the request anonymous. */
export function authenticate(db: Database): RequestHandler {
  return async (req, _res, next) => {
    const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
    if (token) req.auth = await findSession(db.em(), token);
    next();
  };
}

/**
 * Cookie-authenticated writes must echo the session's CSRF token in X-CSRF-Token: a page on
 * another site can make the browser send the cookie, but cannot read the token.
 */
export const csrfGuard: RequestHandler = (req, _res, next) => {
  if (!req.auth || SAFE_METHODS.has(req.method)) return next();
  const sent = req.get('X-CSRF-Token') ?? '';
  const expected = req.auth.csrfToken;
  const ok = sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) throw new HttpError(403, 'CSRF_INVALID');
  next();
};

export function requireAuth(req: Request, _res: Response, next: NextFunction): void {
  if (!req.auth) throw new HttpError(401, 'UNAUTHENTICATED');
  next();
}

/** 401 for anonymous requests, 403 unless the user holds one of the roles. */
export function requireRole(...roles: string[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) throw new HttpError(401, 'UNAUTHENTICATED');
    if (!roles.some((role) => req.auth!.user.roles.includes(role))) {
      throw new HttpError(403, 'FORBIDDEN', { requiredRoles: roles });
    }
    next();
  };
}

/** The signed-in user of a request that passed requireAuth. */
export function currentUser(req: Request): AuthUser {
  if (!req.auth) throw new HttpError(401, 'UNAUTHENTICATED');
  return req.auth.user;
}
