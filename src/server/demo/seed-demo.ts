/**
 * `npm run demo`: fills a workspace `demo` ("Toko Makmur Demo") with agents, departments,
 * customers and ~300 tickets of the last 90 days, written through the services with a clock
 * moved to each moment, so history, counters and search are what real use would leave.
 * Deterministic (seeded PRNG; times are relative to the clock's now). Runs once: an existing
 * `demo` workspace is left alone.
 */
import { sql } from 'kysely';
import type { Status } from '../../contract/tickets.ts';
import { createAgent } from '../agents/agents.service.ts';
import { createApiKey } from '../api-keys/api-keys.service.ts';
import { createTicketField } from '../ticket-fields/ticket-fields.service.ts';
import { createCustomer, createCustomerUser } from '../customers/customers.service.ts';
import { createDepartment } from '../departments/departments.service.ts';
import type { Actor, AgentActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { addMessage } from '../tickets/messages.service.ts';
import { changeTicket, createTicket, setTicketLock } from '../tickets/tickets.service.ts';
import { transitionTicket } from '../tickets/transitions.service.ts';
import { findWorkspaceBySlug } from '../workspaces/workspaces.repository.ts';
import { createWorkspace, updateSettings } from '../workspaces/workspaces.service.ts';
import {
  adminDepartments,
  complaints,
  couriers,
  customerNotes,
  customerResolutions,
  demoAdmin,
  demoAgents,
  demoCompanies,
  demoDepartments,
  demoSlug,
  demoWorkspaceName,
  departmentOf,
  emailDomains,
  englishFirst,
  englishLast,
  indonesianFirst,
  indonesianLast,
  internalNotes,
  pendingReasons,
  posComplaints,
  products,
  rejectionNotes,
  replies,
  resolutions,
  reviews,
  sizes,
  spam,
  stores,
  tagPool,
  type CategoryName,
  type DepartmentName,
  type Lang,
  type Product,
  type Template,
} from './demo-data.ts';
import { addCustomerNote, autoClose, moveAsCustomer, type CustomerRef } from './portal-and-system.ts';
import { seedServiceLevels } from './service-levels.ts';
import { createRng, type Rng } from './prng.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SEED = 20_260_042;
const CUSTOMER_USERS = 60;
const TICKETS = 300;

export const demoCredentialsLine = `Demo workspace ready: sign in as ${demoAdmin.email} / ${demoAdmin.password}`;

type Channel = 'web' | 'email' | 'phone' | 'in_store' | 'review' | 'marketplace' | 'api' | 'chat';
type Outcome = 'new' | 'open' | 'pending' | 'resolved_agent' | 'resolved_customer' | 'closed_manual' | 'closed_auto_resolved' | 'closed_auto_pending' | 'rejected';
type WaitingOn = 'customer' | 'third_party' | 'internal';
type Priority = 'low' | 'medium' | 'high' | 'urgent';

/** How many tickets end in each state (sums to TICKETS). */
const outcomeCounts: [Outcome, number][] = [
  ['new', 32],
  ['open', 46],
  ['pending', 36],
  ['resolved_agent', 30],
  ['resolved_customer', 12],
  ['closed_manual', 72],
  ['closed_auto_resolved', 42],
  ['closed_auto_pending', 18],
  ['rejected', 12],
];

const channelWeights: [Channel, number][] = [
  ['web', 50], ['email', 50], ['phone', 45], ['in_store', 35], ['review', 30], ['marketplace', 45], ['api', 15], ['chat', 30],
];
const sourcesOf: Partial<Record<Channel, string[]>> = {
  review: ['google', 'facebook', 'tripadvisor'],
  marketplace: ['website', 'ebay', 'amazon', 'b2b'],
};
const categoryWeights: Record<Channel, [CategoryName, number][]> = {
  web: [['Return', 3], ['Cancel', 2], ['Damage', 3], ['Delivery', 3], ['Quality', 2], ['Billing', 2], ['Other', 1]],
  email: [['Return', 3], ['Cancel', 2], ['Damage', 2], ['Delivery', 3], ['Quality', 1], ['Billing', 3], ['Other', 1]],
  phone: [['Return', 2], ['Cancel', 2], ['Damage', 2], ['Delivery', 3], ['Quality', 2], ['Billing', 2], ['Other', 2]],
  in_store: [['Return', 4], ['Damage', 2], ['Quality', 3], ['Billing', 2], ['Other', 2]],
  review: [],
  marketplace: [['Return', 3], ['Cancel', 2], ['Damage', 3], ['Delivery', 4], ['Quality', 1], ['Billing', 1]],
  api: [],
  chat: [['Cancel', 3], ['Delivery', 3], ['Billing', 2], ['Other', 2], ['Return', 1]],
};

interface DemoCustomer extends CustomerRef {
  first: string;
  email: string | null;
  phone: string | null;
  lang: Lang;
  companyId: number | null;
}

type StepBody =
  | { kind: 'assign'; by: AgentActor; assignee: AgentActor; department?: DepartmentName }
  | { kind: 'open' | 'resume' | 'reopen' | 'lock'; by: AgentActor }
  | { kind: 'reply' | 'note'; by: AgentActor; text: string }
  | { kind: 'customerNote'; text: string }
  | { kind: 'hold'; by: AgentActor; reason: string; waitingOn: WaitingOn; untilDays: number | null }
  | { kind: 'resolve'; by: AgentActor; resolution: string }
  | { kind: 'customerResolve'; resolution: string | null }
  | { kind: 'customerReopen' }
  | { kind: 'close'; by: AgentActor; reason: 'manual' | 'rejected'; resolution?: string }
  | { kind: 'bump'; by: AgentActor; priority: Priority; tags: string[] }
  | { kind: 'autoClose' };
type Step = StepBody & { at: number };

interface Plan {
  createdAt: number;
  creator: Actor;
  customer: DemoCustomer;
  inline: boolean;
  input: {
    subject: string;
    description: string;
    priority: Priority;
    category: CategoryName;
    department?: DepartmentName;
    assignee?: number;
    channel: Channel;
    source?: string;
    order_number?: string;
    transaction_ref?: string;
    review_ref?: string;
    tags?: string[];
  };
  steps: Step[];
}

export async function seedDemo(deps: Deps): Promise<void> {
  if (await findWorkspaceBySlug(deps.db, demoSlug)) return;
  const now = deps.clock.now().getTime();
  let at = now - 92 * DAY;
  const d: Deps = { ...deps, clock: { now: () => new Date(at) } };
  let orgId: number;
  let adminId: number;
  try {
    ({ orgId, adminId } = await createWorkspace(d, { name: demoWorkspaceName, slug: demoSlug, admin: { name: demoAdmin.name, email: demoAdmin.email, password: demoAdmin.password } }));
  } catch (error) {
    // Another process started with CAREDESK_DEMO at the same moment and seeds it.
    if (error instanceof AppError && error.code === 'conflict') return;
    throw error;
  }
  try {
    await populate(d, orgId, adminId, now, (t) => {
      at = t;
    });
    // The seed plays three months that never happened: nobody is mailed about them.
    await deps.db.deleteFrom('outbox').where('org_id', '=', orgId).execute();
  } catch (error) {
    // A half-filled demo would block every later attempt: take it away again, then fail.
    await removeWorkspace(deps, orgId).catch(() => undefined);
    throw error;
  }
  process.stdout.write(`${demoCredentialsLine}\n`);
}

async function populate(d: Deps, orgId: number, adminId: number, now: number, setTime: (t: number) => void): Promise<void> {
  const rng = createRng(SEED);
  const agentActor = (agentId: number, name: string, role: 'admin' | 'agent'): AgentActor => ({ kind: 'agent', orgId, agentId, role, name, sessionId: null });

  await updateSettings(d, orgId, { time_zone: 'Asia/Jakarta', sender_name: 'Toko Makmur Care', sender_email: 'care@demo.caredesk.test', default_country: 'ID' });

  // Agents, then departments with their members.
  const admin = agentActor(adminId, demoAdmin.name, 'admin');
  const agents: AgentActor[] = [];
  const members = new Map<DepartmentName, AgentActor[]>(demoDepartments.map((dep) => [dep.name, []]));
  for (const name of adminDepartments) members.get(name)?.push(admin);
  for (const spec of demoAgents) {
    const agent = await createAgent(d, orgId, { name: spec.name, email: spec.email, password: demoAdmin.password, role: spec.role, department_ids: [] });
    const actor = agentActor(agent.id, agent.name, spec.role);
    agents.push(actor);
    for (const dep of spec.departments) members.get(dep)?.push(actor);
  }
  const departmentIds: number[] = [];
  for (const dep of demoDepartments) {
    departmentIds.push((await createDepartment(d, orgId, { name: dep.name, email: dep.email, member_ids: (members.get(dep.name) ?? []).map((a) => a.agentId) })).id);
  }
  const supervisors = [admin, ...agents.filter((a) => a.role === 'admin')];
  await seedServiceLevels(d, orgId, departmentIds, supervisors.map((s) => s.agentId));

  // Integrations that deliver tickets. Their secrets are not kept: an admin makes a new key to try the API.
  const integrations = new Map<Channel, Actor>();
  const integrationNames: [Channel, string][] = [
    ['web', 'Website contact form'],
    ['email', 'Mailbox importer (care@)'],
    ['chat', 'Live chat widget'],
    ['review', 'Review connector (Google, Facebook, Tripadvisor)'],
    ['marketplace', 'Marketplace connector (web shop, eBay, Amazon, B2B)'],
    ['api', 'POS & loyalty system'],
  ];
  for (const [channel, name] of integrationNames) {
    // The secrets are dropped: nobody needs to call in as these demo integrations.
    const { id } = await createApiKey(d, orgId, adminId, { name, scopes: channel === 'review' || channel === 'marketplace' ? ['channels'] : ['read', 'write'] });
    integrations.set(channel, { kind: 'integration', orgId, apiKeyId: id, name });
  }

  // Ticket fields the demo's care team keeps: what kind of product, and whether the warranty covers it.
  await createTicketField(d, orgId, {
    key: 'product_line',
    type: 'select',
    labels: { en: 'Product line', id: 'Lini produk' },
    options: productLines.map(([key, en, id]) => ({ key, labels: { en, id }, retired: false })),
    required: false,
    customer_visible: true,
    on_agent_form: true,
    on_portal_form: true,
  });
  await createTicketField(d, orgId, { key: 'under_warranty', type: 'checkbox', labels: { en: 'Under warranty', id: 'Dalam garansi' }, options: [], required: false, customer_visible: false, on_agent_form: true, on_portal_form: false });

  // Companies and the people who complain.
  const companyIds: number[] = [];
  for (const c of demoCompanies) companyIds.push((await createCustomer(d, orgId, { name: c.name, customer_code: c.code })).id);
  const customers = await createCustomers(d, orgId, rng, companyIds);

  // Plan every ticket first (deterministic), then write them in creation order so numbers follow time.
  const outcomes = rng.shuffle(outcomeCounts.flatMap(([o, n]) => Array.from({ length: n }, () => o)));
  const ctx: PlanContext = { rng, now, admin, supervisors, agents, members, integrations, customers };
  const plans = outcomes.map((outcome) => planTicket(ctx, outcome)).sort((a, b) => a.createdAt - b.createdAt);
  for (const plan of plans) await runPlan(d, orgId, plan, setTime);
}

async function createCustomers(d: Deps, orgId: number, rng: Rng, companyIds: number[]): Promise<DemoCustomer[]> {
  const names = new Set<string>();
  const emails = new Set<string>();
  const phones = new Set<string>();
  const result: DemoCustomer[] = [];
  const phonePrefixes = ['811', '812', '813', '821', '822', '852', '853', '856', '857', '858', '877', '878', '881', '895'];
  for (let i = 0; i < CUSTOMER_USERS; i += 1) {
    const english = i % 4 === 3;
    let first: string;
    let name: string;
    do {
      first = rng.pick(english ? englishFirst : indonesianFirst);
      const single = !english && rng.chance(0.06);
      name = single ? first : `${first} ${rng.pick(english ? englishLast : indonesianLast)}`;
    } while (names.has(name));
    names.add(name);
    const parts = name.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter(Boolean);
    let email: string | null = null;
    const contact = rng.weighted([['both', 82], ['phone', 8], ['email', 10]] as const);
    if (contact !== 'phone') {
      do {
        const local = rng.weighted([
          [parts.join('.'), 4],
          [`${parts.join('')}${rng.int(1, 99)}`, 3],
          [`${parts[0]}_${parts[parts.length - 1][0]}${rng.int(70, 99)}`, 2],
        ] as const);
        email = `${local}@${rng.pick(emailDomains)}`;
      } while (emails.has(email));
      emails.add(email);
    }
    let phone: string | null = null;
    if (contact !== 'email') {
      do phone = `+62 ${rng.pick(phonePrefixes)}-${rng.digits(4)}-${rng.digits(rng.pick([3, 4]))}`;
      while (phones.has(phone));
      phones.add(phone);
    }
    const lang: Lang = english ? 'en' : rng.chance(0.9) ? 'id' : 'en';
    const companyId = i % 5 === 1 ? companyIds[Math.floor(i / 5) % companyIds.length] : null;
    const user = await createCustomerUser(d, orgId, { name, email, phone, language: lang, customer_id: companyId });
    result.push({ id: user.id, name, first, email, phone, lang, companyId });
  }
  return result;
}

interface PlanContext {
  rng: Rng;
  now: number;
  admin: AgentActor;
  supervisors: AgentActor[];
  agents: AgentActor[];
  members: Map<DepartmentName, AgentActor[]>;
  integrations: Map<Channel, Actor>;
  customers: DemoCustomer[];
}

const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, key: string) => vars[key] ?? m);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const yymmdd = (t: number) => new Date(t).toISOString().slice(2, 10).replaceAll('-', '');
const alnum = (rng: Rng, n: number) => Array.from({ length: n }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[rng.int(0, 31)]).join('');
const money = (amount: number, lang: Lang) => `Rp ${new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US').format(amount)}`;

function planTicket(ctx: PlanContext, outcome: Outcome): Plan {
  const { rng, now } = ctx;
  const rejected = outcome === 'rejected';
  const channel = rejected ? rng.pick<Channel>(['web', 'email', 'review', 'chat']) : rng.weighted(channelWeights);
  const sources = sourcesOf[channel];
  const source = sources ? rng.pick(sources) : undefined;

  // Who complains: international marketplaces mostly English speakers, B2B orders company users.
  const english = ctx.customers.filter((c) => c.lang === 'en');
  const business = ctx.customers.filter((c) => c.companyId !== null);
  const customer =
    source === 'b2b' ? rng.pick(business) : (source === 'ebay' || source === 'amazon') && rng.chance(0.7) ? rng.pick(english) : rng.pick(ctx.customers);
  const lang = customer.lang;

  // What about.
  const product: Product = rng.pick(products);
  const store = rng.pick(stores);
  const courier = rng.pick(couriers);
  const [size, size2] = rng.shuffle([...sizes]).slice(0, 2);
  const quantity = rng.weighted([[1, 8], [2, 2], [4, 1]] as const);
  const vars: Record<string, string> = {
    product: product[lang],
    store: store.name,
    courier,
    days: String(rng.int(4, 14)),
    amount: money(product.price * quantity, lang),
    size,
    size2,
    first: customer.first,
  };
  let template: Template;
  let category: CategoryName;
  let reviewStars: number | null = null;
  if (rejected) {
    template = rng.pick(spam);
    category = 'Other';
  } else if (channel === 'review') {
    const review = rng.pick(reviews[lang]);
    ({ category } = review);
    template = review;
    reviewStars = review.stars;
  } else if (channel === 'api') {
    const pos = rng.pick(posComplaints[lang]);
    ({ category } = pos);
    template = pos;
  } else {
    category = rng.weighted(categoryWeights[channel]);
    template = rng.pick(complaints[category][lang]);
  }

  // Who takes it, and when.
  const department = departmentOf[category];
  const team = ctx.members.get(department) ?? [ctx.admin];
  const assignee = rng.pick(team);
  const byAgent = channel === 'phone' || channel === 'in_store';
  const creator: Actor = byAgent ? rng.pick(rng.chance(0.6) ? team : ctx.agents) : (ctx.integrations.get(channel) as Actor);
  const routed = byAgent || rng.chance(0.6);
  // A quick fix: the agent who took the call or served at the counter solves it on the spot.
  const quickFix = creator.kind === 'agent' && (outcome === 'resolved_agent' || outcome === 'closed_manual' || outcome === 'closed_auto_resolved') && rng.chance(0.3);
  const assignedAtCreate = quickFix || (creator.kind === 'agent' && team.some((a) => a.agentId === creator.agentId) && rng.chance(0.6));
  const owner = assignedAtCreate ? (creator as AgentActor) : assignee;
  const supervisor = rng.pick(ctx.supervisors);
  const holdOn: WaitingOn = outcome === 'closed_auto_pending' ? 'customer' : rng.weighted<WaitingOn>([['customer', 5], ['third_party', 3], ['internal', 2]]);
  const { createdAt, end } = timesFor(rng, now, outcome, quickFix, holdOn);

  // References.
  const online = channel === 'web' || channel === 'email' || channel === 'chat' || channel === 'marketplace' || (channel === 'phone' && rng.chance(0.7));
  let order_number: string | undefined;
  if (online && !rejected) {
    order_number =
      source === 'ebay' ? `${rng.digits(2)}-${rng.digits(5)}-${rng.digits(5)}`
      : source === 'amazon' ? `${rng.int(200, 499)}-${rng.digits(7)}-${rng.digits(7)}`
      : source === 'b2b' ? `PO-${new Date(createdAt).getUTCFullYear()}-${rng.digits(4)}`
      : `TM${yymmdd(createdAt - rng.int(1, 12) * DAY)}-${rng.digits(5)}`;
  }
  let transaction_ref: string | undefined;
  if (!rejected && (channel === 'api' || (channel === 'in_store' && rng.chance(0.75)) || (channel === 'phone' && !order_number && rng.chance(0.5)))) {
    transaction_ref = `POS-${store.code}-${yymmdd(createdAt - rng.int(0, 20) * DAY)}-${rng.digits(4)}`;
  }
  let review_ref: string | undefined;
  if (channel === 'review') {
    review_ref = source === 'google' ? `GR-${alnum(rng, 10)}` : source === 'facebook' ? `FB-${rng.digits(15)}` : `TA-${rng.digits(9)}`;
  }
  vars.order = order_number ?? (lang === 'id' ? 'saya' : 'my order');
  vars.txn = transaction_ref ?? '';
  if (!order_number && !rejected && channel !== 'review' && channel !== 'api') {
    // Without an order number, prefer a text that does not quote one.
    const pool = complaints[category][lang].filter((t) => !t.body.includes('{order}') && !t.subject.includes('{order}'));
    if (pool.length) template = rng.pick(pool);
  }
  const subject = capitalize(fill(template.subject, vars));
  let description = capitalize(fill(template.body, vars));
  if (reviewStars !== null) description = `${'★'.repeat(reviewStars)}${'☆'.repeat(5 - reviewStars)} — ${customer.name} on ${source}\n\n${description}`;
  if (channel === 'phone') description = `${lang === 'id' ? 'Pelanggan menelepon' : 'Customer called'}: ${description}`;

  const priority: Priority = rejected
    ? 'low'
    : rng.weighted<Priority>(
        category === 'Billing' || category === 'Damage'
          ? [['low', 1], ['medium', 4], ['high', 4], ['urgent', 2]]
          : category === 'Other' || channel === 'review'
            ? [['low', 4], ['medium', 4], ['high', 1], ['urgent', 0.3]]
            : [['low', 2], ['medium', 5], ['high', 3], ['urgent', 1]],
      );
  const tags = new Set<string>();
  if (customer.companyId !== null && channel !== 'review') tags.add('b2b');
  if (channel === 'review') tags.add('social-media');
  if (rng.chance(0.2)) tags.add(rng.pick(tagPool.filter((t) => t !== 'b2b' && t !== 'escalated')));

  const plan: Plan = {
    createdAt,
    creator,
    customer,
    inline: (channel === 'web' || channel === 'email') && customer.email !== null && rng.chance(0.5),
    input: {
      subject,
      description,
      priority,
      category,
      ...(routed ? { department } : {}),
      ...(assignedAtCreate ? { assignee: owner.agentId } : {}),
      channel,
      ...(source ? { source } : {}),
      ...(order_number ? { order_number } : {}),
      ...(transaction_ref ? { transaction_ref } : {}),
      ...(review_ref ? { review_ref } : {}),
      ...(tags.size ? { tags: [...tags] } : {}),
    },
    steps: [],
  };

  const resolutionText = fill(rng.pick(resolutions[category][lang]), vars);
  const text = (kind: keyof typeof replies) => fill(rng.pick(replies[kind][lang]), { ...vars, department, resolution: resolutionText });
  const note = (kind: keyof typeof customerNotes) => rng.pick(customerNotes[kind][lang]);
  const b: StepBody[] = [];
  const start = () => {
    if (!assignedAtCreate) b.push({ kind: 'assign', by: rng.chance(0.5) ? supervisor : owner, assignee: owner, ...(routed ? {} : { department }) });
    b.push({ kind: 'open', by: owner }, { kind: 'reply', by: owner, text: text('ack') });
  };
  const converse = () => {
    if (rng.chance(0.5)) b.push({ kind: 'reply', by: owner, text: text('askInfo') }, { kind: 'customerNote', text: note('info') });
    if (rng.chance(0.3)) b.push({ kind: 'note', by: owner, text: rng.pick(internalNotes) });
    if (rng.chance(0.15)) b.push({ kind: 'customerNote', text: note('chase') }, { kind: 'reply', by: owner, text: text('update') });
    if (rng.chance(0.08)) b.push({ kind: 'bump', by: supervisor, priority: 'urgent', tags: [...tags, 'escalated'] });
  };
  const hold = (waitingOn: WaitingOn) => {
    const untilDays = waitingOn === 'customer' ? (rng.chance(0.6) ? 3 : null) : waitingOn === 'third_party' ? rng.int(2, 7) : rng.chance(0.5) ? rng.int(1, 3) : null;
    b.push({ kind: 'hold', by: owner, reason: rng.pick(pendingReasons[waitingOn]), waitingOn, untilDays });
  };
  const holdCycle = () => {
    const waitingOn = rng.weighted<WaitingOn>([['customer', 5], ['third_party', 3], ['internal', 2]]);
    hold(waitingOn);
    // The customer's answer puts a ticket waiting on them back to open by itself; otherwise the agent resumes it.
    if (waitingOn === 'customer') b.push({ kind: 'customerNote', text: note('info') });
    else b.push({ kind: 'resume', by: owner });
    b.push({ kind: 'reply', by: owner, text: text('update') });
  };
  const resolveByAgent = () => b.push({ kind: 'reply', by: owner, text: text('resolved') }, { kind: 'resolve', by: owner, resolution: capitalize(resolutionText) });
  const resolveByCustomer = () => {
    if (rng.chance(0.5)) b.push({ kind: 'customerNote', text: note('thanks') });
    b.push({ kind: 'customerResolve', resolution: rng.chance(0.6) ? rng.pick(customerResolutions[lang]) : null });
  };
  const worked = () => {
    start();
    converse();
    if (rng.chance(0.25)) holdCycle();
  };

  // The steps up to `end`; an auto-close comes 7 days after the last of them.
  let after: StepBody | null = null;
  switch (outcome) {
    case 'new':
      if (rng.chance(0.2)) b.push({ kind: 'assign', by: supervisor, assignee: owner, ...(routed ? {} : { department }) });
      if (rng.chance(0.15)) b.push({ kind: 'customerNote', text: note('chase') });
      break;
    case 'open':
      worked();
      if (rng.chance(0.3)) b.push({ kind: 'lock', by: owner });
      break;
    case 'pending':
      if (rng.chance(0.2)) {
        if (!assignedAtCreate) b.push({ kind: 'assign', by: supervisor, assignee: owner, ...(routed ? {} : { department }) });
      } else {
        start();
        if (rng.chance(0.4)) converse();
      }
      hold(holdOn);
      break;
    case 'resolved_agent':
    case 'resolved_customer':
    case 'closed_manual':
    case 'closed_auto_resolved':
      if (quickFix) {
        b.push({ kind: 'resolve', by: owner, resolution: capitalize(resolutionText) });
      } else {
        worked();
        if (outcome === 'resolved_customer' || (outcome !== 'resolved_agent' && rng.chance(0.2))) resolveByCustomer();
        else resolveByAgent();
        if (outcome !== 'closed_auto_resolved' && rng.chance(0.15)) {
          b.push({ kind: 'customerReopen' }, { kind: 'customerNote', text: note('notFixed') }, { kind: 'reply', by: owner, text: text('reopened') });
          if (outcome === 'resolved_customer') resolveByCustomer();
          else resolveByAgent();
        }
      }
      if (outcome === 'closed_manual') {
        b.push({ kind: 'close', by: owner, reason: 'manual' });
        if (rng.chance(0.1)) {
          // The customer phoned back after the close: an agent reopens, fixes and closes again.
          b.push({ kind: 'reopen', by: owner }, { kind: 'reply', by: owner, text: text('reopened') });
          resolveByAgent();
          b.push({ kind: 'close', by: owner, reason: 'manual' });
        }
      } else if (outcome === 'closed_auto_resolved') {
        after = { kind: 'autoClose' };
      }
      break;
    case 'closed_auto_pending':
      start();
      if (rng.chance(0.5)) b.push({ kind: 'reply', by: owner, text: text('askInfo') });
      hold('customer');
      after = { kind: 'autoClose' };
      break;
    case 'rejected': {
      const reason = rng.pick(rejectionNotes);
      if (rng.chance(0.4)) b.push({ kind: 'note', by: supervisor, text: reason });
      b.push({ kind: 'close', by: supervisor, reason: 'rejected', resolution: reason });
      break;
    }
  }
  plan.steps = spread(rng, plan.createdAt, end, b);
  if (after) plan.steps.push({ ...after, at: end + 7 * DAY + rng.between(0.2, 6) * HOUR });
  return plan;
}

/**
 * When a ticket was created and when its last worked step happened (ms). Tickets still resolved,
 * or pending on the customer, had their last move within the 7-day auto-close period, else the
 * job would have closed them; auto-closed ones are old enough for the period to have run out.
 */
function timesFor(rng: Rng, now: number, outcome: Outcome, quickFix: boolean, holdOn: WaitingOn): { createdAt: number; end: number } {
  const ago = (minDays: number, maxDays: number) => now - rng.between(minDays, maxDays) * DAY;
  const within = (createdAt: number, minShare: number, maxShare: number) => ({ createdAt, end: createdAt + (now - createdAt) * rng.between(minShare, maxShare) });
  const quick = () => rng.between(5, 40) * MINUTE;
  switch (outcome) {
    case 'new':
      return within(rng.chance(0.9) ? ago(0.02, 3.5) : ago(3.5, 12), 0.4, 0.95);
    case 'open':
      return within(ago(0.1, 21), 0.3, 0.97);
    case 'pending': {
      if (holdOn !== 'customer') return within(ago(1, 30), 0.1, 0.8);
      const end = ago(0.01, 6);
      return { createdAt: end - rng.between(0.1, 8) * DAY, end };
    }
    case 'resolved_agent':
    case 'resolved_customer': {
      const end = now - rng.between(15 * MINUTE, 6.5 * DAY);
      return { createdAt: end - (quickFix ? quick() : rng.between(0.2, 10) * DAY), end };
    }
    case 'closed_manual': {
      const createdAt = ago(2, 90);
      return { createdAt, end: Math.min(now - 10 * MINUTE, createdAt + (quickFix ? rng.between(0.5, 3) : rng.between(0.3, 14)) * DAY) };
    }
    case 'closed_auto_resolved':
    case 'closed_auto_pending': {
      const createdAt = ago(9, 90);
      const room = (now - createdAt) / DAY - 7.5;
      return { createdAt, end: createdAt + (quickFix ? quick() : rng.between(0.05, Math.min(outcome === 'closed_auto_pending' ? 5 : 10, room)) * DAY) };
    }
    case 'rejected': {
      const createdAt = ago(0.5, 90);
      return { createdAt, end: Math.min(now - MINUTE, createdAt + rng.between(10 * MINUTE, 1.5 * DAY)) };
    }
  }
}

/** Lays steps out between creation and `end` with uneven gaps; the last step happens at `end`. */
function spread(rng: Rng, createdAt: number, end: number, steps: StepBody[]): Step[] {
  if (steps.length === 0) return [];
  const gaps = steps.map(() => rng.between(0.3, 2));
  const total = gaps.reduce((s, g) => s + g, 0);
  let sum = 0;
  return steps.map((step, i) => {
    sum += gaps[i];
    return { ...step, at: Math.round(createdAt + ((end - createdAt) * sum) / total) };
  });
}

const productLines = [
  ['kitchen', 'Kitchen', 'Dapur'],
  ['electronics', 'Electronics', 'Elektronik'],
  ['fashion', 'Fashion', 'Fesyen'],
  ['home', 'Home & living', 'Rumah & gaya hidup'],
] as const;

async function runPlan(d: Deps, orgId: number, plan: Plan, setTime: (t: number) => void): Promise<void> {
  setTime(plan.createdAt);
  const { customer, input } = plan;
  const body = {
    ...input,
    // Chosen from the subject, not the random stream, so every other part of the demo stays as it was.
    custom_fields: { product_line: productLines[input.subject.length % productLines.length][0], ...(input.subject.length % 3 === 0 ? { under_warranty: true } : {}) },
    ...(plan.inline ? { customer: { name: customer.name, email: customer.email ?? undefined } } : { customer_user_id: customer.id }),
  };
  const { ticket } = await createTicket(d, plan.creator, body);
  const number = ticket.number;
  for (const step of plan.steps) {
    setTime(step.at);
    await runStep(d, orgId, number, customer, step);
  }
}

async function runStep(d: Deps, orgId: number, number: string, customer: DemoCustomer, step: Step): Promise<void> {
  const move = (by: AgentActor, to: Status, extra: Record<string, string> = {}) => transitionTicket(d, by, number, { to, ...extra });
  switch (step.kind) {
    case 'assign':
      await changeTicket(d, step.by, number, { assignee: step.assignee.agentId, ...(step.department ? { department: step.department } : {}) });
      return;
    case 'open':
    case 'resume':
    case 'reopen':
      await move(step.by, 'open');
      return;
    case 'lock':
      await setTicketLock(d, step.by, number, true);
      return;
    case 'reply':
    case 'note':
      await addMessage(d, step.by, number, { body: step.text, visibility: step.kind === 'reply' ? 'public' : 'internal' });
      return;
    case 'customerNote':
      await addCustomerNote(d, orgId, number, customer, step.text);
      return;
    case 'hold':
      await move(step.by, 'pending', {
        reason: step.reason,
        waiting_on: step.waitingOn,
        ...(step.untilDays ? { pending_until: new Date(step.at + step.untilDays * DAY).toISOString() } : {}),
      });
      return;
    case 'resolve':
      await move(step.by, 'resolved', { resolution: step.resolution });
      return;
    case 'customerResolve':
      await moveAsCustomer(d, orgId, number, customer, { to: 'resolved', ...(step.resolution ? { resolution: step.resolution } : {}) });
      return;
    case 'customerReopen':
      await moveAsCustomer(d, orgId, number, customer, { to: 'open' });
      return;
    case 'close':
      await move(step.by, 'closed', { close_reason: step.reason, ...(step.resolution ? { resolution: step.resolution } : {}) });
      return;
    case 'bump':
      await changeTicket(d, step.by, number, { priority: step.priority, tags: step.tags });
      return;
    case 'autoClose':
      await autoClose(d, orgId, number);
      return;
  }
}

/** Best-effort removal of a half-seeded demo workspace, children first. */
async function removeWorkspace(deps: Deps, orgId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    for (const table of ['webhook_deliveries', 'webhooks', 'notifications', 'outbox', 'portal_links', 'portal_sessions', 'mail_templates', 'attachments', 'ticket_events', 'messages', 'idempotency_keys', 'tickets', 'ticket_counts', 'customer_users', 'customers', 'department_members', 'departments', 'categories', 'sessions', 'api_keys', 'agents'] as const) {
      await trx.deleteFrom(table).where('org_id', '=', orgId).execute();
    }
    await trx.deleteFrom('workspaces').where('org_id', '=', orgId).execute();
    await sql.raw(`drop sequence if exists ticket_seq_${orgId}`).execute(trx);
  });
}
