import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiKey, type ApiKeyScope, apiKeyScopes } from '../../../../contract/admin.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { type CreatedApiKey, useSaveApiKey } from '../api/save-api-key.ts';
import { type ApiKeyForm, apiKeySaveErrors, apiKeyToForm, checkApiKey } from '../api-key-form.ts';
import { useDialogForm } from './use-dialog-form.ts';
import './api-keys.css';

interface ScopeChoicesProps {
  chosen: readonly ApiKeyScope[];
  error?: string;
  onChange: (scopes: ApiKeyScope[]) => void;
}

/** The scopes as checkboxes, each with a line on what it allows. */
function ScopeChoices({ chosen, error, onChange }: ScopeChoicesProps) {
  const { t } = useTranslation('admin');
  const id = useId();
  const toggle = (scope: ApiKeyScope, isOn: boolean) => onChange(apiKeyScopes.filter((s) => (s === scope ? isOn : chosen.includes(s))));
  return (
    <fieldset className={['form-section', 'scope-choices', error ? 'scope-choices-invalid' : ''].filter(Boolean).join(' ')} aria-describedby={`${id}-note`}>
      <legend>{t('apiKeys.scopes')}</legend>
      <p className={error ? 'field-error' : 'field-hint'} id={`${id}-note`}>
        {error ?? t('apiKeys.scopesHint')}
      </p>
      <ul className="scope-list">
        {apiKeyScopes.map((scope) => (
          <li key={scope}>
            <label className="scope-item">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                checked={chosen.includes(scope)}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-${scope}`}
                onChange={(e) => toggle(scope, e.target.checked)}
              />
              <span className="scope-name">{t(`apiKeys.scope.${scope}`)}</span>
              <span className="scope-hint" id={`${id}-${scope}`}>
                {t(`apiKeys.scopeHint.${scope}`)}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

interface ApiKeyDialogProps {
  /** The key to rename or rescope; none to create one. */
  apiKey?: ApiKey;
  onClose: () => void;
  /** A changed key, or a new one with its secret to show once. */
  onSaved: (saved: ApiKey | CreatedApiKey) => void;
}

/** Creates an API key, or changes the name and scopes of one: its name says which system uses it. */
export function ApiKeyDialog({ apiKey, onClose, onSaved }: ApiKeyDialogProps) {
  const { t } = useTranslation('admin');
  const save = useSaveApiKey();
  const { form, change, errors, submit, container } = useDialogForm({
    initial: (): ApiKeyForm => apiKeyToForm(apiKey),
    check: checkApiKey,
    id: apiKey?.id ?? null,
    save,
    serverErrors: apiKeySaveErrors,
    onSaved,
    onClose,
  });

  return (
    <FormDialog
      title={apiKey ? t('apiKeys.editTitle', { name: apiKey.name }) : t('apiKeys.addTitle')}
      isBusy={save.isPending}
      error={save.isError && Object.keys(errors).length === 0 ? t('apiKeys.saveFailed', { message: save.error.message }) : null}
      onSubmit={submit}
      onClose={onClose}
      className="api-key-dialog"
      actions={
        <Button type="submit" isBusy={save.isPending}>
          {apiKey ? t('apiKeys.save') : t('apiKeys.create')}
        </Button>
      }
    >
      <div ref={container} className="form">
        <TextField
          label={t('apiKeys.name')}
          name="name"
          value={form.name}
          error={errors.name}
          hint={t('apiKeys.nameHint')}
          autoComplete="off"
          required
          onChange={(e) => change({ name: e.target.value })}
        />
        <ScopeChoices chosen={form.scopes} error={errors.scopes} onChange={(scopes) => change({ scopes })} />
      </div>
    </FormDialog>
  );
}
