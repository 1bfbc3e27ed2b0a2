import { z } from 'zod';
import { category, createCategoryBody, idParams, orderCategoriesBody, patchCategoryBody, type Category } from '../../contract/admin.ts';
import { assertFullOrder, lockOrderedIds, setPositions } from '../platform/ordered-list.ts';
import { errors } from '../../contract/common.ts';
import { requireActor, requireAdmin } from '../platform/actor.ts';
import { isUniqueViolation } from '../platform/db/pg-errors.ts';
import type { App, Deps } from '../platform/deps.ts';
import { forgetNames } from '../tickets/staff-names.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { findCategory, insertCategory, listCategories, updateCategory } from './categories.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findCategory>>>;
const toCategory = (c: Row): Category => ({ id: c.id, name: c.name, position: c.position, retired: c.retired_at !== null });

async function getCategory(deps: Deps, orgId: number, id: number): Promise<Category> {
  const c = await findCategory(deps.db, orgId, id);
  if (!c) throw notFound('Category');
  return toCategory(c);
}

async function guardName<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A category named "${name}" exists already`, [{ field: 'body.name', message: 'this name is taken' }]);
    throw error;
  }
}

export function categoriesRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/categories', {
    schema: { tags: ['categories'], summary: 'Categories, retired ones included (flagged)', response: { 200: z.object({ items: z.array(category), next_cursor: z.null() }), ...errors(401) } },
    handler: async (request) => ({ items: (await listCategories(deps.db, requireActor(request).orgId)).map(toCategory), next_cursor: null }),
  });
  app.post('/api/v1/categories', {
    config: { audit: 'category' },
    schema: { tags: ['categories'], summary: 'Add a category (admin)', body: createCategoryBody, response: { 201: category, ...errors(400, 401, 403, 409) } },
    handler: async (request, reply) => {
      const orgId = requireAdmin(request).orgId;
      const id = await guardName(request.body.name, () => insertCategory(deps.db, orgId, request.body));
      forgetNames(deps.db, orgId);
      return reply.code(201).send(await getCategory(deps, orgId, id));
    },
  });
  app.put('/api/v1/categories/order', {
    config: { audit: 'category' },
    schema: {
      tags: ['categories'],
      summary: 'Set the order of the categories: every category id, each once (admin)',
      body: orderCategoriesBody,
      response: { 200: z.object({ items: z.array(category), next_cursor: z.null() }), ...errors(400, 401, 403) },
    },
    handler: async (request) => {
      const orgId = requireAdmin(request).orgId;
      await deps.db.transaction().execute(async (trx) => {
        assertFullOrder(request.body.ids, await lockOrderedIds(trx, 'categories', orgId), 'category');
        await setPositions(trx, 'categories', orgId, request.body.ids, null);
      });
      forgetNames(deps.db, orgId);
      return { items: (await listCategories(deps.db, orgId)).map(toCategory), next_cursor: null };
    },
  });
  app.patch('/api/v1/categories/:id', {
    config: { audit: 'category', auditBefore: async (request) => (await findCategory(deps.db, requireAdmin(request).orgId, (request.params as { id: number }).id).then((c) => c && toCategory(c))) ?? null },
    schema: { tags: ['categories'], summary: 'Rename, reorder or retire a category (admin)', params: idParams, body: patchCategoryBody, response: { 200: category, ...errors(400, 401, 403, 404, 409) } },
    handler: async (request) => {
      const orgId = requireAdmin(request).orgId;
      const { retired, ...changes } = request.body;
      const found = await guardName(changes.name, () => updateCategory(deps.db, orgId, request.params.id, changes, retired === undefined ? undefined : { retired, now: deps.clock.now() }));
      if (!found) throw notFound('Category');
      forgetNames(deps.db, orgId);
      return getCategory(deps, orgId, request.params.id);
    },
  });
}
