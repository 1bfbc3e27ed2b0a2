import { type ChangeEvent, type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { setupBody } from '../../../../contract/workspaces.ts';
import { limits } from '../../../../contract/limits.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CenteredPanel } from '../../../components/ui/centered-panel.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ApiError, fieldErrors } from '../../../lib/api-client.ts';
import { validate } from '../../../lib/validation.ts';
import { useRunSetup } from '../api/run-setup.ts';

const initial = { name: '', slug: 'default', adminName: '', email: '', password: '' };
type Form = typeof initial;
/** Where each input sits in the request body, which is how both validators name it. */
const fieldPaths: Record<keyof Form, string> = { name: 'name', slug: 'slug', adminName: 'admin.name', email: 'admin.email', password: 'admin.password' };

/** First-run setup: creates the first workspace and its admin, who is then signed in. */
export function SetupPage() {
  const { t } = useTranslation(['auth', 'common']);
  const navigate = useNavigate();
  const setup = useRunSetup();
  const [form, setForm] = useState<Form>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A failure the server could not pin on one of these fields (a conflict, a lost connection) shows above the form.
  const isPlaced = Object.keys(fieldErrors(setup.error)).some((field) => Object.values(fieldPaths).includes(field));
  const formError = setup.error && !isPlaced ? setup.error : null;

  const change = (key: keyof Form) => (e: ChangeEvent<HTMLInputElement>) => {
    setForm((f) => ({ ...f, [key]: e.target.value }));
    const path = fieldPaths[key];
    if (errors[path]) setErrors(({ [path]: _, ...rest }) => rest);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { name: form.name, slug: form.slug.trim(), admin: { name: form.adminName, email: form.email.trim(), password: form.password } };
    const checked = validate(setupBody, body);
    setErrors(checked.errors ?? {});
    setup.reset();
    if (!checked.data) return;
    setup.mutate(body, {
      onSuccess: () => navigate('/tickets', { replace: true }),
      onError: (error) => setErrors(fieldErrors(error)),
    });
  };

  return (
    <CenteredPanel
      wide
      title={t('setup.title')}
      intro={t('setup.intro')}
    >
      <title>{t('common:app.titleSuffix', { title: t('setup.pageTitle') })}</title>
      <form className="form" onSubmit={submit} noValidate>
        {formError && (
          <Alert title={t('setup.failed')}>
            {formError.message}
            {formError instanceof ApiError && formError.status === 409 && (
              <>
                {' '}
                <Link to="/sign-in" reloadDocument>{t('setup.goSignIn')}</Link>
              </>
            )}
          </Alert>
        )}
        <fieldset className="form-section">
          <legend>{t('setup.workspace')}</legend>
          <TextField label={t('setup.workspaceName')} name="name" value={form.name} onChange={change('name')} error={errors.name} autoFocus
            placeholder="Acme Retail" maxLength={limits.nameMax} autoComplete="organization" />
          <TextField label={t('setup.workspaceSlug')} name="slug" value={form.slug} onChange={change('slug')} error={errors.slug}
            hint={<Trans t={t} i18nKey="setup.slugHint" values={{ slug: form.slug.trim() || 'default' }} components={{ code: <code /> }} />}
            maxLength={40} autoCapitalize="none" spellCheck={false} />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('setup.administrator')}</legend>
          <TextField label={t('setup.yourName')} name="admin-name" value={form.adminName} onChange={change('adminName')} error={errors['admin.name']}
            maxLength={limits.nameMax} autoComplete="name" />
          <TextField label={t('setup.email')} name="email" type="email" value={form.email} onChange={change('email')} error={errors['admin.email']}
            maxLength={limits.emailMax} autoComplete="email" />
          <TextField label={t('setup.password')} name="password" type="password" value={form.password} onChange={change('password')}
            error={errors['admin.password']} hint={t('setup.passwordHint', { count: limits.passwordMin })} maxLength={limits.passwordMax} autoComplete="new-password" />
        </fieldset>
        <Button type="submit" size="lg" isBusy={setup.isPending}>
          {t('setup.submit')}
        </Button>
      </form>
    </CenteredPanel>
  );
}
