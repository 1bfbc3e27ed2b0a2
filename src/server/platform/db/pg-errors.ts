/** Both pg and PGlite raise errors carrying PostgreSQL's SQLSTATE in `code`. */
const sqlState = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;

export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';
export const isForeignKeyViolation = (error: unknown): boolean => sqlState(error) === '23503';
/** A clash with another transaction (deadlock, serialization failure, lock not available): trying again soon is likely to work. */
export const isTransientConflict = (error: unknown): boolean => ['40P01', '40001', '55P03'].includes(sqlState(error) ?? '');
