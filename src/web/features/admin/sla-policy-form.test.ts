import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../../../contract/sla.ts';
import { resources } from '../../i18n/resources.ts';
import { checkPolicy, policyErrorField, policyToForm } from './sla-policy-form.ts';

const policy: SlaPolicy = {
  id: 3,
  name: 'Urgent email',
  position: 0,
  priorities: ['urgent'],
  department_ids: null,
  channels: ['email', 'web'],
  category_ids: [9],
  first_response_seconds: 3600,
  next_response_seconds: null,
  resolution_seconds: 8 * 3600 + 30 * 60,
  warning_percent: 75,
  calendar_id: 2,
  is_active: false,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('the SLA policy form', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('sends a policy back as it was read, targets in seconds and "any" as null', () => {
    const { id: _id, position: _position, created_at: _c, updated_at: _u, ...fields } = policy;
    expect(checkPolicy(policyToForm(policy))).toEqual({ body: fields, errors: null });
  });

  it('starts a new policy matching every ticket, active, warning at 80 %, with no targets', () => {
    const form = { ...policyToForm(), name: 'Everything' };
    expect(checkPolicy(form).body).toEqual({
      name: 'Everything',
      priorities: null,
      department_ids: null,
      channels: null,
      category_ids: null,
      first_response_seconds: null,
      next_response_seconds: null,
      resolution_seconds: null,
      warning_percent: 80,
      calendar_id: null,
      is_active: true,
    });
  });

  it('turns hours and minutes into seconds', () => {
    const form = policyToForm();
    form.name = 'Fast';
    form.targets.first_response_seconds = { hours: '', minutes: '30' };
    form.targets.resolution_seconds = { hours: '24', minutes: '' };
    expect(checkPolicy(form).body).toMatchObject({ first_response_seconds: 1800, next_response_seconds: null, resolution_seconds: 86_400 });
  });

  it('keys each problem by the body field the server would name', () => {
    const form = policyToForm();
    form.priorities = { isAny: false, chosen: [] };
    form.targets.next_response_seconds = { hours: '1', minutes: '75' };
    form.warning_percent = '100';
    expect(checkPolicy(form).errors).toEqual({
      name: 'Required',
      priorities: 'Choose at least one, or choose Any',
      next_response_seconds: 'Minutes go from 0 to 59',
      warning_percent: 'A whole number from 1 to 99, or empty',
    });
  });

  it('shows an unknown department of the list at the list', () => {
    expect(policyErrorField('department_ids.2')).toBe('department_ids');
    expect(policyErrorField('name')).toBe('name');
  });
});
