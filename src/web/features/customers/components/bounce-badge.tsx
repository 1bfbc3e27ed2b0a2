import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import { formatDateTime } from '../../../lib/format.ts';

interface Bounced {
  email: string | null;
  bounced_at: string | null;
  bounce_reason: string | null;
}

/** "Mail bounced" beside a customer user whose mail came back, with when and why on hover (and for screen readers). */
export function BounceBadge({ user }: { user: Bounced }) {
  const { t } = useTranslation('customers');
  if (!user.bounced_at) return null;
  const values = { email: user.email ?? '—', when: formatDateTime(user.bounced_at), reason: user.bounce_reason ?? '' };
  const detail = user.bounce_reason ? t('bounce.title', values) : t('bounce.titleNoReason', values);
  return (
    <span className="bounce-badge" data-testid="bounce-badge">
      <Badge tone="red" title={detail}>
        {t('bounce.badge')}
      </Badge>
      <span className="visually-hidden">{detail}</span>
    </span>
  );
}
