import { isChoiceType } from '../../../../contract/ticket-fields.ts';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../../../../contract/ticket-field-display.ts';
import type { TicketField } from '../../../../contract/ticket-fields.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { formsOf } from '../ticket-field-form.ts';
import { MoveButtons } from './move-buttons.tsx';
import { ActionsHead, RowButton } from './row-buttons.tsx';

interface TicketFieldTableProps {
  fields: TicketField[];
  /** The field whose retire or restore is on its way. */
  busyId: number | null;
  onMove: (field: TicketField, by: -1 | 1) => void;
  onEdit: (field: TicketField) => void;
  onRetire: (field: TicketField, retired: boolean) => void;
  onDelete: (field: TicketField) => void;
}

/** The fields in form order: label (in the admin's language) and key, type, required, who sees it and where it is asked, with buttons to move, edit, retire and delete. */
export function TicketFieldTable({ fields, busyId, onMove, onEdit, onRetire, onDelete }: TicketFieldTableProps) {
  const { t, i18n } = useTranslation('admin');
  return (
    <div className="table-scroll">
      <table className="admin-table ticket-field-table">
        <thead>
          <tr>
            <th scope="col" className="col-number">
              {t('list.column.order')}
            </th>
            <th scope="col">{t('fields.column.label')}</th>
            <th scope="col">{t('fields.column.type')}</th>
            <th scope="col">{t('fields.column.required')}</th>
            <th scope="col">{t('fields.column.visibility')}</th>
            <th scope="col">{t('fields.column.forms')}</th>
            <ActionsHead />
          </tr>
        </thead>
        <tbody>
          {fields.map((field, index) => {
            const name = labelIn(field.labels, i18n.language);
            const forms = formsOf(field);
            return (
              <tr key={field.id} data-id={field.id} className={field.retired ? 'row-inactive' : undefined}>
                <td className="col-number">{index + 1}</td>
                <th scope="row" className="cell-name">
                  <span className="ticket-field-name">
                    {name}
                    {field.retired && <Badge>{t('fields.retiredBadge')}</Badge>}
                  </span>
                  <code className="ticket-field-key">{field.key}</code>
                </th>
                <td>
                  {t(`fields.type.${field.type}`)}
                  {isChoiceType(field.type) && <OptionCount options={field.options} />}
                </td>
                <td>{field.required ? <Badge tone="amber">{t('fields.requiredYes')}</Badge> : <span className="muted">{t('fields.requiredNo')}</span>}</td>
                <td>{field.customer_visible ? <Badge tone="teal">{t('fields.customer')}</Badge> : <Badge>{t('fields.internal')}</Badge>}</td>
                <td>{forms.length ? forms.map((form) => t(`fields.forms.${form}`)).join(', ') : <span className="muted">{t('fields.forms.none')}</span>}</td>
                <td className="cell-actions">
                  <MoveButtons id={field.id} index={index} count={fields.length} upLabel={t('list.moveUp', { name })} downLabel={t('list.moveDown', { name })} onMove={(by) => onMove(field, by)} />
                  <RowButton action="edit" name={name} onClick={() => onEdit(field)} />
                  <button
                    type="button"
                    className="btn btn-ghost btn-md"
                    aria-label={t(field.retired ? 'fields.restoreNamed' : 'fields.retireNamed', { name })}
                    disabled={busyId === field.id}
                    aria-busy={busyId === field.id || undefined}
                    onClick={() => onRetire(field, !field.retired)}
                  >
                    {t(field.retired ? 'fields.restore' : 'fields.retire')}
                  </button>
                  <RowButton action="delete" name={name} onClick={() => onDelete(field)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** How many options a choice field offers, and how many it has retired (old tickets keep those). */
function OptionCount({ options }: { options: TicketField['options'] }) {
  const { t } = useTranslation('admin');
  const retired = options.filter((o) => o.retired).length;
  return (
    <div className="cell-sub">
      {t('fields.options', { count: options.length - retired })}
      {retired > 0 && ` · ${t('fields.optionsRetired', { count: retired })}`}
    </div>
  );
}
