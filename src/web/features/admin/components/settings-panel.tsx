import type { ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';

interface SettingsPanelProps {
  /** The id of the panel's title, which names the panel. */
  id: string;
  title: string;
  /** What the settings are for, above them. */
  intro: string;
  /** Why the last save failed. */
  failure?: string | null;
  /** What the last save did; a panel whose settings are saved as soon as they are chosen says it at its foot. */
  notice?: string;
  children: ReactNode;
}

/** A panel of workspace settings beside a list (calendar choices, automatic assignment, verification). */
export function SettingsPanel({ id, title, intro, failure, notice, children }: SettingsPanelProps) {
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id} className="panel-title">
          {title}
        </h2>
      </div>
      <div className="panel-body form">
        <p className="field-hint">{intro}</p>
        {children}
        {failure && <Alert>{failure}</Alert>}
        {notice !== undefined && (
          <p role="status" className="form-notice">
            {notice}
          </p>
        )}
      </div>
    </section>
  );
}
