import type { FormEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../contract/limits.ts';
import { priorities } from '../../../../contract/tickets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useCategories } from '../../admin/api/get-categories.ts';
import { useDepartments } from '../../admin/api/get-departments.ts';
import { channelValue, parseChannelValue, type SearchErrors, type SearchForm, searchChannels, searchStatuses } from '../search-form.ts';
import { CheckboxGroup } from './checkbox-group.tsx';
import { useChannelName, useIssueText } from './search-words.ts';

interface SearchFormPanelProps {
  ref: Ref<HTMLFormElement>;
  form: SearchForm;
  errors: SearchErrors;
  isBusy: boolean;
  onChange: (changes: Partial<SearchForm>) => void;
  onSubmit: (e: FormEvent) => void;
  onClear: () => void;
}

/** The criteria of a ticket search; all of them combine. */
export function SearchFormPanel({ ref, form, errors, isBusy, onChange, onSubmit, onClear }: SearchFormPanelProps) {
  const { t } = useTranslation('search');
  const { t: tc } = useTranslation();
  const issueText = useIssueText();
  const channelName = useChannelName();
  const departments = useDepartments();
  const categories = useCategories();
  const error = (field: keyof SearchErrors) => issueText(errors[field]);

  const listOptions = (list: typeof departments | typeof categories, items: { id: number; name: string; retired?: boolean }[] | undefined, chosen: string) => {
    const options = [{ value: '', label: list.isPending ? t('form.loading') : t('form.any') }];
    for (const item of items ?? []) options.push({ value: String(item.id), label: item.retired ? t('form.retired', { name: item.name }) : item.name });
    // A URL may name one that is no longer listed; it stays chosen rather than silently becoming "Any".
    if (chosen && !options.some((o) => o.value === chosen)) options.push({ value: chosen, label: chosen });
    return options;
  };

  const channel = channelValue(form);
  const channelOptions = [
    { value: '', label: t('form.any') },
    ...searchChannels.map((c) => ({ value: channelValue({ channel: c.channel, source: c.source ?? '' }), label: channelName(c.channel, c.source ?? '') })),
  ];
  if (!channelOptions.some((o) => o.value === channel)) channelOptions.push({ value: channel, label: channelName(form.channel, form.source) });

  return (
    <form ref={ref} className="panel search-form" onSubmit={onSubmit} noValidate aria-label={t('form.label')} role="search">
      <div className="panel-body search-form-body">
        <div className="search-grid">
          <TextField label={t('form.q')} name="q" type="search" className="search-wide" value={form.q} hint={t('form.qHint')} error={error('q')}
            autoComplete="off" enterKeyHint="search" onChange={(e) => onChange({ q: e.target.value })} />
          <TextField label={t('form.number')} name="number" value={form.number} error={error('number')} autoComplete="off" spellCheck={false}
            onChange={(e) => onChange({ number: e.target.value })} />
          <TextField label={t('form.orderNumber')} name="order_number" value={form.order_number} error={error('order_number')} autoComplete="off" spellCheck={false}
            onChange={(e) => onChange({ order_number: e.target.value })} />
          <TextField label={t('form.contact')} name="contact" className="search-wide" value={form.contact} hint={t('form.contactHint')} error={error('contact')}
            autoComplete="off" spellCheck={false} maxLength={limits.emailMax} onChange={(e) => onChange({ contact: e.target.value })} />
          <TextField label={t('form.transactionRef')} name="transaction_ref" value={form.transaction_ref} error={error('transaction_ref')} autoComplete="off"
            spellCheck={false} onChange={(e) => onChange({ transaction_ref: e.target.value })} />
          <SelectField label={t('form.channel')} name="channel" value={channel} error={error('channel')} options={channelOptions}
            onChange={(e) => onChange(parseChannelValue(e.target.value))} />
          <TextField label={t('form.createdFrom')} name="created_from" type="date" value={form.created_from} error={error('created_from')}
            onChange={(e) => onChange({ created_from: e.target.value })} />
          <TextField label={t('form.createdTo')} name="created_to" type="date" value={form.created_to} hint={t('form.dateHint')} error={error('created_to')}
            min={form.created_from || undefined} onChange={(e) => onChange({ created_to: e.target.value })} />
          <SelectField label={t('form.department')} name="department" value={form.department} error={error('department') ?? (departments.isError ? t('form.listFailed') : undefined)}
            options={listOptions(departments, departments.data?.items, form.department)} onChange={(e) => onChange({ department: e.target.value })} />
          <SelectField label={t('form.category')} name="category" value={form.category} error={error('category') ?? (categories.isError ? t('form.listFailed') : undefined)}
            options={listOptions(categories, categories.data?.items, form.category)} onChange={(e) => onChange({ category: e.target.value })} />
        </div>
        <div className="search-groups">
          <CheckboxGroup legend={t('form.status')} name="status" values={searchStatuses} chosen={form.status} label={(s) => tc(`status.${s}`)} error={error('status')}
            onChange={(status) => onChange({ status })} />
          <CheckboxGroup legend={t('form.priority')} name="priority" values={priorities} chosen={form.priority} label={(p) => tc(`priority.${p}`)} error={error('priority')}
            onChange={(priority) => onChange({ priority })} />
        </div>
      </div>
      <div className="search-actions">
        <Button type="submit" isBusy={isBusy}>
          {t('form.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={onClear}>
          {t('form.clear')}
        </Button>
      </div>
    </form>
  );
}
