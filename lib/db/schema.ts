import { sql } from "drizzle-orm";
import { boolean, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const roleEnum = pgEnum("role", ["admin", "manager"]);
export const providerEnum = pgEnum("provider", ["calldron", "calldog", "obzvonilka"]);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull().default(""),
  passwordHash: text("password_hash").notNull(),
  role: roleEnum("role").notNull(),
  disabled: boolean("disabled").notNull().default(false),
  locale: text("locale"),
  // Bumped on disable, role change and password reset: every older session stops working.
  sessionVersion: integer("session_version").notNull().default(1),
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  /** IANA zone in which dates are shown to this user. */
  timeZone: text("time_zone").notNull().default("Europe/Moscow"),
  /** E.164; where this user's test calls go before a launch. */
  testPhone: text("test_phone"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The organisation's dialing policy: a single row (`id` = "org"), set by admins; absent means the defaults. */
export const orgSettings = pgTable("org_settings", {
  id: text("id").primaryKey().default("org"),
  /** The default daily calling window of every campaign, `HH:MM` local to the campaign's time zone. */
  callingWindowFrom: text("calling_window_from").notNull().default("09:00"),
  callingWindowTo: text("calling_window_to").notNull().default("20:00"),
  /** A manager's launch above this many numbers needs an admin's approval. */
  managerLaunchLimit: integer("manager_launch_limit").notNull().default(5000),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type OrgSettings = typeof orgSettings.$inferSelect;

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    success: boolean("success").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_at").on(t.email, t.at), index("sign_in_attempts_ip_at").on(t.ip, t.at)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    target: text("target"),
    ip: text("ip"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index("audit_log_at").on(t.at)],
);

export const connections = pgTable("connections", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  provider: providerEnum("provider").notNull(),
  baseUrl: text("base_url").notNull(),
  // AES-256-GCM, sealed with the connection id as additional data (lib/crypto/secret-box.ts).
  apiKeySealed: text("api_key_sealed").notNull(),
  apiKeyLast4: text("api_key_last4").notNull(),
  lastTestAt: timestamp("last_test_at", { withTimezone: true }),
  lastTestResult: text("last_test_result"),
  /** Secret path segment of this connection's webhook receiver (Calldog); rotated by an admin. */
  webhookToken: text("webhook_token").unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Organisation-wide do-not-call list: every path that dials screens against it (lib/dialing/). */
export const dncEntries = pgTable("dnc_entries", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** E.164. */
  phone: text("phone").notNull().unique(),
  reason: text("reason").notNull().default(""),
  addedById: uuid("added_by_id").references(() => users.id, { onDelete: "set null" }),
  addedByEmail: text("added_by_email"),
  /** Where it came from: a user, a Calldog blacklist action, an import. */
  source: text("source").notNull().default("manual"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Audio uploaded to the app (Calldron intros, Calldog records): kept in the database so every instance can serve it. */
export const audioFiles = pgTable(
  "audio_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Sanitised original file name. */
    name: text("name").notNull(),
    format: text("format").$type<"mp3" | "wav">().notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    durationSeconds: real("duration_seconds"),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    /** What it was uploaded for: `calldron-intro`, `calldog-record`. */
    purpose: text("purpose").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audio_files_created_at").on(t.createdAt)],
);

/** Which stored audio the app sent as a Calldron batch's intro: the service gives no way to read an intro back. */
export const calldronBatchIntros = pgTable(
  "calldron_batch_intros",
  {
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    batchId: text("batch_id").notNull(),
    audioFileId: uuid("audio_file_id")
      .notNull()
      .references(() => audioFiles.id, { onDelete: "cascade" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.batchId] })],
);

/**
 * Test calls to a user's own number through a Calldron batch, before a run: one row per test call (the run
 * confirmation shows the user's latest). `call_id` is Calldron's, found among the batch's calls after the create
 * (the create answers `{}`); `status` and `has_recording` are what Calldron last said about it.
 */
export const calldronTestCalls = pgTable(
  "calldron_test_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    batchId: text("batch_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** E.164, the profile's test number at the time. */
    phone: text("phone").notNull(),
    callId: text("call_id"),
    /** Calldron's raw status (`fresh`, `dialing`, … `answered`). */
    status: text("status").notNull().default("fresh"),
    final: boolean("final").notNull().default(false),
    hasRecording: boolean("has_recording").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("calldron_test_calls_batch_user").on(t.connectionId, t.batchId, t.userId, t.createdAt)],
);

export const taskStateEnum = pgEnum("task_state", ["queued", "running", "paused", "canceled", "completed", "failed"]);

/** A long piece of work (bulk adds, list runs, imports, syncs) run by pg-boss, with progress kept here. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    connectionId: uuid("connection_id").references(() => connections.id, { onDelete: "cascade" }),
    /** What the task works on, for people: a list or batch name. */
    title: text("title").notNull().default(""),
    state: taskStateEnum("state").notNull().default("queued"),
    input: jsonb("input").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    /** Items per outcome (e.g. added, duplicate, dnc, invalid, failed). */
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    /** A message key (in errors or tasks) saying why the task stopped. */
    error: text("error"),
    /** Database outages the run waited out, oldest first (the last few): shown with its progress. */
    outages: jsonb("outages").$type<TaskOutage[]>().notNull().default(sql`'[]'::jsonb`),
    /** Who holds the task now: a runner id, cleared when it stops; a stale heartbeat frees it. */
    runnerId: text("runner_id"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("tasks_owner_created").on(t.ownerId, t.createdAt), index("tasks_state").on(t.state)],
);

export const taskItemStateEnum = pgEnum("task_item_state", ["pending", "inflight", "done"]);

/**
 * One unit of a task (usually one phone number). `inflight` is written before the provider is called, so an
 * item found inflight after a crash or timeout has an unknown outcome and is reconciled before any retry.
 */
export const taskItems = pgTable(
  "task_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    /** Unique within a task: one number is handled once per task. */
    key: text("key").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    state: taskItemStateEnum("state").notNull().default("pending"),
    outcome: text("outcome"),
    detail: text("detail"),
    attempts: integer("attempts").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("task_items_task_key").on(t.taskId, t.key), index("task_items_task_state_seq").on(t.taskId, t.state, t.seq)],
);

export const campaignStateEnum = pgEnum("campaign_state", ["draft", "launching", "launched", "partial", "canceled"]);

/** A campaign made in the app (a Calldog set of calls; later a mirror of a Calldron batch), shared by the cross-provider views. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: providerEnum("provider").notNull(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The provider's own id where it has one (a Calldron batch). */
    providerRef: text("provider_ref"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    state: campaignStateEnum("state").notNull().default("draft"),
    /** What was chosen in the wizard: message, caller id, menu, schedule, recording. */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    timeZone: text("time_zone").notNull().default("Europe/Moscow"),
    /** Makes a launch idempotent: the same key never launches twice. */
    launchKey: text("launch_key").unique(),
    launchTaskId: uuid("launch_task_id"),
    plannedAt: timestamp("planned_at", { withTimezone: true }),
    launchedAt: timestamp("launched_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("campaigns_connection").on(t.connectionId, t.createdAt), uniqueIndex("campaigns_connection_ref").on(t.connectionId, t.providerRef)],
);

/** The common call statuses of every provider (docs/providers.md maps each provider's raw ones). */
export const callStatusEnum = pgEnum("call_status", ["queued", "ringing", "in_progress", "answered", "busy", "no_answer", "failed", "canceled"]);

/** Every call the app knows of, any provider: created by the app or mirrored by a sync. */
export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: providerEnum("provider").notNull(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "cascade" }),
    /** The provider's call id; null until the provider has answered with one. */
    providerCallId: text("provider_call_id"),
    /** E.164. */
    phone: text("phone").notNull(),
    status: callStatusEnum("status").notNull().default("queued"),
    rawStatus: text("raw_status"),
    final: boolean("final").notNull().default(false),
    durationSeconds: integer("duration_seconds"),
    dialedAt: timestamp("dialed_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    ivrAnswer: text("ivr_answer"),
    ivrAction: text("ivr_action"),
    /** Where the recording is, for the app's recording route (never a URL with a key). */
    recordingRef: text("recording_ref"),
    raw: jsonb("raw").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the call happened, for the Calls page's order and date range: dialed, else known since. */
    at: timestamp("at", { withTimezone: true })
      .notNull()
      .generatedAlwaysAs(sql`coalesce(dialed_at, created_at)`),
  },
  (t) => [
    uniqueIndex("calls_connection_provider_call").on(t.connectionId, t.providerCallId),
    // A campaign's figures (counts by status, final, talk time, IVR answers) from the index alone: the overview's
    // running campaigns and the comparison read it without touching the table. Also serves campaign + status.
    index("calls_campaign_figures").on(t.campaignId, t.status, t.final, t.durationSeconds, t.ivrAnswer),
    index("calls_created").on(t.createdAt, t.id),
    index("calls_phone").on(t.phone),
    // The Calls page's keyset orders (newest/oldest by `at`, by duration), alone and under its common filters.
    index("calls_at").on(t.at, t.id),
    index("calls_provider_at").on(t.provider, t.at, t.id),
    index("calls_status_at").on(t.status, t.at, t.id),
    index("calls_campaign_at").on(t.campaignId, t.at, t.id),
    index("calls_connection_at").on(t.connectionId, t.at, t.id),
    index("calls_duration").on(sql`coalesce(${t.durationSeconds}, 0)`, t.id),
    index("calls_campaign_status_at").on(t.campaignId, t.status, t.at, t.id),
    // Search by a number's last digits: `reverse(phone) like '<reversed digits>%'`.
    index("calls_phone_reverse").on(sql`reverse(${t.phone}) text_pattern_ops`),
    // The few calls still in progress, for the campaigns running now.
    index("calls_open_campaign").on(t.campaignId).where(sql`not ${t.final}`),
  ],
);

export const callSyncStateEnum = pgEnum("call_sync_state", ["idle", "queued", "running", "failed"]);

/** One connection's call sync (Calldron): where it stands and what the last pass did, for "last synced" and progress. */
export const callSyncs = pgTable("call_syncs", {
  connectionId: uuid("connection_id")
    .primaryKey()
    .references(() => connections.id, { onDelete: "cascade" }),
  provider: providerEnum("provider").notNull(),
  state: callSyncStateEnum("state").notNull().default("idle"),
  startedAt: timestamp("started_at", { withTimezone: true }),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  batchesTotal: integer("batches_total").notNull().default(0),
  batchesDone: integer("batches_done").notNull().default(0),
  pagesRead: integer("pages_read").notNull().default(0),
  callsChanged: integer("calls_changed").notNull().default(0),
  /** A ProviderError kind (or "unexpected") when the last pass failed. */
  errorKind: text("error_kind"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Where a Calldron batch's call sync stands. A pass reads pages from `startPage` to the last; `nextPage` is
 * saved after each page, so a pass that fails resumes there. The next pass starts at the first page that
 * still held a non-final call (calls are listed oldest first and final calls never change), so it reads
 * only non-final and new calls.
 */
export const calldronSyncCursors = pgTable("calldron_sync_cursors", {
  campaignId: uuid("campaign_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  connectionId: uuid("connection_id")
    .notNull()
    .references(() => connections.id, { onDelete: "cascade" }),
  perPage: integer("per_page").notNull(),
  startPage: integer("start_page").notNull().default(1),
  /** The page to read next in a pass under way; null between passes. */
  nextPage: integer("next_page"),
  /** The first page of the pass under way that held a non-final call. */
  firstOpenPage: integer("first_open_page"),
  lastPassAt: timestamp("last_pass_at", { withTimezone: true }),
});

/** Webhook deliveries, stored and deduplicated before the 200, applied by a job. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    /** Identifies a delivery's content: the same event delivered twice has the same key. */
    dedupeKey: text("dedupe_key").notNull(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    error: text("error"),
  },
  (t) => [uniqueIndex("webhook_events_dedupe").on(t.connectionId, t.dedupeKey), index("webhook_events_unprocessed").on(t.processedAt, t.receivedAt)],
);

/** Calldog has no "list records": the app's registry of the records made through it or added by id. */
export const calldogRecords = pgTable(
  "calldog_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    recordId: text("record_id").notNull(),
    name: text("name").notNull(),
    source: text("source").$type<"file" | "text" | "existing">().notNull(),
    text: text("text"),
    voiceGender: text("voice_gender"),
    language: text("language"),
    audioFileId: uuid("audio_file_id").references(() => audioFiles.id, { onDelete: "set null" }),
    durationSeconds: real("duration_seconds"),
    moderation: text("moderation").notNull().default("unknown"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calldog_records_connection_record").on(t.connectionId, t.recordId)],
);

/** Saved IVR menus, reusable across campaigns. */
export const ivrTemplates = pgTable("ivr_templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  menu: jsonb("menu").$type<Record<string, unknown>>().notNull(),
  createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Flash-call phone checks (Calldog confirmPhone) and what the service answered. */
export const phoneVerifications = pgTable(
  "phone_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    phone: text("phone").notNull(),
    code: text("code"),
    outcome: text("outcome").notNull(),
    raw: jsonb("raw").$type<unknown>(),
    requestedById: uuid("requested_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("phone_verifications_created").on(t.createdAt)],
);

/** Contact lists kept in the app: recipients for Calldog campaigns, a source for Calldron lists. */
export const contactLists = pgTable("contact_lists", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const contactListEntries = pgTable(
  "contact_list_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    listId: uuid("list_id")
      .notNull()
      .references(() => contactLists.id, { onDelete: "cascade" }),
    /** E.164; one entry per number in a list. */
    phone: text("phone").notNull(),
    name: text("name"),
    fields: jsonb("fields").$type<Record<string, string>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("contact_list_entries_list_phone").on(t.listId, t.phone)],
);

/** An uploaded spreadsheet and what the user chose for it; the import task reads the file from here. */
export const importFiles = pgTable("import_files", {
  id: uuid("id").primaryKey().defaultRandom(),
  ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
  name: text("name").notNull(),
  format: text("format").$type<"csv" | "xlsx">().notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  sha256: text("sha256").notNull(),
  data: bytea("data").notNull(),
  /** Detected or chosen: encoding, delimiter, header row, column mapping, target. */
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  taskId: uuid("task_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const launchApprovalStateEnum = pgEnum("launch_approval_state", ["pending", "approved", "rejected"]);

/**
 * A manager's launch above the organisation's limit, waiting for an admin: one pending request per launch target
 * (a Calldog campaign, or a Calldron list through a batch); approving it starts the launch as the manager's.
 */
export const launchApprovals = pgTable(
  "launch_approvals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The task kind the approval starts: `calldog.launch` or `calldron.runList`. */
    kind: text("kind").notNull(),
    /** The campaign id, or `<connectionId>:<listId>:<batchId>` for a run. */
    target: text("target").notNull(),
    title: text("title").notNull(),
    connectionId: uuid("connection_id").references(() => connections.id, { onDelete: "cascade" }),
    count: integer("count").notNull(),
    /** What the start needs (the run's list and batch names). */
    input: jsonb("input").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "cascade" }),
    state: launchApprovalStateEnum("state").notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    reason: text("reason"),
    taskId: uuid("task_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("launch_approvals_pending_target").on(t.kind, t.target).where(sql`${t.state} = 'pending'`), index("launch_approvals_state").on(t.state, t.createdAt)],
);

/** Column mappings remembered per file shape (the header row's signature). */
export const importMappings = pgTable("import_mappings", {
  signature: text("signature").primaryKey(),
  mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof roleEnum.enumValues)[number];
export type Provider = (typeof providerEnum.enumValues)[number];
export type Connection = typeof connections.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type DncEntry = typeof dncEntries.$inferSelect;
export type AudioFile = typeof audioFiles.$inferSelect;
export type CalldronBatchIntro = typeof calldronBatchIntros.$inferSelect;
export type CalldronTestCall = typeof calldronTestCalls.$inferSelect;
export type Task = typeof tasks.$inferSelect;
/** One database outage a task's run waited out: when the run met it, how long it waited, the driver's code. */
export type TaskOutage = { at: string; ms: number; code: string };
export type TaskState = (typeof taskStateEnum.enumValues)[number];
export type TaskItem = typeof taskItems.$inferSelect;
export type Campaign = typeof campaigns.$inferSelect;
export type CallRow = typeof calls.$inferSelect;
export type CallStatus = (typeof callStatusEnum.enumValues)[number];
export type CallSync = typeof callSyncs.$inferSelect;
export type CalldronSyncCursor = typeof calldronSyncCursors.$inferSelect;
export type WebhookEvent = typeof webhookEvents.$inferSelect;
export type CalldogRecordRow = typeof calldogRecords.$inferSelect;
export type IvrTemplate = typeof ivrTemplates.$inferSelect;
export type PhoneVerification = typeof phoneVerifications.$inferSelect;
export type ContactList = typeof contactLists.$inferSelect;
export type ContactListEntry = typeof contactListEntries.$inferSelect;
export type ImportFile = typeof importFiles.$inferSelect;
export type LaunchApproval = typeof launchApprovals.$inferSelect;
