import type { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { limits } from '../../contract/limits.ts';
import { createMessageBody } from '../../contract/tickets.ts';
import { requireActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { findNul } from '../platform/http/refuse-nul.ts';
import { AppError } from '../platform/errors.ts';
import { detectType, removeQuietly, sanitizeFilename, stageUpload, type StagedFile } from './attachment-files.ts';

/** The files a multipart request brought, from the hook that received them to the handler. */
const stagedByRequest = new WeakMap<FastifyRequest, StagedFile[]>();

/** Busboy's own limits sit just past ours, so our checks (with our messages) fire first. */
export const multipartLimits = {
  fileSize: limits.attachmentMaxBytes + 1,
  files: limits.attachmentsMax + 1,
  fields: 10,
  fieldSize: limits.bodyMaxBytes,
  parts: limits.attachmentsMax + 11,
};

/** The routes that read multipart/form-data; everywhere else the API stays JSON-only. */
const multipartRoutes = new Set([
  'POST /api/v1/tickets/:number/messages',
  'POST /api/v1/portal/:workspace/tickets/:number/notes',
  'POST /api/v1/portal/:workspace/requests',
]);

/** How a route reads its form: the JSON schema of its text fields, and who may send files at all. */
export interface FormRules {
  body: z.ZodType;
  /** Throws for a caller who may not upload; runs before a single byte of a file is written. */
  authorize(request: FastifyRequest): unknown;
}

const messageForm: FormRules = { body: createMessageBody, authorize: requireActor };

/** A root preValidation hook: a multipart body sent to any other route is 415, as before. */
export async function refuseStrayMultipart(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.isMultipart() || multipartRoutes.has(`${request.method} ${request.routeOptions.url}`)) return;
  // The unread body cannot be left on a connection that would carry the next request.
  reply.header('connection', 'close');
  throw new AppError('unsupported_media_type', 'This route takes a JSON body (application/json)');
}

/**
 * preValidation of the messages POST: a multipart request is read here, before the body is
 * validated. Each file is streamed to a temp file and type-checked; on any refusal every temp
 * file is removed. The text fields become the body the route's schema validates.
 */
export function receiveMultipart(deps: Deps, rules: FormRules = messageForm) {
  const fieldNames = Object.keys((rules.body as unknown as { shape?: Record<string, unknown> }).shape ?? {});
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!request.isMultipart()) return;
    // Strangers are refused before a single byte of their files is written.
    await rules.authorize(request);
    const staged: StagedFile[] = [];
    const tempPaths: string[] = [];
    const fields: Record<string, string> = {};
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (!fieldNames.includes(part.fieldname) || typeof part.value !== 'string') {
            throw new AppError('validation_error', `Unknown form field ${part.fieldname}`, [{ field: `body.${part.fieldname}`, message: 'not a field of this form', rule: 'unknown_field' }]);
          }
          fields[part.fieldname] = part.value;
          continue;
        }
        const filename = sanitizeFilename(part.filename);
        if (part.fieldname !== 'files') {
          part.file.resume();
          throw new AppError('validation_error', 'Files are sent in the field "files"', [{ field: `body.${part.fieldname}`, message: 'files go in "files"' }]);
        }
        if (staged.length >= limits.attachmentsMax) {
          part.file.resume();
          throw new AppError('validation_error', `At most ${limits.attachmentsMax} files per message`, [{ field: 'body.files', message: `at most ${limits.attachmentsMax} files` }]);
        }
        const received = await stageUpload(deps.config.dataDir, part.file, filename);
        tempPaths.push(received.tempPath);
        staged.push({ ...received, contentType: await detectType(received) });
      }
      const nul = findNul(fields);
      if (nul) throw new AppError('validation_error', `${nul} contains a NUL character, which text cannot hold`, [{ field: nul, message: 'contains a NUL character' }]);
      const parsed = rules.body.safeParse(fields);
      if (!parsed.success) {
        throw new AppError(
          'validation_error',
          'The form is not valid',
          parsed.error.issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), message: i.message, rule: i.code })),
        );
      }
      request.body = parsed.data;
      stagedByRequest.set(request, staged);
    } catch (error) {
      await removeQuietly(tempPaths);
      // The refusal comes before the rest of the upload was read: the connection cannot carry
      // another request, so the client is told to open a new one rather than wait on this one.
      if (!request.raw.complete) reply.header('connection', 'close');
      throw toAppError(error);
    }
  };
}

/** Busboy's and the plugin's own refusals, as the API's errors. */
function toAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('too_large', `A file is larger than ${limits.attachmentMaxBytes / (1024 * 1024)} MB`);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError('validation_error', `At most ${limits.attachmentsMax} files per message`, [{ field: 'body.files', message: 'too many parts' }]);
  }
  if (typeof code === 'string' && code.startsWith('FST_')) return new AppError('validation_error', 'The multipart body is malformed');
  return error;
}

/** The files staged for this request (none for JSON). */
export const stagedFiles = (request: FastifyRequest): StagedFile[] => stagedByRequest.get(request) ?? [];

/**
 * Before the answer goes out, whatever is left in the temp directory goes: every file of a
 * refused request, none of a stored one (those were moved into place).
 */
export async function discardStaged(request: FastifyRequest): Promise<void> {
  const staged = stagedFiles(request);
  stagedByRequest.delete(request);
  await removeQuietly(staged.map((f) => f.tempPath));
}
