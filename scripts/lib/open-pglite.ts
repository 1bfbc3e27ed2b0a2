import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../../src/server/platform/db/database.ts';

/**
 * Opens an embedded data directory the way the server does (same extensions), but hands back
 * the PGlite instance itself, which pg_dump needs. The caller must hold the data-dir lock and
 * close the instance.
 */
export function openPGlite(dataDir: string): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: pgliteExtensions });
}
