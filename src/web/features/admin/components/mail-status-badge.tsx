import { useTranslation } from 'react-i18next';
import type { OutboxStatusName } from '../../../../contract/mail.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { outboxStatusTone } from '../outbox-filter.ts';
import { isTemplateName } from '../template-names.ts';

export function MailStatusBadge({ status }: { status: OutboxStatusName }) {
  const { t } = useTranslation('admin');
  return <Badge tone={outboxStatusTone[status]}>{t(`mailStatus.${status}`)}</Badge>;
}

/** A mail's template as admins know it ("Request received"), or its key if the app does not know it. */
export function useTemplateLabel(): (template: string) => string {
  const { t } = useTranslation('admin');
  return (template) => (isTemplateName(template) ? t(`template.${template}.name`) : template);
}
