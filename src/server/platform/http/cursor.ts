import { z } from 'zod';
import { AppError } from '../errors.ts';

const cursorShape = z.tuple([z.union([z.string(), z.number(), z.null()]), z.number().int().positive()]);
export type Cursor = z.infer<typeof cursorShape>;

/** Opaque keyset cursor: the last row's sort value and id. */
export const encodeCursor = (value: string | number | null, id: number): string =>
  Buffer.from(JSON.stringify([value, id])).toString('base64url');

export function decodeCursor(cursor: string): Cursor {
  try {
    return cursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation_error', 'Malformed cursor: pass next_cursor from a previous page unchanged', [
      { field: 'querystring.cursor', message: 'malformed cursor' },
    ]);
  }
}

/** A page of rows fetched with `limit + 1` and ordered by id: the extra row says there is more. */
export function pageById<T extends { id: number }, R>(rows: T[], limit: number, map: (row: T) => R): { items: R[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  return { items: items.map(map), next_cursor: rows.length > limit ? encodeCursor(null, items[items.length - 1].id) : null };
}
