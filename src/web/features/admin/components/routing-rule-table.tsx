import { useTranslation } from 'react-i18next';
import type { RoutingRule } from '../../../../contract/routing.ts';
import { useCustomers } from '../api/search-customers.ts';
import { nameOf } from '../ordered-list.ts';
import { OrderedTable } from './ordered-table.tsx';

interface RoutingRuleTableProps {
  rules: RoutingRule[];
  names: { departments: Map<number, string>; categories: Map<number, string> };
  onMove: (rule: RoutingRule, by: -1 | 1) => void;
  onEdit: (rule: RoutingRule) => void;
  onDelete: (rule: RoutingRule) => void;
}

/** The rules in the order they are tried: what each matches and where it sends the ticket. */
export function RoutingRuleTable({ rules, names, onMove, onEdit, onDelete }: RoutingRuleTableProps) {
  const { t } = useTranslation(['admin', 'common']);
  const customerIds = [...new Set(rules.flatMap((r) => r.customer_ids ?? []))];
  const customers = useCustomers(customerIds);
  const customerName = (id: number) => customers[customerIds.indexOf(id)]?.data?.name ?? `#${id}`;
  const matches = (r: RoutingRule): string[] => [
    ...(r.channels ? [t('routing.match.channels', { list: r.channels.map((c) => t(`common:channel.${c}`)).join(', ') })] : []),
    ...(r.sources ? [t('routing.match.sources', { list: r.sources.join(', ') })] : []),
    ...(r.category_ids ? [t('routing.match.categories', { list: r.category_ids.map((id) => nameOf(names.categories, id)).join(', ') })] : []),
    ...(r.customer_ids ? [t('routing.match.customers', { list: r.customer_ids.map(customerName).join(', '), count: r.customer_ids.length })] : []),
    ...(r.subject_keywords ? [t('routing.match.keywords', { list: r.subject_keywords.map((k) => `“${k}”`).join(', ') })] : []),
  ];

  return (
    <OrderedTable
      items={rules}
      matches={matches}
      every={t('routing.match.every')}
      columns={[{ head: t('routing.column.department'), cell: (rule) => nameOf(names.departments, rule.department_id) }]}
      className="routing-table"
      onMove={onMove}
      onEdit={onEdit}
      onDelete={onDelete}
    />
  );
}
