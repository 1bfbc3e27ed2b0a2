import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import * as common from '../../i18n/locales/common.ts';
import { ApiError } from '../../lib/api-client.ts';
import * as portal from '../i18n/portal.ts';
import { type PortalT, requestFieldProblems, requestFieldRefusals } from './request-fields.ts';

const i18n = i18next.createInstance();
void i18n.init({ resources: { en: { common: common.en, portal: portal.en }, id: { common: common.id, portal: portal.id } }, lng: 'id', defaultNS: 'common', initAsync: false });
const t = i18n.getFixedT('id', ['portal', 'common']) as unknown as PortalT;

describe('the request form’s ticket fields', () => {
  it('says its own refusals at the inputs, in the customer’s language', () => {
    expect(requestFieldProblems({ product_line: 'required', amount: 'number' }, t)).toEqual({
      'custom_fields.product_line': 'Wajib diisi',
      'custom_fields.amount': 'Masukkan angka, misalnya 12 atau 2,5',
    });
  });

  it('places the server’s refusals of field values at their inputs, leaving the others to the form', () => {
    const error = new ApiError(400, 'validation_error', 'invalid', [
      { field: 'body.custom_fields.product_line', message: 'this field is required' },
      { field: 'body.custom_fields.size', message: 'must be one of: s, m' },
      { field: 'body.description', message: 'must not be empty' },
    ]);
    expect(requestFieldRefusals(error, t)).toEqual({ 'custom_fields.product_line': 'Wajib diisi', 'custom_fields.size': 'Must be one of: s, m' });
  });
});
