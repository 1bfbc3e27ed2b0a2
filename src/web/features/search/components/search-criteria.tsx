import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../i18n/i18n.ts';
import { useCategories } from '../../admin/api/get-categories.ts';
import { useDepartments } from '../../admin/api/get-departments.ts';
import type { SearchForm } from '../search-form.ts';
import { useChannelName } from './search-words.ts';

/** A YYYY-MM-DD day as the language writes it; the day itself, whatever the browser's time zone. */
function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The criteria of a search in words, so an empty result says what was looked for. */
export function SearchCriteria({ criteria: c }: { criteria: SearchForm }) {
  const { t } = useTranslation('search');
  const { t: tc } = useTranslation();
  const channelName = useChannelName();
  const departments = useDepartments();
  const categories = useCategories();
  const nameOf = (items: { id: number; name: string }[] | undefined, id: string) => items?.find((i) => String(i.id) === id)?.name ?? id;
  const contact = c.contact.trim();

  const parts: string[] = [];
  if (c.q.trim()) parts.push(t('criteria.q', { value: c.q.trim() }));
  if (c.number.trim()) parts.push(t('criteria.number', { value: c.number.trim() }));
  if (contact) parts.push(t(contact.includes('@') ? 'criteria.email' : 'criteria.phone', { value: contact }));
  if (c.order_number.trim()) parts.push(t('criteria.orderNumber', { value: c.order_number.trim() }));
  if (c.transaction_ref.trim()) parts.push(t('criteria.transactionRef', { value: c.transaction_ref.trim() }));
  if (c.status.length) parts.push(t('criteria.status', { value: c.status.map((s) => tc(`status.${s}`)).join(', ') }));
  if (c.priority.length) parts.push(t('criteria.priority', { value: c.priority.map((p) => tc(`priority.${p}`)).join(', ') }));
  if (c.department) parts.push(t('criteria.department', { value: nameOf(departments.data?.items, c.department) }));
  if (c.category) parts.push(t('criteria.category', { value: nameOf(categories.data?.items, c.category) }));
  if (c.channel || c.source) parts.push(t('criteria.channel', { value: channelName(c.channel, c.source) }));
  if (c.created_from && c.created_to) parts.push(t('criteria.between', { from: formatDay(c.created_from), to: formatDay(c.created_to) }));
  else if (c.created_from) parts.push(t('criteria.from', { value: formatDay(c.created_from) }));
  else if (c.created_to) parts.push(t('criteria.to', { value: formatDay(c.created_to) }));

  return (
    <div className="search-criteria">
      <p>{t('empty.used')}</p>
      <ul>
        {parts.map((part) => (
          <li key={part}>{part}</li>
        ))}
      </ul>
    </div>
  );
}
