import { useEffect, useEffectEvent, useState } from 'react';
import { getHealth, isAbortError } from '../api';
import type { ComponentStatus, Health } from '../api';
import { useI18n } from '../i18n';

const POLL_MS = 30_000;

type HealthState = { kind: 'checking' } | { kind: 'unreachable' } | { kind: 'report'; health: Health };

export function HealthPill() {
  const { t, lang } = useI18n();
  const [state, setState] = useState<HealthState>({ kind: 'checking' });

  const check = useEffectEvent(async (signal: AbortSignal) => {
    try {
      const health = await getHealth(lang, signal);
      setState({ kind: 'report', health });
    } catch (error) {
      if (!isAbortError(error)) setState({ kind: 'unreachable' });
    }
  });

  useEffect(() => {
    const controller = new AbortController();
    void check(controller.signal);
    const timer = window.setInterval(() => void check(controller.signal), POLL_MS);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [lang]);

  const word = (status: ComponentStatus) => t(status === 'up' ? 'health.up' : 'health.down');

  let tone: 'pending' | 'ok' | 'bad';
  let summary: string;
  let detail: string | null = null;
  let tooltip: string | undefined;
  if (state.kind === 'checking') {
    tone = 'pending';
    summary = t('health.checking');
  } else if (state.kind === 'unreachable') {
    tone = 'bad';
    summary = t('health.unreachable');
  } else {
    const { temporal, database } = state.health;
    tone = state.health.status === 'ok' ? 'ok' : 'bad';
    summary = t(state.health.status === 'ok' ? 'health.ok' : 'health.unavailable');
    detail = `${t('health.temporal')}: ${word(temporal.status)} · ${t('health.database')}: ${word(database.status)}`;
    tooltip = [
      temporal.message && `${t('health.temporal')}: ${temporal.message}`,
      `${t('health.database')} (${database.driver})${database.message ? `: ${database.message}` : ''}`,
    ]
      .filter(Boolean)
      .join('\n');
  }

  return (
    <div className={`health health-${tone}`} role="status" title={tooltip}>
      <span className="visually-hidden">{t('health.label')}: </span>
      <span className="health-dot" aria-hidden="true" />
      <span className="health-summary">{summary}</span>
      {detail && <span className="health-detail">{detail}</span>}
    </div>
  );
}
