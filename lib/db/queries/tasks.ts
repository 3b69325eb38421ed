import "server-only";
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { type Db, db } from "@/lib/db/client";
import { type Task, type TaskItem, type TaskOutage, type TaskState, taskItems, tasks } from "@/lib/db/schema";

export const ACTIVE_STATES: TaskState[] = ["queued", "running"];
export const FINISHED_STATES: TaskState[] = ["canceled", "completed", "failed"];

export type NewTaskItem = { key: string; payload?: Record<string, unknown> };

/**
 * A task and all its items in one transaction; items are unique by key within the task, so a number given
 * twice becomes one item. `counts` may start with outcomes decided before any work (invalid, duplicate).
 */
export async function insertTask(input: NewTask): Promise<Task> {
  return (await db()).transaction((tx) => insertTaskIn(tx, input));
}

export type NewTask = {
  kind: string;
  ownerId: string;
  connectionId?: string | null;
  title: string;
  input: Record<string, unknown>;
  items: NewTaskItem[];
  counts?: Record<string, number>;
};
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export async function insertTaskIn(tx: Tx, { kind, ownerId, connectionId, title, input, items, counts = {} }: NewTask): Promise<Task> {
  const [task] = await tx
    .insert(tasks)
    .values({ kind, ownerId, connectionId: connectionId ?? null, title, input, counts, total: 0 })
    .returning();
  if (!task) throw new Error("task insert returned nothing");
  const inserted = await insertItemsIn(tx, task.id, items, 0);
  const [withTotal] = await tx.update(tasks).set({ total: inserted }).where(eq(tasks.id, task.id)).returning();
  return withTotal ?? task;
}

/**
 * `insertTask` with the items given a batch at a time (a file read as a stream), inserted as they come, all in
 * one transaction: `check` runs after the last batch and may throw to insert nothing at all.
 */
export async function insertTaskStreamed(
  input: Omit<NewTask, "items">,
  batches: AsyncIterable<NewTaskItem[]>,
  check?: () => void | Promise<void>,
): Promise<Task> {
  return (await db()).transaction(async (tx) => {
    const task = await insertTaskIn(tx, { ...input, items: [] });
    let seq = 0;
    let total = 0;
    for await (const items of batches) {
      total += await insertItemsIn(tx, task.id, items, seq);
      seq += items.length;
    }
    await check?.();
    const [withTotal] = await tx.update(tasks).set({ total }).where(eq(tasks.id, task.id)).returning();
    return withTotal ?? task;
  });
}

async function insertItemsIn(tx: Tx, taskId: string, items: NewTaskItem[], firstSeq: number): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < items.length; i += 1000) {
    // One JSON parameter per chunk rather than four per row: a large import's items go in several times faster.
    const chunk = JSON.stringify(items.slice(i, i + 1000).map((item, j) => ({ seq: firstSeq + i + j, key: item.key, payload: item.payload ?? null })));
    const result = await tx.execute<{ n: number }>(sql`
      with added as (
        insert into ${taskItems} (task_id, seq, key, payload)
        select ${taskId}, x.seq, x.key, x.payload from jsonb_to_recordset(${chunk}::jsonb) as x(seq int, key text, payload jsonb)
        on conflict do nothing
        returning 1
      )
      select count(*)::int as n from added`);
    inserted += Number(result.rows[0]?.n ?? 0);
  }
  return inserted;
}

/**
 * Creates a task unless an unfinished one of the same kind on the same target exists (a double click, two tabs,
 * two users): the check and the insert hold one advisory lock per kind, so two racing starts make one task.
 */
export async function insertTaskUnlessActive(input: NewTask & { match: Record<string, string> }): Promise<{ task: Task; created: boolean }> {
  return (await db()).transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`task:${input.kind}`}))`);
    const [active] = await tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.kind, input.kind), inArray(tasks.state, ["queued", "running", "paused"]), ...matchInput(input.match)))
      .orderBy(desc(tasks.createdAt))
      .limit(1);
    if (active) return { task: active, created: false };
    return { task: await insertTaskIn(tx, input), created: true };
  });
}

/** The newest tasks of a kind on one target, e.g. the runs of lists through one batch. */
export async function listTasksFor({ kind, match, limit = 10 }: { kind: string; match: Record<string, string>; limit?: number }): Promise<Task[]> {
  return (await db())
    .select()
    .from(tasks)
    .where(and(eq(tasks.kind, kind), ...matchInput(match)))
    .orderBy(desc(tasks.createdAt))
    .limit(limit);
}

function matchInput(match: Record<string, string>) {
  return Object.entries(match).map(([k, v]) => sql`${tasks.input} ->> ${k} = ${v}`);
}

/** Where a task's background collection of items stands (see TaskHandler.collect); kept in its input. */
export type CollectState = { cursor: string | null; done: boolean };

export function collectState(task: Task): CollectState {
  const saved = task.input.collect as Partial<CollectState> | undefined;
  return { cursor: typeof saved?.cursor === "string" ? saved.cursor : null, done: saved?.done === true };
}

/**
 * One collected page: its items (after those already there), its counts (plus `duplicate` for keys already in
 * the task) and the cursor to go on from, in one transaction, so a page is either wholly saved or not at all.
 */
export async function saveCollectedPage({
  taskId,
  items,
  counts = {},
  next,
}: {
  taskId: string;
  items: NewTaskItem[];
  counts?: Record<string, number>;
  next: string | null;
}): Promise<void> {
  await (await db()).transaction(async (tx) => {
    const [last] = await tx
      .select({ seq: sql<number>`coalesce(max(${taskItems.seq}), -1)` })
      .from(taskItems)
      .where(eq(taskItems.taskId, taskId));
    const inserted = await insertItemsIn(tx, taskId, items, Number(last?.seq ?? -1) + 1);
    const added = { ...counts };
    if (items.length > inserted) added.duplicate = (added.duplicate ?? 0) + items.length - inserted;
    const state: CollectState = { cursor: next, done: next === null };
    await tx
      .update(tasks)
      .set({
        total: sql`${tasks.total} + ${inserted}`,
        counts: addCounts(added),
        input: sql`jsonb_set(${tasks.input}, '{collect}', ${JSON.stringify(state)}::jsonb)`,
        updatedAt: new Date(),
      })
      .where(eq(tasks.id, taskId));
  });
}

function addCounts(added: Record<string, number>) {
  let expression = sql`${tasks.counts}`;
  for (const [key, n] of Object.entries(added)) {
    if (n === 0) continue;
    expression = sql`jsonb_set(${expression}, ${`{${key}}`}::text[], to_jsonb(coalesce((${tasks.counts} ->> ${key})::int, 0) + ${n}))`;
  }
  return expression;
}

export async function findTask({ id }: { id: string }): Promise<Task | undefined> {
  const [row] = await (await db()).select().from(tasks).where(eq(tasks.id, id));
  return row;
}

/** The user's tasks (or everyone's for `ownerId` undefined), newest first. */
export async function listTasks({ ownerId, limit = 50, before }: { ownerId?: string; limit?: number; before?: Date }): Promise<Task[]> {
  const conditions = [ownerId ? eq(tasks.ownerId, ownerId) : undefined, before ? lt(tasks.createdAt, before) : undefined].filter((c) => c !== undefined);
  return (await db())
    .select()
    .from(tasks)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(tasks.createdAt))
    .limit(limit);
}

/** The newest unfinished task of a kind on one target (e.g. a run of this list through this batch). */
export async function findActiveTask({ kind, match }: { kind: string; match: Record<string, string> }): Promise<Task | undefined> {
  const [row] = await (await db())
    .select()
    .from(tasks)
    .where(and(eq(tasks.kind, kind), inArray(tasks.state, ["queued", "running", "paused"]), ...matchInput(match)))
    .orderBy(desc(tasks.createdAt))
    .limit(1);
  return row;
}

/**
 * Takes the task for one runner: only a queued or running task that nobody holds, or whose holder stopped
 * sending heartbeats, or that this runner already holds (its run resuming after a database outage). Two runners
 * can never both hold it.
 */
export async function claimTask({ id, runnerId, staleMs }: { id: string; runnerId: string; staleMs: number }): Promise<Task | undefined> {
  const staleBefore = new Date(Date.now() - staleMs);
  const [row] = await (await db())
    .update(tasks)
    .set({ runnerId, state: "running", heartbeatAt: new Date(), startedAt: sql`coalesce(${tasks.startedAt}, now())`, updatedAt: new Date(), error: null })
    .where(and(eq(tasks.id, id), inArray(tasks.state, ACTIVE_STATES), or(isNull(tasks.runnerId), eq(tasks.runnerId, runnerId), lt(tasks.heartbeatAt, staleBefore))))
    .returning();
  return row;
}

/** Keeps the claim alive and tells the runner what the user wants now (running, paused, canceled). */
export async function heartbeatTask({ id, runnerId }: { id: string; runnerId: string }): Promise<TaskState | undefined> {
  const [row] = await (await db())
    .update(tasks)
    .set({ heartbeatAt: new Date() })
    .where(and(eq(tasks.id, id), eq(tasks.runnerId, runnerId)))
    .returning({ state: tasks.state });
  return row?.state;
}

/** Outages kept per task: the last ones are what a person reads; a flapping database must not grow the row. */
const OUTAGES_KEPT = 10;

/** Notes a database outage the task's run waited out (written once the database is back). */
export async function recordTaskOutage({ id, outage }: { id: string; outage: TaskOutage }): Promise<void> {
  const kept = sql`case when jsonb_array_length(${tasks.outages}) >= ${OUTAGES_KEPT} then ${tasks.outages} - 0 else ${tasks.outages} end`;
  await (await db())
    .update(tasks)
    .set({ outages: sql`${kept} || ${JSON.stringify([outage])}::jsonb`, updatedAt: new Date() })
    .where(eq(tasks.id, id));
}

/** Lets go of a task; `state` finishes it (completed, failed) unless the user paused or canceled it meanwhile. */
export async function releaseTask({
  id,
  runnerId,
  state,
  error,
}: {
  id: string;
  runnerId: string;
  state?: "completed" | "failed";
  error?: string;
}): Promise<void> {
  const stillRunning = sql`${tasks.state} = 'running'`;
  const finishing = state
    ? {
        state: sql`case when ${stillRunning} then ${state}::task_state else ${tasks.state} end`,
        error: sql`case when ${stillRunning} then ${error ?? null} else ${tasks.error} end`,
        finishedAt: sql`case when ${stillRunning} then now() else ${tasks.finishedAt} end`,
      }
    : {};
  await (await db())
    .update(tasks)
    .set({ runnerId: null, updatedAt: new Date(), ...finishing })
    .where(and(eq(tasks.id, id), eq(tasks.runnerId, runnerId)));
}

/** The user's pause, resume and cancel. Returns the task as it now is, or undefined when the change does not apply. */
export async function changeTaskState({ id, to }: { id: string; to: "paused" | "queued" | "canceled" }): Promise<Task | undefined> {
  const from: TaskState[] = to === "paused" ? ["queued", "running"] : to === "queued" ? ["paused", "failed"] : ["queued", "running", "paused", "failed"];
  const [row] = await (await db())
    .update(tasks)
    .set({
      state: to,
      updatedAt: new Date(),
      ...(to === "canceled" ? { finishedAt: new Date() } : {}),
      ...(to === "queued" ? { error: null, finishedAt: null } : {}),
    })
    .where(and(eq(tasks.id, id), inArray(tasks.state, from)))
    .returning();
  return row;
}

/**
 * The next items still to do, in order: pending ones and those whose last attempt has an unknown outcome;
 * `afterSeq` skips those a run has already taken.
 */
/**
 * A task's next items to do, in order. One ordered index scan per state, merged: `state in (…) order by seq`
 * over the (task, state, seq) index read every pending item after `afterSeq` and sorted them, on each call
 * (20 ms a batch at 20,000 items on PostgreSQL 15, quadratic over a task).
 */
export async function nextTaskItems({ taskId, limit, afterSeq }: { taskId: string; limit: number; afterSeq?: number }): Promise<TaskItem[]> {
  const d = await db();
  const inState = (state: "pending" | "inflight") =>
    d
      .select()
      .from(taskItems)
      .where(and(eq(taskItems.taskId, taskId), eq(taskItems.state, state), afterSeq === undefined ? undefined : sql`${taskItems.seq} > ${afterSeq}`))
      .orderBy(asc(taskItems.seq))
      .limit(limit);
  return unionAll(inState("inflight"), inState("pending")).orderBy(asc(taskItems.seq)).limit(limit);
}

/** Written (and committed) before the provider is called: after a crash the item is known to be uncertain. */
export async function markItemInflight({ id }: { id: string }): Promise<void> {
  await (await db())
    .update(taskItems)
    .set({ state: "inflight", attempts: sql`${taskItems.attempts} + 1`, updatedAt: new Date() })
    .where(eq(taskItems.id, id));
}

/** `markItemInflight` for a batch of items sent together. */
export async function markItemsInflight({ ids }: { ids: string[] }): Promise<void> {
  if (ids.length === 0) return;
  await (await db())
    .update(taskItems)
    .set({ state: "inflight", attempts: sql`${taskItems.attempts} + 1`, updatedAt: new Date() })
    .where(inArray(taskItems.id, ids));
}

export async function markItemsPending({ ids }: { ids: string[] }): Promise<void> {
  if (ids.length === 0) return;
  await (await db()).update(taskItems).set({ state: "pending", updatedAt: new Date() }).where(inArray(taskItems.id, ids));
}

/** Adds fields to items' payloads, keeping any already there (what was first written wins). */
export async function addItemsPayload({ ids, payload }: { ids: string[]; payload: Record<string, unknown> }): Promise<void> {
  if (ids.length === 0) return;
  await (await db())
    .update(taskItems)
    .set({ payload: sql`${JSON.stringify(payload)}::jsonb || coalesce(${taskItems.payload}, '{}'::jsonb)` })
    .where(inArray(taskItems.id, ids));
}

export async function findTaskItems({ ids }: { ids: string[] }): Promise<TaskItem[]> {
  if (ids.length === 0) return [];
  return (await db()).select().from(taskItems).where(inArray(taskItems.id, ids));
}

/** The provider refused before doing anything (429): the item is simply still to do. */
export async function markItemPending({ id }: { id: string }): Promise<void> {
  await (await db()).update(taskItems).set({ state: "pending", updatedAt: new Date() }).where(eq(taskItems.id, id));
}

/** Records an item's outcome and counts it on the task, together: every item is counted exactly once. */
export async function finishTaskItem({ taskId, itemId, outcome, detail }: { taskId: string; itemId: string; outcome: string; detail?: string }): Promise<boolean> {
  return (await db()).transaction(async (tx) => {
    const [done] = await tx
      .update(taskItems)
      .set({ state: "done", outcome, detail: detail ?? null, updatedAt: new Date() })
      .where(and(eq(taskItems.id, itemId), inArray(taskItems.state, ["pending", "inflight"])))
      .returning({ id: taskItems.id });
    if (!done) return false;
    await tx
      .update(tasks)
      .set({
        processed: sql`${tasks.processed} + 1`,
        counts: sql`jsonb_set(${tasks.counts}, ${`{${outcome}}`}::text[], to_jsonb(coalesce((${tasks.counts} ->> ${outcome})::int, 0) + 1))`,
        updatedAt: new Date(),
      })
      .where(eq(tasks.id, taskId));
    return true;
  });
}

export type ItemOutcome = { itemId: string; outcome: string; detail?: string };

/**
 * `finishTaskItem` for many items in one statement: each item still to do is marked done with its outcome, and
 * the task counts exactly those, so an item finished twice (a retry, two runners) is counted once.
 */
export async function finishTaskItems({ taskId, outcomes }: { taskId: string; outcomes: ItemOutcome[] }): Promise<void> {
  if (outcomes.length === 0) return;
  const input = JSON.stringify(outcomes.map((o) => ({ id: o.itemId, outcome: o.outcome, detail: o.detail ?? null })));
  await (await db()).execute(sql`
    with input as (
      select * from jsonb_to_recordset(${input}::jsonb) as x(id uuid, outcome text, detail text)
    ), done as (
      update ${taskItems} set state = 'done', outcome = input.outcome, detail = input.detail, updated_at = now()
      from input
      where ${taskItems.id} = input.id and ${taskItems.taskId} = ${taskId} and ${taskItems.state} in ('pending', 'inflight')
      returning input.outcome
    ), counted as (
      select outcome, count(*)::int as n from done group by outcome
    )
    update ${tasks} set
      processed = ${tasks.processed} + coalesce((select sum(n) from counted), 0)::int,
      counts = ${tasks.counts} || coalesce((select jsonb_object_agg(outcome, coalesce((${tasks.counts} ->> outcome)::int, 0) + n) from counted), '{}'::jsonb),
      updated_at = now()
    where ${tasks.id} = ${taskId}`);
}

/** A task's items with their outcomes, in order, for its report. */
export async function listTaskItems({ taskId, outcome, afterSeq = -1, limit = 200 }: { taskId: string; outcome?: string; afterSeq?: number; limit?: number }): Promise<TaskItem[]> {
  return (await db())
    .select()
    .from(taskItems)
    .where(and(eq(taskItems.taskId, taskId), sql`${taskItems.seq} > ${afterSeq}`, outcome ? eq(taskItems.outcome, outcome) : undefined))
    .orderBy(asc(taskItems.seq))
    .limit(limit);
}

/** Tasks that should be running but nobody holds (a crash, a restart, a lost job): the sweeper re-queues them. */
export async function findOrphanedTasks({ staleMs, queuedForMs }: { staleMs: number; queuedForMs: number }): Promise<Pick<Task, "id">[]> {
  const stale = new Date(Date.now() - staleMs);
  const waited = new Date(Date.now() - queuedForMs);
  return (await db())
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      or(
        and(eq(tasks.state, "running"), or(isNull(tasks.runnerId), lt(tasks.heartbeatAt, stale))),
        and(eq(tasks.state, "queued"), isNull(tasks.runnerId), lt(tasks.updatedAt, waited)),
      ),
    )
    .limit(100);
}

export async function touchTask({ id }: { id: string }): Promise<void> {
  await (await db()).update(tasks).set({ updatedAt: new Date() }).where(eq(tasks.id, id));
}

/** At the start of the only process that may hold tasks (PGlite): every claim left behind is void. */
export async function releaseAllClaims(): Promise<void> {
  await (await db()).update(tasks).set({ runnerId: null }).where(sql`${tasks.runnerId} is not null`);
}
