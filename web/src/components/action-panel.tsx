import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { asApiError, errorSchemaOf, newIdempotencyKey, takeAction } from '../api';
import type { ActionBodies, ApiError, CaseAction, CaseView, CurrentStep, FormVersion, ProcessDefinition } from '../api';
import { useI18n } from '../i18n';
import { usePeople } from '../people';
import { caseDataDefaults } from '../forms/case-data-defaults';
import { SchemaForm } from '../forms/schema-form';
import { useFormVersion } from '../forms/use-form-version';
import { stepName } from '../process-catalogue';
import { ErrorNotice, FieldError } from './error-notice';
import { PersonField } from './person-field';

interface ActionPanelProps {
  view: CaseView;
  definition: ProcessDefinition | null;
  /** Called with the case as the action left it. */
  onDone: (view: CaseView) => void;
  /** Called after a 409 refusal: the case moved on, so it is read again. */
  onConflict: () => Promise<void>;
}

type Run = <A extends CaseAction>(action: A, body: ActionBodies[A]) => Promise<boolean>;

interface FormProps {
  run: Run;
  pending: CaseAction | null;
  /** Field errors of the last refused request, when it was this form's. */
  errorsFor: (action: CaseAction) => ApiError['fields'];
  /** The last refused request's error, when it was this action's. */
  failureOf: (action: CaseAction) => ApiError | null;
}

/** Only the actions the server says this user may take now, each as a small form. */
export function ActionPanel({ view, definition, onDone, onConflict }: ActionPanelProps) {
  const { t, lang } = useI18n();
  const [pending, setPending] = useState<CaseAction | null>(null);
  const [failure, setFailure] = useState<{ action: CaseAction; error: ApiError } | null>(null);
  const [notice, setNotice] = useState('');
  // Forms start empty again after each accepted action.
  const [generation, setGeneration] = useState(0);
  // State updates are async; this ref stops a fast double click from sending twice.
  const inFlight = useRef(false);

  const run: Run = async (action, body) => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setPending(action);
    setFailure(null);
    setNotice(t('actions.sending'));
    try {
      const updated = await takeAction(lang, view.id, action, body, newIdempotencyKey());
      setNotice(t('actions.done'));
      setGeneration((n) => n + 1);
      onDone(updated);
      return true;
    } catch (caught) {
      const error = asApiError(caught, lang);
      setFailure({ action, error });
      setNotice('');
      // The case moved on (decided by someone else, closed...): show its current state, keep the message.
      if (error.status === 409) {
        await onConflict();
        setNotice(t('actions.reloaded'));
      }
      return false;
    } finally {
      inFlight.current = false;
      setPending(null);
    }
  };

  const formProps: FormProps = {
    run,
    pending,
    errorsFor: (action) => (failure?.action === action ? failure.error.fields : {}),
    failureOf: (action) => (failure?.action === action ? failure.error : null),
  };
  const has = (action: CaseAction) => view.actions.includes(action);
  const current = view.current;

  return (
    <section className="card action-panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('actions.title')}</h2>
      <ErrorNotice
        error={failure?.error ?? null}
        title={t('actions.refused')}
        inlineFields={failure ? [...inlineFieldsOf(failure.action), ...(failure.error.code === 'FORM_INVALID' ? Object.keys(failure.error.fields) : [])] : []}
      />
      <p className="muted" role="status">
        {notice}
      </p>

      {view.actions.length === 0 && <p className="muted">{t('actions.none')}</p>}

      <div key={generation} className="action-forms">
        {current && (has('approve') || has('reject')) && (
          <DecideForm {...formProps} current={current} caseData={view.data} canApprove={has('approve')} canReject={has('reject')} />
        )}
        {current && has('resubmit') && <ResubmitForm {...formProps} data={view.data} current={current} />}
        {current && has('end-wait') && <EndWaitForm {...formProps} current={current} />}
        {current && has('extend-wait') && <ExtendWaitForm {...formProps} current={current} />}
        {current && has('return') && <ReturnForm {...formProps} current={current} definition={definition} />}
        {current && has('delegate') && <DelegateForm {...formProps} current={current} />}
        {current && has('reassign') && <ReassignForm {...formProps} current={current} />}
        {has('comment') && <CommentForm {...formProps} />}
        {has('withdraw') && <WithdrawForm {...formProps} />}
      </div>
    </section>
  );
}

/** Fields each action's form shows next to its inputs; other field messages go in the notice. */
function inlineFieldsOf(action: CaseAction): readonly string[] {
  switch (action) {
    case 'approve':
    case 'reject':
    case 'withdraw':
    case 'comment':
    case 'end-wait':
      return ['comment'];
    case 'return':
    case 'delegate':
      return ['to', 'comment'];
    case 'reassign':
      return ['from', 'to', 'comment'];
    case 'resubmit':
      return ['data', 'keterangan', 'comment'];
    case 'extend-wait':
      return ['until', 'comment'];
  }
}

/** An optional comment goes into a request body only when it says something. */
function withComment(value: string): { comment?: string } {
  const trimmed = value.trim();
  return trimmed ? { comment: trimmed } : {};
}

// ----------------------------------------------------------------------------------------------
// Inputs.
// ----------------------------------------------------------------------------------------------

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: readonly string[] | undefined;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'date';
  min?: string;
  name: string;
}

/** A labelled input whose server-side errors sit right under it. */
function TextField({ label, value, onChange, errors, required = false, multiline = false, type = 'text', min, name }: TextFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const invalid = errors && errors.length > 0;
  const common = {
    id,
    name,
    value,
    'aria-required': required || undefined,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${id}-error` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} <span className="hint">{required ? t('field.required') : t('field.optional')}</span>
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          autoComplete="off"
          {...(min ? { min } : {})}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

function ActionForm({ title, children, onSubmit, open = false }: { title: string; children: ReactNode; onSubmit: () => void; open?: boolean }) {
  const id = useId();
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  const form = (
    <form onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-title`}>
      {children}
    </form>
  );
  // The main decision is always open; the others fold away so the page stays short on a phone.
  if (open) {
    return (
      <div className="action-form action-form-primary">
        <h3 id={`${id}-title`}>{title}</h3>
        {form}
      </div>
    );
  }
  return (
    <details className="action-form">
      <summary id={`${id}-title`}>{title}</summary>
      {form}
    </details>
  );
}

function SubmitButton({ pending, action, label, className = 'button-primary' }: { pending: CaseAction | null; action: CaseAction; label: string; className?: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" className={className} disabled={pending !== null}>
      {pending === action ? t('actions.sending') : label}
    </button>
  );
}

// ----------------------------------------------------------------------------------------------
// One form per action.
// ----------------------------------------------------------------------------------------------

function DecideForm({ run, pending, errorsFor, failureOf, current, caseData, canApprove, canReject }: FormProps & {
  current: CurrentStep; caseData: Record<string, unknown>; canApprove: boolean; canReject: boolean;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [data, setData] = useState<unknown>({});
  const { form } = useFormVersion(current.formRef);
  // Fields the form fills from the case (`ui:options.defaultFrom: "data.…"`), e.g. whether a
  // blocking check failed, start with that value; what the user already entered stays.
  useEffect(() => {
    if (!form) return;
    const defaults = caseDataDefaults(form.uiSchema, caseData);
    if (Object.keys(defaults).length > 0) setData((entered: unknown) => ({ ...defaults, ...(entered as Record<string, unknown> | null ?? {}) }));
  }, [form, caseData]);
  const body = { stepId: current.stepId, ...withComment(comment) };
  const approveBody = form ? { ...body, data: (data ?? {}) as Record<string, unknown> } : body;
  const commentErrors = errorsFor('approve').comment ?? errorsFor('reject').comment;

  return (
    <ActionForm
      title={t('actions.decide.title')}
      open
      onSubmit={() => {
        // Enter in a field submits; only approving is a submit, rejecting needs its own click.
        if (canApprove) void run('approve', approveBody);
      }}
    >
      {form && (
        <SchemaForm
          schema={form.schema}
          uiSchema={form.uiSchema}
          translations={form.translations}
          formData={data}
          onChange={setData}
          extraErrors={errorSchemaOf(failureOf('approve'))}
          idPrefix="step"
          embedded
        />
      )}
      <TextField name="comment" label={t('actions.comment')} value={comment} onChange={setComment} errors={commentErrors} multiline />
      <div className="button-row">
        {canApprove && (
          <button type="submit" className="button-approve" disabled={pending !== null}>
            {pending === 'approve' ? t('actions.sending') : current.kind === 'task' ? t('actions.submitTask') : t('actions.approve')}
          </button>
        )}
        {canReject && (
          <button type="button" className="button-reject" disabled={pending !== null} onClick={() => void run('reject', body)}>
            {pending === 'reject' ? t('actions.sending') : t('actions.reject')}
          </button>
        )}
      </div>
    </ActionForm>
  );
}

function ReturnForm({ run, pending, errorsFor, current, definition }: FormProps & { current: CurrentStep; definition: ProcessDefinition | null }) {
  const { t, pick } = useI18n();
  const id = useId();
  const [to, setTo] = useState(current.returnTargets[0] ?? 'initiator');
  const [reason, setReason] = useState('');
  const errors = errorsFor('return');

  // The reason is required; the server says so (422), and the message shows under the input.
  return (
    <ActionForm title={t('actions.return.title')} onSubmit={() => void run('return', { stepId: current.stepId, to, comment: reason.trim() })}>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('actions.return.to')}</label>
        <select
          id={`${id}-to`}
          name="to"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          aria-invalid={errors.to ? true : undefined}
          aria-describedby={errors.to ? `${id}-to-error` : undefined}
        >
          {current.returnTargets.map((target) => (
            <option key={target} value={target}>
              {target === 'initiator' ? t('actions.return.toInitiator') : stepName(definition, target, pick)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-to-error`} messages={errors.to} />
      </div>
      <TextField name="reason" label={t('actions.return.reason')} value={reason} onChange={setReason} errors={errors.comment} required multiline />
      <SubmitButton pending={pending} action="return" label={t('actions.return.submit')} className="button-secondary" />
    </ActionForm>
  );
}

function DelegateForm({ run, pending, errorsFor, current }: FormProps & { current: CurrentStep }) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const [comment, setComment] = useState('');
  const errors = errorsFor('delegate');
  return (
    <ActionForm
      title={t('actions.delegate.title')}
      onSubmit={() => void run('delegate', { stepId: current.stepId, to: to.trim(), ...withComment(comment) })}
    >
      <PersonField name="delegate-to" label={t('actions.delegate.to')} value={to} onChange={setTo} errors={errors.to} />
      <TextField name="comment" label={t('actions.comment')} value={comment} onChange={setComment} errors={errors.comment} multiline />
      <SubmitButton pending={pending} action="delegate" label={t('actions.delegate.submit')} className="button-secondary" />
    </ActionForm>
  );
}

function ReassignForm({ run, pending, errorsFor, current }: FormProps & { current: CurrentStep }) {
  const { t } = useI18n();
  const id = useId();
  const [from, setFrom] = useState(current.assignees[0]?.userId ?? '');
  const { labelOf } = usePeople(current.assignees.map((a) => a.userId));
  const [to, setTo] = useState('');
  const [comment, setComment] = useState('');
  const errors = errorsFor('reassign');
  return (
    <ActionForm
      title={t('actions.reassign.title')}
      onSubmit={() => void run('reassign', { stepId: current.stepId, from, to: to.trim(), ...withComment(comment) })}
    >
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('actions.reassign.from')}</label>
        <select
          id={`${id}-from`}
          name="from"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          aria-invalid={errors.from ? true : undefined}
          aria-describedby={errors.from ? `${id}-from-error` : undefined}
        >
          {current.assignees.map((assignee) => (
            <option key={assignee.userId} value={assignee.userId}>
              {labelOf(assignee.userId)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-from-error`} messages={errors.from} />
      </div>
      <PersonField name="reassign-to" label={t('actions.reassign.to')} value={to} onChange={setTo} errors={errors.to} />
      <TextField name="comment" label={t('actions.comment')} value={comment} onChange={setComment} errors={errors.comment} multiline />
      <SubmitButton pending={pending} action="reassign" label={t('actions.reassign.submit')} className="button-secondary" />
    </ActionForm>
  );
}

function CommentForm({ run, pending, errorsFor }: FormProps) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  return (
    <ActionForm title={t('actions.comment.title')} onSubmit={() => void run('comment', { comment: comment.trim() })}>
      <TextField name="comment" label={t('actions.comment')} value={comment} onChange={setComment} errors={errorsFor('comment').comment} required multiline />
      <SubmitButton pending={pending} action="comment" label={t('actions.comment.submit')} className="button-secondary" />
    </ActionForm>
  );
}

function WithdrawForm({ run, pending, errorsFor }: FormProps) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);

  return (
    <ActionForm
      title={t('actions.withdraw.title')}
      onSubmit={() => {
        if (!confirming) {
          setConfirming(true);
          // Move focus to the question, so keyboard and screen-reader users meet it next.
          requestAnimationFrame(() => confirmRef.current?.focus());
          return;
        }
        void run('withdraw', withComment(comment)).then(() => setConfirming(false));
      }}
    >
      <TextField name="comment" label={t('actions.comment')} value={comment} onChange={setComment} errors={errorsFor('withdraw').comment} multiline />
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('actions.withdraw.confirm')}</p>
          <div className="button-row">
            <button ref={confirmRef} type="submit" className="button-reject" disabled={pending !== null}>
              {pending === 'withdraw' ? t('actions.sending') : t('actions.withdraw.yes')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('actions.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <SubmitButton pending={pending} action="withdraw" label={t('actions.withdraw.submit')} className="button-secondary" />
      )}
    </ActionForm>
  );
}

function ResubmitForm({ run, pending, errorsFor, failureOf, data, current }: FormProps & { data: Record<string, unknown>; current: CurrentStep }) {
  const { form } = useFormVersion(current.formRef);
  if (form) return <ResubmitSchemaForm run={run} pending={pending} errorsFor={errorsFor} failureOf={failureOf} data={data} form={form} />;
  return <ResubmitNotesForm run={run} pending={pending} errorsFor={errorsFor} failureOf={failureOf} data={data} />;
}

function ResubmitSchemaForm({ run, pending, errorsFor, failureOf, data, form }: FormProps & { data: Record<string, unknown>; form: FormVersion }) {
  const { t } = useI18n();
  const [edited, setEdited] = useState<unknown>(data);
  const [comment, setComment] = useState('');
  return (
    <ActionForm
      title={t('actions.resubmit.title')}
      open
      onSubmit={() => void run('resubmit', { data: (edited ?? {}) as Record<string, unknown>, ...withComment(comment) })}
    >
      <p className="muted">{t('actions.resubmit.intro')}</p>
      <SchemaForm
        schema={form.schema}
        uiSchema={form.uiSchema}
        translations={form.translations}
        formData={edited}
        onChange={setEdited}
        extraErrors={errorSchemaOf(failureOf('resubmit'))}
        idPrefix="resubmit"
        embedded
      />
      <TextField name="comment" label={t('actions.comment')} value={comment} onChange={setComment} errors={errorsFor('resubmit').comment} multiline />
      <SubmitButton pending={pending} action="resubmit" label={t('actions.resubmit.submit')} />
    </ActionForm>
  );
}

function ResubmitNotesForm({ run, pending, errorsFor, data }: FormProps & { data: Record<string, unknown> }) {
  const { t } = useI18n();
  const [notes, setNotes] = useState(typeof data.keterangan === 'string' ? data.keterangan : '');
  const [comment, setComment] = useState('');
  const errors = errorsFor('resubmit');
  const notesErrors = [...(errors.data ?? []), ...(errors.keterangan ?? [])];
  return (
    <ActionForm
      title={t('actions.resubmit.title')}
      open
      onSubmit={() => void run('resubmit', { data: { ...data, keterangan: notes.trim() }, ...withComment(comment) })}
    >
      <p className="muted">{t('actions.resubmit.intro')}</p>
      <TextField name="keterangan" label={t('start.notesLabel')} value={notes} onChange={setNotes} errors={notesErrors.length ? notesErrors : undefined} multiline />
      <TextField name="comment" label={t('actions.comment')} value={comment} onChange={setComment} errors={errors.comment} multiline />
      <SubmitButton pending={pending} action="resubmit" label={t('actions.resubmit.submit')} />
    </ActionForm>
  );
}

function ExtendWaitForm({ run, pending, errorsFor, current }: FormProps & { current: CurrentStep }) {
  const { t } = useI18n();
  const [until, setUntil] = useState('');
  const [comment, setComment] = useState('');
  const errors = errorsFor('extend-wait');
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return (
    <ActionForm
      title={t('actions.extendWait.title')}
      onSubmit={() => void run('extend-wait', { stepId: current.stepId, until, ...withComment(comment) })}
    >
      <TextField name="until" type="date" min={tomorrow} label={t('actions.extendWait.until')} value={until} onChange={setUntil} errors={errors.until} required />
      <TextField name="comment" label={t('actions.comment')} value={comment} onChange={setComment} errors={errors.comment} multiline />
      <SubmitButton pending={pending} action="extend-wait" label={t('actions.extendWait.submit')} className="button-secondary" />
    </ActionForm>
  );
}

function EndWaitForm({ run, pending, errorsFor, current }: FormProps & { current: CurrentStep }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  return (
    <ActionForm title={t('actions.endWait.title')} onSubmit={() => void run('end-wait', { stepId: current.stepId, ...withComment(comment) })}>
      <TextField name="comment" label={t('actions.comment')} value={comment} onChange={setComment} errors={errorsFor('end-wait').comment} multiline />
      <SubmitButton pending={pending} action="end-wait" label={t('actions.endWait.submit')} className="button-secondary" />
    </ActionForm>
  );
}
