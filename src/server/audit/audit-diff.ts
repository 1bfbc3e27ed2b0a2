type Shape = Record<string, unknown>;

const secretNames = /secret|password|token|hash/i;

/** An object as the audit log keeps it: secrets (and the entity's own hidden fields) replaced by a mark. */
export function redact(value: unknown, hidden: readonly string[] = []): Shape | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  return Object.fromEntries(
    Object.entries(value as Shape).map(([k, v]) => [k, secretNames.test(k) || hidden.includes(k) ? '[hidden]' : v]),
  );
}

/**
 * What an admin change did, field by field: the fields whose values differ, before and after.
 * A creation keeps the whole new object; a deletion the whole old one; a change that changed
 * nothing is null (not logged).
 */
export function auditDiff(before: Shape | null, after: Shape | null): { before: Shape | null; after: Shape | null } | null {
  if (!before || !after) return before || after ? { before, after } : null;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => k !== 'updated_at' && k !== 'version' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (keys.length === 0) return null;
  return { before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])), after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])) };
}

/** The secrets a request body sets (a password): logged as changed, never with their value. */
export function secretsSet(body: unknown): string[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.keys(body).filter((k) => secretNames.test(k));
}

/**
 * The entry of a change: for a change, the fields that changed (null when none did); otherwise
 * the objects as they were and became. Secrets the request set show as changed, never their value.
 */
export function auditChange(action: string, before: Shape | null, after: Shape | null, secrets: readonly string[]): { before: Shape | null; after: Shape | null } | null {
  const changed = action === 'changed' ? auditDiff(before, after) : { before, after };
  if (secrets.length === 0) return changed;
  return {
    before: { ...changed?.before, ...Object.fromEntries(secrets.map((k) => [k, '[hidden]'])) },
    after: { ...changed?.after, ...Object.fromEntries(secrets.map((k) => [k, '[changed]'])) },
  };
}

/** What a request did, from its method and route: created, changed, deleted, or the action a POST names (…/:id/rotate-secret). */
export function auditAction(method: string, routeUrl: string): string {
  if (method === 'DELETE') return 'deleted';
  if (method === 'PATCH' || method === 'PUT') return 'changed';
  const segments = routeUrl.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  return segments.slice(0, -1).some((s) => s.startsWith(':')) && !last.startsWith(':') ? last : 'created';
}
