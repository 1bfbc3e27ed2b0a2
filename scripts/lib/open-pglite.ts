import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * Opens an embedded data directory the way the server does (src/server/platform/db/database.ts:
 * same extensions), but hands back the PGlite instance itself, which pg_dump needs.
 * The caller must hold the data-dir lock and close the instance.
 */
export function openPGlite(dataDir: string): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: { pg_trgm, btree_gin } });
}
