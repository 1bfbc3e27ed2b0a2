import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface AdminPageProps {
  title: string;
  intro: string;
  /** The browser tab's title, where it says more than the heading (the department shown). */
  tabTitle?: string;
  /** Given on pages whose dialogs hand the focus to the heading when their opener is gone. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** The page's own button, beside its heading. */
  action?: ReactNode;
  children: ReactNode;
}

/** The frame of the service-level, routing and jobs pages: the tab's title, the heading with a line on what the page is for, then the page. */
export function AdminPage({ title, intro, tabTitle, headingRef, action, children }: AdminPageProps) {
  const { t } = useTranslation('common');
  return (
    <div className="page service-levels-page">
      <title>{t('app.titleSuffix', { title: tabTitle ?? title })}</title>
      <div className="page-head">
        <div>
          <h1 ref={headingRef} className="page-title" tabIndex={headingRef ? -1 : undefined}>
            {title}
          </h1>
          <p className="page-intro">{intro}</p>
        </div>
        {action}
      </div>
      {children}
    </div>
  );
}
