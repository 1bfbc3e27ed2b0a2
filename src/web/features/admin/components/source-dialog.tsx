import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createSourceBody, sourceChannels, type TicketSource } from '../../../../contract/channel-intake.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ApiError, fieldErrors, formError } from '../../../lib/api-client.ts';
import { validate } from '../../../lib/validation.ts';
import { useCreateSource, usePatchSource } from '../api/save-channel-source.ts';
import { sourceKeyOf } from '../channel-sources.ts';
import { useFocusFirstError } from './use-focus-first-error.ts';

type SourceChannel = TicketSource['channel'];

interface SourceDialogProps {
  /** The source to rename; none to add one. */
  source?: TicketSource;
  /** The list a new source goes to first. */
  channel: SourceChannel;
  onClose: () => void;
  onSaved: (saved: TicketSource) => void;
}

/** Adds a source to a channel's list (its key suggested from its name), or renames one; a key taken already (409) is said at the key. */
export function SourceDialog({ source, channel: firstChannel, onClose, onSaved }: SourceDialogProps) {
  const { t } = useTranslation('admin');
  const create = useCreateSource();
  const patch = usePatchSource();
  const [channel, setChannel] = useState<SourceChannel>(source?.channel ?? firstChannel);
  const [label, setLabel] = useState(source?.label ?? '');
  // The key follows the name until the admin types one of their own.
  const [key, setKey] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { container, refused } = useFocusFirstError();
  const save = source ? patch : create;
  const isBusy = create.isPending || patch.isPending;
  const shownKey = source?.key ?? key ?? sourceKeyOf(label);

  const refuse = (found: Record<string, string>) => {
    setErrors(found);
    if (Object.keys(found).length) refused();
  };
  const submit = () => {
    const checked = validate(createSourceBody, { channel, key: shownKey, label: label.trim() });
    if (!checked.data) return refuse(source ? { label: checked.errors.label } : checked.errors);
    const options = {
      onSuccess: (saved: TicketSource) => {
        onSaved(saved);
        onClose();
      },
      onError: (error: Error) => refuse(error instanceof ApiError && error.status === 409 ? { key: t('sources.form.keyTaken') } : fieldErrors(error)),
    };
    if (!source) return create.mutate(checked.data, options);
    if (checked.data.label === source.label) return onClose();
    patch.mutate({ source, body: { label: checked.data.label } }, options);
  };
  const edited = () => {
    setErrors({});
    save.reset();
  };

  return (
    <FormDialog
      title={source ? t('sources.form.renameTitle', { name: source.label }) : t('sources.form.addTitle')}
      isBusy={isBusy}
      error={save.error instanceof ApiError && save.error.status === 409 ? null : formError(save.error, ['channel', 'key', 'label'])}
      onSubmit={submit}
      onClose={onClose}
      actions={
        <Button type="submit" isBusy={isBusy}>
          {source ? t('sources.form.save') : t('sources.form.add')}
        </Button>
      }
    >
      <div ref={container} className="form">
        {!source && (
          <SelectField
            label={t('sources.form.channel')}
            value={channel}
            error={errors.channel}
            options={sourceChannels.map((c) => ({ value: c, label: t(`sources.channel.${c}`) }))}
            onChange={(e) => {
              setChannel(e.target.value as SourceChannel);
              edited();
            }}
          />
        )}
        <TextField
          label={t('sources.form.label')}
          hint={t('sources.form.labelHint')}
          error={errors.label}
          name="label"
          required
          maxLength={200}
          autoComplete="off"
          value={label}
          onChange={(e) => {
            setLabel(e.target.value);
            edited();
          }}
        />
        <TextField
          label={t('sources.form.key')}
          hint={t('sources.form.keyHint')}
          error={errors.key}
          name="key"
          className="source-key-field"
          readOnly={source !== undefined}
          required
          maxLength={50}
          autoComplete="off"
          spellCheck={false}
          value={shownKey}
          onChange={(e) => {
            setKey(e.target.value);
            edited();
          }}
        />
      </div>
    </FormDialog>
  );
}
