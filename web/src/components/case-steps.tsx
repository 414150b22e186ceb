import type { ApiError, CurrentStep, ProcessDefinition, TimelineEvent } from '../api';
import { useI18n } from '../i18n';
import { REVISION_STEP } from '../process-catalogue';

interface CaseStepsProps {
  definition: ProcessDefinition | null;
  error: ApiError | null;
  current: CurrentStep | null;
  timeline: TimelineEvent[];
}

/** The steps of the case's definition version in order, the current one highlighted. */
export function CaseSteps({ definition, error, current, timeline }: CaseStepsProps) {
  const { t, pick } = useI18n();
  const entered = new Set(timeline.filter((e) => e.type === 'step.entered' && e.stepId).map((e) => e.stepId));
  const inRevision = current?.stepId === REVISION_STEP;

  return (
    <section className="card case-steps" aria-labelledby="case-steps-heading">
      <h2 id="case-steps-heading">{t('steps.title')}</h2>
      {error && <p className="field-error">{t('steps.loadFailed')}</p>}
      {!definition && !error && <p className="muted">{t('list.loading')}</p>}
      {inRevision && (
        <p className="step step-current" aria-current="step">
          <strong>{t('current.revision')}</strong>
        </p>
      )}
      {definition && (
        <ol className="steps">
          {definition.steps.map((step, index) => {
            const state = step.id === current?.stepId ? 'current' : entered.has(step.id) ? 'done' : 'pending';
            return (
              <li key={step.id} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
                <span className="step-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="step-body">
                  <strong>{pick(step.name, step.id)}</strong>
                  <span className="muted">
                    {t(`steps.kind.${step.kind}`)} · {t(`steps.${state}`)}
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
