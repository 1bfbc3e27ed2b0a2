import { open } from 'node:fs/promises';
import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifyReply, FastifySchema } from 'fastify';
import { z } from 'zod';
import { errors } from '../../contract/common.ts';
import { attachmentTypes, inlineAttachmentTypes, limits, type AttachmentType } from '../../contract/limits.ts';
import { attachmentParams } from '../../contract/tickets.ts';
import { requireActor } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { notFound } from '../platform/errors.ts';
import { storedPath } from './attachment-files.ts';
import { findTicketAttachment, type AttachmentFile } from './attachments.repository.ts';

/** RFC 6266: an ASCII fallback name for old clients and the exact name as RFC 8187 UTF-8. */
export function contentDisposition(type: AttachmentType, filename: string): string {
  const disposition = inlineAttachmentTypes.includes(type) ? 'inline' : 'attachment';
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The multipart form of `POST …/messages`, for the OpenAPI document only: the route validates
 * its text fields with the JSON schema after the upload hook has read them.
 */
export const messageFormSchema = {
  type: 'object',
  properties: {
    body: { type: 'string', minLength: 1 },
    visibility: { type: 'string', enum: ['public', 'internal'], default: 'public' },
    files: {
      type: 'array',
      maxItems: limits.attachmentsMax,
      items: { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' },
      description: `Up to ${limits.attachmentsMax} files of at most ${limits.attachmentMaxBytes / (1024 * 1024)} MB each; the type is read from the bytes: ${attachmentTypes.join(', ')} (text only for UTF-8 .txt files). Others get 415, larger ones 413.`,
    },
  },
  required: ['body'],
  additionalProperties: false,
} as const;

/**
 * Wraps the OpenAPI transform: a route that consumes multipart/form-data as well as JSON gets
 * both media types, the form one with its file field (the zod body schema only knows JSON).
 */
export function withMessageForm<S extends FastifySchema>(transform: SwaggerTransform<S>): SwaggerTransform<S> {
  return (input) => {
    const out = transform(input);
    const schema = out.schema as FastifySchema & { consumes?: string[] };
    if (!schema?.body || !schema.consumes?.includes('multipart/form-data')) return out;
    const { consumes: _consumes, ...rest } = schema;
    const json = schema.body as { properties?: Record<string, unknown> };
    const form = { ...json, properties: { ...json.properties, files: messageFormSchema.properties.files } };
    const body = { content: { 'application/json': { schema: schema.body }, 'multipart/form-data': { schema: form } } };
    return { ...out, schema: { ...rest, body } };
  };
}

const fileBody = z.string().meta({ format: 'binary' });

export function attachmentsRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/tickets/:number/attachments/:id', {
    schema: {
      tags: ['tickets'],
      summary: 'Download a file attached to a message of the ticket (images inline, others as downloads)',
      params: attachmentParams,
      response: {
        200: { description: 'The file, with the type detected on upload', content: Object.fromEntries(attachmentTypes.map((t) => [t, { schema: fileBody }])) },
        ...errors(400, 401, 404),
      },
    },
    handler: async (request, reply) => {
      const { number, id } = request.params;
      return sendAttachment(deps, reply, await findTicketAttachment(deps.db, requireActor(request).orgId, number, id), number, id);
    },
  });
}

/** Streams a stored file with headers that keep it from ever running in the app's origin. */
export async function sendAttachment(deps: Deps, reply: FastifyReply, found: AttachmentFile | undefined, number: string, id: number) {
  if (!found) throw notFound(`Attachment ${id} of ticket ${number}`);
  const handle = await open(storedPath(deps.config.dataDir, found.storage_key), 'r').catch(() => {
    throw notFound(`Attachment ${id} of ticket ${number}`);
  });
  const type = found.content_type as AttachmentType;
  return reply
    .header('content-type', type === 'text/plain' ? 'text/plain; charset=utf-8' : type)
    .header('content-length', String(found.size_bytes))
    .header('content-disposition', contentDisposition(type, found.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'private, max-age=3600')
    // The documented body is "binary string"; Fastify streams a Readable as is, unserialized.
    .send(handle.createReadStream() as unknown as string);
}
