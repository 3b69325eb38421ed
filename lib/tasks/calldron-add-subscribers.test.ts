import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { insertConnection } from "@/lib/db/queries/connections";
import { addDncEntries } from "@/lib/db/queries/dnc";
import { findTask, insertTask, listTaskItems, markItemInflight, nextTaskItems } from "@/lib/db/queries/tasks";
import { type CalldronClient, createCalldronClient } from "@/lib/providers/calldron/client";
import { toE164 } from "@/lib/providers/phone";
import { createCalldronSim } from "@/lib/sim/calldron/simulator";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import type { SimServer } from "@/lib/sim/server";
import type { ProviderSim, SimResponse } from "@/lib/sim/types";
import { ADD_SUBSCRIBERS_KIND, addSubscribersHandler } from "@/lib/tasks/calldron-add-subscribers";
import { runTask } from "@/lib/tasks/runner";
import type { TaskHandler } from "@/lib/tasks/types";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();
const noSleep = async () => {};

/** What one add request meets: the service as it is, or a fault before or after it took effect. */
type Behaviour = "pass" | "error500" | "processThen500" | "rateLimited" | "processThenHang";

/**
 * The Calldron simulator with a script for `POST …/subscribers`: it records the number of every add that
 * reached it, and can fail one before it takes effect (500, 429) or lose the answer after it did (500, hang).
 */
function scriptedSim(script: (phone: string, attempt: number) => Behaviour | Promise<Behaviour>) {
  const inner = createCalldronSim({});
  const posts: string[] = [];
  const sim: ProviderSim = {
    provider: inner.provider,
    prefix: inner.prefix,
    presentedKey: (req) => inner.presentedKey(req),
    authMethod: (req) => inner.authMethod(req),
    describeAccounts: () => inner.describeAccounts(),
    snapshot: () => inner.snapshot(),
    restore: (state) => inner.restore(state),
    async handle(req, ctx): Promise<SimResponse> {
      if (req.method !== "POST" || !/^\/lists\/\d+\/subscribers$/.test(req.path)) return inner.handle(req, ctx);
      const phone = toE164((JSON.parse(req.body.toString("utf8")) as { subscriber: { phone_number: string } }).subscriber.phone_number) ?? "?";
      posts.push(phone);
      const behaviour = await script(phone, posts.filter((p) => p === phone).length);
      if (behaviour === "error500") return { status: 500, body: { error: "Internal Server Error" } };
      if (behaviour === "rateLimited") return { status: 429, headers: { "retry-after": "1" }, body: { error: "Too Many Requests" } };
      const answer = await inner.handle(req, ctx);
      if (behaviour === "processThen500") return { status: 500, body: { error: "Internal Server Error" } };
      if (behaviour === "processThenHang") await new Promise((r) => setTimeout(r, 1_500));
      return answer;
    },
  };
  return { sim, posts };
}

let server: SimServer;
let client: CalldronClient;
let posts: string[];
let script: (phone: string, attempt: number) => Behaviour | Promise<Behaviour>;

beforeEach(async () => {
  script = () => "pass";
  const scripted = scriptedSim((phone, attempt) => script(phone, attempt));
  posts = scripted.posts;
  const started = await startCalldronSim({ sim: scripted.sim });
  server = started.server;
  // A short timeout, so that the "hang" above is a lost answer; the runner's waits are skipped.
  client = createCalldronClient({ baseUrl: started.baseUrl, apiKey: DEMO_KEY, timeoutMs: 400, sleep: noSleep });
});
afterEach(async () => {
  await server.close();
});

const phones = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `+7999${String(10_000_000 + from + i).slice(1)}`);

async function setup(items: string[], counts: Record<string, number> = {}) {
  const { rows } = await testDb.handle.raw.query<{ id: string }>("insert into users (email, password_hash, role) values ($1, 'x', 'manager') returning id", [
    `u${randomUUID()}@x.test`,
  ]);
  const id = randomUUID();
  await insertConnection({ connection: { id, name: `c${id}`, provider: "calldron", baseUrl: "http://127.0.0.1:1/", ...sealApiKey(id, DEMO_KEY) } });
  const list = await client.createListAndFind(`Список ${randomUUID()}`);
  const task = await insertTask({
    kind: ADD_SUBSCRIBERS_KIND,
    ownerId: rows[0]?.id as string,
    connectionId: id,
    title: list.name,
    input: { connectionId: id, listId: list.id, listName: list.name },
    items: items.map((key) => ({ key })),
    counts,
  });
  const handlers = { [ADD_SUBSCRIBERS_KIND]: addSubscribersHandler(() => client) as TaskHandler<unknown> };
  return { task, list, run: () => runTask(task.id, { handlers, sleep: noSleep }) };
}

async function listPhones(listId: string): Promise<string[]> {
  const out: string[] = [];
  for await (const s of client.iterateSubscribers(listId)) out.push(toE164(s.phone) ?? s.phone);
  return out.sort();
}

function timesPosted(phone: string): number {
  return posts.filter((p) => p === phone).length;
}

describe("calldron.addSubscribers", () => {
  it("adds the new numbers once, skips those already in the list, holds back do-not-call numbers and keeps the preview's counts", async () => {
    const numbers = phones(20);
    const [inListA, inListB] = numbers as [string, string];
    const dnc = numbers.slice(17);
    await addDncEntries({ entries: dnc.map((phone) => ({ phone, reason: "test" })) });
    const { task, list, run } = await setup(numbers, { invalid: 5, duplicate: 10 });
    await client.addSubscriber(list.id, inListA);
    await client.addSubscriber(list.id, inListB);
    posts.length = 0;

    expect(await run()).toBe("completed");
    const after = await findTask({ id: task.id });
    expect(after).toMatchObject({ state: "completed", total: 20, processed: 20, counts: { added: 15, already: 2, dnc: 3, invalid: 5, duplicate: 10 } });
    expect(posts).toHaveLength(15);
    for (const phone of numbers.slice(2, 17)) expect(timesPosted(phone)).toBe(1);
    for (const phone of [inListA, inListB, ...dnc]) expect(timesPosted(phone)).toBe(0);
    expect(await listPhones(list.id)).toEqual(numbers.slice(0, 17).sort());
    const held = await listTaskItems({ taskId: task.id, outcome: "dnc" });
    expect(held.map((i) => i.key).sort()).toEqual(dnc.sort());
  });

  it("through a 500, a 429 and a hang, adds every number exactly once and accounts for every item", async () => {
    const numbers = phones(12, 100);
    const [failsFirst, lostAnswer, limited, hangs] = numbers as [string, string, string, string];
    script = (phone, attempt) => {
      if (phone === failsFirst && attempt === 1) return "error500";
      if (phone === lostAnswer && attempt === 1) return "processThen500";
      // Longer than the client's own Retry-After retries: the runner waits and tries again.
      if (phone === limited && attempt <= 4) return "rateLimited";
      if (phone === hangs && attempt === 1) return "processThenHang";
      return "pass";
    };
    const { task, list, run } = await setup(numbers);

    expect(await run()).toBe("completed");
    const after = await findTask({ id: task.id });
    expect(after).toMatchObject({ state: "completed", total: 12, processed: 12, counts: { added: 12 } });
    // A 500 before it took effect: looked up, not there, sent again. A lost answer or a hang: found, not sent again.
    expect(timesPosted(failsFirst)).toBe(2);
    expect(timesPosted(lostAnswer)).toBe(1);
    expect(timesPosted(hangs)).toBe(1);
    expect(timesPosted(limited)).toBe(5);
    expect(await listPhones(list.id)).toEqual([...numbers].sort());
    expect(await nextTaskItems({ taskId: task.id, limit: 10 })).toHaveLength(0);
  });

  it("holds back a number put on the do-not-call list while the task runs", async () => {
    // Each lane's worth of numbers is screened as the one before it is sent: the number is several lanes' worth
    // after the add during which it is put on the list.
    const numbers = phones(40, 200);
    const late = numbers[39] as string;
    // Every add waits for the entry made during the first: the other lanes must not run ahead of it to the late
    // number while the insert is on its way (they did, on PostgreSQL).
    let entered: Promise<unknown> | undefined;
    script = async (): Promise<Behaviour> => {
      entered ??= addDncEntries({ entries: [{ phone: late, reason: "asked mid-task" }] });
      await entered;
      return "pass";
    };
    const { task, list, run } = await setup(numbers);
    expect(await run()).toBe("completed");
    expect(await findTask({ id: task.id })).toMatchObject({ counts: { added: 39, dnc: 1 } });
    expect(timesPosted(late)).toBe(0);
    expect(await listPhones(list.id)).not.toContain(late);
  });

  it("after a crash, looks up the numbers that were in flight instead of sending them again", async () => {
    const numbers = phones(6, 300);
    const [reached, notReached] = numbers as [string, string];
    const { task, list, run } = await setup(numbers);
    const items = await nextTaskItems({ taskId: task.id, limit: 10 });
    // The crashed run had marked both in flight; only the first add reached the service.
    for (const item of items.filter((i) => i.key === reached || i.key === notReached)) await markItemInflight({ id: item.id });
    await client.addSubscriber(list.id, reached);
    posts.length = 0;

    expect(await run()).toBe("completed");
    expect(timesPosted(reached)).toBe(0);
    expect(timesPosted(notReached)).toBe(1);
    expect(await findTask({ id: task.id })).toMatchObject({ processed: 6, counts: { added: 6 } });
    expect(await listPhones(list.id)).toEqual([...numbers].sort());
  });

  it("fails the task in words when its connection is gone", async () => {
    const { task } = await setup(phones(2, 400));
    await testDb.handle.raw.query("delete from connections where id = $1", [task.connectionId]);
    // The task goes with its connection (cascade): a task whose input names another connection says why it stopped.
    const orphan = await insertTask({
      kind: ADD_SUBSCRIBERS_KIND,
      ownerId: task.ownerId as string,
      title: "x",
      input: { connectionId: randomUUID(), listId: "1", listName: "x" },
      items: [{ key: phones(1, 500)[0] as string }],
    });
    const handlers = { [ADD_SUBSCRIBERS_KIND]: addSubscribersHandler(() => client) as TaskHandler<unknown> };
    expect(await runTask(orphan.id, { handlers, sleep: noSleep })).toBe("failed");
    expect(await findTask({ id: orphan.id })).toMatchObject({ state: "failed", error: "connectionNotFound" });
  });
});
