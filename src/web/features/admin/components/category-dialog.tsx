import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Category, createCategoryBody } from '../../../../contract/admin.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ApiError, fieldErrors, formError } from '../../../lib/api-client.ts';
import { validate } from '../../../lib/validation.ts';
import { useCreateCategory, usePatchCategory } from '../api/save-category.ts';
import { useFocusFirstError } from './use-focus-first-error.ts';

interface CategoryDialogProps {
  /** The category to rename; none to add one. */
  category?: Category;
  onClose: () => void;
  onSaved: (saved: Category) => void;
}

/** Adds a category at the end of the list, or renames one; a name taken already (409) is said at the name. */
export function CategoryDialog({ category, onClose, onSaved }: CategoryDialogProps) {
  const { t } = useTranslation('admin');
  const create = useCreateCategory();
  const patch = usePatchCategory();
  const [name, setName] = useState(category?.name ?? '');
  const [nameError, setNameError] = useState<string | undefined>();
  const { container, refused } = useFocusFirstError();
  const save = category ? patch : create;
  const isBusy = create.isPending || patch.isPending;

  const refuse = (message: string | undefined) => {
    setNameError(message);
    if (message) refused();
  };
  const submit = () => {
    const checked = validate(createCategoryBody, { name: name.trim() });
    if (!checked.data) return refuse(checked.errors.name);
    if (category && checked.data.name === category.name) return onClose();
    const options = {
      onSuccess: (saved: Category) => {
        onSaved(saved);
        onClose();
      },
      onError: (error: Error) => refuse(error instanceof ApiError && error.status === 409 ? t('categories.form.taken') : fieldErrors(error).name),
    };
    if (category) patch.mutate({ id: category.id, body: { name: checked.data.name } }, options);
    else create.mutate({ name: checked.data.name }, options);
  };
  const isConflict = save.error instanceof ApiError && save.error.status === 409;

  return (
    <FormDialog
      title={category ? t('categories.form.renameTitle', { name: category.name }) : t('categories.form.addTitle')}
      isBusy={isBusy}
      error={isConflict ? null : formError(save.error, ['name'])}
      onSubmit={submit}
      onClose={onClose}
      actions={
        <Button type="submit" isBusy={isBusy}>
          {category ? t('categories.form.save') : t('categories.form.add')}
        </Button>
      }
    >
      <div ref={container}>
        <TextField
          label={t('categories.form.name')}
          hint={t('categories.form.nameHint')}
          error={nameError}
          name="name"
          required
          maxLength={100}
          autoComplete="off"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setNameError(undefined);
            save.reset();
          }}
        />
      </div>
    </FormDialog>
  );
}
