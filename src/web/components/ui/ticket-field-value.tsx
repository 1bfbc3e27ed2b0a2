import { displayOf, type FieldLike } from '../../../contract/ticket-field-display.ts';
import { currentLocale } from '../../i18n/languages.ts';
import './ticket-field-input.css';

export interface TicketFieldValueWords {
  yes: string;
  no: string;
  /** No value. */
  none: string;
  /** Beside an option retired since it was chosen; none: not marked (the customer need not know). */
  retired?: string;
}

/** A ticket field's value as read: options by their label (a retired one marked), numbers and days as the language writes them. */
export function TicketFieldValue({ field, value, language, words }: { field: Pick<FieldLike, 'type' | 'options'>; value: unknown; language: string; words: TicketFieldValueWords }) {
  const shown = displayOf(field, value, language);
  switch (shown.kind) {
    case 'empty':
      return <span className="muted">{words.none}</span>;
    case 'checkbox':
      return <>{shown.checked ? words.yes : words.no}</>;
    case 'number':
      return <>{new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 20 }).format(shown.value)}</>;
    case 'date': {
      const [y, m, d] = shown.day.split('-').map(Number);
      return <time dateTime={shown.day}>{new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d))}</time>;
    }
    case 'options':
      return (
        <ul className="ticket-field-options">
          {shown.options.map((o) => (
            <li key={o.key}>
              {o.label}
              {o.retired && words.retired && <span className="ticket-field-retired"> ({words.retired})</span>}
            </li>
          ))}
        </ul>
      );
    case 'text':
      return <span className={field.type === 'long_text' ? 'ticket-field-long' : undefined}>{shown.text}</span>;
  }
}
