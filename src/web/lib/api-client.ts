import i18next from 'i18next';
import { describeIssue } from './validation.ts';
/** A failed API call, carrying the `{error: {code, message, details}}` body of DESIGN.md §4. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds from a 429's Retry-After header. */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, details?: unknown, retryAfter: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }
}

export interface FieldIssue {
  field: string;
  message: string;
  /** The rule broken (a zod issue code), with its bounds, so the app can word it in the agent's language. */
  rule?: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
}

/**
 * The per-field messages of a 400, keyed by the field's path in the request body:
 * the server names fields like `body.admin.email`, forms name them `admin.email`.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.details as unknown[]) {
    if (!isFieldIssue(issue)) continue;
    const field = issue.field.replace(/^body\.?/, '');
    out[field] ??= typeof issue.rule === 'string' ? describeIssue({ ...issue, code: issue.rule }) : issue.message;
  }
  return out;
}

/** A failure's message for the form's alert, unless it is told at one of the form's own fields already. */
export function formError(error: unknown, fields: readonly string[]): string | null {
  if (!error) return null;
  if (Object.keys(fieldErrors(error)).some((field) => fields.includes(field))) return null;
  return error instanceof Error ? error.message : String(error);
}

function isFieldIssue(v: unknown): v is FieldIssue {
  return typeof v === 'object' && v !== null && typeof (v as FieldIssue).field === 'string' && typeof (v as FieldIssue).message === 'string';
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** A multipart body instead of JSON; the browser sets its content type with the boundary. */
  form?: FormData;
  /** A text body sent as it is (a CSV file) with its own content type, instead of JSON. */
  text?: { body: string; type: string };
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** Builds `/api/v1<path>?<query>`, leaving out empty parameters. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

/** Calls the API with the session cookie; resolves to the parsed JSON body (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  // A JSON content type with an empty body is a 400 on the server, so it is only sent with a body.
  if (options.text) headers['content-type'] = options.text.type;
  else if (options.body !== undefined && !options.form) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.form ?? options.text?.body ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', i18next.t('apiError.network'));
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response, body);
  return body as T;
}

function toApiError(response: Response, body: unknown): ApiError {
  const retryAfter = Number(response.headers.get('retry-after'));
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : 'http_' + response.status;
  const serverMessage = typeof error?.message === 'string' ? error.message : `The server answered ${response.status} ${response.statusText}`.trim();
  const message = response.status >= 500 ? i18next.t('apiError.server', { status: response.status }) : isWorded(code) ? i18next.t(`apiError.${code}`) : serverMessage;
  return new ApiError(response.status, code, message, error?.details, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

// Failures the app words itself, in the agent's language; any other keeps the server's own message.
const wordedCodes = ['forbidden', 'locked', 'precondition_failed', 'rate_limited', 'too_large'] as const;
const isWorded = (code: string): code is (typeof wordedCodes)[number] => (wordedCodes as readonly string[]).includes(code);

export const isUnauthorized = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

/** The ticket changed since it was read (412 on If-Match), or a lifecycle move no longer fits (409). */
export const isConflict = (error: unknown): boolean => error instanceof ApiError && (error.status === 412 || error.status === 409);

/** The If-Match header for a version read earlier: the server refuses the change with 412 if it moved on. */
export const ifMatch = (version: number): Record<string, string> => ({ 'if-match': `"${version}"` });
