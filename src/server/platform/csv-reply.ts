import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Answers with a CSV download streamed from `csv`; at most two chunks wait ahead of the socket,
 * so a slow client holds back the queries instead of filling memory.
 */
export function sendCsv(reply: FastifyReply, filename: string, csv: AsyncIterable<string>) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(csv, { highWaterMark: 2 }) as unknown as string);
}
