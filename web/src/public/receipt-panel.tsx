import { useEffect, useId, useRef, useState } from 'react';
import type { FeedbackReceipt } from './api';
import { usePortalI18n } from './i18n';
import { followLink, statusHref } from './routing';

type CopyState = 'idle' | 'copied' | 'failed';

/** What a citizen keeps: the tracking code, large, with a copy button and the status link. */
export function ReceiptPanel({ receipt, onAnother }: { receipt: FeedbackReceipt; onAnother: () => void }) {
  const { t, pick } = usePortalI18n();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const href = statusHref(receipt.trackingCode);
  const link = `${window.location.origin}${href}`;

  // The form is gone: move focus to what replaced it, so screen readers read it first.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(receipt.trackingCode);
      setCopy('copied');
    } catch {
      // No clipboard (an insecure page, a refused permission): select the code for copying by hand.
      const code = codeRef.current;
      if (code) window.getSelection()?.selectAllChildren(code);
      setCopy('failed');
    }
  }

  return (
    <section className="card receipt" aria-labelledby={`${ids}-heading`}>
      <h1 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('receipt.title')}
      </h1>
      <p>{pick(receipt.stage)}</p>
      <p className="receipt-label">{t('receipt.codeLabel')}</p>
      <p className="tracking-code">
        <code ref={codeRef}>
          {receipt.trackingCode}
        </code>
      </p>
      <div className="receipt-actions">
        <button type="button" className="button-secondary" onClick={copyCode}>
          {t('receipt.copy')}
        </button>
      </div>
      <p className="copy-status" role="status">
        {copy === 'copied' ? t('receipt.copied') : copy === 'failed' ? t('receipt.copyFailed') : ''}
      </p>
      <p>{t('receipt.keep')}</p>
      <p>
        <span className="receipt-label">{t('receipt.link')}: </span>
        <a href={href} onClick={followLink} className="status-link">
          {link}
        </a>
      </p>
      <div className="receipt-actions">
        <a href={href} onClick={followLink} className="button-primary">
          {t('receipt.openStatus')}
        </a>
        <button type="button" className="button-secondary" onClick={onAnother}>
          {t('receipt.another')}
        </button>
      </div>
    </section>
  );
}
