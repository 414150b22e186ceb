import { useId } from 'react';
import { useI18n } from '../../i18n';
import { usePeople } from '../../people';
import type { AssigneeRule, DurationSpec, ProcessDefinition, Step } from '../../../../processes/model';
import type { DefinitionProblem } from './process-api';
import { assigneeText } from './step-summary';

type HumanStep = Extract<Step, { kind: 'approval' | 'task' }>;
type Unit = 'workingDays' | 'calendarDays' | 'seconds';
const UNITS: readonly Unit[] = ['workingDays', 'calendarDays', 'seconds'];

export function isHumanStep(step: Step): step is HumanStep {
  return step.kind === 'approval' || step.kind === 'task';
}

function unitOf(spec: DurationSpec): Unit {
  return 'workingDays' in spec ? 'workingDays' : 'calendarDays' in spec ? 'calendarDays' : 'seconds';
}

function amountOf(spec: DurationSpec): number {
  return 'workingDays' in spec ? spec.workingDays : 'calendarDays' in spec ? spec.calendarDays : spec.seconds;
}

function duration(unit: Unit, amount: number): DurationSpec {
  return unit === 'workingDays' ? { workingDays: amount } : unit === 'calendarDays' ? { calendarDays: amount } : { seconds: amount };
}

/** A number input's value as a number; an empty or odd entry stays as typed for the server to refuse. */
function amountFrom(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

interface StepEditorProps {
  definition: ProcessDefinition;
  stepId: string;
  onStepChange: (stepId: string) => void;
  onChange: (definition: ProcessDefinition) => void;
  problems: DefinitionProblem[];
}

/**
 * The common changes of a human step: assignee roles, deadline, reminders, escalation. Each change
 * rewrites the definition, so the JSON editor below always shows what will be published.
 */
export function StepEditor({ definition, stepId, onStepChange, onChange, problems }: StepEditorProps) {
  const { t, pick } = useI18n();
  const id = useId();
  // Named users are edited as logins in the JSON, so both show: "Name (login)".
  const selected = definition.steps.find((s) => s.id === stepId);
  const { labelOf } = usePeople(selected && isHumanStep(selected) ? selected.assignees.map((a) => (a.kind === 'user' ? a.userId : null)) : []);
  const human = definition.steps.filter(isHumanStep);
  if (human.length === 0) return <p className="muted">{t('processes.editor.noHumanSteps')}</p>;
  const index = definition.steps.findIndex((s) => s.id === stepId && isHumanStep(s));
  const found = definition.steps[index];
  const step = found && isHumanStep(found) ? found : null;
  const at = `/steps/${index}`;
  const problemsAt = (path: string): DefinitionProblem[] => problems.filter((p) => p.path === `${at}${path}` || p.path.startsWith(`${at}${path}/`));

  const update = (change: (step: HumanStep) => HumanStep) => {
    if (!step) return;
    onChange({ ...definition, steps: definition.steps.map((s, i) => (i === index ? change(step) : s)) });
  };

  const roles = step?.assignees.filter((a): a is Extract<AssigneeRule, { kind: 'role' }> => a.kind === 'role') ?? [];
  const others = step?.assignees.filter((a) => a.kind !== 'role') ?? [];
  const deadline = step?.deadline;
  const fixedDeadline = deadline && !('workingDaysFrom' in deadline) ? deadline : null;

  return (
    <fieldset className="step-editor">
      <legend>{t('processes.editor.step')}</legend>
      <div className="field">
        <label htmlFor={`${id}-step`}>{t('processes.editor.step')}</label>
        <select id={`${id}-step`} value={step?.id ?? ''} onChange={(e) => onStepChange(e.target.value)}>
          {!step && <option value="">—</option>}
          {human.map((s) => (
            <option key={s.id} value={s.id}>
              {pick(s.name, s.id)} ({s.id})
            </option>
          ))}
        </select>
      </div>
      {step && (
        <>
          <div className="field">
            <label htmlFor={`${id}-roles`}>{t('processes.editor.roles')}</label>
            <input
              id={`${id}-roles`}
              value={roles.map((r) => r.role).join(', ')}
              aria-describedby={`${id}-roles-hint`}
              autoComplete="off"
              onChange={(e) => {
                const typed = e.target.value.split(',').map((r) => r.trim()).filter(Boolean);
                // A role's unit scope is kept when the role stays.
                const next = typed.map((role): AssigneeRule => roles.find((r) => r.role === role) ?? { kind: 'role', role });
                update((s) => ({ ...s, assignees: [...next, ...others] }));
              }}
            />
            <p id={`${id}-roles-hint`} className="muted field-hint">{t('processes.editor.rolesHint')}</p>
            {others.length > 0 && (
              <p className="muted">{t('processes.editor.otherAssignees', { list: others.map((a) => assigneeText(t, a, labelOf)).join(', ') })}</p>
            )}
            <Problems problems={problemsAt('/assignees')} />
          </div>

          <fieldset className="step-editor-group">
            <legend>{t('processes.editor.deadline')}</legend>
            {deadline && 'workingDaysFrom' in deadline ? (
              <p className="muted">{t('processes.editor.deadlineFromData', { path: deadline.workingDaysFrom })}</p>
            ) : (
              <DurationFields
                idPrefix={`${id}-deadline`}
                label={t('processes.editor.deadline')}
                value={fixedDeadline ?? null}
                allowNone
                onChange={(value) =>
                  update((s) => {
                    const { deadline: _old, ...rest } = s;
                    void _old;
                    return value ? { ...rest, deadline: value } : rest;
                  })
                }
              />
            )}
            <Problems problems={problemsAt('/deadline')} />
          </fieldset>

          <fieldset className="step-editor-group">
            <legend>{t('processes.editor.reminders')}</legend>
            {(step.reminders ?? []).map((reminder, j) => (
              <div key={j} className="step-editor-row">
                <DurationFields
                  idPrefix={`${id}-reminder-${j}`}
                  label={t('processes.editor.reminderBefore', { n: j + 1 })}
                  value={reminder.before}
                  onChange={(value) =>
                    value && update((s) => ({ ...s, reminders: (s.reminders ?? []).map((r, k) => (k === j ? { before: value } : r)) }))
                  }
                />
                <button
                  type="button"
                  className="button-secondary button-small"
                  onClick={() =>
                    update((s) => {
                      const { reminders = [], ...rest } = s;
                      const kept = reminders.filter((_, k) => k !== j);
                      return kept.length > 0 ? { ...rest, reminders: kept } : rest;
                    })
                  }
                >
                  {t('processes.editor.removeReminder', { n: j + 1 })}
                </button>
                <Problems problems={problemsAt(`/reminders/${j}`)} />
              </div>
            ))}
            <Problems problems={problems.filter((p) => p.path === `${at}/reminders`)} />
            <button
              type="button"
              className="button-secondary button-small"
              onClick={() => update((s) => ({ ...s, reminders: [...(s.reminders ?? []), { before: { workingDays: 1 } }] }))}
            >
              {t('processes.editor.addReminder')}
            </button>
          </fieldset>

          <fieldset className="step-editor-group">
            <legend>{t('processes.editor.escalation')}</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={step.escalation !== undefined}
                onChange={(e) =>
                  update((s) => {
                    const { escalation: _old, ...rest } = s;
                    void _old;
                    return e.target.checked ? { ...rest, escalation: { after: { workingDays: 1 }, to: { kind: 'role', role: 'administrator' } } } : rest;
                  })
                }
              />{' '}
              {t('processes.editor.escalationOn')}
            </label>
            {step.escalation && (
              <>
                <DurationFields
                  idPrefix={`${id}-escalation`}
                  label={t('processes.editor.escalationAfter')}
                  value={step.escalation.after}
                  onChange={(value) => value && update((s) => (s.escalation ? { ...s, escalation: { ...s.escalation, after: value } } : s))}
                />
                {step.escalation.to.kind === 'role' ? (
                  <div className="field">
                    <label htmlFor={`${id}-escalation-to`}>{t('processes.editor.escalationTo')}</label>
                    <input
                      id={`${id}-escalation-to`}
                      value={step.escalation.to.role}
                      autoComplete="off"
                      onChange={(e) =>
                        update((s) => (s.escalation ? { ...s, escalation: { ...s.escalation, to: { kind: 'role', role: e.target.value.trim() } } } : s))
                      }
                    />
                  </div>
                ) : (
                  <p className="muted">{t('processes.editor.escalationToOther')}</p>
                )}
              </>
            )}
            <Problems problems={problemsAt('/escalation')} />
          </fieldset>
        </>
      )}
    </fieldset>
  );
}

interface DurationFieldsProps {
  idPrefix: string;
  label: string;
  value: DurationSpec | null;
  allowNone?: boolean;
  onChange: (value: DurationSpec | null) => void;
}

function DurationFields({ idPrefix, label, value, allowNone = false, onChange }: DurationFieldsProps) {
  const { t } = useI18n();
  const unit = value ? unitOf(value) : null;
  const amount = value ? amountOf(value) : null;
  return (
    <div className="duration-fields">
      <div className="field">
        <label htmlFor={`${idPrefix}-amount`}>{`${label} — ${t('processes.editor.amount')}`}</label>
        <input
          id={`${idPrefix}-amount`}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          disabled={unit === null}
          value={amount === null || Number.isNaN(amount) ? '' : amount}
          onChange={(e) => unit && onChange(duration(unit, amountFrom(e.target.value)))}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-unit`}>{`${label} — ${t('processes.editor.unit')}`}</label>
        <select
          id={`${idPrefix}-unit`}
          value={unit ?? ''}
          onChange={(e) => {
            const next = UNITS.find((u) => u === e.target.value);
            onChange(next ? duration(next, amount ?? 1) : null);
          }}
        >
          {allowNone && <option value="">{t('processes.editor.unit.none')}</option>}
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`processes.editor.unit.${u}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function Problems({ problems }: { problems: DefinitionProblem[] }) {
  const { pick } = useI18n();
  if (problems.length === 0) return null;
  return (
    <ul className="field-error" role="alert">
      {problems.map((p, i) => (
        <li key={i}>{pick(p.message)}</li>
      ))}
    </ul>
  );
}
