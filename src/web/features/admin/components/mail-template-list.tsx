import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { MailTemplateItem } from '../../../../contract/mail.ts';
import type { Language } from '../../../../contract/workspaces.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { templateGroups } from '../template-names.ts';

/** The mails by event, to customers and then to staff; each opens its editor in the chosen language. */
export function MailTemplateList({ items, language }: { items: MailTemplateItem[]; language: Language }) {
  const { t } = useTranslation('admin');
  const byName = new Map(items.filter((i) => i.language === language).map((i) => [i.template, i]));
  return (
    <nav className="panel template-list" aria-labelledby="template-list-title">
      <div className="panel-head">
        <h2 id="template-list-title" className="panel-title">
          {t('templates.listTitle')}
        </h2>
      </div>
      {(['customer', 'staff'] as const).map((group) => (
        <div key={group} className="template-group">
          <h3 id={`template-group-${group}`} className="template-group-title">
            {t(`templates.${group}`)}
          </h3>
          <ul aria-labelledby={`template-group-${group}`}>
            {templateGroups[group].map((name) => (
              <li key={name}>
                <NavLink to={{ pathname: `/admin/mail-templates/${name}`, search: `?language=${language}` }} className="template-link">
                  <span className="template-link-name">
                    {t(`template.${name}.name`)}
                    {byName.get(name)?.customised && <Badge tone="violet">{t('templates.customised')}</Badge>}
                  </span>
                  <span className="template-link-when">{t(`template.${name}.when`)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
