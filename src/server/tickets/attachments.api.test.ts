import { readdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../contract/limits.ts';
import type { Message } from '../../contract/tickets.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let server: TestServer;
let agent: { client: ApiClient; id: number };

beforeAll(async () => {
  server = await startTestServer();
  const { admin } = await createWorkspace(server.url);
  agent = await createAgent(admin, { name: 'Agent Files' });
});
afterAll(async () => {
  await server?.close();
});

/** A real 1×1 PNG, built by hand so the test carries no binary fixture. */
function tinyPng(): Uint8Array<ArrayBuffer> {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, 255, 0, 0]));
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]));
}

const pdf = () => new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function postForm(client: ApiClient, number: string, fields: Record<string, string>, files: Array<{ name: string; bytes: Uint8Array<ArrayBuffer>; type?: string }>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('files', new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.name);
  const res = await fetch(`${server.url}/api/v1/tickets/${number}/messages`, { method: 'POST', body: form, headers: { cookie: client.cookie ?? '' } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const messagesOf = async (number: string) => (await agent.client.get<{ items: Message[] }>(`/api/v1/tickets/${number}/messages`)).body.items;

/** Every file under the attachments directory, temp files included. */
function storedFiles(): string[] {
  const dir = path.join(server.deps.config.dataDir, 'attachments');
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe('attachments on ticket messages', () => {
  it('stores a PNG and a PDF with a reply, lists them with the message, and serves each with its bytes and safe headers', async () => {
    const ticket = await createTicket(agent.client);
    const png = tinyPng();
    const res = await postForm(agent.client, ticket.number, { body: 'Photos attached', visibility: 'public' }, [
      { name: 'broken jug.png', bytes: png, type: 'image/png' },
      { name: 'invoice März.pdf', bytes: pdf(), type: 'application/pdf' },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.kind).toBe('reply');
    expect(res.body.attachments.map((a: { filename: string; content_type: string }) => [a.filename, a.content_type])).toEqual([
      ['broken jug.png', 'image/png'],
      ['invoice März.pdf', 'application/pdf'],
    ]);
    const listed = (await messagesOf(ticket.number)).find((m) => m.id === res.body.id);
    expect(listed?.attachments).toEqual(res.body.attachments);
    const [first, second] = listed!.attachments;
    expect(first.url).toBe(`/api/v1/tickets/${ticket.number}/attachments/${first.id}`);

    const image = await fetch(server.url + first.url, { headers: { cookie: agent.client.cookie ?? '' } });
    expect(image.status).toBe(200);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(png);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-length')).toBe(String(png.length));
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('content-security-policy')).toBe('sandbox');
    expect(image.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(image.headers.get('content-disposition')).toBe(`inline; filename="broken jug.png"; filename*=UTF-8''broken%20jug.png`);

    const doc = await fetch(server.url + second.url, { headers: { cookie: agent.client.cookie ?? '' } });
    expect(doc.status).toBe(200);
    expect(new Uint8Array(await doc.arrayBuffer())).toEqual(pdf());
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(doc.headers.get('content-disposition')).toBe(`attachment; filename="invoice M_rz.pdf"; filename*=UTF-8''invoice%20M%C3%A4rz.pdf`);
    expect(second.size_bytes).toBe(pdf().length);
  });

  it('keeps a UTF-8 .txt file as text/plain and strips path parts and control characters from names', async () => {
    const ticket = await createTicket(agent.client);
    const res = await postForm(agent.client, ticket.number, { body: 'Log', visibility: 'internal' }, [{ name: '../../etc/notes\u0007.txt', bytes: new TextEncoder().encode('Halo, terima kasih ✓\n') }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.kind).toBe('note');
    expect(res.body.attachments[0]).toMatchObject({ filename: 'notes.txt', content_type: 'text/plain' });
  });

  const refusedTypes: Array<[string, string]> = [
    ['an SVG', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['an HTML page', '<!doctype html><html><body><script>alert(1)</script></body></html>'],
  ];
  for (const [what, content] of refusedTypes) {
    it(`refuses ${what} renamed .png with 415 naming the file, and stores nothing`, async () => {
      const ticket = await createTicket(agent.client);
      const before = storedFiles();
      const res = await postForm(agent.client, ticket.number, { body: 'Sneaky' }, [
        { name: 'fine.png', bytes: tinyPng(), type: 'image/png' },
        { name: 'photo.png', bytes: new TextEncoder().encode(content), type: 'image/png' },
      ]);
      expect(res.status, JSON.stringify(res.body)).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
      expect(res.body.error.message).toContain('photo.png');
      expect(res.body.error.message).toContain('PNG');
      expect(await messagesOf(ticket.number)).toEqual([]);
      expect(storedFiles()).toEqual(before);
    });
  }

  it('refuses six files with 400 and stores nothing', async () => {
    const ticket = await createTicket(agent.client);
    const before = storedFiles();
    const files = Array.from({ length: limits.attachmentsMax + 1 }, (_, i) => ({ name: `p${i}.png`, bytes: tinyPng() }));
    const res = await postForm(agent.client, ticket.number, { body: 'Too many' }, files);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(await messagesOf(ticket.number)).toEqual([]);
    expect(storedFiles()).toEqual(before);
  });

  it('refuses an 11 MB file with 413 naming it, and stores nothing', async () => {
    const ticket = await createTicket(agent.client);
    const before = storedFiles();
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(tinyPng());
    const res = await postForm(agent.client, ticket.number, { body: 'Huge' }, [{ name: 'huge.png', bytes: big }]);
    expect(res.status, JSON.stringify(res.body)).toBe(413);
    expect(res.body.error.code).toBe('too_large');
    expect(res.body.error.message).toContain('huge.png');
    expect(await messagesOf(ticket.number)).toEqual([]);
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a form without a body (400) or for an unknown ticket (404), leaving no file', async () => {
    const ticket = await createTicket(agent.client);
    const before = storedFiles();
    const empty = await postForm(agent.client, ticket.number, { visibility: 'public' }, [{ name: 'a.png', bytes: tinyPng() }]);
    expect(empty.status, JSON.stringify(empty.body)).toBe(400);
    const lost = await postForm(agent.client, '99999999', { body: 'Lost' }, [{ name: 'a.png', bytes: tinyPng() }]);
    expect(lost.status, JSON.stringify(lost.body)).toBe(404);
    expect(storedFiles()).toEqual(before);
  });

  it('answers 404 for an attachment id under another ticket of the workspace', async () => {
    const one = await createTicket(agent.client);
    const two = await createTicket(agent.client);
    const res = await postForm(agent.client, one.number, { body: 'Here' }, [{ name: 'a.png', bytes: tinyPng() }]);
    const id = res.body.attachments[0].id;
    expect((await agent.client.get(`/api/v1/tickets/${two.number}/attachments/${id}`)).status).toBe(404);
    expect((await agent.client.get(`/api/v1/tickets/${one.number}/attachments/${id + 1000}`)).status).toBe(404);
    expect((await server.anonymous().get(`/api/v1/tickets/${one.number}/attachments/${id}`)).status).toBe(401);
  });

  it('refuses a multipart body on any other route with 415, as before', async () => {
    const form = new FormData();
    form.append('subject', 'Sent as a form');
    const res = await fetch(`${server.url}/api/v1/tickets`, { method: 'POST', body: form, headers: { cookie: agent.client.cookie ?? '' } });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_media_type');
  });

  it('keeps JSON messages as they were, now with an empty attachment list', async () => {
    const ticket = await createTicket(agent.client);
    const res = await agent.client.post<Message>(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Plain JSON', visibility: 'public' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ body: 'Plain JSON', kind: 'reply', attachments: [] });
    expect((await messagesOf(ticket.number)).map((m) => m.attachments)).toEqual([[]]);
  });
});
