import { useTranslation } from 'react-i18next';
import type { RoutingRule } from '../../../../contract/routing.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { useCustomers } from '../api/search-customers.ts';
import { MoveButtons } from './move-buttons.tsx';

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
  const nameOf = (book: Map<number, string>, id: number) => book.get(id) ?? `#${id}`;
  const matches = (r: RoutingRule): string[] => [
    ...(r.channels ? [t('routing.match.channels', { list: r.channels.map((c) => t(`common:channel.${c}`)).join(', ') })] : []),
    ...(r.sources ? [t('routing.match.sources', { list: r.sources.join(', ') })] : []),
    ...(r.category_ids ? [t('routing.match.categories', { list: r.category_ids.map((id) => nameOf(names.categories, id)).join(', ') })] : []),
    ...(r.customer_ids ? [t('routing.match.customers', { list: r.customer_ids.map(customerName).join(', '), count: r.customer_ids.length })] : []),
    ...(r.subject_keywords ? [t('routing.match.keywords', { list: r.subject_keywords.map((k) => `“${k}”`).join(', ') })] : []),
  ];
  return (
    <div className="table-scroll">
      <table className="admin-table policy-table routing-table">
        <thead>
          <tr>
            <th scope="col" className="col-number">
              {t('routing.column.order')}
            </th>
            <th scope="col">{t('routing.column.name')}</th>
            <th scope="col">{t('routing.column.matches')}</th>
            <th scope="col">{t('routing.column.department')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('routing.column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => {
            const conditions = matches(rule);
            return (
              <tr key={rule.id} data-id={rule.id} className={rule.is_active ? undefined : 'row-inactive'}>
                <td className="col-number">{index + 1}</td>
                <th scope="row" className="cell-name">
                  {rule.name}
                  {!rule.is_active && (
                    <>
                      {' '}
                      <Badge>{t('routing.inactive')}</Badge>
                    </>
                  )}
                </th>
                <td>
                  {conditions.length ? (
                    <ul className="plain-list">
                      {conditions.map((c) => (
                        <li key={c}>{c}</li>
                      ))}
                    </ul>
                  ) : (
                    t('routing.match.every')
                  )}
                </td>
                <td>{nameOf(names.departments, rule.department_id)}</td>
                <td className="cell-actions">
                  <MoveButtons
                    id={rule.id}
                    index={index}
                    count={rules.length}
                    upLabel={t('routing.moveUp', { name: rule.name })}
                    downLabel={t('routing.moveDown', { name: rule.name })}
                    onMove={(by) => onMove(rule, by)}
                  />
                  <button type="button" className="btn btn-secondary btn-md" aria-label={t('routing.editNamed', { name: rule.name })} onClick={() => onEdit(rule)}>
                    {t('routing.edit')}
                  </button>
                  <button type="button" className="btn btn-ghost btn-md danger-text" aria-label={t('routing.deleteNamed', { name: rule.name })} onClick={() => onDelete(rule)}>
                    {t('routing.delete')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
