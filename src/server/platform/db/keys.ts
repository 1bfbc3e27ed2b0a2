import { sql, type RawBuilder } from 'kysely';

/**
 * `(org, id) in (the keys)` for many rows at once, the keys passed as one JSON parameter. An IN list
 * of pairs plans as an OR of index probes, one per pair, which costs milliseconds to plan on a table
 * with many indexes; this plans as a join whatever the number of keys. `org` and `id` name the columns.
 */
export function inKeys(org: string, id: string, keys: readonly { orgId: number; id: number }[]): RawBuilder<boolean> {
  const json = JSON.stringify(keys.map((k) => ({ o: k.orgId, i: k.id })));
  return sql<boolean>`(${sql.ref(org)}, ${sql.ref(id)}) in (select k.o, k.i from jsonb_to_recordset(${json}::jsonb) as k(o bigint, i bigint))`;
}
