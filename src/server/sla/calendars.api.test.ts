import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '../../contract/sla.ts';
import type { ApiClient, ApiResponse } from '../../../test/helpers/client.ts';
import { createAgent, createApiKey, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

const officeHours = [{ start: '08:00', end: '17:00' }];
const office = { name: 'Head office', time_zone: 'Europe/Berlin', hours: { mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours } };

let server: TestServer;
let admin: ApiClient;
let agent: ApiClient;
let key: ApiClient;
let other: ApiClient;
let department: number;

const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);
function expectStatus<T = any>(res: ApiResponse<T>, status: number): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}
const fieldsOf = (res: ApiResponse) => (res.body.error.details as Array<{ field: string }>).map((d) => d.field);

beforeAll(async () => {
  server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
  ({ admin } = await createWorkspace(server.url));
  agent = (await createAgent(admin)).client;
  key = await createApiKey(admin);
  ({ admin: other } = await createWorkspace(server.url, undefined, 'signup'));
  department = expectStatus(await admin.post('/api/v1/departments', { name: 'Returns' }), 201).id;
});
afterAll(async () => {
  await server?.close();
});

describe('business calendars', () => {
  it('an admin adds, reads, lists and replaces a calendar; days left out have no hours', async () => {
    const created = expectStatus<Calendar>(await admin.post('/api/v1/calendars', { ...office, holidays: [{ date: '2026-12-25', name: 'Christmas' }] }), 201);
    expect(created).toMatchObject({
      name: 'Head office',
      time_zone: 'Europe/Berlin',
      always_open: false,
      hours: { mon: officeHours, sat: [], sun: [] },
      holidays: [{ date: '2026-12-25', name: 'Christmas' }],
      used_by: { workspace_default: false, departments: [], sla_policies: [] },
    });
    expect(expectStatus(await agent.get(`/api/v1/calendars/${created.id}`), 200)).toEqual(created);
    expect(expectStatus(await key.get('/api/v1/calendars'), 200).items.map((c: Calendar) => c.id)).toContain(created.id);
    const replaced = expectStatus<Calendar>(await put(admin, `/api/v1/calendars/${created.id}`, { name: 'Head office 24x7', time_zone: 'Europe/Berlin', always_open: true }), 200);
    expect(replaced).toMatchObject({ id: created.id, name: 'Head office 24x7', always_open: true, holidays: [], hours: { mon: [] } });
  });

  it('bad calendars are 400 at the field: a reversed range, overlapping ranges, an unknown time zone, no working time at all', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...office, name: 'Reversed', hours: { mon: [{ start: '17:00', end: '08:00' }] } }, 'body.hours.mon.0.end'],
      [{ ...office, name: 'Overlap', hours: { tue: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }] } }, 'body.hours.tue.1.start'],
      [{ ...office, name: 'Nowhere', time_zone: 'Mars/Olympus' }, 'body.time_zone'],
      [{ ...office, name: 'Never', hours: {} }, 'body.hours'],
      [{ ...office, name: 'Twice', holidays: [{ date: '2026-01-01' }, { date: '2026-01-01' }] }, 'body.holidays.1.date'],
      [{ ...office, name: '' }, 'body.name'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/calendars', body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(fieldsOf(res), String(body.name)).toContain(field);
    }
  });

  it('a name taken in the workspace (in any case) is 409 at the name; another workspace may use it', async () => {
    expectStatus(await admin.post('/api/v1/calendars', { ...office, name: 'Warehouse' }), 201);
    const taken = await admin.post('/api/v1/calendars', { ...office, name: 'WAREHOUSE' });
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken)).toEqual(['body.name']);
    expectStatus(await other.post('/api/v1/calendars', { ...office, name: 'Warehouse' }), 201);
  });

  it('agents and API keys read calendars but may not change them (403)', async () => {
    const id = expectStatus(await admin.post('/api/v1/calendars', { ...office, name: 'Admins only' }), 201).id;
    for (const client of [agent, key]) {
      expect((await client.post('/api/v1/calendars', { ...office, name: 'Mine' })).status).toBe(403);
      expect((await put(client, `/api/v1/calendars/${id}`, office)).status).toBe(403);
      expect((await client.delete(`/api/v1/calendars/${id}`)).status).toBe(403);
      expect((await client.post(`/api/v1/calendars/${id}/holidays/import`, { holidays: ['2026-05-01'] })).status).toBe(403);
      expect((await put(client, '/api/v1/calendars/default', { calendar_id: id })).status).toBe(403);
      expect((await put(client, `/api/v1/departments/${department}/calendar`, { calendar_id: id })).status).toBe(403);
    }
  });

  it("another workspace's calendar is 404 to read, change, delete or import into, and 400 when named in a body", async () => {
    const theirs = expectStatus(await other.post('/api/v1/calendars', { ...office, name: 'Theirs' }), 201).id;
    expect((await admin.get(`/api/v1/calendars/${theirs}`)).status).toBe(404);
    expect((await put(admin, `/api/v1/calendars/${theirs}`, office)).status).toBe(404);
    expect((await admin.delete(`/api/v1/calendars/${theirs}`)).status).toBe(404);
    expect((await admin.post(`/api/v1/calendars/${theirs}/holidays/import`, { holidays: ['2026-05-01'] })).status).toBe(404);
    const asDefault = await put(admin, '/api/v1/calendars/default', { calendar_id: theirs });
    expect(asDefault.status).toBe(400);
    expect(fieldsOf(asDefault)).toEqual(['body.calendar_id']);
    const theirDepartment = expectStatus(await other.post('/api/v1/departments', { name: 'Their desk' }), 201).id;
    expect((await put(admin, `/api/v1/departments/${theirDepartment}/calendar`, { calendar_id: null })).status).toBe(404);
    expect(expectStatus(await other.get(`/api/v1/calendars/${theirs}`), 200).name).toBe('Theirs');
  });

  it('a calendar in use by the workspace, a department or an SLA policy is 409 naming each user; free again, it deletes', async () => {
    const id = expectStatus(await admin.post('/api/v1/calendars', { ...office, name: 'Busy' }), 201).id;
    expectStatus(await put(admin, '/api/v1/calendars/default', { calendar_id: id }), 200);
    expectStatus(await put(admin, `/api/v1/departments/${department}/calendar`, { calendar_id: id }), 200);
    const policy = expectStatus(await admin.post('/api/v1/sla-policies', { name: 'Gold', first_response_seconds: 3600, calendar_id: id }), 201);
    const busy = await admin.delete(`/api/v1/calendars/${id}`);
    expect(busy.status).toBe(409);
    expect(busy.body.error.message).toMatch(/the workspace default.*department "Returns".*SLA policy "Gold"/);
    expect(busy.body.error.details.used_by).toEqual({ workspace_default: true, departments: [{ id: department, name: 'Returns' }], sla_policies: [{ id: policy.id, name: 'Gold' }] });
    expect(expectStatus<Calendar>(await admin.get(`/api/v1/calendars/${id}`), 200).used_by.workspace_default).toBe(true);

    expectStatus(await put(admin, '/api/v1/calendars/default', { calendar_id: null }), 200);
    expectStatus(await put(admin, `/api/v1/departments/${department}/calendar`, { calendar_id: null }), 200);
    const onlyPolicy = await admin.delete(`/api/v1/calendars/${id}`);
    expect(onlyPolicy.status).toBe(409);
    expect(onlyPolicy.body.error.message).not.toMatch(/workspace default|department/);
    expectStatus(await admin.patch(`/api/v1/sla-policies/${policy.id}`, { calendar_id: null }), 200);
    expect((await admin.delete(`/api/v1/calendars/${id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/calendars/${id}`)).status).toBe(404);
    expect((await admin.delete(`/api/v1/calendars/${id}`)).status).toBe(404);
  });

  it('the default calendar is read and set; none means 24×7 in the workspace time zone', async () => {
    const id = expectStatus(await admin.post('/api/v1/calendars', { ...office, name: 'Default one' }), 201).id;
    expect(expectStatus(await put(admin, '/api/v1/calendars/default', { calendar_id: id }), 200)).toEqual({ calendar_id: id, time_zone: 'UTC' });
    expect(expectStatus(await agent.get('/api/v1/calendars/default'), 200)).toEqual({ calendar_id: id, time_zone: 'UTC' });
    expect(expectStatus(await put(admin, '/api/v1/calendars/default', { calendar_id: null }), 200).calendar_id).toBeNull();
    expect(fieldsOf(await put(admin, '/api/v1/calendars/default', { calendar_id: 'x' }))).toEqual(['body.calendar_id']);
    expect(expectStatus(await put(admin, `/api/v1/departments/${department}/calendar`, { calendar_id: id }), 200)).toEqual({ department_id: department, calendar_id: id });
    expect(fieldsOf(await put(admin, `/api/v1/departments/${department}/calendar`, { calendar_id: 987654 }))).toEqual(['body.calendar_id']);
    expectStatus(await put(admin, `/api/v1/departments/${department}/calendar`, { calendar_id: null }), 200);
  });
});

describe('holiday import (a JSON list of dates)', () => {
  it('adds new dates, renames listed ones that get a name, keeps the rest, in date order', async () => {
    const id = expectStatus(await admin.post('/api/v1/calendars', { ...office, name: 'Holidays', holidays: [{ date: '2026-12-25', name: 'Christmas' }, { date: '2026-01-01' }] }), 201).id;
    const res = expectStatus(await admin.post(`/api/v1/calendars/${id}/holidays/import`, { holidays: ['2026-05-01', { date: '2026-01-01', name: 'New Year' }, '2026-12-25'] }), 200);
    expect(res).toMatchObject({ added: 1, renamed: 1, unchanged: 1, removed: 0 });
    expect(res.calendar.holidays).toEqual([{ date: '2026-01-01', name: 'New Year' }, { date: '2026-05-01' }, { date: '2026-12-25', name: 'Christmas' }]);
  });

  it('with replace the list becomes the holidays; names of kept dates stay', async () => {
    const id = expectStatus(await admin.post('/api/v1/calendars', { ...office, name: 'Replaced', holidays: [{ date: '2026-12-25', name: 'Christmas' }, { date: '2026-01-01' }] }), 201).id;
    const res = expectStatus(await admin.post(`/api/v1/calendars/${id}/holidays/import`, { holidays: ['2026-12-25', '2027-01-01'], replace: true }), 200);
    expect(res).toMatchObject({ added: 1, unchanged: 1, removed: 1 });
    expect(res.calendar.holidays).toEqual([{ date: '2026-12-25', name: 'Christmas' }, { date: '2027-01-01' }]);
  });

  it('a bad date, a date listed twice or an empty list is 400 at its place, and nothing changes', async () => {
    const id = expectStatus(await admin.post('/api/v1/calendars', { ...office, name: 'Strict' }), 201).id;
    expect(fieldsOf(await admin.post(`/api/v1/calendars/${id}/holidays/import`, { holidays: ['2026-02-30'] }))).toEqual(['body.holidays.0']);
    expect(fieldsOf(await admin.post(`/api/v1/calendars/${id}/holidays/import`, { holidays: ['2026-03-01', '2026-03-01'] }))).toEqual(['body.holidays.1']);
    expect(fieldsOf(await admin.post(`/api/v1/calendars/${id}/holidays/import`, { holidays: [] }))).toEqual(['body.holidays']);
    expect(expectStatus<Calendar>(await admin.get(`/api/v1/calendars/${id}`), 200).holidays).toEqual([]);
  });
});
