import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { languages } from '../../../../contract/workspaces.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isLanguage, type Language, languageNames } from '../../../i18n/languages.ts';
import { useSession } from '../../auth/api/get-session.ts';
import { useMailTemplates } from '../api/get-mail-templates.ts';
import { isForbidden } from '../admin-access.ts';
import { isTemplateName } from '../template-names.ts';
import { AdminOnly } from './admin-only.tsx';
import { MailTemplateEditor } from './mail-template-editor.tsx';
import { MailTemplateList } from './mail-template-list.tsx';
import './mail-templates.css';

/** English or Bahasa Indonesia: radio buttons, so arrow keys move between them as in any choice of one. */
function LanguageSwitch({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation('admin');
  return (
    <fieldset className="template-language">
      <legend className="template-language-label">{t('templates.language')}</legend>
      <div className="admin-segments">
        {languages.map((l) => (
          <label key={l} className={['admin-segment', l === language ? 'admin-segment-active' : ''].filter(Boolean).join(' ')}>
            <input type="radio" className="visually-hidden" name="mail-language" value={l} checked={l === language} onChange={() => onChange(l)} />
            <span lang={l}>{languageNames[l]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The wording of the workspace's mails: the list by event, and the editor of the one chosen (its address holds both). */
export function MailTemplatesPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { workspace } = useSession();
  const { template } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = params.get('language');
  const language: Language = isLanguage(asked) ? asked : workspace.default_language;
  const templates = useMailTemplates();
  const item = templates.data?.items.find((i) => i.template === template && i.language === language);

  // Choosing a mail in the list takes focus to its editor, so the keyboard goes on from there.
  const chosen = useRef(template);
  useEffect(() => {
    if (chosen.current === template || !item) return;
    chosen.current = template;
    document.getElementById('template-editor-title')?.focus();
  }, [template, item]);

  if (isForbidden(templates.error)) return <AdminOnly />;
  const changeLanguage = (next: Language) => {
    const nextParams = new URLSearchParams(params);
    nextParams.set('language', next);
    setParams(nextParams, { replace: true });
  };

  return (
    <div className="page templates-page">
      <title>{t('common:app.titleSuffix', { title: item ? `${t(`template.${item.template}.name`)} · ${t('templates.title')}` : t('templates.title') })}</title>
      <div className="page-head templates-head">
        <div>
          <h1 className="page-title">{t('templates.title')}</h1>
          <p className="page-intro">{t('templates.intro')}</p>
        </div>
        <LanguageSwitch language={language} onChange={changeLanguage} />
      </div>
      {templates.isError && !templates.data ? (
        <RetryAlert title={t('templates.loadFailed')} error={templates.error} onRetry={() => void templates.refetch()} />
      ) : !templates.data ? (
        <div className="templates-loading" aria-busy="true">
          <Spinner label={t('common:app.loading')} />
        </div>
      ) : (
        <div className="templates-layout">
          <MailTemplateList items={templates.data.items} language={language} />
          {item ? (
            <MailTemplateEditor key={`${item.template}:${item.language}`} item={item} />
          ) : template && !isTemplateName(template) ? (
            <Alert title={t('templates.missing', { template })} />
          ) : (
            <section className="panel empty-state templates-choose" aria-labelledby="templates-choose-title">
              <h2 id="templates-choose-title">{t('templates.chooseTitle')}</h2>
              <p>{t('templates.choose')}</p>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
