import { useEffect, useId, useMemo, useState } from 'react';
import { asApiError, isAbortError } from '../../api';
import type { ApiError, ProcessSummary } from '../../api';
import { lineOfPointer, lineOfSyntaxError, JsonEditor } from '../../forms/json-editor';
import type { JsonEditorError } from '../../forms/json-editor';
import { useI18n } from '../../i18n';
import { useProcessCatalogue } from '../../process-catalogue';
import { processHref, processesHref, useDocumentTitle } from '../../routing';
import { ErrorNotice } from '../error-notice';
import type { ProcessDefinition } from '../../../../processes/model';
import { checkDefinition, definitionProblemsOf, getFullDefinition, listProcessSummaries, publishDefinition } from './process-api';
import type { DefinitionProblem } from './process-api';
import { ProcessDiagram } from './process-diagram';
import './processes.css';
import { isHumanStep, StepEditor } from './step-editor';

/** Administrators' list of processes with their current version. */
export function ProcessesPage() {
  const { t, lang, pick } = useI18n();
  useDocumentTitle(t('processes.title'));
  const [processes, setProcesses] = useState<ProcessSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    listProcessSummaries(lang, abort.signal).then(setProcesses, (caught: unknown) => {
      if (!isAbortError(caught)) setError(asApiError(caught, lang));
    });
    return () => abort.abort();
  }, [lang]);

  return (
    <>
      <h1>{t('processes.title')}</h1>
      <p className="muted">{t('processes.intro')}</p>
      <ErrorNotice error={error} />
      {!processes && !error && <p className="muted" role="status">{t('list.loading')}</p>}
      {processes && processes.length === 0 && <p className="card muted">{t('processes.none')}</p>}
      {processes && processes.length > 0 && (
        <ul className="process-list">
          {processes.map((p) => (
            <li key={p.key} className="card" data-process={p.key}>
              <h2>
                <a href={processHref(p.key)}>{pick(p.name, p.key)}</a>
              </h2>
              <p className="muted">
                <code>{p.key}</code> · <span className="process-version">{t('processes.version', { version: p.version })}</span>
              </p>
              {p.description && <p>{pick(p.description)}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

type Check = { kind: 'idle' } | { kind: 'busy' } | { kind: 'valid' } | { kind: 'refused'; problems: DefinitionProblem[] } | { kind: 'failed'; error: ApiError };

/** One process: its diagram, and an editor that validates on the server and publishes a new version. */
export function ProcessPage({ processKey }: { processKey: string }) {
  const { t, lang, pick } = useI18n();
  const id = useId();
  const [definition, setDefinition] = useState<ProcessDefinition | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [text, setText] = useState('');
  const [stepId, setStepId] = useState('');
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  const [changeNote, setChangeNote] = useState('');
  const [published, setPublished] = useState<number | null>(null);
  // The start pages of this tab show the new version at once (other tabs read the list again when opened).
  const catalogue = useProcessCatalogue();
  useDocumentTitle(definition ? pick(definition.name, processKey) : t('processes.title'));

  useEffect(() => {
    const abort = new AbortController();
    getFullDefinition(lang, processKey, undefined, abort.signal).then(
      (loaded) => {
        setDefinition(loaded);
        setText(JSON.stringify(loaded, null, 2));
        setStepId(loaded.steps.find(isHumanStep)?.id ?? '');
      },
      (caught: unknown) => {
        if (!isAbortError(caught)) setLoadError(asApiError(caught, lang));
      },
    );
    return () => abort.abort();
    // The definition carries both languages: a language switch need not reload it (or lose edits).
  }, [processKey]);

  // The JSON text is what gets published; the structured editor and the draft diagram read it.
  const draft = useMemo((): { value: ProcessDefinition } | { error: string } => {
    try {
      return { value: JSON.parse(text) as ProcessDefinition };
    } catch (caught) {
      return { error: caught instanceof Error ? caught.message : String(caught) };
    }
  }, [text]);

  if (loadError) return <ErrorNotice error={loadError} />;
  if (!definition) return <p className="muted" role="status">{t('list.loading')}</p>;

  const problems = check.kind === 'refused' ? check.problems : [];
  const jsonErrors: JsonEditorError[] =
    'error' in draft
      ? [{ line: lineOfSyntaxError(text, draft.error), message: t('processes.editor.jsonInvalid', { message: draft.error }) }]
      : problems.map((p) => ({ line: lineOfPointer(text, p.path), message: `${p.path}: ${pick(p.message)}` }));

  function edit(nextText: string) {
    setText(nextText);
    setCheck({ kind: 'idle' });
    setPublished(null);
  }

  async function validate(): Promise<boolean> {
    if ('error' in draft) return false;
    setCheck({ kind: 'busy' });
    try {
      await checkDefinition(lang, draft.value);
      setCheck({ kind: 'valid' });
      return true;
    } catch (caught) {
      const error = asApiError(caught, lang);
      const found = definitionProblemsOf(error);
      setCheck(found.length > 0 ? { kind: 'refused', problems: found } : { kind: 'failed', error });
      return false;
    }
  }

  async function publish() {
    if ('error' in draft || !(await validate())) return;
    setCheck({ kind: 'busy' });
    try {
      const saved = await publishDefinition(lang, draft.value, changeNote.trim());
      catalogue.published(saved);
      setDefinition(saved);
      setText(JSON.stringify(saved, null, 2));
      setChangeNote('');
      setPublished(saved.version);
      setCheck({ kind: 'idle' });
    } catch (caught) {
      const error = asApiError(caught, lang);
      const found = definitionProblemsOf(error);
      setCheck(found.length > 0 ? { kind: 'refused', problems: found } : { kind: 'failed', error });
    }
  }

  const busy = check.kind === 'busy';
  return (
    <>
      <p>
        <a href={processesHref()}>← {t('processes.back')}</a>
      </p>
      <h1>
        {pick(definition.name, definition.key)} <span className="muted process-version">{t('processes.version', { version: definition.version })}</span>
      </h1>
      {definition.description && <p className="muted">{pick(definition.description)}</p>}
      <ProcessDiagram definition={'value' in draft ? draft.value : definition} />

      <section className="card process-editor" aria-labelledby={`${id}-editor`}>
        <h2 id={`${id}-editor`}>{t('processes.editor')}</h2>
        <p className="muted">{t('processes.editor.intro')}</p>
        {'value' in draft && (
          <StepEditor
            definition={draft.value}
            stepId={stepId}
            onStepChange={setStepId}
            onChange={(next) => edit(JSON.stringify(next, null, 2))}
            problems={problems}
          />
        )}
        <JsonEditor label={t('processes.editor.json')} name="definition" value={text} onChange={edit} errors={jsonErrors} readOnly={false} />

        <div className="notice-region" aria-live="polite" aria-atomic="true">
          {check.kind === 'valid' && <p className="notice notice-info">{t('processes.valid')}</p>}
          {published !== null && <p className="notice notice-info">{t('processes.published', { version: published })}</p>}
          {problems.length > 0 && (
            <div className="notice notice-error process-problems">
              <p className="notice-title">{t('processes.problems', { count: problems.length })}</p>
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.path || '/'}</code> {pick(p.message)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <ErrorNotice error={check.kind === 'failed' ? check.error : null} />

        <div className="field">
          <label htmlFor={`${id}-note`}>{t('processes.changeNote')}</label>
          <input id={`${id}-note`} value={changeNote} autoComplete="off" onChange={(e) => setChangeNote(e.target.value)} />
        </div>
        <div className="button-row">
          <button type="button" className="button-secondary" disabled={busy || 'error' in draft} onClick={() => void validate()}>
            {busy ? t('processes.validating') : t('processes.validate')}
          </button>
          <button type="button" className="button-primary" disabled={busy || 'error' in draft} onClick={() => void publish()}>
            {busy ? t('processes.publishing') : t('processes.publish')}
          </button>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => edit(JSON.stringify(definition, null, 2))}>
            {t('processes.reset')}
          </button>
        </div>
      </section>
    </>
  );
}
