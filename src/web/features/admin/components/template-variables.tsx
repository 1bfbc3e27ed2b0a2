import { useTranslation } from 'react-i18next';
import { en } from '../../../i18n/locales/admin.ts';
import { variableKey } from '../template-names.ts';

type DescribedVariable = keyof typeof en.editor.variable;
const isDescribed = (key: string): key is DescribedVariable => key in en.editor.variable;

/** The {{names}} a template may use, each a button that puts it where the cursor was. */
export function TemplateVariables({ names, onInsert }: { names: readonly string[]; onInsert: (name: string) => void }) {
  const { t } = useTranslation('admin');
  return (
    <section className="template-variables" aria-labelledby="template-variables-title">
      <h3 id="template-variables-title" className="template-variables-title">
        {t('editor.variables')}
      </h3>
      <p className="field-hint">{t('editor.variablesHint', { section: '{{#name}}…{{/name}}' })}</p>
      <ul className="template-variable-list">
        {names.map((name) => {
          const key = variableKey(name);
          return (
            <li key={name}>
              <button type="button" className="template-variable" aria-label={t('editor.insert', { variable: `{{${name}}}` })} onClick={() => onInsert(name)}>
                {`{{${name}}}`}
              </button>
              {isDescribed(key) && <span className="template-variable-text">{t(`editor.variable.${key}`)}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
