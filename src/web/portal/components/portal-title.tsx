import { useTranslation } from 'react-i18next';
import { usePortal } from '../app/portal-context.ts';

/** The page's title in the browser tab: "<page> · <workspace>". */
export function PortalTitle({ title }: { title: string }) {
  const { t } = useTranslation('portal');
  const { config } = usePortal();
  return <title>{t('frame.title', { title, workspace: config.workspace.name })}</title>;
}
