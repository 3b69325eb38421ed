import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CalldronClient, createCalldronClient } from "@/lib/providers/calldron/client";
import { DEMO_KEY, SECOND_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import { audioKind, makeMp3 } from "@/lib/sim/audio";
import type { SimClock } from "@/lib/sim/clock";
import type { SimServer } from "@/lib/sim/server";
import { failure as providerFailure } from "@/lib/testing/provider-assertions";

let server: SimServer;
let baseUrl: string;
let clock: SimClock;
let client: CalldronClient;
const noSleep = async () => {};

beforeEach(async () => {
  ({ server, baseUrl, clock } = await startCalldronSim());
  client = createCalldronClient({ baseUrl, apiKey: DEMO_KEY, sleep: noSleep });
});
afterEach(async () => {
  await server.close();
});

const failure = (promise: Promise<unknown>) => providerFailure(promise, [DEMO_KEY]);

const WRONG_KEY = "calldron-wrong-key-7f3a";

/** Reads an iterator to the end (it fails on the first page that fails). */
async function drain<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The simulator answers a new batch with its id, as the doc shows. */
async function newBatchId(name: string): Promise<string> {
  const { id } = await client.createBatch({ name });
  if (!id) throw new Error("the simulator gave no batch id");
  return id;
}

const requests = (method?: string) => server.log.entries("calldron").filter((e) => !method || e.method === method);

describe("auth", () => {
  it("pings with the key as user name and an empty password", async () => {
    await client.ping();
    expect(requests()).toMatchObject([{ method: "GET", path: "/batches", auth: "basic", status: 200 }]);
  });

  it("maps a wrong key to kind auth", async () => {
    const wrong = createCalldronClient({ baseUrl, apiKey: "not-a-key", sleep: noSleep });
    const error = await failure(wrong.ping());
    expect(error).toMatchObject({ kind: "auth", status: 401, providerMessage: "Unauthorized" });
  });
});

describe("batches", () => {
  it("creates, lists, updates and deletes a batch, sending every field as a string", async () => {
    const created = await client.createBatch({
      name: "Напоминание",
      description: "Завтра приём",
      timeZone: "Moscow",
      timeFrom: "09:00",
      timeTo: "20:00",
      attempts: 2,
      callDelaySeconds: 30,
      callback: "+79997778855",
      from: "+74951234567",
      intro: { bytes: makeMp3(0.3), filename: "intro.mp3" },
      type: "batch",
      confirmation: "dtmf",
      timeoutBeforeIntroCallback: 1,
    });
    expect(created).toEqual({ id: expect.stringMatching(/^\d+$/), raw: { id: created.id } });
    const id = created.id as string;
    const shape = requests("POST")[0]?.bodyShape as { batch: Record<string, string> };
    expect(Object.values(shape.batch).every((t) => t === "string")).toBe(true);
    expect(Object.keys(shape.batch)).toContain("intro_filename");

    const [batch] = await client.listBatches();
    expect(batch).toMatchObject({
      id,
      name: "Напоминание",
      status: "fresh",
      attempts: 2,
      callDelaySeconds: 30,
      timeFrom: "09:00",
      timeTo: "20:00",
      confirmation: "dtmf",
      timeoutBeforeIntroCallback: 1,
      introFilename: "intro.mp3",
    });
    expect(await client.updateBatch(id, { name: "Новое имя", attempts: 3 })).toEqual({ id, raw: { id } });
    expect((await client.listBatches())[0]).toMatchObject({ name: "Новое имя", attempts: 3, description: "Завтра приём" });
    expect(await client.deleteBatch(id)).toEqual({ id, raw: { id } });
    expect(await client.listBatches()).toEqual([]);
  });

  it("reports refused fields as validation and unknown ids as not_found", async () => {
    const error = await failure(client.createBatch({ name: "x", attempts: 0 }));
    expect(error).toMatchObject({ kind: "validation", status: 422 });
    expect(error.providerMessage).toContain("attempts");
    const notAudio = await failure(client.createBatch({ name: "x", intro: { bytes: Buffer.from("text"), filename: "a.mp3" } }));
    expect(notAudio.kind).toBe("validation");
    await expect(client.createBatch({ name: "x", timeFrom: "9" })).rejects.toThrow("HH:MM");
    expect((await failure(client.updateBatch("999", { name: "x" }))).kind).toBe("not_found");
    expect((await failure(client.deleteBatch("999"))).kind).toBe("not_found");
  });
});

describe("lists and subscribers", () => {
  it("creates a list and finds it by name, shows, pages and deletes it", async () => {
    for (const name of ["A", "B", "C", "D", "B"]) await client.createList(name);
    const found = await client.createListAndFind("Клиенты");
    expect(found).toMatchObject({ name: "Клиенты", predefinedType: null });
    expect((await client.findListByName("B"))?.id).toBe("5");
    expect(await client.showList(found.id)).toEqual(found);

    const page = await client.listsPage(1, 2);
    expect(page).toMatchObject({ nextPage: 2, items: [{ name: "A" }, { name: "B" }] });
    const names: string[] = [];
    for await (const list of client.iterateLists(2)) names.push(list.name);
    expect(names).toEqual(["A", "B", "C", "D", "B", "Клиенты"]);
    expect(requests("GET").filter((e) => e.path === "/lists").length).toBeGreaterThanOrEqual(3);

    await client.deleteList(found.id);
    expect((await failure(client.showList(found.id))).kind).toBe("not_found");
  });

  it("adds E.164 subscribers, pages, shows and deletes them; refuses a foreign number", async () => {
    const list = await client.createListAndFind("Пациенты");
    const phones = Array.from({ length: 7 }, (_, i) => `+7916000000${i}`);
    for (const phone of phones) await client.addSubscriber(list.id, phone);
    const seen: string[] = [];
    for await (const s of client.iterateSubscribers(list.id, 3)) seen.push(s.phone);
    expect(seen).toEqual(phones);
    const page = await client.subscribersPage(list.id, 3, 3);
    expect(page.nextPage).toBeNull();
    const first = (await client.subscribersPage(list.id)).items[0];
    expect(first).toMatchObject({ listId: list.id, phone: phones[0] });
    expect(await client.showSubscriber(list.id, first?.id as string)).toEqual(first);
    await client.deleteSubscriber(list.id, first?.id as string);
    expect((await failure(client.showSubscriber(list.id, first?.id as string))).kind).toBe("not_found");
    expect((await failure(client.addSubscriber(list.id, "+380501234567"))).kind).toBe("validation");
    expect((await failure(client.addSubscriber("999", phones[0] as string))).kind).toBe("not_found");
  });
});

describe("calls and recordings", () => {
  it("dials a number, follows it to the end and streams its recording with a range", async () => {
    server.ctx.outcomes.answerRate = 1;
    const batchId = await newBatchId("Звонки");
    expect(await client.createCall(batchId, "+79997778855")).toEqual({ raw: {} });
    const [fresh] = (await client.callsPage(batchId)).items;
    expect(fresh).toMatchObject({ phone: "+79997778855", status: "fresh", final: false, dialedAt: null, recordUrl: null });

    clock.advance(60_000);
    await server.tick();
    const call = await client.showCall(batchId, fresh?.id as string);
    expect(call).toMatchObject({ status: "answered", final: true });
    expect(call.dialedAt?.getTime()).toBe(Date.UTC(2026, 10, 23, 9, 0, 2));
    expect(call.endedAt && call.dialedAt && call.endedAt > call.dialedAt).toBe(true);
    expect(call.durationSeconds).toBeGreaterThanOrEqual(2);

    const all: string[] = [];
    for await (const c of client.iterateCalls(batchId)) all.push(c.id);
    expect(all).toEqual([call.id]);

    const full = await client.recording(call.recordUrl as string);
    const bytes = Buffer.from(await full.arrayBuffer());
    expect(audioKind(bytes)).toBe("mp3");
    const part = await client.recording(call.recordUrl as string, "bytes=0-99");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-99/${bytes.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    expect((await failure(client.recording(call.recordUrl as string, `bytes=${bytes.length}-`))).status).toBe(416);
  });

  it("refuses to send the key to a record URL on another host", async () => {
    const error = await failure(client.recording("https://evil.example/record.mp3"));
    expect(error.kind).toBe("validation");
    expect(requests()).toHaveLength(0);
  });

  it("refuses a badly formed phone and another account's batch", async () => {
    const id = await newBatchId("Чужой");
    expect((await failure(client.createCall(id, "89997778855"))).kind).toBe("validation");
    const other = createCalldronClient({ baseUrl, apiKey: SECOND_KEY, sleep: noSleep });
    expect((await failure(other.createCall(id, "+79997778855"))).kind).toBe("not_found");
    expect((await failure(other.showCall(id, "1"))).kind).toBe("not_found");
  });
});

describe("faults", () => {
  it("retries reads on 500 and gives up as unavailable", async () => {
    server.faults.set("calldron", { errorRate: 1, errorStatuses: [500] });
    const error = await failure(client.listBatches());
    expect(error).toMatchObject({ kind: "unavailable", status: 500, cause: "server" });
    expect(requests("GET")).toHaveLength(3);
  });

  it("does not retry a create on 500", async () => {
    const id = await newBatchId("x");
    server.faults.set("calldron", { errorRate: 1, errorStatuses: [500] });
    expect((await failure(client.createCall(id, "+79997778855"))).kind).toBe("unavailable");
    expect((await failure(client.createList("x"))).kind).toBe("unavailable");
    expect(requests("POST").filter((e) => e.path === `/batches/${id}/calls`)).toHaveLength(1);
    expect(requests("POST").filter((e) => e.path === "/lists")).toHaveLength(1);
  });

  it("maps 429 to rate_limited with retryAfterMs", async () => {
    server.faults.set("calldron", { rateLimitRate: 1, retryAfterSeconds: 60 });
    const error = await failure(client.listBatches());
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAfterMs: 60_000 });
  });

  it("waits out a 429 with Retry-After and retries, a create too (refused, so not received)", async () => {
    const id = await newBatchId("x");
    server.faults.set("calldron", { rateLimitRate: 1, retryAfterSeconds: 0 });
    expect(await failure(client.createCall(id, "+79997778855"))).toMatchObject({ kind: "rate_limited", retryAfterMs: 0 });
    expect(requests("POST").filter((e) => e.fault === "rate_limit")).toHaveLength(3);
  });

  it("maps malformed JSON to bad_response", async () => {
    server.faults.set("calldron", { malformedRate: 1 });
    expect((await failure(client.listsPage())).kind).toBe("bad_response");
  });

  it("maps a hang to unavailable (timeout) and a reset to unavailable (network)", async () => {
    server.faults.set("calldron", { hangRate: 1 });
    const quick = createCalldronClient({ baseUrl, apiKey: DEMO_KEY, timeoutMs: 150, sleep: noSleep });
    expect(await failure(quick.ping())).toMatchObject({ kind: "unavailable", cause: "timeout" });
    server.faults.set("calldron", { hangRate: 0, resetRate: 1 });
    expect(await failure(quick.ping())).toMatchObject({ kind: "unavailable", cause: "network" });
    expect(requests("GET").every((e) => e.fault === "hang" || e.fault === "reset")).toBe(true);
  });
});

describe("documented failures of every function", () => {
  it("refuses a wrong key as auth in every function, without showing either key", async () => {
    const batchId = await newBatchId("Чужой ключ");
    const list = await client.createListAndFind("Чужой ключ");
    const wrong = createCalldronClient({ baseUrl, apiKey: WRONG_KEY, sleep: noSleep });
    const calls: [string, () => Promise<unknown>][] = [
      ["ping", () => wrong.ping()],
      ["listBatches", () => wrong.listBatches()],
      ["createBatch", () => wrong.createBatch({ name: "x" })],
      ["updateBatch", () => wrong.updateBatch(batchId, { name: "x" })],
      ["deleteBatch", () => wrong.deleteBatch(batchId)],
      ["listsPage", () => wrong.listsPage()],
      ["iterateLists", () => drain(wrong.iterateLists())],
      ["createList", () => wrong.createList("x")],
      ["createListAndFind", () => wrong.createListAndFind("x")],
      ["findListByName", () => wrong.findListByName("x")],
      ["showList", () => wrong.showList(list.id)],
      ["deleteList", () => wrong.deleteList(list.id)],
      ["subscribersPage", () => wrong.subscribersPage(list.id)],
      ["iterateSubscribers", () => drain(wrong.iterateSubscribers(list.id))],
      ["addSubscriber", () => wrong.addSubscriber(list.id, "+79997778855")],
      ["showSubscriber", () => wrong.showSubscriber(list.id, "1")],
      ["deleteSubscriber", () => wrong.deleteSubscriber(list.id, "1")],
      ["callsPage", () => wrong.callsPage(batchId)],
      ["iterateCalls", () => drain(wrong.iterateCalls(batchId))],
      ["createCall", () => wrong.createCall(batchId, "+79997778855")],
      ["showCall", () => wrong.showCall(batchId, "1")],
      ["recording", () => wrong.recording(`${baseUrl}batches/${batchId}/calls/1/record.mp3`)],
    ];
    for (const [name, call] of calls) {
      expect((await providerFailure(call(), [WRONG_KEY, DEMO_KEY])).kind, name).toBe("auth");
    }
  });

  it("answers not_found for unknown lists, subscribers, batches and calls, also when iterating", async () => {
    const batchId = await newBatchId("Пусто");
    const list = await client.createListAndFind("Пусто");
    const cases: [string, () => Promise<unknown>][] = [
      ["deleteList", () => client.deleteList("999")],
      ["subscribersPage", () => client.subscribersPage("999")],
      ["iterateSubscribers", () => drain(client.iterateSubscribers("999"))],
      ["deleteSubscriber", () => client.deleteSubscriber(list.id, "999")],
      ["callsPage", () => client.callsPage("999")],
      ["iterateCalls", () => drain(client.iterateCalls("999"))],
      ["showCall", () => client.showCall(batchId, "999")],
    ];
    for (const [name, call] of cases) expect((await failure(call())).kind, name).toBe("not_found");
  });

  it("refuses a blank list name as validation before looking for it", async () => {
    const error = await failure(client.createListAndFind(" "));
    expect(error).toMatchObject({ kind: "validation", status: 422 });
    expect(requests("GET")).toHaveLength(0);
  });

  it("iterating and finding by name fail as the pages do: bad_response, unavailable", async () => {
    await client.createList("Есть");
    server.faults.set("calldron", { malformedRate: 1 });
    expect((await failure(drain(client.iterateLists()))).kind).toBe("bad_response");
    server.faults.set("calldron", { malformedRate: 0, errorRate: 1, errorStatuses: [500] });
    expect(await failure(client.findListByName("Есть"))).toMatchObject({ kind: "unavailable", cause: "server" });
    expect(requests("GET").filter((e) => e.fault === "error_500")).toHaveLength(3);
  });
});
