import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TicketField } from '../../../contract/ticket-fields.ts';
import { resources } from '../../i18n/resources.ts';
import { ApiError } from '../../lib/api-client.ts';
import { agentFormFields, fieldRefusals, problemMessages, ticketViewFields } from './ticket-field-values.ts';

const base = { labels: { en: 'F', id: null }, options: [], required: false, customer_visible: false, on_agent_form: true, on_portal_form: false, retired: false, created_at: '', updated_at: '' };
const field = (id: number, key: string, extra: Partial<TicketField> = {}): TicketField => ({ ...base, id, key, type: 'text', position: id, ...extra });

describe('ticket fields on the create form and the ticket view', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', fallbackLng: 'en', defaultNS: 'common', initAsync: false }));

  it('the create form asks the fields in use on the agent form, in form order', () => {
    const fields = [field(1, 'b', { position: 5 }), field(2, 'a', { position: 1 }), field(3, 'portal_only', { on_agent_form: false }), field(4, 'old', { retired: true })];
    expect(agentFormFields(fields).map((f) => f.key)).toEqual(['a', 'b']);
  });

  it('the ticket view shows every field in use, and a retired one only where the ticket holds a value', () => {
    const fields = [field(1, 'serial'), field(2, 'old', { retired: true }), field(3, 'older', { retired: true }), field(4, 'portal_only', { on_agent_form: false })];
    expect(ticketViewFields(fields, { old: 'kept', older: [] }).map((f) => f.key)).toEqual(['serial', 'old', 'portal_only']);
  });

  it('words the form’s own refusals at their inputs', () => {
    expect(problemMessages({ a: 'required', b: 'number', c: 'date' })).toEqual({
      'custom_fields.a': 'Required',
      'custom_fields.b': 'Enter a number, such as 12 or 2.5',
      'custom_fields.c': 'Enter a date',
    });
  });

  it('places the server’s refusals of field values at their inputs, and only those', () => {
    const error = new ApiError(400, 'validation_error', 'invalid', [
      { field: 'body.custom_fields.product_line', message: 'this field is required' },
      { field: 'body.custom_fields.size', message: 'must be one of: s, m' },
      { field: 'body.subject', message: 'must not be empty' },
    ]);
    expect(fieldRefusals(error)).toEqual({ 'custom_fields.product_line': 'Required', 'custom_fields.size': 'Must be one of: s, m' });
    expect(fieldRefusals(new Error('offline'))).toEqual({});
  });
});
