import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import { RequestContext } from '@mikro-orm/core';
import type { Client, Connection } from '@temporalio/client';
import type { Database } from '../db';
import { errorHandler, HttpError } from './errors';
import { authenticate, csrfGuard } from './auth/middleware';
import { authRoutes, type AuthRouteOptions } from './routes/auth';
import { caseRoutes } from './routes/cases';
import { healthRoutes } from './routes/health';
import { docsPageRoutes, openApiRoutes } from './routes/openapi';
import { registryRoutes } from './routes/registry';
import { processRoutes } from './routes/processes';
import { formRoutes } from './routes/forms';
import { attachmentRoutes } from './routes/attachments';
import { notificationRoutes } from './routes/notifications';
import { ApiMetrics } from './metrics';
import { requestLog } from './request-log';
import { createLogger, type Logger } from '../config';
import { FormValidators } from '../forms';
import { taskRoutes } from './routes/tasks';
import { rotationCandidateRoutes } from './routes/rotation-candidates';
import { publicFeedbackRoutes } from './routes/public-feedback';
import { feedbackRoutes } from './routes/feedback';
import { trainingRoutes } from './routes/training';
import { adminRoutes } from './routes/admin';
import { meRoutes } from './routes/me';
import { userRoutes } from './routes/users';
import { dashboardRoutes } from './routes/dashboard';

export interface AppDeps {
  client: Client;
  /** The connection behind `client`, for health probes. */
  connection: Connection;
  taskQueue: string;
  db: Database;
  /** The built web UI (web/dist); served with a single-page-app fallback when present. */
  webDir?: string;
  auth?: AuthRouteOptions;
  /** Compiled form validators, cached per form version (one per process). */
  formValidators?: FormValidators;
  /** Where uploads are stored (DATA_DIR); without it, uploads are refused. */
  dataDir?: string;
  /** The app's address, for links in notifications. */
  appUrl?: string;
  metrics?: ApiMetrics;
  /** When set, /metrics answers only requests that send it as `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** Structured logs (pino); silent when not given, as in most tests. */
  logger?: Logger;
}

export const DEFAULT_WEB_DIR = path.resolve(__dirname, '../web/dist');
const JSON_LIMIT = '1mb';
const jsonParser = express.json({ limit: JSON_LIMIT, strict: false });

/** Builds the API and web server without listening, so tests can run it in-process. */
export function createApp(appDeps: AppDeps): Express {
  const deps = { ...appDeps, formValidators: appDeps.formValidators ?? new FormValidators(), metrics: appDeps.metrics ?? new ApiMetrics(appDeps.db) };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLog(appDeps.logger ?? createLogger('alur-server', 'silent')));
  app.use(deps.metrics.middleware());
  app.use('/metrics', deps.metrics.routes(appDeps.metricsToken));
  // Uploads carry raw bytes; they are parsed by their own route, not as JSON.
  app.use('/api', (req, res, next) => (req.path.startsWith('/attachments') ? next() : jsonParser(req, res, next)));
  app.use('/api', refuseUnreadableInput);
  app.use('/api', (_req, _res, next) => RequestContext.create(deps.db.orm.em, next));
  // Citizens have no account: mounted before the session is read, so no CSRF token is asked for.
  app.use('/api/public/feedback', publicFeedbackRoutes(deps));
  app.use('/api', authenticate(deps.db));
  app.use('/api', csrfGuard);
  app.use('/api/auth', authRoutes(deps.db, deps.auth));
  app.use('/api/health', healthRoutes({ connection: deps.connection, db: deps.db }));
  app.use('/api/cases', caseRoutes(deps));
  app.use('/api/processes', processRoutes(deps));
  app.use('/api/forms', formRoutes(deps));
  app.use('/api/notifications', notificationRoutes({ db: deps.db, appUrl: deps.appUrl ?? 'http://localhost:3000' }));
  if (deps.dataDir) app.use('/api/attachments', attachmentRoutes({ db: deps.db, dataDir: deps.dataDir }));
  app.use('/api/tasks', taskRoutes(deps));
  app.use('/api/registry', registryRoutes(deps));
  app.use('/api/rotation', rotationCandidateRoutes(deps));
  app.use('/api/feedback', feedbackRoutes(deps));
  app.use('/api/training', trainingRoutes(deps));
  app.use('/api/admin', adminRoutes(deps));
  app.use('/api/me', meRoutes(deps));
  app.use('/api/users', userRoutes(deps));
  app.use('/api/dashboard', dashboardRoutes(deps));
  app.use('/api/openapi.json', openApiRoutes());
  app.use('/api/docs', docsPageRoutes());
  app.use('/api', () => {
    throw new HttpError(404, 'NOT_FOUND');
  });

  const webDir = deps.webDir ?? DEFAULT_WEB_DIR;
  if (existsSync(path.join(webDir, 'index.html'))) {
    // The web app's files go out compressed (gzip or brotli, as the browser accepts); the API's
    // answers are small or paged, and are left as they are.
    app.use(compression());
    app.use(express.static(webDir, { index: 'index.html', maxAge: '1h', setHeaders: cacheHeaders }));
    // The citizens' feedback portal (web/lapor.html) owns /lapor and every path below it.
    if (existsSync(path.join(webDir, 'lapor.html'))) {
      app.get(['/lapor', '/lapor/{*path}'], (_req, res) => res.sendFile(path.join(webDir, 'lapor.html'), { headers: { 'Cache-Control': 'no-cache' } }));
    }
    app.get('/{*path}', (_req, res) => res.sendFile(path.join(webDir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }));
  }
  app.use(errorHandler);
  return app;
}

/**
 * A path that is not valid percent-encoding is malformed (400), and NUL characters are refused
 * anywhere (path, query, body): no database stores them the same way, so they would corrupt a case.
 */
const refuseUnreadableInput: express.RequestHandler = (req, _res, next) => {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    throw new HttpError(400, 'MALFORMED_URL');
  }
  if (path.includes('\u0000') || containsNul(req.query, 0) || containsNul(req.body, 0)) throw new HttpError(400, 'NUL_CHARACTER');
  next();
};

function containsNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return false;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000') || containsNul(inner, depth + 1)) return true;
  }
  return false;
}

/** Pages are checked on every visit; Vite's hashed assets (assets/name-hash.js) never change, so they are kept a year. */
function cacheHeaders(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else if (/[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+$/.test(file)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
