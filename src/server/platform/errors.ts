/** The closed set of error codes the API answers with, and their HTTP status. */
export const errorStatus = {
  validation_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  illegal_transition: 409,
  locked: 409,
  precondition_failed: 412,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, details?: unknown, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);

/** Refuses a list of referenced ids when any is not among those found in the workspace. */
export function assertAllFound(ids: number[], found: Set<number>, what: string, field: string): void {
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('not_found', `Unknown ${what} ids: ${missing.join(', ')}`, { [field]: missing });
}

export interface FieldIssue {
  field: string;
  message: string;
}

/** A 400 naming each bad field, worded as the request validator words its own (error-handler.ts). */
export const invalidFields = (issues: FieldIssue[]): AppError =>
  new AppError('validation_error', `Invalid request: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, issues);

/** Names each id of a body list that is not of this workspace, at its index (`body.<field>.<i>`). */
export const refuseUnknown = (list: number[] | null | undefined, found: Set<number>, field: string, what: string): FieldIssue[] =>
  (list ?? []).flatMap((id, index) => (found.has(id) ? [] : [{ field: `body.${field}.${index}`, message: `no such ${what} in this workspace` }]));
