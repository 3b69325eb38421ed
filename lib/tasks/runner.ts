import "server-only";
import { randomUUID } from "node:crypto";
import type { Task, TaskItem } from "@/lib/db/schema";
import {
  claimTask,
  collectState,
  findTask,
  finishTaskItems,
  heartbeatTask,
  type ItemOutcome,
  markItemInflight,
  markItemPending,
  markItemsInflight,
  markItemsPending,
  nextTaskItems,
  recordTaskOutage,
  releaseTask,
  saveCollectedPage,
} from "@/lib/db/queries/tasks";
import { type DatabaseUnavailableError, databaseOutage, waitForDatabase } from "@/lib/db/outage";
import { SafeError } from "@/lib/errors";
import { ProviderError } from "@/lib/providers/provider-error";
import { type TaskHandler, TaskStop } from "@/lib/tasks/types";

/** A holder that has not beaten for this long is taken to be dead, and its task is taken over. */
export const STALE_AFTER_MS = 30_000;
const HEARTBEAT_EVERY_MS = 2_000;
/** Back-off while a provider is unavailable, and how long before the task stops and asks for a resume. */
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];
const MAX_CONSECUTIVE_FAILURES = 12;
const MAX_RATE_LIMIT_WAIT_MS = 60_000;
/**
 * Items taken (read and marked in flight) at once, per lane; they are screened a lane's worth at a time. With one
 * per lane an import's lanes waited for the database (three statements per read) and it ran at half its speed on
 * a loaded machine.
 */
const LANE_ITEMS_PER_READ = 5;
/** Outcomes waiting to be written are written at least this often, so progress moves on a slow provider. */
const OUTCOMES_EVERY_MS = 1_000;

export type RunOutcome = "completed" | "paused" | "canceled" | "failed" | "busy" | "gone";

/** This process's runs, for a graceful stop. */
const liveRuns = new Set<RunControl>();
let handingOver = false;

/**
 * A stopping process hands its runs over: each stops before its next item and lets go of its claim, leaving its
 * task running and unclaimed, which a sweeper (another worker process's, or the next start's) resumes at once
 * instead of after STALE_AFTER_MS. No run starts in this process afterwards.
 */
export function handOverRuns(): void {
  handingOver = true;
  for (const control of liveRuns) control.stopped ??= "paused";
}

type Options = { handlers: Record<string, TaskHandler<unknown>>; sleep?: (ms: number) => Promise<void>; runnerId?: string };

/**
 * Runs a task to its end, a pause, a cancel or a stop. Safe to call twice at once and after a crash: the claim
 * lets one runner in, and items found `inflight` are handed to the handler as uncertain.
 */
export async function runTask(taskId: string, options: Options): Promise<RunOutcome> {
  if (handingOver) return "busy";
  const runnerId = options.runnerId ?? randomUUID();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const task = await claimTask({ id: taskId, runnerId, staleMs: STALE_AFTER_MS });
  if (!task) return (await findTask({ id: taskId })) ? "busy" : "gone";
  const handler = options.handlers[task.kind];
  if (!handler) {
    await releaseTask({ id: task.id, runnerId, state: "failed", error: "unknownKind" });
    return "failed";
  }
  const control = new RunControl(task.id, runnerId, sleep);
  try {
    await control.beat();
    const prepared = await retryingReads(control, () => handler.prepare(task));
    if (!prepared.ok) return await stopped(task.id, runnerId, control);
    const context = prepared.value;
    if (handler.collect && !collectState(task).done) {
      const collected = await collectItems(task, handler, context, control);
      if (collected !== "completed") return await stopped(task.id, runnerId, control);
    }
    const outcome = await runItems(task, handler, context, control);
    if (outcome !== "completed") {
      await releaseTask({ id: task.id, runnerId, ...(outcome === "failed" ? { state: "failed", error: control.error } : {}) });
      return outcome;
    }
    await handler.finish?.(task, context);
    await releaseTask({ id: task.id, runnerId, state: "completed" });
    return "completed";
  } catch (error) {
    const outage = databaseOutage(error);
    if (outage) {
      control.dispose();
      return await resumeAfterOutage(task, runnerId, options, outage);
    }
    const key = errorKey(error);
    if (!(error instanceof ProviderError || error instanceof SafeError)) console.error(`[tasks] ${task.kind} ${task.id} stopped:`, error instanceof Error ? error.message : "unknown");
    await releaseTask({ id: task.id, runnerId, state: "failed", error: key }).catch(() => {});
    return "failed";
  } finally {
    control.dispose();
  }
}

/**
 * The database went away under the run (a restart, a failover): nothing can be written until it is back, so the run
 * stops where it is, waits for it and starts again from what the database holds, like a run after a crash (items left
 * in flight are reconciled, never sent blind), noting the outage on the task. The `pg` pool and pg-boss reconnect by themselves. A database that
 * stays away longer than `waitForDatabase` allows leaves the task to the sweeper, which resumes stale tasks.
 */
async function resumeAfterOutage(task: Task, runnerId: string, options: Options, outage: DatabaseUnavailableError): Promise<RunOutcome> {
  const since = Date.now();
  console.error(`[tasks] ${task.kind} ${task.id}: ${outage.message}; resuming when it is back`);
  if (!(await waitForDatabase())) {
    console.error(`[tasks] ${task.kind} ${task.id}: the database did not come back; the sweeper resumes the task later`);
    return "failed";
  }
  const ms = Date.now() - since;
  console.info(`[tasks] ${task.kind} ${task.id}: database back after ${ms} ms; resuming`);
  // The task's own record of it, for its progress views; losing it must not stop the resume.
  await recordTaskOutage({ id: task.id, outage: { at: new Date(since).toISOString(), ms, code: outage.code } }).catch((error: unknown) =>
    console.error(`[tasks] ${task.kind} ${task.id}: the outage could not be recorded:`, error instanceof Error ? error.message : "unknown"),
  );
  return runTask(task.id, { ...options, runnerId });
}

async function stopped(taskId: string, runnerId: string, control: RunControl): Promise<RunOutcome> {
  const outcome = control.stopped ?? "failed";
  await releaseTask({ id: taskId, runnerId, ...(outcome === "failed" ? { state: "failed", error: control.error ?? "unexpected" } : {}) });
  return outcome;
}

/** The handler's background listing, page by page from the saved cursor; each page is saved with its cursor. */
async function collectItems(task: Task, handler: TaskHandler<unknown>, context: unknown, control: RunControl): Promise<"completed" | "stopped"> {
  const collect = handler.collect;
  if (!collect) return "completed";
  let cursor = collectState(task).cursor;
  for (;;) {
    if (control.stopped) return "stopped";
    const page = await retryingReads(control, () => collect(task, context, cursor));
    if (!page.ok) return "stopped";
    await saveCollectedPage({ taskId: task.id, items: page.value.items, counts: page.value.counts, next: page.value.next });
    if (page.value.next === null) return "completed";
    cursor = page.value.next;
  }
}

/**
 * Reads that prepare or feed a task (nothing is created): a 429 waits, unavailable backs off, both retry; auth
 * stops the task; a validation or not-found answer stops it too (the list or batch is gone).
 */
async function retryingReads<T>(control: RunControl, read: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  while (!control.stopped) {
    try {
      const value = await read();
      control.succeeded();
      return { ok: true, value };
    } catch (error) {
      if (error instanceof TaskStop) {
        control.fail(error.reason);
        break;
      }
      if (!(error instanceof ProviderError)) throw error;
      if (error.kind === "auth") control.fail("providerAuth");
      else if (error.kind === "blocked") control.fail("providerBlocked");
      else if (error.kind === "validation" || error.kind === "not_found") control.fail("providerNotFound");
      else if (error.kind === "rate_limited") await control.wait(Math.min(error.retryAfterMs ?? 2_000, MAX_RATE_LIMIT_WAIT_MS));
      else if (!(await control.backOff())) break;
    }
  }
  return { ok: false };
}

async function runItems(task: Task, handler: TaskHandler<unknown>, context: unknown, control: RunControl): Promise<RunOutcome> {
  if (handler.processBatch) return runBatches(task, handler, context, control);
  const concurrency = Math.max(1, (typeof handler.concurrency === "function" ? handler.concurrency(context) : handler.concurrency) ?? 1);
  for (;;) {
    const batch = concurrency * LANE_ITEMS_PER_READ;
    const feed = new ItemFeed(task.id, handler, context, batch);
    const outcomes = new OutcomeWriter(task.id, Math.max(batch, 20));
    const lane = async () => {
      for (;;) {
        const item = control.stopped ? undefined : await feed.next();
        if (!item) return;
        if (control.stopped) return feed.putBack(item);
        await processItem(task, handler, context, control, item, outcomes);
      }
    };
    // A lane that throws stops the others at their next item; what was done is still written.
    const lanes = await Promise.allSettled(
      Array.from({ length: concurrency }, () =>
        lane().catch((error: unknown) => {
          control.fail("unexpected");
          throw error;
        }),
      ),
    );
    outcomes.dispose();
    await feed.release();
    await outcomes.flush();
    const failed = lanes.find((l) => l.status === "rejected");
    if (failed) throw failed.reason;
    if (control.stopped) return control.stopped;
    // Everything this pass took is done; anything still to do (nothing, normally) gets another pass.
    if ((await nextTaskItems({ taskId: task.id, limit: 1 })).length === 0) return "completed";
  }
}

async function processItem(task: Task, handler: TaskHandler<unknown>, context: unknown, control: RunControl, item: TaskItem, outcomes: OutcomeWriter) {
  let uncertain = item.state === "inflight";
  // The feed marked it in flight when it was taken; a retry marks it again.
  let marked = true;
  while (!control.stopped) {
    if (!marked) await markItemInflight({ id: item.id });
    marked = false;
    try {
      const result = await handler.process(item, context, uncertain);
      outcomes.add({ itemId: item.id, outcome: result.outcome, detail: result.detail });
      control.succeeded();
      return;
    } catch (error) {
      if (error instanceof TaskStop) {
        await markItemPending({ id: item.id });
        return control.fail(error.reason);
      }
      // Not the item's fault: the whole run waits for the database and resumes (the item stays in flight).
      if (databaseOutage(error)) throw error;
      if (!(error instanceof ProviderError)) {
        console.error(`[tasks] ${task.kind} item failed:`, error instanceof Error ? error.message : "unknown");
        outcomes.add({ itemId: item.id, outcome: "failed", detail: "unexpected" });
        return;
      }
      if (error.kind === "validation" || error.kind === "not_found") {
        outcomes.add({ itemId: item.id, outcome: "failed", detail: providerDetail(error) });
        return;
      }
      if (error.kind === "auth") return control.fail("providerAuth");
      if (error.kind === "blocked") return control.fail("providerBlocked");
      if (error.kind === "rate_limited") {
        // Refused before any work: nothing to reconcile.
        if (!uncertain) await markItemPending({ id: item.id });
        await control.wait(Math.min(error.retryAfterMs ?? 2_000, MAX_RATE_LIMIT_WAIT_MS));
        continue;
      }
      // unavailable / bad_response: it may have happened. Next attempt reconciles first.
      uncertain = true;
      if (!(await control.backOff())) return;
    }
  }
}

/**
 * A run's items, in order: taken from the database `LANE_ITEMS_PER_READ` lanes' worth at a time (one read, one
 * in-flight mark), and handed out a lane's worth at a time after the handler's `screen` for those (one query), so
 * that a number is screened right before it is sent, as with one read per lane's worth. The next read and the
 * next screen are made while the lanes work, so that they never wait for the database. Items taken but never
 * started go back to pending when the run stops; an item that was in flight before stays so.
 */
class ItemFeed {
  /** Taken and marked in flight, not yet screened. */
  private taken: TaskItem[] = [];
  /** Screened: the next to hand out. */
  private ready: TaskItem[] = [];
  private afterSeq = -1;
  private exhausted = false;
  private reading: Promise<void> | undefined;
  private screening: Promise<void> | undefined;
  private error: unknown;
  private readonly putBackIds: string[] = [];
  private readonly readSize: number;

  constructor(
    private readonly taskId: string,
    private readonly handler: TaskHandler<unknown>,
    private readonly context: unknown,
    private readonly lanes: number,
  ) {
    this.readSize = lanes * LANE_ITEMS_PER_READ;
  }

  async next(): Promise<TaskItem | undefined> {
    while (this.ready.length === 0) {
      if (this.error) throw this.error;
      if (this.exhausted && this.taken.length === 0 && !this.reading && !this.screening) return undefined;
      await this.screenNext();
    }
    const item = this.ready.shift();
    // Half a lane's worth handed out: screen the next, so the lanes never wait for it.
    if (this.ready.length <= this.lanes / 2) void this.screenNext();
    return item;
  }

  putBack(item: TaskItem) {
    if (item.state === "pending") this.putBackIds.push(item.id);
  }

  async release(): Promise<void> {
    await this.screening;
    await this.reading;
    for (const item of [...this.ready.splice(0), ...this.taken.splice(0)]) this.putBack(item);
    await markItemsPending({ ids: this.putBackIds.splice(0) });
  }

  private screenNext(): Promise<void> {
    this.screening ??= this.screenChunk()
      .catch((error: unknown) => {
        this.error = error;
      })
      .finally(() => {
        this.screening = undefined;
      });
    return this.screening;
  }

  private async screenChunk() {
    // The last read is exhausted before its items are marked and taken: wait for it too. Not waiting, next() looped
    // on empty chunks in microtasks alone, and a database answer that comes by the event loop (PostgreSQL's) never came.
    if (this.taken.length < this.lanes && (!this.exhausted || this.reading)) await this.readMore();
    if (this.error) return;
    const chunk = this.taken.splice(0, this.lanes);
    // Running low: the next read is made while this chunk is screened and sent.
    if (this.taken.length < this.lanes && !this.exhausted) void this.readMore();
    await this.handler.screen?.(chunk, this.context);
    this.ready.push(...chunk);
  }

  private readMore(): Promise<void> {
    this.reading ??= this.read()
      .catch((error: unknown) => {
        this.error = error;
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }

  private async read() {
    const items = await nextTaskItems({ taskId: this.taskId, limit: this.readSize, afterSeq: this.afterSeq });
    if (items.length < this.readSize) this.exhausted = true;
    const last = items.at(-1);
    if (!last) return;
    this.afterSeq = last.seq;
    await markItemsInflight({ ids: items.map((i) => i.id) });
    this.taken.push(...items);
  }
}

/**
 * Items' outcomes, written `size` at a time (and at least every second) in one statement each, in order of
 * writing. An outcome not yet written when the process dies leaves its item in flight: it is reconciled, never
 * sent blind.
 */
class OutcomeWriter {
  private pending: ItemOutcome[] = [];
  private writing: Promise<void> = Promise.resolve();
  private error: unknown;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly taskId: string,
    private readonly size: number,
  ) {
    this.timer = setInterval(() => void this.flush().catch(() => {}), OUTCOMES_EVERY_MS);
  }

  add(outcome: ItemOutcome) {
    if (this.error) throw this.error;
    this.pending.push(outcome);
    if (this.pending.length >= this.size) void this.flush().catch(() => {});
  }

  flush(): Promise<void> {
    const outcomes = this.pending;
    this.pending = [];
    if (outcomes.length > 0) {
      this.writing = this.writing.then(() =>
        finishTaskItems({ taskId: this.taskId, outcomes }).catch((error: unknown) => {
          this.error ??= error;
        }),
      );
    }
    return this.writing.then(() => {
      if (this.error) throw this.error;
    });
  }

  dispose() {
    clearInterval(this.timer);
  }
}

/** A batch handler's items, `batchSize` at a time in order, one batch after another. */
async function runBatches(task: Task, handler: TaskHandler<unknown>, context: unknown, control: RunControl): Promise<RunOutcome> {
  const size = Math.max(1, handler.batchSize ?? 100);
  for (;;) {
    const state = control.check();
    if (state !== "running") return state;
    const items = await nextTaskItems({ taskId: task.id, limit: size });
    if (items.length === 0) return "completed";
    await processBatch(task, handler, context, control, items);
    if (control.stopped) return control.stopped;
  }
}

/** `processItem` for a batch: the same retry rules, applied to all its items together. */
async function processBatch(task: Task, handler: TaskHandler<unknown>, context: unknown, control: RunControl, items: TaskItem[]) {
  const process = handler.processBatch;
  if (!process) return;
  const ids = items.map((i) => i.id);
  const finishAll = (outcome: string, detail?: string) =>
    finishTaskItems({ taskId: task.id, outcomes: items.map((item) => ({ itemId: item.id, outcome, detail })) });
  let uncertain = items.some((i) => i.state === "inflight");
  while (!control.stopped) {
    await markItemsInflight({ ids });
    try {
      const results = await process(items, context, uncertain);
      await finishTaskItems({
        taskId: task.id,
        outcomes: items.map((item) => {
          const result = results.get(item.id) ?? { outcome: "failed", detail: "noResult" };
          return { itemId: item.id, outcome: result.outcome, detail: result.detail };
        }),
      });
      control.succeeded();
      return;
    } catch (error) {
      if (error instanceof TaskStop) {
        await markItemsPending({ ids });
        return control.fail(error.reason);
      }
      if (databaseOutage(error)) throw error;
      if (!(error instanceof ProviderError)) {
        console.error(`[tasks] ${task.kind} batch failed:`, error instanceof Error ? error.message : "unknown");
        return finishAll("failed", "unexpected");
      }
      // Refused as a whole: nothing of this batch was done.
      if (error.kind === "validation" || error.kind === "not_found") return finishAll("failed", providerDetail(error));
      if (error.kind === "auth") return control.fail("providerAuth");
      if (error.kind === "blocked") return control.fail("providerBlocked");
      if (error.kind === "rate_limited") {
        if (!uncertain) await markItemsPending({ ids });
        await control.wait(Math.min(error.retryAfterMs ?? 2_000, MAX_RATE_LIMIT_WAIT_MS));
        continue;
      }
      uncertain = true;
      if (!(await control.backOff())) return;
    }
  }
}

function providerDetail(error: ProviderError): string {
  return error.providerMessage ? `${error.kind}: ${error.providerMessage}`.slice(0, 300) : error.kind;
}

function errorKey(error: unknown): string {
  // A handler's own reason in words, e.g. the connection was removed.
  if (error instanceof SafeError) return error.messageKey;
  if (error instanceof TaskStop) return error.reason;
  if (error instanceof ProviderError) {
    if (error.kind === "auth") return "providerAuth";
    if (error.kind === "blocked") return "providerBlocked";
    return error.kind === "rate_limited" ? "providerBusy" : "providerUnavailable";
  }
  return "unexpected";
}

/**
 * Heartbeats on a timer (so that a slow provider call never looks like a dead runner), the user's
 * pause/cancel as seen by the last beat, back-off and the consecutive-failure limit; shared by the lanes of one run.
 */
class RunControl {
  stopped: Exclude<RunOutcome, "completed" | "busy" | "gone"> | undefined;
  error: string | undefined;
  private failures = 0;
  private backingOff: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly taskId: string,
    private readonly runnerId: string,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {
    this.timer = setInterval(() => void this.beat().catch(() => {}), HEARTBEAT_EVERY_MS);
    liveRuns.add(this);
    if (handingOver) this.stopped = "paused";
  }

  dispose() {
    clearInterval(this.timer);
    liveRuns.delete(this);
  }

  check(): "running" | "paused" | "canceled" | "failed" {
    return this.stopped ?? "running";
  }

  async beat(): Promise<void> {
    const state = await heartbeatTask({ id: this.taskId, runnerId: this.runnerId });
    if (this.stopped) return;
    // Lost the claim (taken over after a stall): stop quietly, the new holder goes on.
    if (state === undefined) this.stopped = "paused";
    else if (state === "paused" || state === "canceled") this.stopped = state;
  }

  succeeded() {
    this.failures = 0;
  }

  fail(error: string) {
    this.error = error;
    this.stopped = "failed";
  }

  /** Sleeps in short steps so that a pause or cancel is seen while waiting. */
  async wait(ms: number): Promise<void> {
    let remaining = ms;
    while (!this.stopped && remaining > 0) {
      const step = Math.min(500, remaining);
      await this.sleep(step);
      remaining -= step;
    }
  }

  /**
   * False when the provider has failed too often in a row: the task stops as failed and can be resumed. Lanes that
   * fail while a back-off is under way share it and count once: one stall seen by every call in flight (a provider's
   * hiccup, this process stopped for a moment) is one failure, not one per lane.
   */
  async backOff(): Promise<boolean> {
    if (!this.backingOff) {
      this.failures += 1;
      if (this.failures >= MAX_CONSECUTIVE_FAILURES) {
        this.fail("providerUnavailable");
        return false;
      }
      this.backingOff = this.wait(BACKOFF_MS[Math.min(this.failures - 1, BACKOFF_MS.length - 1)] ?? 30_000).finally(() => {
        this.backingOff = undefined;
      });
    }
    await this.backingOff;
    return !this.stopped;
  }
}
