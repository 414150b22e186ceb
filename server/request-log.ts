import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../config';

declare module 'express-serve-static-core' {
  interface Request {
    /** The request's id: the caller's X-Request-Id when it is sane, otherwise a new one. */
    requestId: string;
    log: Logger;
    /** When the request arrived (performance.now()), for the phases of a Server-Timing header. */
    receivedAt: number;
  }
}

/**
 * Gives every request an id (echoed in X-Request-Id, carried into the case events it causes and
 * so into the worker's logs) and one access-log line: method, route, status, time, user. Bodies
 * are never logged.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    req.receivedAt = performance.now();
    const incoming = req.get('X-Request-Id');
    req.requestId = incoming && /^[\w.:-]{8,100}$/.test(incoming) ? incoming : randomUUID();
    req.log = logger.child({ requestId: req.requestId });
    res.setHeader('X-Request-Id', req.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      req.log.info({
        method: req.method,
        route: req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        user: req.auth?.user.login,
      }, 'request');
    });
    next();
  };
}
