import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { MailProblem } from '../../../contract/inbound-mail.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Id = GeneratedAlways<number>;

export interface WorkspacesTable {
  org_id: Id;
  slug: string;
  name: string;
  time_zone: Generated<string>;
  default_language: Generated<string>;
  public_url: string | null;
  auto_close_after_seconds: Generated<number>;
  ticket_number_prefix: Generated<string>;
  ticket_number_padding: Generated<number>;
  sender_name: string | null;
  sender_email: string | null;
  default_country: string | null;
  calendar_id: number | null;
  /** Channels whose new tickets start unverified (migration 0012). */
  verification_channels: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Signs the thread ids of outgoing mails (migration 0013). */
  mail_secret: Generated<string>;
  /** Which reviews become tickets (migration 0014). */
  review_max_rating: Generated<number>;
  review_keywords: ColumnType<string[], string[] | undefined, string[]>;
  /** Admin console (migration 0020). */
  logo_url: string | null;
  channels_off: ColumnType<string[], string[] | undefined, string[]>;
}

export interface AgentsTable {
  org_id: number;
  id: Id;
  email: string;
  name: string;
  role: 'admin' | 'agent';
  /** Null until an invited agent chooses a password (migration 0020). */
  password_hash: string | null;
  is_active: Generated<boolean>;
  email_notifications: Generated<boolean>;
  last_sign_in_at: NullableTimestamp;
  language: ColumnType<'en' | 'id' | null, 'en' | 'id' | null | undefined, 'en' | 'id' | null>;
  /** Automatic assignment (migration 0011): whether it may pick the agent, and when it last did. */
  accepting_tickets: Generated<boolean>;
  last_assigned_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  org_id: number;
  id: Id;
  agent_id: number;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface ApiKeysTable {
  org_id: number;
  id: Id;
  name: string;
  key_hash: string;
  prefix: string;
  created_by: number | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  /** What the key may do (migration 0020). */
  scopes: ColumnType<string[], string[] | undefined, string[]>;
}

export interface DepartmentsTable {
  org_id: number;
  id: Id;
  name: string;
  email: string | null;
  calendar_id: number | null;
  /** Automatic assignment (migration 0011): routing/assignment.ts. */
  assignment_mode: Generated<'manual' | 'round_robin' | 'least_loaded'>;
  last_assigned_agent_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DepartmentMembersTable {
  org_id: number;
  department_id: number;
  agent_id: number;
}

export interface CategoriesTable {
  org_id: number;
  id: Id;
  name: string;
  position: Generated<number>;
  retired_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface CustomersTable {
  org_id: number;
  id: Id;
  customer_code: string | null;
  name: string;
  address: string | null;
  notes: string | null;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomerUsersTable {
  org_id: number;
  id: Id;
  customer_id: number | null;
  name: string;
  email: string | null;
  phone: string | null;
  phone_normalized: string | null;
  language: Generated<string>;
  loyalty_id: string | null;
  is_valid: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The last bounce of mail sent to them (migration 0013). */
  bounced_at: NullableTimestamp;
  bounce_reason: string | null;
}

export interface BusinessCalendarsTable {
  org_id: number;
  id: Id;
  name: string;
  time_zone: string;
  always_open: Generated<boolean>;
  hours: ColumnType<Record<string, Array<{ start: string; end: string }>>, string, string>;
  holidays: ColumnType<Array<{ date: string; name?: string }>, string, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SlaPoliciesTable {
  org_id: number;
  id: Id;
  name: string;
  position: number;
  priorities: string[] | null;
  // bigint[] comes back from pg as strings; the repository converts them.
  department_ids: ColumnType<Array<number | string> | null, number[] | null, number[] | null>;
  channels: string[] | null;
  category_ids: ColumnType<Array<number | string> | null, number[] | null, number[] | null>;
  first_response_seconds: number | null;
  next_response_seconds: number | null;
  resolution_seconds: number | null;
  warning_percent: number | null;
  calendar_id: number | null;
  is_active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Routing rules (migration 0011): the first active match by position picks a new ticket's department. */
export interface RoutingRulesTable {
  org_id: number;
  id: Id;
  name: string;
  position: number;
  is_active: Generated<boolean>;
  channels: string[] | null;
  sources: string[] | null;
  // bigint[] comes back from pg as strings; the repository converts them.
  category_ids: ColumnType<Array<number | string> | null, number[] | null, number[] | null>;
  customer_ids: ColumnType<Array<number | string> | null, number[] | null, number[] | null>;
  subject_keywords: string[] | null;
  department_id: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type TicketStatus = 'new' | 'open' | 'pending' | 'resolved' | 'closed';

export type ResolutionKind = 'collect' | 'refund' | 'replacement' | 'explained' | 'other';

export interface EscalationLevelsTable {
  org_id: number;
  department_id: number;
  level: number;
  delay_seconds: number;
  notify_agent_ids: ColumnType<number[], number[] | undefined, number[]>;
  notify_department_id: number | null;
  reassign_department_id: number | null;
  reassign_agent_id: number | null;
  raise_priority_to: 'low' | 'medium' | 'high' | 'urgent' | null;
}

export interface TicketsTable {
  org_id: number;
  id: Id;
  seq: number;
  number: string;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: 'low' | 'medium' | 'high' | 'urgent';
  priority_rank: GeneratedAlways<number>;
  category_id: number | null;
  department_id: number | null;
  assignee_id: number | null;
  reporter_id: number | null;
  customer_user_id: number | null;
  customer_id: number | null;
  channel: string;
  source: string;
  order_number: string | null;
  transaction_ref: string | null;
  review_ref: string | null;
  custom_fields: ColumnType<Record<string, unknown>, string | undefined, string>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  locked_by: number | null;
  locked_at: NullableTimestamp;
  pending_reason: string | null;
  waiting_on: 'customer' | 'third_party' | 'internal' | null;
  pending_until: NullableTimestamp;
  resolved_by: string | null;
  resolution: string | null;
  resolution_kind: ResolutionKind | null;
  close_reason: 'manual' | 'auto' | 'rejected' | null;
  first_response_due_at: NullableTimestamp;
  next_response_due_at: NullableTimestamp;
  resolution_due_at: NullableTimestamp;
  escalation_at: NullableTimestamp;
  escalation_level: Generated<number>;
  first_responded_at: NullableTimestamp;
  sla_policy_id: number | null;
  sla_paused_at: NullableTimestamp;
  sla_paused_seconds: Generated<number>;
  next_response_since: NullableTimestamp;
  first_response_seconds_taken: number | null;
  first_response_seconds_over: number | null;
  resolution_seconds_taken: number | null;
  resolution_seconds_over: number | null;
  sla_warning_at: NullableTimestamp;
  verification_state: Generated<'verified' | 'unverified' | 'rejected'>;
  /** While unverified: the department verifying allocates it to (migration 0012). */
  requested_department_id: number | null;
  last_customer_activity_at: NullableTimestamp;
  /** The sweeper's due times (migration 0009): see tickets/due-times.ts. */
  auto_close_at: NullableTimestamp;
  reminder_due_at: NullableTimestamp;
  /** When the next escalation level fires (migration 0010): see sla/sla-rules.ts. */
  escalation_due_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  resolved_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  version: Generated<number>;
  search: ColumnType<string, never, never>;
  search_keys: Generated<string>;
  /** Inbound mail (migration 0013): the opening mail's CC, and the closed ticket a reply by mail follows up. */
  mail_cc: ColumnType<string[], string[] | undefined, string[]>;
  follow_up_of: number | null;
  /** The stored mail that opened it, and why that mail could not be read completely (migration 0016). */
  inbound_mail_id: ColumnType<number | null, number | null | undefined, number | null>;
  mail_unreadable: ColumnType<MailProblem | null, MailProblem | null | undefined, MailProblem | null>;
  /** Channel intake (migration 0014): a review's rating and link, an order's items and issue id, a loyalty purchase. */
  review_rating: number | null;
  review_url: string | null;
  order_items: ColumnType<OrderItemRow[], string | undefined, string>;
  external_id: string | null;
  purchase_store: string | null;
  /** numeric: pg and PGlite give it as a string, exact. */
  purchase_amount: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  purchase_currency: string | null;
  purchased_at: NullableTimestamp;
}

export interface OrderItemRow {
  sku?: string;
  name: string;
  quantity: number;
  price?: number;
}

export interface TicketSourcesTable {
  org_id: number;
  channel: 'marketplace' | 'review';
  key: string;
  label: string;
  position: number;
  retired_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface ReviewLocationsTable {
  org_id: number;
  location: string;
  department_id: number;
}

export interface ReviewsTable {
  org_id: number;
  id: Id;
  platform: string;
  external_id: string;
  location: string | null;
  rating: number;
  author: string | null;
  body: string;
  url: string | null;
  reviewed_at: NullableTimestamp;
  ticket_id: number | null;
  edits: Generated<number>;
  received_at: Timestamp;
  updated_at: Timestamp;
}

export interface TicketCountsTable {
  org_id: number;
  bucket: string;
  channel: string;
  source: string;
  slot: number;
  n: number;
}

export type ActorKind = 'agent' | 'customer' | 'system' | 'integration';

export interface MessagesTable {
  org_id: number;
  id: Id;
  ticket_id: number;
  kind: 'reply' | 'note' | 'system';
  visibility: 'public' | 'internal';
  author_kind: ActorKind;
  author_id: number | null;
  author_name: string;
  body: string;
  created_at: Timestamp;
  /** The Message-ID of the mail it came in (migration 0013). */
  mail_message_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The stored mail it came in, and why that mail could not be read completely (migration 0016). */
  inbound_mail_id: ColumnType<number | null, number | null | undefined, number | null>;
  mail_unreadable: ColumnType<MailProblem | null, MailProblem | null | undefined, MailProblem | null>;
}

export interface AttachmentsTable {
  org_id: number;
  id: Id;
  ticket_id: number;
  message_id: number;
  filename: string;
  content_type: string;
  // bigint comes back from pg as a string; the repository converts it.
  size_bytes: ColumnType<number | string, number, number>;
  sha256: string;
  storage_key: string;
  created_at: Timestamp;
}

export interface TicketEventsTable {
  org_id: number;
  id: Id;
  ticket_id: number;
  type: string;
  actor_kind: ActorKind;
  actor_id: number | null;
  actor_name: string;
  before: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  after: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  /** What reports measure at this event (migration 0019): a first response's or a resolution's seconds, and how far past its target. */
  measures: ColumnType<EventMeasures | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface EventMeasures {
  first_response_seconds?: number | null;
  first_response_seconds_over?: number | null;
  resolution_seconds?: number | null;
  resolution_seconds_over?: number | null;
}

export type NotificationKind = 'new_ticket' | 'assigned' | 'customer_note' | 'customer_resolved' | 'customer_reopened' | 'escalation' | 'pending_reminder' | 'sla_warning' | 'webhook_disabled';

export interface NotificationsTable {
  org_id: number;
  id: Id;
  agent_id: number;
  ticket_id: number;
  kind: NotificationKind;
  actor_name: string;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface PortalLinksTable {
  org_id: number;
  id: Id;
  customer_user_id: number;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface PortalSessionsTable {
  org_id: number;
  id: Id;
  customer_user_id: number;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'kept';

export interface OutboxTable {
  org_id: number;
  id: Id;
  template: string;
  language: string;
  ticket_id: number | null;
  to_address: string;
  to_name: string | null;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  in_reply_to: string | null;
  references: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  lease_until: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  /** The department's address a customer mail comes from (migration 0013); null: the workspace's sender. */
  from_address: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MailTemplatesTable {
  org_id: number;
  template: string;
  language: string;
  subject: string;
  body: string;
  updated_at: Timestamp;
}

export interface AgentPreferencesTable {
  org_id: number;
  agent_id: number;
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface IdempotencyKeysTable {
  org_id: number;
  key: string;
  request_hash: string;
  status_code: number;
  response: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface RateLimitsTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

/** One row per sweeper duty: its last run, installation-wide (migration 0009). */
export interface JobRunsTable {
  duty: string;
  last_started_at: NullableTimestamp;
  last_finished_at: NullableTimestamp;
  last_status: 'ok' | 'failed' | null;
  last_error: string | null;
  last_error_org_id: number | null;
  last_counts: ColumnType<Record<string, number>, string | undefined, string>;
  total_runs: Generated<number>;
  last_checked_at: NullableTimestamp;
}

export interface InboundMailsTable {
  org_id: number;
  id: Id;
  message_id: string | null;
  mail_from: Generated<string>;
  rcpt_to: ColumnType<string[], string[], string[]>;
  department_id: number | null;
  raw: Buffer;
  size_bytes: number;
  received_at: Timestamp;
  process_at: NullableTimestamp;
  kind: 'mail' | 'auto_reply' | 'bounce' | null;
  outcome: 'ticket_created' | 'added_to_ticket' | 'follow_up_created' | 'ignored' | 'bounce_recorded' | 'unreadable_ticket' | null;
  reason: string | null;
  ticket_id: number | null;
  readable: boolean | null;
  processed_at: NullableTimestamp;
}

/** Webhook endpoints of a workspace (migration 0015). */
export interface WebhooksTable {
  org_id: number;
  id: Id;
  url: string;
  description: Generated<string>;
  events: ColumnType<string[], string[], string[]>;
  secret: string;
  previous_secret: ColumnType<string | null, string | null | undefined, string | null>;
  previous_secret_until: NullableTimestamp;
  allow_private: Generated<boolean>;
  enabled: Generated<boolean>;
  disabled_at: NullableTimestamp;
  disabled_reason: ColumnType<string | null, string | null | undefined, string | null>;
  consecutive_failures: Generated<number>;
  last_success_at: NullableTimestamp;
  last_failure_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One post of one event to one endpoint (migration 0015); queued by a trigger on ticket_events. */
export interface WebhookDeliveriesTable {
  org_id: number;
  id: Id;
  webhook_id: number;
  event: string;
  ticket_event_id: number | null;
  ticket_id: number | null;
  payload: ColumnType<Record<string, unknown>, string, string>;
  occurred_at: Timestamp;
  status: Generated<'queued' | 'sending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: NullableTimestamp;
  last_attempt_at: NullableTimestamp;
  last_status_code: ColumnType<number | null, number | null | undefined, number | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  response_excerpt: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  delivered_at: NullableTimestamp;
}

export interface ImapMailboxesTable {
  org_id: number;
  id: Id;
  department_id: number;
  host: string;
  port: number;
  tls_mode: 'implicit' | 'starttls' | 'none';
  username: string;
  password: string;
  folder: Generated<string>;
  enabled: Generated<boolean>;
  /** IMAP mailboxes (migration 0017): settings version, read position, lease. */
  version: Generated<number>;
  uid_validity: number | null;
  last_uid: Generated<number>;
  /** bigint[]: elements may come as strings. */
  seen_pending_uids: ColumnType<Array<string | number>, number[] | undefined, number[]>;
  last_polled_at: NullableTimestamp;
  last_error: string | null;
  last_error_at: NullableTimestamp;
  poller_id: string | null;
  poller_until: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One-time invitation and password-reset links of agents (migration 0020). */
export interface AgentLinksTable {
  org_id: number;
  id: Id;
  agent_id: number;
  purpose: 'invitation' | 'password_reset';
  token_hash: string;
  created_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export type TicketFieldType = 'text' | 'long_text' | 'number' | 'date' | 'select' | 'multi_select' | 'checkbox';
export interface TicketFieldOption {
  key: string;
  labels: { en: string; id?: string | null };
  retired: boolean;
}

/** Typed ticket fields defined by the admin (migration 0020). */
export interface TicketFieldsTable {
  org_id: number;
  id: Id;
  key: string;
  type: TicketFieldType;
  labels: ColumnType<{ en: string; id?: string | null }, string, string>;
  options: ColumnType<TicketFieldOption[], string | undefined, string>;
  required: Generated<boolean>;
  customer_visible: Generated<boolean>;
  on_agent_form: Generated<boolean>;
  on_portal_form: Generated<boolean>;
  position: Generated<number>;
  retired: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Admin changes (migration 0020). */
export interface AuditLogTable {
  org_id: number;
  id: Id;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  created_at: Timestamp;
}

export interface DB {
  workspaces: WorkspacesTable;
  agents: AgentsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  departments: DepartmentsTable;
  department_members: DepartmentMembersTable;
  categories: CategoriesTable;
  business_calendars: BusinessCalendarsTable;
  sla_policies: SlaPoliciesTable;
  routing_rules: RoutingRulesTable;
  escalation_levels: EscalationLevelsTable;
  customers: CustomersTable;
  customer_users: CustomerUsersTable;
  tickets: TicketsTable;
  ticket_sources: TicketSourcesTable;
  review_locations: ReviewLocationsTable;
  reviews: ReviewsTable;
  inbound_mails: InboundMailsTable;
  imap_mailboxes: ImapMailboxesTable;
  ticket_counts: TicketCountsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  ticket_events: TicketEventsTable;
  notifications: NotificationsTable;
  portal_links: PortalLinksTable;
  portal_sessions: PortalSessionsTable;
  outbox: OutboxTable;
  mail_templates: MailTemplatesTable;
  agent_preferences: AgentPreferencesTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
  job_runs: JobRunsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  agent_links: AgentLinksTable;
  ticket_fields: TicketFieldsTable;
  audit_log: AuditLogTable;
}
