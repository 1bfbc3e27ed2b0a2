import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { channels, createTicketBody } from '../../../contract/tickets.ts';
import { resources } from '../../i18n/resources.ts';
import { validate } from '../../lib/validation.ts';
import {
  type CreateTicketForm,
  channelOptions,
  checkCreateTicketForm,
  draftKey,
  emptyCreateTicketForm,
  isBlankForm,
  newCustomerFromSearch,
  polishErrors,
  priorityOptions,
  readDraft,
  splitErrors,
  toCreateTicketBody,
} from './create-ticket-form.ts';

// The global instance: the schema's messages come from lib/validation, which speaks the app's language.
void i18next.init({ resources, lng: 'en', fallbackLng: 'en', defaultNS: 'common', initAsync: false });
const en = i18next.getFixedT<['create', 'common']>('en', ['create', 'common']);
const id = i18next.getFixedT<['create', 'common']>('id', ['create', 'common']);

const form = (overrides: Partial<CreateTicketForm>): CreateTicketForm => ({ ...emptyCreateTicketForm, ...overrides });
const budi = { id: 7, name: 'Budi Santoso', email: 'budi@example.com', phone: null };

describe('create ticket form → request body', () => {
  it('sends a new customer by phone with trimmed text and leaves empty optional fields out', () => {
    const body = toCreateTicketBody(
      form({
        customerMode: 'new',
        customerName: '  Siti Rahma ',
        customerPhone: ' +62 812 555 0101 ',
        subject: ' Blender jug cracked ',
        description: 'It arrived cracked.\n',
        department: '3',
        category: '5',
        priority: 'high',
        orderNumber: '  ',
        transactionRef: 'LOY-889',
      }),
    );
    expect(body).toEqual({
      subject: 'Blender jug cracked',
      description: 'It arrived cracked.',
      priority: 'high',
      channel: 'phone',
      department: 3,
      category: 5,
      transaction_ref: 'LOY-889',
      customer: { name: 'Siti Rahma', phone: '+62 812 555 0101' },
    });
    expect(validate(createTicketBody, body).errors).toBeNull();
  });

  it('sends the picked customer user by id and ignores what was typed for a new one', () => {
    const body = toCreateTicketBody(form({ customerUser: budi, customerName: 'Someone else', subject: 'Late delivery' }));
    expect(body.customer_user_id).toBe(7);
    expect(body).not.toHaveProperty('customer');
  });

  it('sends the source only for marketplace and review tickets', () => {
    expect(toCreateTicketBody(form({ channel: 'marketplace', source: ' ebay ' })).source).toBe('ebay');
    expect(toCreateTicketBody(form({ channel: 'review', source: 'google' })).source).toBe('google');
    expect(toCreateTicketBody(form({ channel: 'phone', source: 'ebay' }))).not.toHaveProperty('source');
  });

  it('offers every channel of the contract once, with its label in the language shown', () => {
    expect(channelOptions(en).map((o) => o.value).sort()).toEqual([...channels].sort());
    expect(channelOptions(en).find((o) => o.value === 'web')?.label).toBe('Website');
    expect(channelOptions(en).find((o) => o.value === 'in_store')?.label).toBe('In store');
    expect(channelOptions(id).map((o) => o.label)).toEqual(['Situs web', 'Email', 'Telepon', 'Di toko', 'Ulasan', 'Marketplace', 'API', 'Chat']);
    expect(priorityOptions(id).map((o) => o.label)).toEqual(['Rendah', 'Sedang', 'Tinggi', 'Mendesak']);
  });
});

describe('create ticket form checks', () => {
  it('says Required at the subject, through the server schema', () => {
    const body = toCreateTicketBody(form({ customerUser: budi, subject: '   ' }));
    expect(polishErrors(validate(createTicketBody, body).errors ?? {}, en)).toEqual({ subject: 'Required' });
  });

  it('asks for a customer: a picked one, or a new one with an email, a phone or a loyalty id', () => {
    expect(checkCreateTicketForm(form({ subject: 'x' }), en)).toEqual({ customer: 'Find the customer, or enter a new one' });
    expect(checkCreateTicketForm(form({ customerUser: budi }), en)).toEqual({});
    expect(checkCreateTicketForm(form({ customerMode: 'new', customerName: 'Siti' }), en)).toEqual({ 'customer.email': 'An email, a phone number or a loyalty id is required' });
    expect(checkCreateTicketForm(form({ customerMode: 'new', customerName: 'Siti', customerPhone: '0812 555' }), en)).toEqual({});
    expect(checkCreateTicketForm(form({ customerMode: 'new', customerName: 'Siti', customerLoyaltyId: 'LOY-1' }), en)).toEqual({});
    expect(checkCreateTicketForm(form({ customerMode: 'new', customerName: 'Siti' }), id)).toEqual({ 'customer.email': 'Email, nomor telepon, atau ID loyalti wajib diisi' });
  });

  it('sends order items and a purchase as the API takes them, and places their errors at their inputs', () => {
    const body = toCreateTicketBody(
      form({
        customerUser: budi,
        subject: 'Points missing',
        orderItems: [{ name: ' Kettle ', sku: 'K-1', quantity: '2' }, { name: '', sku: '', quantity: '1' }, { name: 'Jug', sku: '', quantity: 'two' }],
        transactionRef: 'TX-9',
        purchaseStore: 'Grand Indonesia',
        purchaseAmount: '125000,50',
        purchaseCurrency: 'idr',
        purchasedAt: '2026-11-02T12:30',
      }),
    );
    expect(body.order_items).toEqual([{ name: 'Kettle', sku: 'K-1', quantity: 2 }, { name: 'Jug', quantity: 'two' }]);
    expect(body.purchase).toEqual({ store: 'Grand Indonesia', amount: 125000.5, currency: 'IDR', purchased_at: new Date('2026-11-02T12:30').toISOString() });
    const errors = validate(createTicketBody, body).errors ?? {};
    expect(Object.keys(errors)).toEqual(['order_items.1.quantity']);
    expect(splitErrors(errors).placed).toHaveProperty(['order_items.1.quantity']);
    expect(toCreateTicketBody(form({ customerUser: budi, subject: 'x' }))).not.toHaveProperty('purchase');
    expect(isBlankForm(form({ orderItems: [{ name: '', sku: '', quantity: '1' }] }))).toBe(true);
    expect(isBlankForm(form({ orderItems: [{ name: 'Kettle', sku: '', quantity: '1' }] }))).toBe(false);
  });

  it('refuses a description over the byte limit, counting multi-byte characters', () => {
    expect(checkCreateTicketForm(form({ customerUser: budi, description: 'é'.repeat(60 * 1024) }), en)).toEqual({ description: 'At most 100 KB of text' });
    expect(checkCreateTicketForm(form({ customerUser: budi, description: 'é'.repeat(60 * 1024) }), id)).toEqual({ description: 'Maksimal 100 KB teks' });
    expect(checkCreateTicketForm(form({ customerUser: budi, description: 'e'.repeat(60 * 1024) }), en)).toEqual({});
  });
});

describe('server errors at the fields', () => {
  it('capitalises messages and words a retired category for people', () => {
    expect(polishErrors({ 'customer.phone': 'digits, spaces and + ( ) . / - only', category: 'retired' }, en)).toEqual({
      'customer.phone': 'Digits, spaces and + ( ) . / - only',
      category: 'This category has been retired; choose another',
    });
    expect(polishErrors({ category: 'retired' }, id)).toEqual({ category: 'Kategori ini sudah tidak dipakai; pilih yang lain' });
  });

  it('keeps the messages of this form at their fields and lists the others', () => {
    expect(splitErrors({ order_number: 'Too long', 'customer.email': 'Invalid', assignee: 'deactivated' })).toEqual({
      placed: { order_number: 'Too long', 'customer.email': 'Invalid' },
      unplaced: ['assignee: deactivated'],
    });
  });
});

describe('a search that found nobody becomes the new customer', () => {
  it('as email, phone or name, without wildcards', () => {
    expect(newCustomerFromSearch(' siti@example.com ')).toEqual({ customerName: '', customerEmail: 'siti@example.com', customerPhone: '' });
    expect(newCustomerFromSearch('+62 812*')).toEqual({ customerName: '', customerEmail: '', customerPhone: '+62 812' });
    expect(newCustomerFromSearch('Siti Ra*')).toEqual({ customerName: 'Siti Ra', customerEmail: '', customerPhone: '' });
  });
});

describe('drafts', () => {
  it('round-trips a typed form', () => {
    const typed = form({ customerUser: budi, subject: 'Late', description: 'Two weeks late', channel: 'in_store', priority: 'urgent' });
    expect(readDraft(JSON.stringify(typed))).toEqual(typed);
  });

  it('reads nothing from a missing, broken or blank draft', () => {
    expect(readDraft(null)).toBeNull();
    expect(readDraft('{not json')).toBeNull();
    expect(readDraft('"a string"')).toBeNull();
    expect(readDraft(JSON.stringify(form({ channel: 'email' })))).toBeNull();
  });

  it('repairs fields it cannot use instead of dropping the text', () => {
    const restored = readDraft(JSON.stringify({ subject: 'Keep me', channel: 'pigeon', priority: 7, customerUser: { id: 'x' } }));
    expect(restored).toEqual(form({ subject: 'Keep me' }));
  });

  it('counts only typed text and picks as worth keeping', () => {
    expect(isBlankForm(form({ channel: 'chat', priority: 'low', customerMode: 'new' }))).toBe(true);
    expect(isBlankForm(form({ subject: ' ' }))).toBe(true);
    expect(isBlankForm(form({ orderNumber: 'A1' }))).toBe(false);
    expect(isBlankForm(form({ customerUser: budi }))).toBe(false);
  });

  it('are kept per workspace and agent', () => {
    expect(draftKey(1, 2)).not.toBe(draftKey(1, 3));
    expect(draftKey(1, 2)).not.toBe(draftKey(2, 2));
  });
});

describe('ticket fields on the create form', () => {
  it('a draft keeps what was typed and chosen in the ticket fields; typed text alone is worth keeping', () => {
    const typed = form({ subject: 'Late', customFields: { serial: 'SN-1', warranty: true, tags: ['a', 'b'], product_line: 'kitchen' } });
    expect(readDraft(JSON.stringify(typed))).toEqual(typed);
    expect(isBlankForm(form({ customFields: { serial: 'SN-1' } }))).toBe(false);
    expect(isBlankForm(form({ customFields: { warranty: true, product_line: '' } }))).toBe(true);
    expect(readDraft(JSON.stringify({ subject: 'Keep me', customFields: 'broken' }))).toEqual(form({ subject: 'Keep me' }));
  });

  it('a refusal at a field the form shows is placed there; one at a field it does not show is said above', () => {
    const errors = { 'custom_fields.product_line': 'Required', 'custom_fields.gone': 'No such field' };
    expect(splitErrors(errors, ['product_line'])).toEqual({ placed: { 'custom_fields.product_line': 'Required' }, unplaced: ['custom_fields.gone: No such field'] });
  });

  it('the server’s “this field is required” is said in the agent’s language', () => {
    expect(polishErrors({ 'custom_fields.product_line': 'this field is required' }, id)).toEqual({ 'custom_fields.product_line': 'Wajib diisi' });
    expect(polishErrors({ 'custom_fields.size': 'must be one of: s, m' }, en)).toEqual({ 'custom_fields.size': 'Must be one of: s, m' });
  });
});
