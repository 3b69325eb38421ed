import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CalldronClient, createCalldronClient } from "@/lib/providers/calldron/client";
import { jsonReply, type LocalServer, startLocalServer, textReply } from "@/lib/testing/local-server";
import { failure } from "@/lib/testing/provider-assertions";

const KEY = "cd-contract-key-9Qx";
let server: LocalServer;
let client: CalldronClient;

beforeAll(async () => {
  server = await startLocalServer();
  client = createCalldronClient({ baseUrl: `${server.baseUrl}v1/`, apiKey: KEY, sleep: async () => {} });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.replies.length = 0;
  server.hits.length = 0;
});

/** Every Calldron write, called as the app calls it. */
const writes: [string, (c: CalldronClient) => Promise<{ id?: string; raw: unknown }>][] = [
  ["createBatch", (c) => c.createBatch({ name: "Кампания" })],
  ["updateBatch", (c) => c.updateBatch("31", { name: "Новое имя" })],
  ["deleteBatch", (c) => c.deleteBatch("31")],
  ["createList", (c) => c.createList("Клиенты")],
  ["deleteList", (c) => c.deleteList("5")],
  ["addSubscriber", (c) => c.addSubscriber("5", "+79997778855")],
  ["deleteSubscriber", (c) => c.deleteSubscriber("5", "77")],
  ["createCall", (c) => c.createCall("31", "+79997778855")],
];
const keepsGivenId: Record<string, string> = { updateBatch: "31", deleteBatch: "31" };

/** Plausible success answers: what the doc shows for one call or another, and what it does not. */
const successes: { body: string; status?: number; raw: unknown; id?: string }[] = [
  { body: "", raw: undefined },
  { body: "", status: 204, raw: undefined },
  { body: "{}", raw: {} },
  { body: "[]", raw: [] },
  { body: "null", raw: null },
  { body: "true", raw: true },
  { body: '"ok"', raw: "ok" },
  { body: '{"status":"ok"}', raw: { status: "ok" } },
  { body: '{"result":true,"message":"Создано","extra":{"n":1}}', raw: { result: true, message: "Создано", extra: { n: 1 } } },
  { body: '{"id":"123"}', raw: { id: "123" }, id: "123" },
  { body: '{"id":42,"name":"x","created_at":"2026-11-27 10:00:00"}', raw: { id: 42, name: "x", created_at: "2026-11-27 10:00:00" }, id: "42" },
  { body: '{"status":"ok","data":{"id":7}}', raw: { status: "ok", data: { id: 7 } }, id: "7" },
  { body: "128", status: 201, raw: 128, id: "128" },
  { body: '{"errors":[],"status":"success"}', raw: { errors: [], status: "success" } },
];

describe.each(writes)("Calldron %s accepts any well-formed success", (name, send) => {
  it.each(successes)("answer $body (HTTP $status)", async ({ body, status, raw, id }) => {
    server.replies.push(textReply(status ?? 200, body));
    const answer = await send(client);
    expect(answer.raw).toEqual(raw);
    expect(answer.id).toBe(id ?? keepsGivenId[name]);
    expect(server.hits).toHaveLength(1);
  });
});

describe.each(writes)("Calldron %s still fails on a real error", (_name, send) => {
  it("an error envelope on HTTP 200 is a refusal (validation) with its message", async () => {
    server.replies.push(jsonReply(200, { status: "error", message: "Name can't be blank" }));
    expect(await failure(send(client), [KEY])).toMatchObject({ kind: "validation", providerMessage: "Name can't be blank", maybeProcessed: false });
    server.replies.push(jsonReply(200, { error: "Phone number is invalid" }));
    expect(await failure(send(client), [KEY])).toMatchObject({ kind: "validation", providerMessage: "Phone number is invalid" });
    server.replies.push(jsonReply(200, { errors: { phone_number: ["is invalid"] } }));
    expect(await failure(send(client), [KEY])).toMatchObject({ kind: "validation" });
  });

  it("statuses keep their kinds; a body that is not JSON is bad_response and may have been processed", async () => {
    server.replies.push(jsonReply(422, { errors: { name: ["can't be blank"] } }), jsonReply(401, { error: "Unauthorized" }), jsonReply(404, {}));
    expect(await failure(send(client), [KEY])).toMatchObject({ kind: "validation", status: 422 });
    expect(await failure(send(client), [KEY])).toMatchObject({ kind: "auth" });
    expect(await failure(send(client), [KEY])).toMatchObject({ kind: "not_found" });
    server.replies.push(textReply(200, "<html>OK</html>"));
    expect(await failure(send(client), [KEY])).toMatchObject({ kind: "bad_response", maybeProcessed: true });
  });
});

describe("creates are sent once on a 500", () => {
  it.each(writes.filter(([name]) => /^(create|add)/.test(name)))("%s", async (_name, send) => {
    server.replies.push(jsonReply(500, {}), jsonReply(200, { id: 1 }));
    expect(await failure(send(client), [KEY])).toMatchObject({ kind: "unavailable", maybeProcessed: true });
    expect(server.hits).toHaveLength(1);
  });
});

describe("createListAndFind", () => {
  it("reads the new list by the id when the answer has one", async () => {
    server.replies.push(jsonReply(200, { id: 9 }), jsonReply(200, { id: 9, name: "Клиенты", predefined_type: null }));
    expect(await client.createListAndFind("Клиенты")).toEqual({ id: "9", name: "Клиенты", predefinedType: null });
    expect(server.hits.map((h) => `${h.method} ${h.url}`)).toEqual(["POST /v1/lists", "GET /v1/lists/9"]);
  });

  it("finds it by name (the newest) when the answer has none", async () => {
    const lists = [{ id: 3, name: "Клиенты" }, { id: 4, name: "Другие" }, { id: 8, name: "Клиенты" }];
    server.replies.push(textReply(200, ""), jsonReply(200, { next_page: null, data: lists }));
    expect(await client.createListAndFind("Клиенты")).toMatchObject({ id: "8" });
  });
});

describe("findBatchByName", () => {
  it("takes the last batch of that name in the index", async () => {
    const batch = (id: string, name: string) => ({ id, name, status: "fresh" });
    server.replies.push(jsonReply(200, [batch("1", "A"), batch("2", "B"), batch("3", "A")]));
    expect((await client.findBatchByName("A"))?.id).toBe("3");
  });
});
