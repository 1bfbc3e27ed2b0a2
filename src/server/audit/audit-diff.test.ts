import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditAction, auditChange, auditDiff, redact, secretsSet } from './audit-diff.ts';

describe('auditDiff', () => {
  it('keeps only the fields that changed, before and after', () => {
    expect(auditDiff({ id: 1, name: 'Returns', email: null, updated_at: 'a' }, { id: 1, name: 'Refunds', email: null, updated_at: 'b' })).toEqual({
      before: { name: 'Returns' },
      after: { name: 'Refunds' },
    });
  });
  it('keeps the whole object on creation and deletion, and nothing when nothing changed', () => {
    expect(auditDiff(null, { id: 2 })).toEqual({ before: null, after: { id: 2 } });
    expect(auditDiff({ id: 2 }, null)).toEqual({ before: { id: 2 }, after: null });
    expect(auditDiff(null, null)).toBeNull();
    expect(auditDiff({ a: [1, 2] }, { a: [1, 2] })).toBeNull();
  });
  it('names a field that appeared or vanished with null on the other side', () => {
    expect(auditDiff({ a: 1 }, { a: 1, b: 2 })).toEqual({ before: { b: null }, after: { b: 2 } });
  });
  it('never reports an unchanged field, and always reports a changed one', () => {
    const obj = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.jsonValue());
    fc.assert(
      fc.property(obj, obj, (before, after) => {
        const diff = auditDiff(before, after);
        const changed = Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
        if (changed.length === 0) return diff === null || Object.keys(diff.after ?? {}).every((k) => !(k in before) !== !(k in after));
        return changed.every((k) => diff !== null && k in (diff.after ?? {}));
      }),
    );
  });
});

describe('redact', () => {
  it('hides secrets, and the fields an entity names', () => {
    expect(redact({ url: 'https://x', secret: 's', password_hash: 'h', key: 'cdk_1' }, ['key'])).toEqual({ url: 'https://x', secret: '[hidden]', password_hash: '[hidden]', key: '[hidden]' });
    expect(redact('text')).toBeNull();
    expect(redact([1])).toBeNull();
  });
});

describe('auditAction', () => {
  it('names what a request did', () => {
    expect(auditAction('POST', '/api/v1/departments')).toBe('created');
    expect(auditAction('PATCH', '/api/v1/departments/:id')).toBe('changed');
    expect(auditAction('PUT', '/api/v1/settings')).toBe('changed');
    expect(auditAction('DELETE', '/api/v1/departments/:id')).toBe('deleted');
    expect(auditAction('POST', '/api/v1/admin/webhooks/:id/rotate-secret')).toBe('rotate-secret');
    expect(auditAction('POST', '/api/v1/agents/:id/password-reset')).toBe('password-reset');
    expect(auditAction('POST', '/api/v1/calendars/:id/holidays/import')).toBe('import');
  });
});

describe('secretsSet', () => {
  it('names the secrets a body sets, and nothing of other bodies', () => {
    expect(secretsSet({ name: 'x', password: 'p' })).toEqual(['password']);
    expect(secretsSet(null)).toEqual([]);
    expect(secretsSet(['password'])).toEqual([]);
  });
});

describe('auditChange', () => {
  it('keeps the changed fields of a change, whole objects otherwise, and marks secrets set as changed', () => {
    expect(auditChange('changed', { name: 'a', role: 'agent' }, { name: 'a', role: 'admin' }, [])).toEqual({ before: { role: 'agent' }, after: { role: 'admin' } });
    expect(auditChange('changed', { name: 'a' }, { name: 'a' }, [])).toBeNull();
    expect(auditChange('changed', { name: 'a' }, { name: 'a' }, ['password'])).toEqual({ before: { password: '[hidden]' }, after: { password: '[changed]' } });
    expect(auditChange('created', null, { id: 1 }, [])).toEqual({ before: null, after: { id: 1 } });
  });
});
