import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiResponse } from '../../../test/helpers/client.ts';
import { buildTicket, createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { signInToPortal } from '../../../test/helpers/portal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

function expectError(res: ApiResponse, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
}
const fieldsOf = (res: ApiResponse) => (res.body.error.details as { field: string }[]).map((d) => d.field).sort();

describe('configurable ticket fields', () => {
  let server: TestServer;
  let admin: ApiClient;
  let agent: Awaited<ReturnType<typeof createAgent>>;
  let slug: string;
  let productLine: { id: number };
  let oldTicket: { number: string };

  const listNumbers = async (query: string) => ((await admin.get(`/api/v1/tickets?${query}`)).body.items as { number: string }[]).map((t) => t.number);

  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: '1' } });
    ({ admin, slug } = await createWorkspace(server.url));
    agent = await createAgent(admin);
    // A ticket from before any field existed.
    oldTicket = await createTicket(admin);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('defines a select field with options keyed from their labels; agents and keys read it, only admins define it', async () => {
    const res = await admin.post('/api/v1/ticket-fields', {
      type: 'select',
      labels: { en: 'Product line', id: 'Lini produk' },
      options: [{ labels: { en: 'Kitchen', id: 'Dapur' } }, { labels: { en: 'Garden tools' } }],
      required: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      key: 'product_line',
      type: 'select',
      labels: { en: 'Product line', id: 'Lini produk' },
      options: [
        { key: 'kitchen', labels: { en: 'Kitchen', id: 'Dapur' }, retired: false },
        { key: 'garden_tools', labels: { en: 'Garden tools', id: null }, retired: false },
      ],
      required: true,
      customer_visible: false,
      on_agent_form: true,
      on_portal_form: false,
      retired: false,
    });
    productLine = res.body;
    expect((await agent.client.get('/api/v1/ticket-fields')).body.items.map((f: { key: string }) => f.key)).toEqual(['product_line']);
    expectError(await agent.client.post('/api/v1/ticket-fields', { type: 'text', labels: { en: 'Sneaky' } }), 403, 'forbidden');
    expectError(await agent.client.patch(`/api/v1/ticket-fields/${productLine.id}`, { required: false }), 403, 'forbidden');
    expectError(await agent.client.delete(`/api/v1/ticket-fields/${productLine.id}`), 403, 'forbidden');
  });

  it('refuses a select without options (400), options on a text field (400), a taken key (409 at the key), a type change (400), and writes nothing', async () => {
    const before = (await admin.get('/api/v1/ticket-fields')).body.items;
    const empty = await admin.post('/api/v1/ticket-fields', { type: 'select', labels: { en: 'Size' }, options: [] });
    expectError(empty, 400, 'validation_error');
    expect(fieldsOf(empty)).toEqual(['body.options']);
    expect(fieldsOf(await admin.post('/api/v1/ticket-fields', { type: 'text', labels: { en: 'Note' }, options: [{ labels: { en: 'x' } }] }))).toEqual(['body.options']);
    const taken = await admin.post('/api/v1/ticket-fields', { key: 'product_line', type: 'text', labels: { en: 'Other' } });
    expectError(taken, 409, 'conflict');
    expect(fieldsOf(taken)).toEqual(['body.key']);
    expectError(await admin.patch(`/api/v1/ticket-fields/${productLine.id}`, { type: 'text' }), 400, 'validation_error');
    expectError(await admin.patch(`/api/v1/ticket-fields/${productLine.id}`, { options: [{ key: 'kitchen', labels: { en: 'Kitchen' }, retired: true }, { key: 'garden_tools', labels: { en: 'Garden' }, retired: true }] }), 400, 'validation_error');
    expectError(await admin.post('/api/v1/ticket-fields', { type: 'rating', labels: { en: 'Stars' } }), 400, 'validation_error');
    expect((await admin.get('/api/v1/ticket-fields')).body.items).toEqual(before);
  });

  it('asks the required field of new tickets at the field, and checks types and options', async () => {
    const missing = await admin.post('/api/v1/tickets', buildTicket());
    expectError(missing, 400, 'validation_error');
    expect(fieldsOf(missing)).toEqual(['body.custom_fields.product_line']);
    const wrong = await admin.post('/api/v1/tickets', buildTicket({ custom_fields: { product_line: 'toys', colour: 'red' } }));
    expect(fieldsOf(wrong)).toEqual(['body.custom_fields.colour', 'body.custom_fields.product_line']);
    const ok = await admin.post('/api/v1/tickets', buildTicket({ custom_fields: { product_line: 'kitchen' } }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.custom_fields).toEqual({ product_line: 'kitchen' });
  });

  it('keeps tickets made before the field became required valid: they change other things freely, and cannot clear a value once set', async () => {
    const res = await admin.patch(`/api/v1/tickets/${oldTicket.number}`, { priority: 'high' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.custom_fields).toEqual({});
    expect((await admin.patch(`/api/v1/tickets/${oldTicket.number}`, { custom_fields: { product_line: 'garden_tools' } })).body.custom_fields).toEqual({ product_line: 'garden_tools' });
    const cleared = await admin.patch(`/api/v1/tickets/${oldTicket.number}`, { custom_fields: { product_line: null } });
    expect(fieldsOf(cleared)).toEqual(['body.custom_fields.product_line']);
  });

  it('filters the dashboard by a field value, and finds text values by search', async () => {
    await admin.post('/api/v1/ticket-fields', { type: 'text', labels: { en: 'Serial number' } });
    await admin.post('/api/v1/ticket-fields', { type: 'multi_select', labels: { en: 'Parts' }, options: [{ labels: { en: 'Lid' } }, { labels: { en: 'Jug' } }] });
    await admin.post('/api/v1/ticket-fields', { type: 'checkbox', labels: { en: 'Under warranty' } });
    await admin.post('/api/v1/ticket-fields', { type: 'number', labels: { en: 'Weight kg' } });
    const kitchen = await createTicket(admin, { custom_fields: { product_line: 'kitchen', serial_number: 'SN-ZX81-777', parts: ['jug', 'lid'], under_warranty: true, weight_kg: 2.5 } });
    const garden = await createTicket(admin, { custom_fields: { product_line: 'garden_tools', parts: ['lid'] } });
    expect(kitchen.custom_fields.parts).toEqual(['lid', 'jug']);
    const kitchenOnly = await listNumbers('field=product_line:kitchen');
    expect(kitchenOnly).toContain(kitchen.number);
    expect(kitchenOnly).not.toContain(garden.number);
    expect(await listNumbers('field=parts:lid')).toEqual(expect.arrayContaining([kitchen.number, garden.number]));
    expect(await listNumbers('field=parts:jug&field=product_line:kitchen')).toEqual([kitchen.number]);
    expect(await listNumbers('field=under_warranty:true')).toEqual([kitchen.number]);
    expect(await listNumbers('field=under_warranty:false')).not.toContain(kitchen.number);
    expect(await listNumbers('field=weight_kg:2.5')).toEqual([kitchen.number]);
    expect(await listNumbers('field=serial_number:zx81')).toEqual([kitchen.number]);
    expect(await listNumbers('q=SN-ZX81-777')).toEqual([kitchen.number]);
    // Contains, case ignored, % and _ literal, quotes and backslashes too (JSON escapes those).
    const odd = await createTicket(admin, { custom_fields: { product_line: 'kitchen', serial_number: 'Lot "B\\7" 50%_off' } });
    expect(await listNumbers(`field=${encodeURIComponent('serial_number:"b\\7"')}`)).toEqual([odd.number]);
    expect(await listNumbers(`field=${encodeURIComponent('serial_number:50%_OFF')}`)).toEqual([odd.number]);
    expect(await listNumbers(`field=${encodeURIComponent('serial_number:5_%')}`)).toEqual([]);
    const stats = await admin.get('/api/v1/tickets/stats?field=product_line:garden_tools');
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    const unknown = await admin.get('/api/v1/tickets?field=nope:1&field=weight_kg:heavy');
    expectError(unknown, 400, 'validation_error');
    expect(fieldsOf(unknown)).toEqual(['querystring.field.0', 'querystring.field.1']);
    expectError(await admin.get('/api/v1/tickets?field=Bad%20Key'), 400, 'validation_error');
  });

  it('retires an option left out of an edit: old tickets keep it and its label, new values cannot pick it', async () => {
    const res = await admin.patch(`/api/v1/ticket-fields/${productLine.id}`, { options: [{ key: 'kitchen', labels: { en: 'Kitchen & dining' } }, { labels: { en: 'Toys' } }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.options).toEqual([
      { key: 'kitchen', labels: { en: 'Kitchen & dining', id: null }, retired: false },
      { key: 'toys', labels: { en: 'Toys', id: null }, retired: false },
      { key: 'garden_tools', labels: { en: 'Garden tools', id: null }, retired: true },
    ]);
    expect((await admin.get(`/api/v1/tickets/${oldTicket.number}`)).body.custom_fields).toEqual({ product_line: 'garden_tools' });
    // The old ticket changes other things and keeps its retired value.
    expect((await admin.patch(`/api/v1/tickets/${oldTicket.number}`, { priority: 'low', custom_fields: { product_line: 'garden_tools' } })).status).toBe(200);
    const refused = await admin.post('/api/v1/tickets', buildTicket({ custom_fields: { product_line: 'garden_tools' } }));
    expect(fieldsOf(refused)).toEqual(['body.custom_fields.product_line']);
    expect(await listNumbers('field=product_line:garden_tools')).toContain(oldTicket.number);
  });

  it('refuses to delete a field tickets hold values of (409, offering retire), retires it, and deletes an unused one', async () => {
    const inUse = await admin.delete(`/api/v1/ticket-fields/${productLine.id}`);
    expectError(inUse, 409, 'conflict');
    expect(inUse.body.error.message).toMatch(/tickets hold a value of "Product line".*retire/);
    const retired = await admin.patch(`/api/v1/ticket-fields/${productLine.id}`, { retired: true });
    expect(retired.body.retired).toBe(true);
    // Retired: no longer asked, values stay readable, and cannot change.
    expect((await admin.post('/api/v1/tickets', buildTicket())).status).toBe(201);
    expect((await admin.get(`/api/v1/tickets/${oldTicket.number}`)).body.custom_fields.product_line).toBe('garden_tools');
    expect(fieldsOf(await admin.patch(`/api/v1/tickets/${oldTicket.number}`, { custom_fields: { product_line: 'kitchen' } }))).toEqual(['body.custom_fields.product_line']);
    const unused = (await admin.post('/api/v1/ticket-fields', { type: 'date', labels: { en: 'Bought on' } })).body;
    expect((await admin.delete(`/api/v1/ticket-fields/${unused.id}`)).status).toBe(204);
    expectError(await admin.get(`/api/v1/ticket-fields/${unused.id}`), 404, 'not_found');
  });

  it('orders the fields: every id once', async () => {
    const ids = ((await admin.get('/api/v1/ticket-fields')).body.items as { id: number }[]).map((f) => f.id);
    const reversed = [...ids].reverse();
    const res = await admin.request('PUT', '/api/v1/ticket-fields/order', { ids: reversed });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((f: { id: number }) => f.id)).toEqual(reversed);
    const partial = await admin.request('PUT', '/api/v1/ticket-fields/order', { ids: reversed.slice(1) });
    expectError(partial, 400, 'validation_error');
    expect((await admin.get('/api/v1/ticket-fields')).body.items.map((f: { id: number }) => f.id)).toEqual(reversed);
  });

  it('asks portal-form fields on the public form, shows customers only customer-visible values, and writes nothing for a refused request', async () => {
    await admin.post('/api/v1/ticket-fields', {
      type: 'select',
      labels: { en: 'Store', id: 'Toko' },
      options: [{ labels: { en: 'Jakarta' } }, { labels: { en: 'Bandung' } }],
      required: true,
      customer_visible: true,
      on_agent_form: false,
      on_portal_form: true,
    });
    await admin.post('/api/v1/ticket-fields', { type: 'text', key: 'internal_memo', labels: { en: 'Memo' } });
    const config = (await server.anonymous().get(`/api/v1/portal/${slug}/config`)).body;
    expect(config.fields).toEqual([{ key: 'store', type: 'select', labels: { en: 'Store', id: 'Toko' }, required: true, options: [
      { key: 'jakarta', labels: { en: 'Jakarta', id: null }, retired: false },
      { key: 'bandung', labels: { en: 'Bandung', id: null }, retired: false },
    ] }]);
    const email = 'field.customer@example.com';
    const request = { name: 'Field Customer', email, description: 'My kettle leaks.' };
    const headers = { 'x-forwarded-for': '10.9.0.1' };
    const refused = await server.anonymous().post(`/api/v1/portal/${slug}/requests`, request, headers);
    expectError(refused, 400, 'validation_error');
    expect(fieldsOf(refused)).toEqual(['body.custom_fields.store']);
    expect((await admin.get(`/api/v1/customer-users?search=${encodeURIComponent(email)}`)).body.items).toEqual([]);
    const sent = await server.anonymous().post(`/api/v1/portal/${slug}/requests`, { ...request, custom_fields: { store: 'bandung' } }, headers);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    // The agents' form does not ask the portal's field; the agent adds an internal memo.
    expect((await admin.patch(`/api/v1/tickets/${sent.body.number}`, { custom_fields: { internal_memo: 'Leaks at the seam' } })).status).toBe(200);
    const customer = await signInToPortal(server, slug, email, { 'x-forwarded-for': '10.9.0.2' });
    const seen = (await customer.get(`/api/v1/portal/${slug}/tickets/${sent.body.number}`)).body;
    expect(seen.fields).toEqual([{ key: 'store', type: 'select', labels: { en: 'Store', id: 'Toko' }, required: true, options: expect.any(Array), value: 'bandung' }]);
    expect(JSON.stringify(seen)).not.toContain('Leaks at the seam');
  });

  it('takes field values as a JSON string in a multipart request', async () => {
    const form = new FormData();
    form.append('name', 'Multipart Customer');
    form.append('email', 'multipart.fields@example.com');
    form.append('description', 'The lid cracked.');
    form.append('custom_fields', JSON.stringify({ store: 'jakarta' }));
    form.append('files', new Blob(['photo bytes\n']), 'photo.txt');
    const res = await fetch(`${server.url}/api/v1/portal/${slug}/requests`, { method: 'POST', body: form, headers: { 'x-forwarded-for': '10.9.0.3' } });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect((await admin.get(`/api/v1/tickets/${body.number}`)).body.custom_fields).toEqual({ store: 'jakarta' });
    form.set('custom_fields', 'not json');
    const bad = await fetch(`${server.url}/api/v1/portal/${slug}/requests`, { method: 'POST', body: form, headers: { 'x-forwarded-for': '10.9.0.4' } });
    expect(bad.status).toBe(400);
  });
});
