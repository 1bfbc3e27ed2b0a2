import { ApiError } from '../../lib/api-client.ts';

/** The API's answer to an agent on an admin route (their role may have changed since they signed in). */
export const isForbidden = (error: unknown): boolean => error instanceof ApiError && error.status === 403;
