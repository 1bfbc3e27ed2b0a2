import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import type { CreatedApiKey } from '../api/save-api-key.ts';
import './api-keys.css';

/** Selects the text of an element, for copying by hand where the clipboard is not available. */
function selectText(element: HTMLElement | null) {
  const selection = window.getSelection();
  if (!element || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * A new key's secret, shown this once (the server keeps only its hash): a copy button, and a
 * warning that it cannot be shown again. The copy button has the focus, so the key is not missed.
 */
export function ApiKeyShown({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const titleId = useId();
  const keyText = useRef<HTMLElement>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    // After the page has given the focus back to the dialog's opener, which happens in the same commit.
    const frame = requestAnimationFrame(() => copyButton.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('yes');
    } catch {
      selectText(keyText.current);
      setCopied('failed');
    }
  };

  return (
    <section className="api-key-shown" aria-labelledby={titleId}>
      <h2 id={titleId} className="api-key-shown-title">
        {t('apiKeys.keyTitle', { name: created.name })}
      </h2>
      <p className="api-key-warning">{t('apiKeys.keyWarning')}</p>
      <div className="api-key-value">
        <code ref={keyText} aria-label={t('apiKeys.keyLabel', { name: created.name })}>
          {created.key}
        </code>
        <button ref={copyButton} type="button" className="btn btn-secondary btn-md" onClick={() => void copy()}>
          {t('apiKeys.copy')}
        </button>
      </div>
      <p role="status" className="form-notice">
        {copied === 'yes' ? t('apiKeys.copied') : copied === 'failed' ? t('apiKeys.copyFailed') : ''}
      </p>
      <div>
        <Button variant="secondary" onClick={onDone}>
          {t('apiKeys.keyDone')}
        </Button>
      </div>
    </section>
  );
}
