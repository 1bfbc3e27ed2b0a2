import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus } from '../errors.ts';

function send(reply: import('fastify').FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  return reply.code(errorStatus[code]).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_error',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_error',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_error',
};

/** What a client needs to word a field's problem in its own language: the rule broken and its bounds. */
function ruleParams(params: unknown): Record<string, unknown> {
  const p = (params ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ['origin', 'minimum', 'maximum', 'format', 'expected'] as const) {
    const value = p[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    else if (typeof value === 'bigint') out[key] = Number(value);
  }
  return out;
}

/** One place turns every failure into `{error: {code, message, details}}`; 5xx bodies stay generic. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      reply.headers(error.headers);
      return send(reply, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.flatMap((v) => {
        const path = [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)];
        // An unknown field is reported at the field itself, so clients can point at it.
        const unknownKeys = v.keyword === 'unrecognized_keys' ? ((v.params as { keys?: string[] }).keys ?? []) : [];
        if (unknownKeys.length) return unknownKeys.map((key) => ({ field: [...path, key].join('.'), message: 'unknown field', rule: 'unknown_field' }));
        // A bad record key (an attribute's name) says why through its own rule, not "Invalid key in record".
        const keyIssue = v.keyword === 'invalid_key' ? (v.params as { issues?: { message?: string; code?: string }[] }).issues?.[0] : undefined;
        if (keyIssue?.message) return [{ field: path.join('.'), message: keyIssue.message, rule: keyIssue.code ?? v.keyword }];
        return [{ field: path.join('.'), message: v.message ?? 'is invalid', rule: v.keyword, ...ruleParams(v.params) }];
      });
      const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return send(reply, 'validation_error', `Invalid request: ${summary}`, issues);
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return send(reply, mapped, error.message);
    if (error instanceof SyntaxError && error.statusCode === 400) return send(reply, 'validation_error', error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = (Object.entries(errorStatus).find(([, s]) => s === error.statusCode)?.[0] ?? 'validation_error') as ErrorCode;
      return send(reply, code, error.message);
    }
    request.log.error({ err: error, reqId: request.id }, 'request failed');
    return send(reply, 'internal', `Internal error (request ${request.id})`);
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
  );
}
