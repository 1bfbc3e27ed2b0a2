import { useTranslation } from 'react-i18next';
import type { Status } from '../../../contract/tickets.ts';
import { Badge, type BadgeTone } from '../../components/ui/badge.tsx';

const tones: Record<Status, BadgeTone> = { new: 'blue', open: 'green', pending: 'amber', resolved: 'teal', closed: 'neutral' };

/** The ticket's status in the customer's words ("In progress" rather than the agents' "Open"). */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation('portal');
  return <Badge tone={tones[status]}>{t(`status.${status}`)}</Badge>;
}
