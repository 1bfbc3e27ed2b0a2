import type { ReactNode } from 'react';

/** A message about the whole form or page; errors are announced to screen readers at once. */
export function Alert({ tone = 'error', title, children }: { tone?: 'error' | 'info'; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p className="alert-title">{title}</p>}
      {children && <div className="alert-body">{children}</div>}
    </div>
  );
}
