import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { PortalError, rateAnswer } from './api';
import type { FeedbackRating, FeedbackStatusView, FieldErrors } from './api';
import { usePortalI18n } from './i18n';
import { SKM_ELEMENTS, SKM_SCORES } from './messages';
import type { SkmElement, SkmScore } from './messages';
import { describedBy, ErrorNotice, FieldError } from './notices';

const COMMENT_MAX = 2000;
const FIELDS: readonly string[] = [...SKM_ELEMENTS, 'ratingComment'];

interface RatingFormProps {
  code: string;
  onRated: (view: FeedbackStatusView) => void;
  /** The server refused because the report moved on (rated meanwhile, rating closed): the page shows it afresh. */
  onRefused: (refusal: PortalError) => void;
}

/** The nine SKM elements, each on the 1–4 scale named in words, and an optional comment. */
export function RatingForm({ code, onRated, onRefused }: RatingFormProps) {
  const { t, lang } = usePortalI18n();
  const ids = useId();
  const [scores, setScores] = useState<Partial<Record<SkmElement, SkmScore>>>({});
  const [comment, setComment] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<PortalError | null>(null);
  const optionId = (element: SkmElement, score: SkmScore) => `${ids}-${element}-${score}`;
  const errorId = (name: string) => (error?.fields[name] ? `${ids}-${name}-error` : undefined);

  // A refusal moves focus to the first element it names.
  useEffect(() => {
    const first = error ? SKM_ELEMENTS.find((element) => error.fields[element]) : undefined;
    if (first) document.getElementById(optionId(first, scores[first] ?? 1))?.focus();
    // Only a new refusal moves focus, not choosing afterwards.
  }, [error]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const missing: FieldErrors = {};
    for (const element of SKM_ELEMENTS) if (scores[element] === undefined) missing[element] = [t('rating.missing')];
    if (Object.keys(missing).length > 0) {
      setError(new PortalError(0, 'VALIDATION_FAILED', t('form.fixFields'), missing));
      return;
    }
    const rating = { ...scores, ...(comment.trim() ? { ratingComment: comment.trim() } : {}) } as FeedbackRating;
    setError(null);
    setSubmitting(true);
    try {
      onRated(await rateAnswer(lang, code, rating));
    } catch (caught) {
      const refusal = caught instanceof PortalError ? caught : new PortalError(0, 'CLIENT_ERROR', t('error.title'));
      setSubmitting(false);
      if (refusal.status === 409) onRefused(refusal);
      else setError(refusal);
    }
  }

  return (
    <form className="rating" onSubmit={handleSubmit} noValidate aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('rating.title')}</h2>
      <p>{t('rating.intro')}</p>
      {SKM_ELEMENTS.map((element) => (
        <fieldset key={element} className="skm" aria-describedby={describedBy(`${ids}-${element}-hint`, errorId(element))}>
          <legend>{t(`rating.element.${element}`)}</legend>
          <p className="hint" id={`${ids}-${element}-hint`}>
            {t(`rating.element.${element}.hint`)}
          </p>
          <div className="scale">
            {SKM_SCORES.map((score) => (
              <div className="scale-option" key={score}>
                <input
                  id={optionId(element, score)}
                  type="radio"
                  name={`${ids}-${element}`}
                  value={score}
                  checked={scores[element] === score}
                  onChange={() => setScores((current) => ({ ...current, [element]: score }))}
                  aria-invalid={error?.fields[element] ? true : undefined}
                  aria-describedby={errorId(element)}
                />
                <label htmlFor={optionId(element, score)}>{t(`rating.score.${score}`)}</label>
              </div>
            ))}
          </div>
          <FieldError id={`${ids}-${element}-error`} messages={error?.fields[element]} />
        </fieldset>
      ))}
      <div className="field">
        <label htmlFor={`${ids}-comment`}>
          {t('rating.comment')} <span className="tag">{t('field.optional')}</span>
        </label>
        <textarea
          id={`${ids}-comment`}
          name="ratingComment"
          rows={4}
          maxLength={COMMENT_MAX}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          aria-invalid={error?.fields.ratingComment ? true : undefined}
          aria-describedby={errorId('ratingComment')}
        />
        <FieldError id={`${ids}-ratingComment-error`} messages={error?.fields.ratingComment} />
      </div>
      <ErrorNotice error={error} title={t('rating.failed')} inlineFields={FIELDS} />
      <button type="submit" className="button-primary button-block" disabled={submitting}>
        {submitting ? t('rating.submitting') : t('rating.submit')}
      </button>
    </form>
  );
}
