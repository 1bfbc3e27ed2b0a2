import { useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useFocusFirstError } from './use-focus-first-error.ts';

type Checked<B> = { body: B; errors: null } | { body: null; errors: Record<string, string> };

interface Save<B, S> {
  mutate: (variables: { id: number | null; body: B }, options: { onSuccess: (saved: S) => void; onError: (error: Error) => void }) => void;
  reset: () => void;
}

interface DialogFormOptions<F, B, S> {
  initial: () => F;
  /** The form's own check, with the messages the server's refusal would give, keyed by field. */
  check: (form: F) => Checked<B>;
  /** The item to change; null adds one. */
  id: number | null;
  save: Save<B, S>;
  /** The field problems of a refused save, keyed as `check` keys them. */
  serverErrors: (error: Error) => Record<string, string>;
  onSaved: (saved: S) => void;
  onClose: () => void;
}

/**
 * The form of an add/edit dialog (calendar, SLA policy, routing rule): its values, the problems at
 * their fields, and a submit that checks the form before it saves. A refusal, the form's or the
 * server's, takes the focus to the first field to fix (inside `container`); a save closes the dialog.
 */
export function useDialogForm<F, B, S>({ initial, check, id, save, serverErrors, onSaved, onClose }: DialogFormOptions<F, B, S>) {
  const [form, setForm] = useState<F>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { container, refused } = useFocusFirstError();
  const change = (next: Partial<F>) => {
    setForm((f) => ({ ...f, ...next }));
    save.reset();
  };
  const submit = () => {
    const checked = check(form);
    setErrors(checked.errors ?? {});
    if (!checked.body) return refused();
    save.mutate(
      { id, body: checked.body },
      {
        onSuccess: (saved) => {
          onSaved(saved);
          onClose();
        },
        onError: (error) => {
          const found = serverErrors(error);
          setErrors(found);
          if (Object.keys(found).length) refused();
        },
      },
    );
  };
  return { form, change, errors, submit, container };
}

/** The server's field problems, each at the field the form shows it at (the first one there wins). */
export function fieldErrorsAt(error: unknown, fieldOf: (field: string) => string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) found[fieldOf(field)] ??= message;
  return found;
}
