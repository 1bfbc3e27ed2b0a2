import type { CreateTicketFieldBody, PatchTicketFieldBody, PublicTicketField, TicketField } from '../../contract/ticket-fields.ts';
import { fieldLimits, isChoiceType } from '../../contract/ticket-fields.ts';
import { isUniqueViolation } from '../platform/db/pg-errors.ts';
import type { Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { AppError, invalidFields, notFound } from '../platform/errors.ts';
import { assertFullOrder, lockOrderedIds, setPositions } from '../platform/ordered-list.ts';
import { ShortCache } from '../platform/short-cache.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { checkFieldValues, keyFromLabel, mergeOptions, type FieldForm, type FieldOption, type FieldRule, type FieldValues } from './field-values.ts';
import {
  countTicketFields,
  countTicketsWithField,
  deleteTicketField,
  findTicketFieldRow,
  insertTicketField,
  listTicketFieldRows,
  nextFieldPosition,
  updateTicketField,
  type TicketFieldRow,
} from './ticket-fields.repository.ts';

const toField = (r: TicketFieldRow): TicketField => ({
  id: r.id,
  key: r.key,
  type: r.type,
  labels: { en: r.labels.en, id: r.labels.id ?? null },
  options: r.options.map((o) => ({ key: o.key, labels: { en: o.labels.en, id: o.labels.id ?? null }, retired: o.retired })),
  required: r.required,
  customer_visible: r.customer_visible,
  on_agent_form: r.on_agent_form,
  on_portal_form: r.on_portal_form,
  position: r.position,
  retired: r.retired,
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
});

// Every ticket create and change reads the definitions; they change rarely.
const definitions = new ShortCache<number, TicketField[]>(5_000);

/** The workspace's fields in form order; `db` may be the caller's transaction (on PGlite, its only connection). */
export const listTicketFields = async (deps: Deps, orgId: number, db: Db = deps.db): Promise<TicketField[]> =>
  (await definitions.read(deps.db, orgId, async () => (await listTicketFieldRows(db, orgId)).map(toField))) ?? [];

export async function getTicketField(deps: Deps, orgId: number, id: number): Promise<TicketField> {
  const row = await findTicketFieldRow(deps.db, orgId, id);
  if (!row) throw notFound('Ticket field');
  return toField(row);
}

const keyTaken = (key: string) => new AppError('conflict', `A ticket field with the key "${key}" exists already`, [{ field: 'body.key', message: 'this key is taken' }]);

export async function createTicketField(deps: Deps, orgId: number, input: CreateTicketFieldBody): Promise<TicketField> {
  const now = deps.clock.now();
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const existing = await listTicketFieldRows(trx, orgId);
      if (existing.length >= fieldLimits.fieldsMax) throw new AppError('conflict', `A workspace has at most ${fieldLimits.fieldsMax} ticket fields: retire or delete one first`);
      const key = input.key ?? keyFromLabel(input.labels.en, new Set(existing.map((f) => f.key)));
      if (existing.some((f) => f.key === key)) throw keyTaken(key);
      const row = await insertTicketField(trx, orgId, {
        key,
        type: input.type,
        labels: JSON.stringify(input.labels),
        options: JSON.stringify(mergeOptions([], input.options)),
        required: input.required,
        customer_visible: input.customer_visible,
        on_agent_form: input.on_agent_form,
        on_portal_form: input.on_portal_form,
        position: input.position ?? (await nextFieldPosition(trx, orgId)),
        retired: false,
        created_at: now,
        updated_at: now,
      });
      return row.id;
    });
    definitions.delete(deps.db, orgId);
    return getTicketField(deps, orgId, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw keyTaken(input.key ?? input.labels.en);
    throw error;
  }
}

/** Changes a definition; options left out are retired, so stored values keep their labels. */
export async function changeTicketField(deps: Deps, orgId: number, id: number, input: PatchTicketFieldBody): Promise<TicketField> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await findTicketFieldRow(trx, orgId, id, true);
    if (!row) throw notFound('Ticket field');
    const { options, labels, ...flags } = input;
    let merged: FieldOption[] | undefined;
    if (options !== undefined) {
      if (!isChoiceType(row.type)) {
        if (options.length) throw invalidFields([{ field: 'body.options', message: 'only select fields have options' }]);
      } else {
        merged = mergeOptions(toField(row).options, options);
        if (!merged.some((o) => !o.retired)) throw invalidFields([{ field: 'body.options', message: 'a select field needs at least one option' }]);
      }
    }
    await updateTicketField(trx, orgId, id, {
      ...flags,
      ...(labels ? { labels: JSON.stringify(labels) } : {}),
      ...(merged ? { options: JSON.stringify(merged) } : {}),
      updated_at: now,
    });
  });
  definitions.delete(deps.db, orgId);
  return getTicketField(deps, orgId, id);
}

/** Deletes a field no ticket holds a value of; one in use is refused (409) and can be retired instead. */
export async function removeTicketField(deps: Deps, orgId: number, id: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findTicketFieldRow(trx, orgId, id, true);
    if (!row) throw notFound('Ticket field');
    const used = await countTicketsWithField(trx, orgId, row.key);
    if (used > 0) {
      throw new AppError('conflict', `${used} ticket${used === 1 ? ' holds' : 's hold'} a value of "${row.labels.en}": retire the field instead, and the values stay readable`, { tickets: used });
    }
    await deleteTicketField(trx, orgId, id);
  });
  definitions.delete(deps.db, orgId);
}

/**
 * The custom field values of a create or change, checked against the definitions and merged
 * into the ticket's current ones (null for a create); a 400 naming each bad field otherwise.
 */
export async function checkTicketFields(deps: Deps, db: Db, orgId: number, input: FieldValues | undefined, options: { form: FieldForm | null; current: FieldValues | null; path?: string }): Promise<FieldValues> {
  const fields = await listTicketFields(deps, orgId, db);
  if (fields.length === 0 && (!input || Object.keys(input).length === 0)) return options.current ?? {};
  const { values, issues } = checkFieldValues(fields as FieldRule[], input ?? {}, options);
  if (issues.length) throw invalidFields(issues);
  return values;
}

/** The fields a customer sees, and only their values: what the portal shows of a ticket. */
export async function customerFieldValues(deps: Deps, orgId: number, values: FieldValues): Promise<{ fields: PublicTicketField[]; values: FieldValues }> {
  const fields = (await listTicketFields(deps, orgId)).filter((f) => f.customer_visible && values[f.key] !== undefined);
  // Retired options stay: a value may be one, and it shows by its label.
  return { fields: fields.map((f) => toPublic(f, true)), values: Object.fromEntries(fields.map((f) => [f.key, values[f.key]])) };
}

/** The fields the portal's request form asks. */
export const portalFormFields = async (deps: Deps, orgId: number): Promise<PublicTicketField[]> =>
  (await listTicketFields(deps, orgId)).filter((f) => f.on_portal_form && !f.retired).map((f) => toPublic(f, false));

const toPublic = (f: TicketField, withRetired: boolean): PublicTicketField => ({
  key: f.key,
  type: f.type,
  labels: f.labels,
  required: f.required,
  options: withRetired ? f.options : f.options.filter((o) => !o.retired),
});

/** Sets the form order: every field id, each once. */
export async function orderTicketFields(deps: Deps, orgId: number, ids: number[]): Promise<TicketField[]> {
  await deps.db.transaction().execute(async (trx) => {
    assertFullOrder(ids, await lockOrderedIds(trx, 'ticket_fields', orgId), 'ticket field');
    await setPositions(trx, 'ticket_fields', orgId, ids, deps.clock.now());
  });
  definitions.delete(deps.db, orgId);
  return listTicketFields(deps, orgId);
}
