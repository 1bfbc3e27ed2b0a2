import { describe, expect, it } from 'vitest';
import { auditActionKey, auditDiffRows, auditTarget, auditValue, clipValue, readAuditEntity } from './audit-entry.ts';

describe('an audit log entry', () => {
  it('shows a change as the fields that differ, old and new', () => {
    const rows = auditDiffRows({ action: 'changed', before: { name: 'Billing', email: null, member_ids: [1] }, after: { name: 'Billing desk', email: null, member_ids: [1, 2] } });
    expect(rows).toEqual([
      { field: 'name', before: { kind: 'text', text: 'Billing' }, after: { kind: 'text', text: 'Billing desk' } },
      { field: 'member_ids', before: { kind: 'json', text: '[1]' }, after: { kind: 'json', text: '[1,2]' } },
    ]);
  });

  it('shows a creation as the values it set and a deletion as the values that were, without id and timestamps', () => {
    const object = { id: 7, name: 'Review bot', key: '[hidden]', scopes: ['read'], created_at: '2026-01-01T00:00:00.000Z' };
    expect(auditDiffRows({ action: 'created', before: null, after: object })).toEqual([
      { field: 'name', after: { kind: 'text', text: 'Review bot' } },
      { field: 'key', after: { kind: 'hidden' } },
      { field: 'scopes', after: { kind: 'json', text: '["read"]' } },
    ]);
    // A revoked API key answers with the key as it is now: the log shows it as it was.
    expect(auditDiffRows({ action: 'deleted', before: { name: 'Old' }, after: { name: 'Old', revoked_at: 'x' } })).toEqual([{ field: 'name', before: { kind: 'text', text: 'Old' } }]);
    expect(auditDiffRows({ action: 'deleted', before: null, after: null })).toEqual([]);
  });

  it('shows what an action without a before answered (a link sent)', () => {
    expect(auditDiffRows({ action: 'password-reset', before: null, after: { to_address: 'dina@example.com' } })).toEqual([{ field: 'to_address', after: { kind: 'text', text: 'dina@example.com' } }]);
  });

  it('tells hidden secrets, nothing, empty text and moments apart from other values', () => {
    expect(auditValue('[hidden]')).toEqual({ kind: 'hidden' });
    expect(auditValue(null)).toEqual({ kind: 'none' });
    expect(auditValue(undefined)).toEqual({ kind: 'none' });
    expect(auditValue('')).toEqual({ kind: 'empty' });
    expect(auditValue('{"not":"json"}')).toEqual({ kind: 'text', text: '{"not":"json"}' });
    expect(auditValue('2026-11-30T17:35:22.557Z')).toEqual({ kind: 'time', iso: '2026-11-30T17:35:22.557Z' });
    expect(auditValue('2026-11-30')).toEqual({ kind: 'text', text: '2026-11-30' });
    expect(auditValue(false)).toEqual({ kind: 'json', text: 'false' });
    expect(auditValue({ a: 1, b: [true] })).toEqual({ kind: 'json', text: '{"a":1,"b":[true]}' });
  });

  it('words known actions, keeps unknown ones as they came, and calls the system’s entry a maintenance run', () => {
    expect(auditActionKey({ entity: 'agent', action: 'password-reset' })).toBe('password-reset');
    expect(auditActionKey({ entity: 'webhook', action: 'rotate-secret' })).toBe('rotate-secret');
    expect(auditActionKey({ entity: 'agent', action: 'teleport' })).toBeNull();
    expect(auditActionKey({ entity: 'system', action: 'created' })).toBe('maintenance');
  });

  it('names its object by number, by mail template and language, by its own name, or not at all', () => {
    expect(auditTarget({ entity: 'department', entity_id: '3' })).toEqual({ kind: 'numbered', id: '3' });
    expect(auditTarget({ entity: 'mail_template', entity_id: 'ticket_created/id' })).toEqual({ kind: 'template', template: 'ticket_created', language: 'id' });
    expect(auditTarget({ entity: 'mail_template', entity_id: 'lost/en' })).toEqual({ kind: 'named', name: 'lost/en' });
    expect(auditTarget({ entity: 'source', entity_id: 'mail/support@shop.example' })).toEqual({ kind: 'named', name: 'mail/support@shop.example' });
    expect(auditTarget({ entity: 'settings', entity_id: null })).toEqual({ kind: 'none' });
  });

  it('reads a known entity filter from the URL and shows everything for anything else', () => {
    expect(readAuditEntity(new URLSearchParams('entity=api_key'))).toBe('api_key');
    expect(readAuditEntity(new URLSearchParams('entity=tickets'))).toBeUndefined();
    expect(readAuditEntity(new URLSearchParams(''))).toBeUndefined();
  });

  it('cuts a long value at a space before the limit, and leaves a short one whole', () => {
    expect(clipValue('short', 10)).toBeNull();
    expect(clipValue('0123456789', 10)).toBeNull();
    expect(clipValue('Hello dear customer, we received it', 20)).toBe('Hello dear customer,…');
    expect(clipValue('x'.repeat(30), 20)).toBe(`${'x'.repeat(20)}…`);
  });
});
