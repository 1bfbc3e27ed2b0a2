import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changedValues, emptyInput, fieldErrorPath, type FieldInputs, inputsOf, labelIn } from '../../../../contract/ticket-field-display.ts';
import type { TicketField } from '../../../../contract/ticket-fields.ts';
import type { PatchTicketBody, Ticket } from '../../../../contract/tickets.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TicketFieldInput } from '../../../components/ui/ticket-field-input.tsx';
import { TicketFieldValue } from '../../../components/ui/ticket-field-value.tsx';
import { useTicketFields } from '../../admin/api/get-ticket-fields.ts';
import { useFocusFirstError } from '../../admin/components/use-focus-first-error.ts';
import { usePatchTicket } from '../api/change-ticket.ts';
import { fieldRefusals, problemMessages, ticketViewFields } from '../ticket-field-values.ts';

/**
 * The ticket's typed fields (Admin › Ticket fields) in the side panel: each value by its label,
 * an option by its label (one retired since still shown, marked), a retired field's value kept.
 * Edit turns them into inputs; Save sends only what changed (null clears a value).
 */
export function TicketCustomFields({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation(['ticket', 'common']);
  const definitions = useTicketFields();
  const patch = usePatchTicket(ticket.number);
  // The inputs while editing; null while the values are only shown.
  const [inputs, setInputs] = useState<FieldInputs | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const { container, refused } = useFocusFirstError<HTMLFormElement>();

  const fields = ticketViewFields(definitions.data?.items ?? [], ticket.custom_fields);
  if (definitions.isError && !definitions.data) return <p className="field-error">{t('customFields.loadFailed')}</p>;
  if (fields.length === 0) return null;
  const editable = fields.filter((f) => !f.retired);
  const retired = fields.filter((f) => f.retired);
  const language = i18n.language;
  const valueWords = { yes: t('customFields.yes'), no: t('customFields.no'), none: t('customFields.empty'), retired: t('customFields.retiredWord') };
  const inputWords = { none: t('customFields.none'), retired: (label: string) => t('customFields.retired', { label }) };

  const edit = () => {
    patch.reset();
    setNotice('');
    setErrors({});
    setInputs(inputsOf(editable, ticket.custom_fields));
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!inputs || patch.isPending) return;
    const checked = changedValues(editable, inputs, ticket.custom_fields);
    const problems = problemMessages(checked.problems);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return refused();
    if (Object.keys(checked.values).length === 0) return setInputs(null);
    patch.mutate(
      { version: ticket.version, body: { custom_fields: checked.values as PatchTicketBody['custom_fields'] } },
      {
        onSuccess: () => {
          setInputs(null);
          setNotice(t('customFields.saved'));
        },
        onError: (error) => {
          const found = fieldRefusals(error);
          setErrors(found);
          if (Object.keys(found).length > 0) refused();
        },
      },
    );
  };
  const facts = (list: TicketField[]) => (
    <dl className="facts ticket-custom-facts">
      {list.map((field) => (
        <div key={field.key}>
          <dt>
            {labelIn(field.labels, language)}
            {field.retired && <span className="ticket-field-retired"> ({t('customFields.retiredWord')})</span>}
          </dt>
          <dd>
            <TicketFieldValue field={field} value={ticket.custom_fields[field.key]} language={language} words={valueWords} />
          </dd>
        </div>
      ))}
    </dl>
  );

  return (
    <section className="panel side-panel" aria-labelledby="custom-fields-title">
      <div className="side-panel-head">
        <h2 id="custom-fields-title" className="panel-title">
          {t('customFields.title')}
        </h2>
        <span role="status" className="form-notice">
          {notice}
        </span>
        {!inputs && editable.length > 0 && (
          <Button variant="secondary" aria-label={t('customFields.editLabel')} onClick={edit}>
            {t('customFields.edit')}
          </Button>
        )}
      </div>
      {inputs ? (
        <form ref={container} className="ticket-custom-form" onSubmit={save} noValidate>
          {patch.isError && Object.keys(errors).length === 0 && <Alert title={t('customFields.notSaved')}>{patch.error.message}</Alert>}
          <fieldset className="fields-grid" disabled={patch.isPending}>
            <legend className="visually-hidden">{t('customFields.title')}</legend>
            {editable.map((field) => (
              <TicketFieldInput
                key={field.key}
                field={field}
                value={inputs[field.key] ?? emptyInput(field.type)}
                error={errors[fieldErrorPath(field.key)]}
                language={language}
                words={inputWords}
                onChange={(value) => {
                  setInputs({ ...inputs, [field.key]: value });
                  setErrors(({ [fieldErrorPath(field.key)]: _, ...rest }) => rest);
                }}
              />
            ))}
          </fieldset>
          {retired.length > 0 && (
            <div className="ticket-custom-retired">
              {facts(retired)}
              <p className="field-hint">{t('customFields.retiredField')}</p>
            </div>
          )}
          <div className="tags-actions">
            <Button type="submit" isBusy={patch.isPending}>
              {t('customFields.save')}
            </Button>
            <Button type="button" variant="ghost" disabled={patch.isPending} onClick={() => setInputs(null)}>
              {t('common:action.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        facts(fields)
      )}
    </section>
  );
}
