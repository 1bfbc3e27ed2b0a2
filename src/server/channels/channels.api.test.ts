import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewResult, TicketSource } from '../../contract/channel-intake.ts';
import type { CustomerUser } from '../../contract/customers.ts';
import type { Ticket, TicketEvent } from '../../contract/tickets.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let server: TestServer;
let admin: ApiClient;
let agent: ApiClient;
let integration: ApiClient;
let kemang: { id: number; name: string };

beforeAll(async () => {
  server = await startTestServer();
  ({ admin } = await createWorkspace(server.url));
  agent = (await createAgent(admin, { name: 'Agent Anna' })).client;
  integration = await createApiKey(admin);
  kemang = (await admin.post('/api/v1/departments', { name: 'Kemang branch' })).body;
  expect(kemang.id).toBeTypeOf('number');
});
afterAll(async () => {
  await server?.close();
});

const unique = () => Math.random().toString(36).slice(2, 10);
const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);
const review = (overrides: Record<string, unknown> = {}) => ({
  platform: 'google',
  external_id: `rev-${unique()}`,
  location: 'Kemang',
  rating: 2,
  author: 'Budi Santoso',
  text: 'Waited forty minutes and the soup was cold.',
  url: 'https://maps.google.com/review/abc',
  reviewed_at: '2026-11-20T10:00:00+07:00',
  ...overrides,
});
const ticketsWhere = async (query: string) => (await admin.get<{ items: Ticket[] }>(`/api/v1/tickets?limit=200&${query}`)).body.items;
const historyOf = async (number: string) => (await admin.get<{ items: TicketEvent[] }>(`/api/v1/tickets/${number}/history?limit=200`)).body.items;
const customerUsersWith = async (term: string) =>
  (await admin.get<{ items: CustomerUser[] }>(`/api/v1/customer-users?search=${encodeURIComponent(term)}&limit=200`)).body.items;

describe('review rules', () => {
  it('default to rating ≤ 3 with no keywords; admins replace them, agents read them', async () => {
    expect((await agent.get('/api/v1/channels/review-rules')).body).toEqual({ max_rating: 3, keywords: [], locations: [] });
    const res = await put(admin, '/api/v1/channels/review-rules', { max_rating: 2, keywords: ['food poisoning', 'kecewa'], locations: [{ location: 'Kemang', department: kemang.id }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ max_rating: 2, keywords: ['food poisoning', 'kecewa'], locations: [{ location: 'Kemang', department: { id: kemang.id, name: 'Kemang branch' } }] });
    expect((await put(agent, '/api/v1/channels/review-rules', { max_rating: 5, keywords: [], locations: [] })).status).toBe(403);
  });

  it('refuse an unknown department, a location twice or a bad threshold, and change nothing', async () => {
    const before = (await admin.get('/api/v1/channels/review-rules')).body;
    const unknown = await put(admin, '/api/v1/channels/review-rules', { max_rating: 1, keywords: [], locations: [{ location: 'Senopati', department: 999999 }] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details).toEqual([{ field: 'body.locations.0.department', message: 'no such department in this workspace' }]);
    const twice = await put(admin, '/api/v1/channels/review-rules', { max_rating: 1, keywords: [], locations: [{ location: 'Kemang', department: kemang.id }, { location: ' KEMANG', department: kemang.id }] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details[0].field).toBe('body.locations.1.location');
    const threshold = await put(admin, '/api/v1/channels/review-rules', { max_rating: 6, keywords: [], locations: [] });
    expect(threshold.status).toBe(400);
    expect(JSON.stringify(threshold.body.error.details)).toContain('body.max_rating');
    expect((await admin.get('/api/v1/channels/review-rules')).body).toEqual(before);
  });
});

describe('reviews', () => {
  it('a low rating becomes a review ticket with its text, rating and link, in the location department', async () => {
    const res = await integration.post<ReviewResult>('/api/v1/channels/reviews', review({ rating: 1, author_email: `budi-${unique()}@example.com` }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.outcome).toBe('ticket_created');
    const t = res.body.ticket!;
    expect(t).toMatchObject({ channel: 'review', source: 'google', description: 'Waited forty minutes and the soup was cold.', review: { rating: 1, url: 'https://maps.google.com/review/abc' } });
    expect(t.department?.name).toBe('Kemang branch');
    expect(t.subject).toBe('1★ review by Budi Santoso on google – Kemang');
    expect(t.customer_user?.name).toBe('Budi Santoso');
    expect(res.body.review).toMatchObject({ platform: 'google', rating: 1, edits: 0, reviewed_at: '2026-11-20T03:00:00.000Z' });
    const [created] = await historyOf(t.number);
    expect(created).toMatchObject({ type: 'created', actor: { kind: 'integration' } });
    expect(created.after).toMatchObject({ review: { platform: 'google', rating: 1, reason: 'rating' } });
  });

  it('a good rating is stored without a ticket unless it names a keyword', async () => {
    const good = await integration.post<ReviewResult>('/api/v1/channels/reviews', review({ rating: 5, text: 'Lovely place' }));
    expect(good.status).toBe(201);
    expect(good.body).toMatchObject({ outcome: 'not_a_ticket', ticket: null, review: { rating: 5 } });
    const keyword = await integration.post<ReviewResult>('/api/v1/channels/reviews', review({ rating: 4, location: 'Senopati', text: 'Nice view, but Food Poisoning the next day' }));
    expect(keyword.status).toBe(201);
    expect(keyword.body.outcome).toBe('ticket_created');
    expect(keyword.body.ticket!.department).toBeNull();
  });

  it('re-sending a review changes nothing; an edit updates its ticket with a history event', async () => {
    const first = review();
    const created = (await integration.post<ReviewResult>('/api/v1/channels/reviews', first)).body;
    const number = created.ticket!.number;
    const again = await integration.post<ReviewResult>('/api/v1/channels/reviews', first);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('unchanged');
    expect(again.body.ticket!.number).toBe(number);
    expect(again.body.ticket!.version).toBe(created.ticket!.version);

    const edited = await integration.post<ReviewResult>('/api/v1/channels/reviews', { ...first, rating: 1, text: 'Cold soup and a rude waiter.' });
    expect(edited.status).toBe(200);
    expect(edited.body.outcome).toBe('ticket_updated');
    expect(edited.body.review.edits).toBe(1);
    expect(edited.body.ticket).toMatchObject({ number, description: 'Cold soup and a rude waiter.', review: { rating: 1 } });
    const events = await historyOf(number);
    const edit = events.find((e) => e.type === 'review_edited')!;
    expect(edit.before).toEqual({ rating: 2, text: 'Waited forty minutes and the soup was cold.' });
    expect(edit.after).toEqual({ rating: 1, text: 'Cold soup and a rude waiter.' });
    expect(await ticketsWhere(`channel=review&q=${encodeURIComponent('rude waiter')}`)).toHaveLength(1);
  });

  it('an edit that lowers a good rating opens the ticket then', async () => {
    const first = review({ rating: 5, text: 'Great' });
    expect((await integration.post<ReviewResult>('/api/v1/channels/reviews', first)).body.outcome).toBe('not_a_ticket');
    const edited = await integration.post<ReviewResult>('/api/v1/channels/reviews', { ...first, rating: 2, text: 'Changed my mind: hair in the rice' });
    expect(edited.status).toBe(201);
    expect(edited.body.outcome).toBe('ticket_created');
    expect(edited.body.ticket!.description).toBe('Changed my mind: hair in the rice');
  });

  it('the same new review sent eight times at once makes one review and one ticket', async () => {
    const body = review({ external_id: `race-${unique()}`, text: `race ${unique()}` });
    const answers = await Promise.all(Array.from({ length: 8 }, () => integration.post<ReviewResult>('/api/v1/channels/reviews', body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.ticket?.number)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.review.id)).size).toBe(1);
    expect(await ticketsWhere(`channel=review&q=${encodeURIComponent(body.text)}`)).toHaveLength(1);
  });

  it('an Idempotency-Key retried at once answers the first answer every time and creates one ticket', async () => {
    const key = `idem-${unique()}`;
    const body = review({ text: `idem ${unique()}` });
    const answers = await Promise.all(Array.from({ length: 6 }, () => integration.post<ReviewResult>('/api/v1/channels/reviews', body, { 'idempotency-key': key })));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    // The replayed answers are the stored first answer (jsonb keeps no key order, so compare as values).
    for (const a of answers) expect(a.body).toEqual(answers[0].body);
    const other = await integration.post('/api/v1/channels/reviews', { ...body, rating: 1 }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.body.error.message).toMatch(/different request/);
  });

  it('an unknown platform joins the review sources', async () => {
    const platform = `yelp${unique().slice(0, 4)}`;
    expect((await integration.post('/api/v1/channels/reviews', review({ platform }))).status).toBe(201);
    const sources = (await agent.get<{ items: TicketSource[] }>('/api/v1/channels/sources?channel=review')).body.items;
    expect(sources.map((s) => s.key)).toEqual(['google', 'facebook', 'tripadvisor', platform]);
  });

  it('refuses bad reviews naming the field, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ rating: 6 }, 'body.rating'],
      [{ rating: 2.5 }, 'body.rating'],
      [{ external_id: '' }, 'body.external_id'],
      [{ platform: 'Google Maps!' }, 'body.platform'],
      [{ url: 'javascript:alert(1)' }, 'body.url'],
      [{ reviewed_at: 'yesterday' }, 'body.reviewed_at'],
      [{ author_email: 'not-an-email' }, 'body.author_email'],
    ];
    const text = `bad ${unique()}`;
    for (const [override, field] of cases) {
      const res = await integration.post('/api/v1/channels/reviews', review({ text, ...override }));
      expect(res.status, JSON.stringify(override)).toBe(400);
      expect(JSON.stringify(res.body.error.details)).toContain(field);
    }
    expect(await ticketsWhere(`q=${encodeURIComponent(text)}`)).toHaveLength(0);
    expect((await server.anonymous().post('/api/v1/channels/reviews', review())).status).toBe(401);
  });
});

describe('order issues', () => {
  const order = (overrides: Record<string, unknown> = {}): Record<string, any> => ({
    source: 'ebay',
    order_number: `12-${unique()}`,
    items: [
      { sku: 'BLD-900', name: 'Turbo blender', quantity: 1, price: 89.5 },
      { name: 'Spare jug', quantity: 2 },
    ],
    customer: { name: 'Siti Rahma', email: `siti-${unique()}@example.com` },
    category: 'Damage',
    message: 'The jug arrived cracked.',
    ...overrides,
  });

  it('an order issue becomes a marketplace ticket with the order and its items, searchable by item', async () => {
    const body = order({ items: [{ sku: `SKU-${unique()}`, name: 'Quartzite kettle', quantity: 1 }] });
    const res = await integration.post<Ticket>('/api/v1/channels/orders', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      channel: 'marketplace',
      source: 'ebay',
      order_number: body.order_number,
      order_items: [{ ...body.items[0] }],
      subject: `Damage: order ${body.order_number}`,
      description: 'The jug arrived cracked.',
      category: { name: 'Damage' },
      customer_user: { name: 'Siti Rahma', email: body.customer.email },
    });
    expect(res.headers.get('location')).toBe(`/api/v1/tickets/${res.body.number}`);
    expect((await ticketsWhere('q=quartzite')).map((t) => t.number)).toEqual([res.body.number]);
    expect((await ticketsWhere(`q=${body.items[0].sku}`)).map((t) => t.number)).toEqual([res.body.number]);
    expect((await ticketsWhere(`order_number=${body.order_number}`)).map((t) => t.number)).toEqual([res.body.number]);
    expect((await ticketsWhere('channel=marketplace&source=ebay')).some((t) => t.number === res.body.number)).toBe(true);
  });

  it("the marketplace's issue id makes a re-send, also eight at once, the same ticket", async () => {
    const body = order({ external_id: `RET-${unique()}` });
    const answers = await Promise.all(Array.from({ length: 8 }, () => integration.post<Ticket>('/api/v1/channels/orders', body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.number)).size).toBe(1);
    expect(answers[0].body.external_id).toBe(body.external_id);
    expect(await ticketsWhere(`order_number=${body.order_number}`)).toHaveLength(1);
  });

  it('an Idempotency-Key retried at once creates one ticket', async () => {
    const body = order();
    const answers = await Promise.all(Array.from({ length: 5 }, () => integration.post<Ticket>('/api/v1/channels/orders', body, { 'idempotency-key': body.order_number })));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(new Set(answers.map((a) => a.body.number)).size).toBe(1);
    expect(await ticketsWhere(`order_number=${body.order_number}`)).toHaveLength(1);
  });

  it('takes only sources of the workspace list; admins add, rename and retire them', async () => {
    const unknown = await integration.post('/api/v1/channels/orders', order({ source: 'tokopedia' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown marketplace source tokopedia; the workspace offers: website, ebay, amazon, b2b/);
    expect(unknown.body.error.details).toEqual([{ field: 'body.source', message: 'unknown marketplace source tokopedia' }]);
    expect((await agent.post('/api/v1/channels/sources', { channel: 'marketplace', key: 'tokopedia', label: 'Tokopedia' })).status).toBe(403);
    const added = await admin.post<TicketSource>('/api/v1/channels/sources', { channel: 'marketplace', key: 'tokopedia', label: 'Tokopedia' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ channel: 'marketplace', key: 'tokopedia', label: 'Tokopedia', position: 4, retired: false });
    expect((await admin.post('/api/v1/channels/sources', { channel: 'marketplace', key: 'tokopedia', label: 'Again' })).status).toBe(409);
    expect((await integration.post('/api/v1/channels/orders', order({ source: 'tokopedia' }))).status).toBe(201);
    // The ticket create route takes the same list for marketplace tickets.
    expect((await integration.post('/api/v1/tickets', { subject: 'x', channel: 'marketplace', source: 'shopee' })).status).toBe(400);

    const retired = await admin.patch<TicketSource>('/api/v1/channels/sources/marketplace/tokopedia', { retired: true, label: 'Tokopedia (old)' });
    expect(retired.body).toMatchObject({ retired: true, label: 'Tokopedia (old)' });
    const refused = await integration.post('/api/v1/channels/orders', order({ source: 'tokopedia' }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/retired/);
    expect((await agent.get<{ items: TicketSource[] }>('/api/v1/channels/sources?channel=marketplace')).body.items.map((s) => s.key)).toEqual(['website', 'ebay', 'amazon', 'b2b']);
    expect((await agent.get<{ items: TicketSource[] }>('/api/v1/channels/sources?channel=marketplace&include_retired=true')).body.items.map((s) => s.key)).toContain('tokopedia');
    expect((await admin.patch('/api/v1/channels/sources/marketplace/nope', { label: 'x' })).status).toBe(404);
  });

  it('writes nothing when any part is refused: no customer user for an issue of an unknown category', async () => {
    const email = `nobody-${unique()}@example.com`;
    const res = await integration.post('/api/v1/channels/orders', order({ category: 'Teleportation', customer: { name: 'No Body', email } }));
    expect(res.status).toBe(404);
    expect(res.body.error.details).toEqual([{ field: 'body.category', message: 'no such category in this workspace' }]);
    expect(await customerUsersWith(email)).toHaveLength(0);
  });

  it('refuses bad order issues naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ order_number: '' }, 'body.order_number'],
      [{ items: [{ name: 'x', quantity: 0 }] }, 'body.items.0.quantity'],
      [{ items: [{ quantity: 1 }] }, 'body.items.0.name'],
      [{ customer: { name: 'No contact' } }, 'body.customer.email'],
      [{ purchase: { amount: 10 } }, 'body.transaction_ref'],
      [{ purchase: { amount: 1.005 }, transaction_ref: 'T-1' }, 'body.purchase.amount'],
    ];
    for (const [override, field] of cases) {
      const res = await integration.post('/api/v1/channels/orders', order(override));
      expect(res.status, JSON.stringify(override)).toBe(400);
      expect(JSON.stringify(res.body.error.details)).toContain(field);
    }
  });
});

describe('loyalty purchases', () => {
  it('a ticket carries the purchase and links the customer user by loyalty id', async () => {
    const loyalty = `LOY-${unique()}`;
    const email = `member-${unique()}@example.com`;
    const res = await agent.post<Ticket>('/api/v1/tickets', {
      subject: 'Points missing',
      channel: 'in_store',
      customer: { name: 'Dewi', email, loyalty_id: loyalty },
      transaction_ref: `TX-${unique()}`,
      purchase: { store: 'Grand Indonesia', amount: 125000.5, currency: 'IDR', purchased_at: '2026-11-02T12:30:00+07:00' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.purchase).toEqual({ store: 'Grand Indonesia', amount: '125000.50', currency: 'IDR', purchased_at: '2026-11-02T05:30:00.000Z' });
    const [user] = await customerUsersWith(email);
    expect(user.loyalty_id).toBe(loyalty);

    // The loyalty id alone finds the same customer user.
    const second = await integration.post<Ticket>('/api/v1/tickets', { subject: 'Again', customer: { name: 'D.', loyalty_id: loyalty.toLowerCase() } });
    expect(second.status).toBe(201);
    expect(second.body.customer_user?.id).toBe(user.id);

    const patched = await agent.patch<Ticket>(`/api/v1/tickets/${res.body.number}`, { purchase: { store: 'Grand Indonesia', amount: 99000, currency: 'IDR' } });
    expect(patched.body.purchase).toEqual({ store: 'Grand Indonesia', amount: '99000.00', currency: 'IDR', purchased_at: null });
    const updated = (await historyOf(res.body.number)).find((e) => e.type === 'updated')!;
    expect(updated.before).toEqual({ purchase: { store: 'Grand Indonesia', amount: 125000.5, currency: 'IDR', purchased_at: '2026-11-02T05:30:00.000Z' } });
    expect(updated.after).toEqual({ purchase: { store: 'Grand Indonesia', amount: 99000, currency: 'IDR', purchased_at: null } });
    const cleared = await agent.patch<Ticket>(`/api/v1/tickets/${res.body.number}`, { purchase: null });
    expect(cleared.body.purchase).toBeNull();
  });
});
