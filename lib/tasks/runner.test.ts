import { describe, expect, it } from "vitest";
import { changeTaskState, claimTask, findTask, insertTask, listTaskItems, markItemInflight, nextTaskItems } from "@/lib/db/queries/tasks";
import type { TaskItem } from "@/lib/db/schema";
import { ProviderError } from "@/lib/providers/provider-error";
import { runTask } from "@/lib/tasks/runner";
import { type TaskHandler, TaskStop } from "@/lib/tasks/types";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();
const noSleep = async () => {};

async function owner(): Promise<string> {
  const { rows } = await testDb.handle.raw.query<{ id: string }>(
    "insert into users (email, password_hash, role) values ($1, 'x', 'manager') returning id",
    [`u${Math.random()}@x.test`],
  );
  return rows[0]?.id as string;
}

async function newTask(kind: string, keys: string[], counts: Record<string, number> = {}) {
  return insertTask({ kind, ownerId: await owner(), title: "t", input: {}, items: keys.map((key) => ({ key })), counts });
}

function unavailable(): ProviderError {
  return new ProviderError({ kind: "unavailable", provider: "calldron", method: "POST", path: "x", cause: "timeout" });
}

/** A fake provider: remembers what it "did", so tests can see that nothing happened twice. */
function fakeHandler(
  kind: string,
  behaviour: (item: TaskItem, uncertain: boolean, done: string[]) => Promise<{ outcome: string }>,
  concurrency = 3,
) {
  const done: string[] = [];
  const seen: { key: string; uncertain: boolean }[] = [];
  const handler: TaskHandler<null> = {
    kind,
    concurrency,
    prepare: async () => null,
    process: async (item, _ctx, uncertain) => {
      seen.push({ key: item.key, uncertain });
      return behaviour(item, uncertain, done);
    },
  };
  return { handlers: { [kind]: handler as TaskHandler<unknown> }, done, seen };
}

describe("task runner", () => {
  it("does every item once and counts each outcome, on top of counts decided before the run", async () => {
    const keys = Array.from({ length: 25 }, (_, i) => `+7999000${String(i).padStart(4, "0")}`);
    const task = await newTask("t.simple", [...keys, keys[0] as string], { invalid: 2 });
    expect(task.total).toBe(25);
    const fake = fakeHandler("t.simple", async (item, _u, done) => {
      done.push(item.key);
      return { outcome: item.key.endsWith("7") ? "duplicate" : "added" };
    });
    expect(await runTask(task.id, { handlers: fake.handlers, sleep: noSleep })).toBe("completed");
    expect(fake.done.sort()).toEqual(keys.sort());
    const after = await findTask({ id: task.id });
    expect(after).toMatchObject({ state: "completed", processed: 25, counts: { added: 23, duplicate: 2, invalid: 2 } });
  });

  it("a database outage under an item is not the item's failure: the run waits, resumes and reconciles it, each item once", async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const task = await newTask("t.outage", keys);
    let cut = false;
    // The provider took "k5", then the database connection was cut before its outcome could be written.
    const fake = fakeHandler("t.outage", async (item, uncertain, done) => {
      if (uncertain && done.includes(item.key)) return { outcome: "reconciled" };
      done.push(item.key);
      if (item.key === "k5" && !cut) {
        cut = true;
        throw Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
      }
      return { outcome: "added" };
    });
    const logged: string[] = [];
    const original = { error: console.error, info: console.info };
    console.error = (...args: unknown[]) => void logged.push(args.join(" "));
    console.info = (...args: unknown[]) => void logged.push(args.join(" "));
    try {
      expect(await runTask(task.id, { handlers: fake.handlers, sleep: noSleep })).toBe("completed");
    } finally {
      Object.assign(console, original);
    }
    expect(fake.done.sort()).toEqual([...keys].sort());
    expect(fake.seen.filter((s) => s.key === "k5")).toEqual([
      { key: "k5", uncertain: false },
      { key: "k5", uncertain: true },
    ]);
    const after = await findTask({ id: task.id });
    expect(after).toMatchObject({ state: "completed", processed: 12, error: null });
    expect((after?.counts.added ?? 0) + (after?.counts.reconciled ?? 0)).toBe(12);
    expect(after?.counts.reconciled).toBeGreaterThanOrEqual(1);
    expect(after?.counts.failed).toBeUndefined();
    expect(logged.some((l) => l.includes(`t.outage ${task.id}: database unavailable (57P01); resuming when it is back`))).toBe(true);
    expect(logged.some((l) => /database back after \d+ ms; resuming/.test(l))).toBe(true);
    // The task keeps a record of it for its progress views.
    expect(after?.outages).toEqual([{ at: expect.any(String), ms: expect.any(Number), code: "57P01" }]);
  });

  it("after an unknown outcome, retries only through the handler's reconciliation (uncertain = true)", async () => {
    const task = await newTask("t.flaky", ["a", "b", "c"]);
    let failedOnce = false;
    const fake = fakeHandler("t.flaky", async (item, uncertain, done) => {
      if (uncertain && done.includes(item.key)) return { outcome: "already" };
      done.push(item.key);
      if (item.key === "b" && !failedOnce) {
        failedOnce = true;
        throw unavailable(); // it did happen, but the answer was lost
      }
      return { outcome: "added" };
    });
    expect(await runTask(task.id, { handlers: fake.handlers, sleep: noSleep })).toBe("completed");
    expect(fake.done.filter((k) => k === "b")).toHaveLength(1);
    expect(fake.seen.filter((s) => s.key === "b")).toEqual([
      { key: "b", uncertain: false },
      { key: "b", uncertain: true },
    ]);
    expect((await findTask({ id: task.id }))?.counts).toEqual({ added: 2, already: 1 });
  });

  it("a 429 waits and retries the item as not done; validation fails only that item; auth stops the task", async () => {
    const task = await newTask("t.mixed", ["ok", "busy", "bad"]);
    let busyOnce = false;
    const fake = fakeHandler("t.mixed", async (item) => {
      if (item.key === "busy" && !busyOnce) {
        busyOnce = true;
        throw new ProviderError({ kind: "rate_limited", provider: "calldron", method: "POST", path: "x", status: 429, retryAfterMs: 1000 });
      }
      if (item.key === "bad") throw new ProviderError({ kind: "validation", provider: "calldron", method: "POST", path: "x", status: 422, providerMessage: "phone_number is invalid" });
      return { outcome: "added" };
    });
    expect(await runTask(task.id, { handlers: fake.handlers, sleep: noSleep })).toBe("completed");
    expect(fake.seen.filter((s) => s.key === "busy").map((s) => s.uncertain)).toEqual([false, false]);
    const items = await listTaskItems({ taskId: task.id });
    expect(items.find((i) => i.key === "bad")).toMatchObject({ outcome: "failed", detail: "validation: phone_number is invalid" });

    const authTask = await newTask("t.auth", ["x"]);
    const denied = fakeHandler("t.auth", async () => {
      throw new ProviderError({ kind: "auth", provider: "calldron", method: "POST", path: "x", status: 401 });
    });
    expect(await runTask(authTask.id, { handlers: denied.handlers, sleep: noSleep })).toBe("failed");
    expect(await findTask({ id: authTask.id })).toMatchObject({ state: "failed", error: "providerAuth", runnerId: null });

    // A connection whose base URL is no longer allowed: nothing was sent, so nothing to retry or reconcile.
    const blockedTask = await newTask("t.blocked", ["x", "y"]);
    const blocked = fakeHandler("t.blocked", async () => {
      throw new ProviderError({ kind: "blocked", provider: "calldron", method: "-", path: "(base URL)", providerMessage: "baseUrlInsecure" });
    }, 1);
    expect(await runTask(blockedTask.id, { handlers: blocked.handlers, sleep: noSleep })).toBe("failed");
    expect(blocked.seen.map((s) => s.uncertain)).toEqual([false]);
    expect(await findTask({ id: blockedTask.id })).toMatchObject({ state: "failed", error: "providerBlocked", runnerId: null });
  });

  it("lanes that fail together (one stall seen by every call in flight) back off together and count as one failure", async () => {
    const lanes = 15;
    const keys = Array.from({ length: 30 }, (_, i) => `s${i}`);
    const task = await newTask("t.stall", keys);
    let arrived = 0;
    let release: () => void = () => {};
    const allInFlight = new Promise<void>((r) => {
      release = r;
    });
    const fake = fakeHandler(
      "t.stall",
      async (item, uncertain, done) => {
        // The first call of every lane fails at the same moment; the retries go through.
        if (!uncertain && arrived < lanes) {
          arrived++;
          if (arrived === lanes) release();
          await allInFlight;
          throw unavailable();
        }
        done.push(item.key);
        return { outcome: "added" };
      },
      lanes,
    );
    const shortSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 5)));
    expect(await runTask(task.id, { handlers: fake.handlers, sleep: shortSleep })).toBe("completed");
    expect(fake.done.sort()).toEqual(keys.sort());
  });

  it("a pause stops between items; a resume goes on where it stopped", async () => {
    const task = await newTask("t.pause", Array.from({ length: 20 }, (_, i) => `k${i}`));
    const fake = fakeHandler(
      "t.pause",
      async (item, _u, done) => {
        done.push(item.key);
        if (done.length === 3) await changeTaskState({ id: task.id, to: "paused" });
        await new Promise((r) => setTimeout(r, 250)); // a provider call; the next heartbeat sees the pause
        return { outcome: "added" };
      },
      1,
    );
    expect(await runTask(task.id, { handlers: fake.handlers, sleep: noSleep })).toBe("paused");
    const paused = await findTask({ id: task.id });
    expect(paused?.state).toBe("paused");
    expect(paused?.processed).toBeLessThan(20);
    expect(await runTask(task.id, { handlers: fake.handlers, sleep: noSleep })).toBe("busy"); // paused: nothing to claim
    await changeTaskState({ id: task.id, to: "queued" });
    expect(await runTask(task.id, { handlers: fake.handlers, sleep: noSleep })).toBe("completed");
    expect(fake.done.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `k${i}`).sort());
    expect(await findTask({ id: task.id })).toMatchObject({ state: "completed", processed: 20 });
  });

  it("two runners at once: one gets the task; a dead holder is taken over and its in-flight item reconciled", async () => {
    const task = await newTask("t.crash", ["a", "b", "c"]);
    // A runner that "crashed": it claimed the task and was calling the provider for "a".
    await claimTask({ id: task.id, runnerId: "dead", staleMs: 30_000 });
    const [first] = await nextTaskItems({ taskId: task.id, limit: 1 });
    await markItemInflight({ id: (first as TaskItem).id });
    const fake = fakeHandler("t.crash", async (_item, uncertain) => ({ outcome: uncertain ? "reconciled" : "added" }));
    expect(await runTask(task.id, { handlers: fake.handlers, sleep: noSleep })).toBe("busy");
    await testDb.handle.raw.query("update tasks set heartbeat_at = now() - interval '1 minute' where id = $1", [task.id]);
    const [a, b] = await Promise.all([
      runTask(task.id, { handlers: fake.handlers, sleep: noSleep }),
      runTask(task.id, { handlers: fake.handlers, sleep: noSleep }),
    ]);
    expect([a, b].sort()).toEqual(["busy", "completed"]);
    // Lanes run side by side, so the order of the three is the database's; each is handled once.
    expect([...fake.seen].sort((x, y) => x.key.localeCompare(y.key))).toEqual([
      { key: "a", uncertain: true },
      { key: "b", uncertain: false },
      { key: "c", uncertain: false },
    ]);
    expect((await findTask({ id: task.id }))?.counts).toEqual({ reconciled: 1, added: 2 });
  });

  it("collects items page by page before doing them: a failed page is retried, a key seen again counts as duplicate, a stop keeps the page", async () => {
    const task = await newTask("t.collect", []);
    const asked: (string | null)[] = [];
    let failedOnce = false;
    const pages: Record<string, { keys: string[]; next: string | null }> = { first: { keys: ["a", "b"], next: "2" }, "2": { keys: ["b", "c"], next: "3" }, "3": { keys: ["d"], next: null } };
    const fake = fakeHandler("t.collect", async (item, _u, done) => {
      done.push(item.key);
      if (item.key === "c") throw new TaskStop("targetGone");
      return { outcome: "added" };
    }, 1);
    const handler = fake.handlers["t.collect"] as TaskHandler<unknown>;
    handler.collect = async (_task, _ctx, cursor) => {
      asked.push(cursor);
      if (cursor === "2" && !failedOnce) {
        failedOnce = true;
        throw unavailable();
      }
      const page = pages[cursor ?? "first"] as { keys: string[]; next: string | null };
      return { items: page.keys.map((key) => ({ key })), counts: { invalid: cursor === "3" ? 1 : 0 }, next: page.next };
    };
    expect(await runTask(task.id, { handlers: fake.handlers, sleep: noSleep })).toBe("failed");
    expect(await findTask({ id: task.id })).toMatchObject({ state: "failed", error: "targetGone", total: 4, processed: 2, counts: { added: 2, duplicate: 1, invalid: 1 } });
    expect(asked).toEqual([null, "2", "2", "3"]);
    // The stopped item is still to do; a resume does not list again.
    await changeTaskState({ id: task.id, to: "queued" });
    fake.done.length = 0;
    handler.process = async (item) => ({ outcome: item.key === "c" ? "late" : "added" });
    expect(await runTask(task.id, { handlers: fake.handlers, sleep: noSleep })).toBe("completed");
    expect(asked).toHaveLength(4);
    expect(await findTask({ id: task.id })).toMatchObject({ state: "completed", total: 4, processed: 4, counts: { added: 3, late: 1, duplicate: 1, invalid: 1 } });
  });
});
