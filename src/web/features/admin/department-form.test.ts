import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent, Department } from '../../../contract/admin.ts';
import { resources } from '../../i18n/resources.ts';
import { ApiError } from '../../lib/api-client.ts';
import { checkDepartment, departmentDeleteError, departmentSaveErrors, departmentToForm, filterAgents, memberChoices } from './department-form.ts';

const department: Department = {
  id: 7,
  name: 'Returns',
  email: 'returns@shop.example',
  member_ids: [2, 5],
  assignment_mode: 'round_robin',
  created_at: '2026-01-01T00:00:00Z',
};

const agent = (id: number, name: string, is_active = true): Agent => ({
  id,
  name,
  email: `${name.toLowerCase().replace(' ', '.')}@shop.example`,
  role: 'agent',
  is_active,
  status: is_active ? 'active' : 'deactivated',
  invitation_expires_at: null,
  open_tickets: 0,
  department_ids: [],
  accepting_tickets: true,
  last_sign_in_at: null,
  created_at: '2026-01-01T00:00:00Z',
});

const usedBy = (uses: Record<string, unknown>) => ({
  used_by: { tickets: 0, sla_policies: [], routing_rules: [], escalation_levels: [], imap_mailboxes: [], review_locations: [], ...uses },
});

describe('the department form', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('sends a department back as it was read', () => {
    const { id: _id, created_at: _c, ...fields } = department;
    expect(checkDepartment(departmentToForm(department))).toEqual({ body: fields, errors: null });
  });

  it('starts a new department with no address, no members and manual assignment', () => {
    expect(departmentToForm()).toEqual({ name: '', email: '', member_ids: [], assignment_mode: 'manual' });
  });

  it('sends an empty address as none, and trims the name and the address', () => {
    expect(checkDepartment({ ...departmentToForm(department), name: '  Billing ', email: '   ' }).body).toMatchObject({ name: 'Billing', email: null });
    expect(checkDepartment({ ...departmentToForm(department), email: ' Billing@Shop.example ' }).body?.email).toBe('Billing@Shop.example');
  });

  it('asks for a name and a valid address before sending', () => {
    expect(checkDepartment({ ...departmentToForm(), name: ' ', email: 'not-an-address' })).toEqual({
      body: null,
      errors: { name: 'Required', email: 'Enter a valid email address, like name@example.com' },
    });
  });

  it('tells a taken name (409) at the name, a vanished member (404) at the members, and a 400 at its field', () => {
    expect(departmentSaveErrors(new ApiError(409, 'conflict', 'A department named "Returns" exists already'))).toEqual({ name: 'Another department has this name already.' });
    expect(departmentSaveErrors(new ApiError(404, 'not_found', 'Unknown agent ids: 9', { member_ids: [9] }))).toEqual({
      member_ids: 'One of the chosen agents no longer exists: reload the page and choose again.',
    });
    expect(departmentSaveErrors(new ApiError(404, 'not_found', 'Department not found'))).toEqual({});
    const invalid = new ApiError(400, 'validation_error', 'Invalid request', [
      { field: 'body.email', message: 'Invalid email address', rule: 'invalid_format', format: 'email' },
      { field: 'body.member_ids.3', message: 'Too big', rule: 'too_big', origin: 'number' },
    ]);
    expect(departmentSaveErrors(invalid)).toEqual({ email: 'Enter a valid email address, like name@example.com', member_ids: 'Too big' });
  });
});

describe('choosing members', () => {
  const agents = [agent(1, 'Zara Lim'), agent(2, 'Budi Santoso', false), agent(3, 'Ayu Lestari'), agent(4, 'Adi Putra', false)];

  it('lists active agents first, then deactivated ones, each by name', () => {
    expect(memberChoices(agents).map((a) => a.name)).toEqual(['Ayu Lestari', 'Zara Lim', 'Adi Putra', 'Budi Santoso']);
  });

  it('finds agents by a part of their name or email, without regard to case', () => {
    expect(filterAgents(agents, ' ayu ').map((a) => a.id)).toEqual([3]);
    expect(filterAgents(agents, 'SANTOSO@').map((a) => a.id)).toEqual([2]);
    expect(filterAgents(agents, '')).toHaveLength(4);
  });
});

describe('a refused delete', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));
  const refused = (uses: Record<string, unknown>) => new ApiError(409, 'conflict', 'The department "Outlet" is used by …; move those elsewhere first', usedBy(uses));

  it('names every use, in the agent’s language', () => {
    const error = refused({
      tickets: 3,
      sla_policies: [{ id: 1, name: 'Gold' }],
      routing_rules: [
        { id: 1, name: 'Refunds' },
        { id: 2, name: 'eBay' },
      ],
      escalation_levels: [{ department: { id: 4, name: 'Billing' }, level: 2 }],
      imap_mailboxes: [{ id: 5, name: 'outlet@imap.example' }],
      review_locations: ['Kemang'],
    });
    expect(departmentDeleteError(error)).toBe(
      'It cannot be deleted while it is used by 3 tickets; SLA policy “Gold”; routing rules “Refunds”, “eBay”; escalation level 2 of “Billing”; IMAP mailbox “outlet@imap.example”; the review rule of “Kemang”. Move those to another department first.',
    );
    expect(departmentDeleteError(refused({ tickets: 10_000 }))).toContain('10000 or more tickets');
  });

  it('says it in Bahasa Indonesia too', async () => {
    await i18next.changeLanguage('id');
    expect(departmentDeleteError(refused({ tickets: 1, imap_mailboxes: [{ id: 5, name: 'outlet@imap.example' }] }))).toBe(
      'Departemen ini tidak dapat dihapus selama masih dipakai oleh 1 tiket; kotak surat IMAP “outlet@imap.example”. Pindahkan semuanya ke departemen lain terlebih dahulu.',
    );
    await i18next.changeLanguage('en');
  });

  it('keeps the server’s own message for a use it cannot word, or when the details are missing', () => {
    const unknownUse = new ApiError(409, 'conflict', 'The department "Outlet" is used by chat widget "Home"; move those elsewhere first', usedBy({ chat_widgets: [{ name: 'Home' }] }));
    expect(departmentDeleteError(unknownUse)).toBe('The department "Outlet" is used by chat widget "Home"; move those elsewhere first');
    expect(departmentDeleteError(new ApiError(409, 'conflict', 'The department "Outlet" is used by a ticket; move those elsewhere first', usedBy({})))).toBe(
      'The department "Outlet" is used by a ticket; move those elsewhere first',
    );
    expect(departmentDeleteError(new ApiError(404, 'not_found', 'Department not found'))).toBe('Not deleted: Department not found');
  });
});
