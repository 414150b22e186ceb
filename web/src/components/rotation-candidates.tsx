import { useEffect, useId, useState } from 'react';
import { asApiError, isAbortError, query, request } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import '../forms/pickers/pickers.css';

type ComponentName = 'education' | 'competencies' | 'training' | 'performance';
const COMPONENTS: readonly ComponentName[] = ['competencies', 'education', 'training', 'performance'];
const COMPONENT_LABEL: Record<ComponentName, MessageKey> = {
  education: 'candidates.component.education',
  competencies: 'candidates.component.competencies',
  training: 'candidates.component.training',
  performance: 'candidates.component.performance',
};

/** One ranked candidate, as GET /api/rotation/candidates answers (activities/rotation-candidates.ts). */
export interface RotationCandidate {
  rank: number;
  employee: { id: number; nip: string; name: string; golongan: string; position: { id: number; name: string } | null; unit: { id: number; name: string } };
  score: number;
  components: Record<ComponentName, { weight: number; value: number; points: number; reason: { id: string; en: string } }>;
}

interface CandidatesAnswer {
  position: { id: number; name: string };
  items: RotationCandidate[];
}

const LIMIT = 10;

/**
 * The people suggested for a target position, best match first, each score explained (collapsed);
 * "Pilih" hands the candidate to the form.
 */
export function RotationCandidates({ positionId, pickedNip, onPick }: { positionId: number | null; pickedNip: string | null; onPick: (candidate: RotationCandidate) => void }) {
  const { t, lang, pick } = useI18n();
  const headingId = useId();
  const [answer, setAnswer] = useState<CandidatesAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setAnswer(null);
    setError(null);
    if (positionId === null) return;
    const controller = new AbortController();
    request<CandidatesAnswer>(lang, `/api/rotation/candidates${query({ positionId, limit: LIMIT })}`, { signal: controller.signal })
      .then(setAnswer)
      .catch((caught: unknown) => {
        if (!isAbortError(caught)) setError(asApiError(caught, lang).message);
      });
    return () => controller.abort();
  }, [positionId, lang]);

  if (positionId === null) return null;
  return (
    <section className="rotation-candidates" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('candidates.title')}</h2>
      {error && <p className="notice notice-error">{error}</p>}
      {!error && !answer && <p className="muted" role="status">{t('candidates.loading')}</p>}
      {answer && (
        <>
          <p className="hint">{t('candidates.intro', { position: answer.position.name })}</p>
          {answer.items.length === 0 ? (
            <p className="muted">{t('candidates.none')}</p>
          ) : (
            <ol className="candidate-list">
              {answer.items.map((candidate) => {
                const picked = candidate.employee.nip === pickedNip;
                return (
                  <li key={candidate.employee.id} className={picked ? 'candidate candidate-picked' : 'candidate'}>
                    <div className="candidate-head">
                      <span className="candidate-rank">{t('candidates.rank', { rank: candidate.rank })}</span>
                      <span className="candidate-who">
                        <strong>{candidate.employee.name}</strong> <span className="picker-nip">{candidate.employee.nip}</span>
                        <span className="picker-detail">
                          {candidate.employee.golongan} · {candidate.employee.position?.name ?? '—'} · {candidate.employee.unit.name}
                        </span>
                      </span>
                      <span className="candidate-score">{t('candidates.score', { score: Math.round(candidate.score) })}</span>
                      <button
                        type="button"
                        className="button-secondary"
                        aria-label={t('candidates.pickLabel', { name: candidate.employee.name })}
                        aria-pressed={picked}
                        onClick={() => onPick(candidate)}
                      >
                        {picked ? t('candidates.picked') : t('candidates.pick')}
                      </button>
                    </div>
                    <details className="candidate-why">
                      <summary>{t('candidates.why')}</summary>
                      <dl>
                        {COMPONENTS.map((name) => {
                          const part = candidate.components[name];
                          return (
                            <div key={name}>
                              <dt>
                                {t(COMPONENT_LABEL[name])}: {t('candidates.points', { points: Math.round(part.points * 10) / 10, weight: part.weight })}
                              </dt>
                              <dd>{pick(part.reason)}</dd>
                            </div>
                          );
                        })}
                      </dl>
                    </details>
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
