import { useTranslation } from 'react-i18next';

export function Spinner({ size = 'md', label }: { size?: 'sm' | 'md'; label?: string }) {
  return <span className={`spinner spinner-${size}`} role={label ? 'status' : undefined} aria-label={label} aria-hidden={label ? undefined : true} />;
}

/** Fills the page while the first data it needs is on its way. */
export function LoadingScreen({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading-screen">
      <Spinner label={label ?? t('app.loading')} />
    </div>
  );
}
