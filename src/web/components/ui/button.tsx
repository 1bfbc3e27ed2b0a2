import type { ButtonHTMLAttributes } from 'react';
import { Spinner } from './spinner.tsx';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'ghost';
  size?: 'md' | 'lg';
  isBusy?: boolean;
}

/** A button that shows a spinner and refuses clicks while its action runs. */
export function Button({ variant = 'primary', size = 'md', isBusy = false, className, disabled, children, ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, `btn-${size}`, className].filter(Boolean).join(' ');
  return (
    <button className={classes} disabled={disabled || isBusy} aria-busy={isBusy || undefined} {...rest}>
      {isBusy && <Spinner size="sm" />}
      {children}
    </button>
  );
}
