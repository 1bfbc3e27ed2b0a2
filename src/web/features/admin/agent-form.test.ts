import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../contract/admin.ts';
import { resources } from '../../i18n/resources.ts';
import { ApiError } from '../../lib/api-client.ts';
import { agentSaveErrors, agentStatusError, agentToForm, checkAgent } from './agent-form.ts';

const agent = (overrides: Partial<Agent> = {}): Agent => ({
  id: 4,
  name: 'Sari Wijaya',
  email: 'sari@shop.example',
  role: 'agent',
  is_active: true,
  status: 'active',
  invitation_expires_at: null,
  open_tickets: 0,
  department_ids: [2, 1],
  accepting_tickets: true,
  last_sign_in_at: null,
  created_at: '2026-01-01T00:00:00Z',
  ...overrides,
});

beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

describe('the invite and edit dialogs', () => {
  it('starts an invitation empty, as an agent in no department', () => {
    expect(agentToForm()).toEqual({ name: '', email: '', role: 'agent', department_ids: [] });
  });

  it('sends an invitation with the email, trimmed, and each department once', () => {
    const form = { name: ' Sari Wijaya ', email: ' sari@shop.example ', role: 'admin' as const, department_ids: [3, 1, 3] };
    expect(checkAgent(form, true)).toEqual({ body: { name: 'Sari Wijaya', email: 'sari@shop.example', role: 'admin', department_ids: [3, 1] }, errors: null });
  });

  it('sends a change without the email, which cannot be changed', () => {
    expect(checkAgent(agentToForm(agent({ role: 'admin' })), false)).toEqual({ body: { name: 'Sari Wijaya', role: 'admin', department_ids: [2, 1] }, errors: null });
  });

  it('asks for a name and a valid email before inviting', () => {
    expect(checkAgent({ ...agentToForm(), name: '  ', email: 'sari@' }, true)).toEqual({
      body: null,
      errors: { name: 'Required', email: 'Enter a valid email address, like name@example.com' },
    });
  });

  it('tells a taken email (409) at the email, a gone department (404) at the departments, a 400 at its field', () => {
    expect(agentSaveErrors(new ApiError(409, 'conflict', 'An agent with the email sari@shop.example exists already'), true)).toEqual({ email: 'An agent with this email exists already.' });
    expect(agentSaveErrors(new ApiError(404, 'not_found', 'Unknown department ids: 9', { department_ids: [9] }), true)).toEqual({
      department_ids: 'One of the chosen departments no longer exists: reload the page and choose again.',
    });
    expect(agentSaveErrors(new ApiError(404, 'not_found', 'Agent not found'), false)).toEqual({});
    const invalid = new ApiError(400, 'validation_error', 'Invalid request', [
      { field: 'body.email', message: 'Invalid email address', rule: 'invalid_format', format: 'email' },
      { field: 'body.department_ids.0', message: 'Too small', rule: 'too_small', origin: 'number' },
    ]);
    expect(agentSaveErrors(invalid, true)).toEqual({ email: 'Enter a valid email address, like name@example.com', department_ids: 'Too small' });
  });

  it('tells the last admin’s refusal to give up the role at the role', () => {
    const refused = new ApiError(409, 'conflict', 'This is the last active admin of the workspace; make another agent admin first');
    expect(agentSaveErrors(refused, false)).toEqual({ role: 'This is the last active admin of the workspace: make another agent admin first.' });
  });
});

describe('deactivating', () => {
  it('words the last admin’s refusal in the agent’s language, and keeps other messages', async () => {
    const refused = new ApiError(409, 'conflict', 'This is the last active admin of the workspace; make another agent admin first');
    expect(agentStatusError(refused)).toBe('This is the last active admin of the workspace: make another agent admin first.');
    expect(agentStatusError(new ApiError(404, 'not_found', 'Agent not found'))).toBe('Not changed: Agent not found');
    await i18next.changeLanguage('id');
    expect(agentStatusError(refused)).toBe('Ini admin aktif terakhir di ruang kerja ini: jadikan agen lain admin terlebih dahulu.');
    await i18next.changeLanguage('en');
  });
});
