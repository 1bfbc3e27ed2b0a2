import type { Db } from '../workspaces/workspaces.repository.ts';

/** The admin's own wordings of the workspace's mails (built-in wording serves the rest). */
export const listTemplateOverrides = (db: Db, orgId: number) =>
  db.selectFrom('mail_templates').select(['template', 'language', 'subject', 'body', 'updated_at']).where('org_id', '=', orgId).execute();

export async function upsertTemplateOverride(
  db: Db,
  row: { org_id: number; template: string; language: string; subject: string; body: string; updated_at: Date },
): Promise<void> {
  await db
    .insertInto('mail_templates')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'template', 'language']).doUpdateSet({ subject: row.subject, body: row.body, updated_at: row.updated_at }))
    .execute();
}

export async function deleteTemplateOverride(db: Db, orgId: number, template: string, language: string): Promise<void> {
  await db.deleteFrom('mail_templates').where('org_id', '=', orgId).where('template', '=', template).where('language', '=', language).execute();
}
