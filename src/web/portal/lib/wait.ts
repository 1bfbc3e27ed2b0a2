import { useTranslation } from 'react-i18next';

/** How long to wait, in words: seconds for a short wait, whole minutes for a long one (limits last up to 15 minutes). */
export function useWaitWords(): (seconds: number) => string {
  const { t } = useTranslation('portal');
  return (seconds) => (seconds >= 90 ? t('wait.minutes', { count: Math.ceil(seconds / 60) }) : t('wait.seconds', { count: seconds }));
}
