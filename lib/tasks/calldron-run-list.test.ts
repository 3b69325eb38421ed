import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openApiKey } from "@/lib/crypto/connection-key";
import { addDncEntries } from "@/lib/db/queries/dnc";
import { getDb } from "@/lib/db/client";
import { changeTaskState, claimTask, findTask, listTaskItems, markItemInflight, nextTaskItems, saveCollectedPage } from "@/lib/db/queries/tasks";
import type { Connection, TaskItem } from "@/lib/db/schema";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { Rng } from "@/lib/sim/rng";
import { startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import { createRunListHandler, RUN_LIST_KIND } from "@/lib/tasks/calldron-run-list";
import { runTask } from "@/lib/tasks/runner";
import { startRunList } from "@/lib/tasks/start-run-list";
import type { CollectedPage, TaskHandler } from "@/lib/tasks/types";
import { calledPhones, mobiles, notOnce, seedList, seedOwnerAndConnection, simClient } from "@/lib/testing/run-list-fixture";
import { setupTestDb } from "@/lib/testing/test-db";

setupTestDb();
const noSleep = async () => {};
let sim: Awaited<ReturnType<typeof startCalldronSim>>;
let owner: { ownerId: string; connection: Connection };

/** The handler with the app's client for the connection; a short timeout makes a hanging simulator cost little. */
function handlersWithTimeout(timeoutMs: number): Record<string, TaskHandler<unknown>> {
  const handler = createRunListHandler({
    clientForConnection: (c) => createCalldronClient({ baseUrl: c.baseUrl, apiKey: openApiKey(c), timeoutMs, sleep: noSleep }),
  });
  return { [RUN_LIST_KIND]: handler as TaskHandler<unknown> };
}
// PGlite runs in this process and can hold the event loop for a moment: a timeout this long is never hit by chance.
const handlers = handlersWithTimeout(5_000);

beforeAll(async () => {
  sim = await startCalldronSim();
  owner = await seedOwnerAndConnection(sim.baseUrl);
});
afterAll(async () => sim.server.close());
beforeEach(() => {
  sim.server.faults.reset("calldron");
  sim.server.log.reset("calldron");
});

async function setUp(name: string, phones: string[]) {
  const client = simClient(sim.baseUrl);
  const listId = await seedList(client, name, phones);
  const batchId = (await client.createBatch({ name: `Batch ${name}` })).id as string;
  return { client, listId, batchId };
}

async function start(listId: string, batchId: string) {
  return startRunList({
    ownerId: owner.ownerId,
    input: { connectionId: owner.connection.id, listId, batchId, listName: "list", batchName: "batch" },
  });
}

/** Runs the task until it completes, resuming it after a stop (as the user's Resume does), at most `times` times. */
async function runToEnd(taskId: string, times = 6, using = handlers) {
  for (let i = 0; i < times; i++) {
    const outcome = await runTask(taskId, { handlers: using, sleep: noSleep });
    if (outcome === "completed") return;
    await changeTaskState({ id: taskId, to: "queued" });
  }
  throw new Error(`task ${taskId} did not complete: ${JSON.stringify(await findTask({ id: taskId }))}`);
}

async function batchCallPhones(client: ReturnType<typeof simClient>, batchId: string): Promise<string[]> {
  const phones: string[] = [];
  for await (const call of client.iterateCalls(batchId)) phones.push(call.phone);
  return phones;
}

describe("calldron.runList", () => {
  it("calls every subscriber once; holds back do-not-call numbers; skips numbers the batch called before; a double start is one run", async () => {
    const phones = mobiles(1_000, 50);
    const { client, listId, batchId } = await setUp("plain", [...phones, "+70000000000"]);
    const dnc = phones.slice(10, 13);
    await addDncEntries({ entries: dnc.map((phone) => ({ phone })) });
    const before = phones.slice(20, 22);
    for (const p of before) await client.createCall(batchId, p);
    sim.server.log.reset("calldron");

    const [a, b] = await Promise.all([start(listId, batchId), start(listId, batchId)]);
    expect(a.task.id).toBe(b.task.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);

    await runToEnd(a.task.id, 1);
    const task = await findTask({ id: a.task.id });
    expect(task).toMatchObject({ state: "completed", total: 50, processed: 50 });
    expect(task?.counts).toEqual({ called: 45, dnc: 3, alreadyInBatch: 2, invalid: 1 });
    const expected = phones.filter((p) => !dnc.includes(p) && !before.includes(p));
    expect(notOnce(calledPhones(sim.server.log.entries("calldron"), batchId), expected)).toEqual({});
    expect(notOnce(await batchCallPhones(client, batchId), phones.filter((p) => !dnc.includes(p)))).toEqual({});
    const items = await listTaskItems({ taskId: a.task.id });
    expect(items.filter((i) => i.outcome === "dnc").map((i) => i.key).sort()).toEqual(dnc);

    // Once finished, the same list through the same batch is a new run, which finds every number already called.
    const again = await start(listId, batchId);
    expect(again.created).toBe(true);
    await runToEnd(again.task.id, 1);
    expect((await findTask({ id: again.task.id }))?.counts).toEqual({ alreadyInBatch: 47, dnc: 3, invalid: 1 });
  });

  it("with 500s, 429s, hangs, cut connections and malformed answers on listing and calling, retries what is safe, resumes, and calls no number twice", async () => {
    const phones = mobiles(2_000, 230);
    const { client, listId, batchId } = await setUp("faults", phones);
    const faults = sim.server.faults;
    faults.useRandom(() => rng.next());
    const rng = new Rng(7);

    // Listing fails outright first: the task stops as failed, then resumes from the page it had reached.
    faults.set("calldron", { errorRate: 1, errorStatuses: [500], match: "^GET /lists/\\d+/subscribers" });
    const { task } = await start(listId, batchId);
    expect(await runTask(task.id, { handlers, sleep: noSleep })).toBe("failed");
    expect(await findTask({ id: task.id })).toMatchObject({ state: "failed", error: "providerUnavailable", total: 0 });

    faults.reset("calldron");
    faults.set("calldron", {
      errorRate: 0.15,
      errorStatuses: [500, 502],
      rateLimitRate: 0.1,
      retryAfterSeconds: 1,
      hangRate: 0.01,
      resetRate: 0.04,
      dropAfterRate: 0.08,
      malformedRate: 0.05,
      match: "^(POST /batches/\\d+/calls|GET /lists/\\d+/subscribers|GET /batches/\\d+/calls)",
    });
    await changeTaskState({ id: task.id, to: "queued" });
    await runToEnd(task.id, 6, handlersWithTimeout(1_000));
    faults.reset("calldron");

    const done = await findTask({ id: task.id });
    expect(done).toMatchObject({ state: "completed", total: 230, processed: 230 });
    const counts = done?.counts ?? {};
    expect((counts.called ?? 0) + (counts.reconciled ?? 0)).toBe(230);
    expect(counts.reconciled).toBeGreaterThan(0);
    const log = sim.server.log.entries("calldron");
    for (const fault of ["error_500", "rate_limit", "hang", "drop"]) expect(log.some((e) => e.fault === fault), fault).toBe(true);
    expect(log.some((e) => e.path.endsWith("/subscribers") && e.fault)).toBe(true);
    expect(notOnce(calledPhones(log, batchId), phones)).toEqual({});
    expect(notOnce(await batchCallPhones(client, batchId), phones)).toEqual({});
  }, 240_000);

  it("an answer lost after the call was made is reconciled from the batch's calls, not called again", async () => {
    const phones = mobiles(3_000, 12);
    const { client, listId, batchId } = await setUp("lost", phones);
    sim.server.faults.set("calldron", { dropAfterRate: 1, match: "^POST /batches/\\d+/calls" });
    const { task } = await start(listId, batchId);
    await runToEnd(task.id, 1);
    expect((await findTask({ id: task.id }))?.counts).toEqual({ reconciled: 12 });
    expect(notOnce(calledPhones(sim.server.log.entries("calldron"), batchId), phones)).toEqual({});
    expect(notOnce(await batchCallPhones(client, batchId), phones)).toEqual({});
  });

  it("after a crash, an in-flight item whose call went through is reconciled and one whose call did not is called once", async () => {
    const phones = mobiles(4_000, 6);
    const { client, listId, batchId } = await setUp("crash", phones);
    const { task } = await start(listId, batchId);
    await collectOnly(task.id);
    // A runner that died while calling the first two numbers: the first call reached Calldron, the second did not.
    await claimTask({ id: task.id, runnerId: "dead", staleMs: 30_000 });
    const [first, second] = await nextTaskItems({ taskId: task.id, limit: 2 });
    await markItemInflight({ id: (first as TaskItem).id });
    await client.createCall(batchId, (first as TaskItem).key);
    await markItemInflight({ id: (second as TaskItem).id });
    sim.server.log.reset("calldron");

    expect(await runTask(task.id, { handlers, sleep: noSleep })).toBe("busy"); // the dead holder's claim is still fresh
    // Thirty seconds without a heartbeat: the holder is taken to be dead.
    await (await getDb()).raw.query("update tasks set heartbeat_at = now() - interval '1 minute' where id = $1", [task.id]);
    await runToEnd(task.id, 1);

    const items = await listTaskItems({ taskId: task.id });
    expect(items.find((i) => i.key === first?.key)?.outcome).toBe("reconciled");
    expect(items.find((i) => i.key === second?.key)?.outcome).toBe("called");
    expect((await findTask({ id: task.id }))?.counts).toEqual({ reconciled: 1, called: 5 });
    expect(notOnce(await batchCallPhones(client, batchId), phones)).toEqual({});
  });
});

/** The task's first phase alone (what a runner does before the first item): its items are then known. */
async function collectOnly(taskId: string) {
  const task = await findTask({ id: taskId });
  const handler = handlers[RUN_LIST_KIND] as TaskHandler<unknown>;
  if (!task || !handler.collect) throw new Error("no task or no collect");
  const context = await handler.prepare(task);
  let cursor: string | null = null;
  do {
    const page: CollectedPage = await handler.collect(task, context, cursor);
    await saveCollectedPage({ taskId, ...page });
    cursor = page.next;
  } while (cursor !== null);
}
