import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../contract/audit.ts';
import { languageNames } from '../../../i18n/languages.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { type AuditValue, auditActionKey, auditDiffRows, auditTarget, clipValue, isAuditEntity } from '../audit-entry.ts';

/** One value of a change: text as it is, other values as JSON, long ones cut with a button for the rest. */
function Value({ value, isOld }: { value: AuditValue; isOld: boolean }) {
  const { t } = useTranslation('admin');
  const [isWhole, setWhole] = useState(false);
  const Tag = isOld ? 'del' : 'span';
  if (value.kind === 'hidden' || value.kind === 'none' || value.kind === 'empty') {
    return <Tag className="audit-value audit-value-word">{t(`audit.${value.kind}`)}</Tag>;
  }
  if (value.kind === 'time') {
    return (
      <Tag className="audit-value">
        <time dateTime={value.iso} title={value.iso}>
          {formatDateTime(value.iso)}
        </time>
      </Tag>
    );
  }
  const clipped = clipValue(value.text);
  return (
    <>
      <Tag className={['audit-value', value.kind === 'json' ? 'audit-value-json' : ''].filter(Boolean).join(' ')}>{clipped && !isWhole ? clipped : value.text}</Tag>
      {clipped && (
        <button type="button" className="link-button audit-more" aria-expanded={isWhole} onClick={() => setWhole((w) => !w)}>
          {isWhole ? t('audit.less') : t('audit.more')}
        </button>
      )}
    </>
  );
}

/** What an entry is about in words: "Department #3 changed", "Mail template “Request received” (English) changed". */
function useWhat(entry: AuditEntry): string {
  const { t } = useTranslation('admin');
  const actionKey = auditActionKey(entry);
  const action = actionKey ? t(`audit.action.${actionKey}`) : entry.action;
  const entity = isAuditEntity(entry.entity) ? t(`audit.entity.${entry.entity}`) : entry.entity;
  const target = auditTarget(entry);
  switch (target.kind) {
    case 'numbered':
      return entry.entity === 'escalation_levels' ? t('audit.whatEscalation', { id: target.id, action }) : t('audit.what', { entity, id: target.id, action });
    case 'template':
      return t('audit.whatTemplate', { entity, template: t(`template.${target.template}.name`), language: languageNames[target.language], action });
    case 'named':
      return t('audit.whatNamed', { entity, name: target.name, action });
    case 'none':
      return t('audit.whatNone', { entity, action });
  }
}

/** One admin change: when, who, what, and its fields before → after. */
export function AuditEntryRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const what = useWhat(entry);
  const rows = auditDiffRows(entry);
  return (
    <tr data-id={entry.id}>
      <td className="cell-when">
        <time dateTime={entry.created_at}>
          <span className="cell-main">{formatRelative(entry.created_at)}</span>
          <span className="cell-sub">{formatDateTime(entry.created_at)}</span>
        </time>
      </td>
      <td className="cell-who">{entry.actor.name}</td>
      <th scope="row" className="cell-what">
        {what}
      </th>
      <td>
        {rows.length === 0 ? (
          <span className="muted">{t('audit.noDetails')}</span>
        ) : (
          <dl className="audit-diff" aria-label={t('audit.changes')}>
            {rows.map((row) => (
              <div key={row.field} className="audit-diff-row">
                <dt>{row.field}</dt>
                <dd>
                  {row.before && (
                    <>
                      <span className="visually-hidden">{t('audit.was')}</span>
                      <Value value={row.before} isOld />
                    </>
                  )}
                  {row.before && row.after && (
                    <span className="audit-arrow" aria-hidden="true">
                      →
                    </span>
                  )}
                  {row.after && (
                    <>
                      {row.before && <span className="visually-hidden">{t('audit.now')}</span>}
                      <Value value={row.after} isOld={false} />
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  );
}
