import type { ReactNode } from 'react';

interface RemovableRowProps {
  /** The row's own classes: the row, and the line of its inputs. */
  className: string;
  inputsClassName: string;
  /** The × button's name for screen readers, saying which row it removes. */
  removeLabel: string;
  onRemove: () => void;
  /** The row's problem, under its inputs, with the id they are described by. */
  error?: string;
  errorId?: string;
  children: ReactNode;
}

/** One row of a list typed in a form (a day's time range, a holiday): its inputs, a × that removes it, and its problem under them. */
export function RemovableRow({ className, inputsClassName, removeLabel, onRemove, error, errorId, children }: RemovableRowProps) {
  return (
    <div className={className}>
      <div className={inputsClassName}>
        {children}
        <button type="button" className="btn btn-ghost btn-md icon-button" aria-label={removeLabel} onClick={onRemove}>
          ×
        </button>
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
