import { Button } from '../../../components/ui/button.tsx';

/** A form's Save button with the notice of its last save beside it (read out when it changes). */
export function SaveActions({ label, isBusy, notice, variant = 'primary' }: { label: string; isBusy: boolean; notice: string; variant?: 'primary' | 'secondary' }) {
  return (
    <div className="escalation-actions">
      <Button type="submit" variant={variant} isBusy={isBusy}>
        {label}
      </Button>
      <p role="status" className="form-notice">
        {notice}
      </p>
    </div>
  );
}
