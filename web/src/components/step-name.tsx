import { useI18n } from '../i18n';
import { REVISION_STEP, stepName, useDefinition } from '../process-catalogue';

/** A step's name from its process definition (the given version, else the latest), or its id. */
export function StepName({ processKey, stepId, version }: { processKey: string; stepId: string; version?: number }) {
  const { t, pick } = useI18n();
  const { definition, error } = useDefinition(processKey, version);
  if (stepId === REVISION_STEP) return <>{t('steps.kind.revision')}</>;
  // Nothing while the definition loads, rather than a flash of the step's id.
  if (!definition && !error) return <span className="muted">…</span>;
  return <>{stepName(definition, stepId, pick)}</>;
}
