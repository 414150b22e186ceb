import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Router } from 'express';
import { Router as createRouter } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { CaseTask, MailMessage, type Database } from '../db';
import { HttpError } from './errors';

/**
 * Prometheus metrics of the API: request latency per route, decisions by outcome, and gauges read
 * from the database at scrape time (open tasks per process, deadline breaches, failing mail).
 * The worker's own Temporal metrics are served by the worker (see worker/main.ts).
 */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly decisions: Counter<'action' | 'result'>;

  constructor(db: Database) {
    collectDefaultMetrics({ register: this.registry, prefix: 'alur_api_' });
    this.httpDuration = new Histogram({
      name: 'alur_http_request_duration_seconds',
      help: 'HTTP request latency by route template and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.decisions = new Counter({
      name: 'alur_case_actions_total',
      help: 'Human actions on cases by action and result (accepted, or the refusal code).',
      labelNames: ['action', 'result'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'alur_open_tasks',
      help: 'Open tasks (inbox entries) by process.',
      labelNames: ['process'],
      registers: [this.registry],
      async collect() {
        const rows = await db.em().find(CaseTask, { status: 'open' }, { fields: ['processKey'] });
        const counts = new Map<string, number>();
        for (const row of rows) counts.set(row.processKey, (counts.get(row.processKey) ?? 0) + 1);
        this.reset();
        for (const [process, count] of counts) this.set({ process }, count);
      },
    });
    new Gauge({
      name: 'alur_deadline_breaches',
      help: 'Open tasks past their deadline.',
      registers: [this.registry],
      async collect() {
        this.set(await db.em().count(CaseTask, { status: 'open', dueAt: { $lt: new Date() } }));
      },
    });
    new Gauge({
      name: 'alur_mail_failing',
      help: 'Notification e-mails still pending after at least one failed attempt.',
      registers: [this.registry],
      async collect() {
        this.set(await db.em().count(MailMessage, { status: 'pending', attempts: { $gt: 0 } }));
      },
    });
  }

  /** Times every request, labelled by its route template (never the raw URL, to bound the series). */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const end = this.httpDuration.startTimer();
      res.on('finish', () => {
        const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : req.baseUrl || 'unmatched';
        end({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    };
  }

  /** The scrape endpoint; with a token, only a request bearing it is answered (401 otherwise). */
  routes(token?: string): Router {
    const router = createRouter();
    router.get('/', async (req, res) => {
      if (token !== undefined && !bearerMatches(req.get('authorization'), token)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        throw new HttpError(401, 'METRICS_TOKEN_REQUIRED');
      }
      res.setHeader('Content-Type', this.registry.contentType);
      res.send(await this.registry.metrics());
    });
    return router;
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = createHash('sha256').update(match[1] as string).digest();
  const wanted = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, wanted);
}
