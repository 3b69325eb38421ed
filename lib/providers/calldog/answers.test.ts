import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CalldogClient, createCalldogClient } from "@/lib/providers/calldog/client";
import { jsonReply, type LocalServer, startLocalServer, textReply } from "@/lib/testing/local-server";
import { failure } from "@/lib/testing/provider-assertions";

const KEY = "cdg_contract_key_51ab";
let server: LocalServer;
let client: CalldogClient;

beforeAll(async () => {
  server = await startLocalServer();
  client = createCalldogClient({ baseUrl: server.baseUrl, apiKey: KEY, sleep: async () => {} });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.replies.length = 0;
  server.hits.length = 0;
});

/** Answers a success might plausibly take when the doc shows none. */
const vague = ["", "{}", "[]", "null", "true", '{"status":"success"}', '{"status":"success","data":null}', '{"status":"success","data":[]}', '{"result":true,"extra":1}'];

describe("removeRecords accepts any success", () => {
  it.each(vague)("answer %s", async (body) => {
    server.replies.push(textReply(200, body));
    const answer = await client.removeRecords([3, 4]);
    expect(answer).toEqual({ idList: null, raw: body === "" ? undefined : JSON.parse(body) });
  });

  it("reads idList when given, ids as numbers or text", async () => {
    server.replies.push(jsonReply(200, { status: "success", data: { idList: ["3", 4], removed: 2 } }));
    expect((await client.removeRecords([3, 4])).idList).toEqual([3, 4]);
  });
});

describe("userInfo accepts any success", () => {
  it.each(vague)("answer %s", async (body) => {
    server.replies.push(textReply(200, body));
    expect(await client.userInfo()).toMatchObject({ id: null, name: null, balance: null, currency: null, moderation: false, loggedAt: null });
  });

  it.each([
    [{ status: "success", data: { id: 5, balance: 1500.5, currency: "RUB", moderation: 1, loggedAt: 1_764_000_000 } }, { id: 5, balance: 1500.5, currency: "RUB", moderation: true }],
    [{ status: "ok", data: { id: "5", balance: "1500.50", name: "ООО Ромашка", tariff: { plan: "pro" } } }, { id: 5, balance: 1500.5, name: "ООО Ромашка" }],
    [{ balance: 12, loggedAt: "2026-11-27 10:00:00" }, { balance: 12, loggedAt: "2026-11-27T07:00:00.000Z" }],
    [{ status: "success", data: { balance: "много", moderation: "yes" } }, { balance: null, moderation: false }],
  ])("reads the fields it knows from %j", async (body, expected) => {
    server.replies.push(jsonReply(200, body));
    const info = await client.userInfo();
    expect(info).toMatchObject(expected);
    expect(info.raw).toEqual(body);
  });
});

describe("confirmPhone accepts any success", () => {
  it.each(vague)("answer %s", async (body) => {
    server.replies.push(textReply(200, body));
    expect(await client.confirmPhone("+79997778855")).toMatchObject({ id: null, phone: "+79997778855", status: null, code: null });
  });

  it("reads id, status, code (number or text) and the calling number when given", async () => {
    server.replies.push(jsonReply(200, { status: "success", data: { id: "17", phone: "79997778855", status: "created", code: 4567, callerId: "74951234567" } }));
    expect(await client.confirmPhone("+79997778855")).toMatchObject({ id: 17, phone: "+79997778855", status: "created", code: "4567", callerId: "+74951234567" });
  });
});

describe("the three still fail on real errors", () => {
  const calls: [string, () => Promise<unknown>][] = [
    ["removeRecords", () => client.removeRecords([1])],
    ["userInfo", () => client.userInfo()],
    ["confirmPhone", () => client.confirmPhone("+79997778855")],
  ];
  it.each(calls)("%s", async (_name, send) => {
    server.replies.push(jsonReply(200, { status: "error", message: "Неверный apiKey" }));
    expect(await failure(send(), [KEY])).toMatchObject({ kind: "auth", providerMessage: "Неверный apiKey" });
    server.replies.push(jsonReply(422, { status: "error", message: "Некорректный номер" }));
    expect(await failure(send(), [KEY])).toMatchObject({ kind: "validation", status: 422 });
    server.replies.push(jsonReply(404, { status: "error", message: "Запись не найдена" }));
    expect(await failure(send(), [KEY])).toMatchObject({ kind: "not_found" });
    server.replies.push(textReply(200, "<html>"));
    expect(await failure(send(), [KEY])).toMatchObject({ kind: "bad_response" });
  });

  it("confirmPhone (it dials) is sent once on a 500", async () => {
    server.replies.push(jsonReply(500, {}), jsonReply(200, {}));
    expect(await failure(client.confirmPhone("+79997778855"), [KEY])).toMatchObject({ kind: "unavailable", maybeProcessed: true });
    expect(server.hits).toHaveLength(1);
  });
});

describe("createCalls and createRecord read what they need from other shapes", () => {
  const input = { phones: ["+79990000001", "+79990000002"], record: { id: 1 } };

  it("matches items without phones to the numbers by position, and takes one object for one number", async () => {
    server.replies.push(jsonReply(200, { status: "success", data: [{ id: 11 }, { id: "12", status: "created" }] }));
    expect(await client.createCalls(input)).toEqual([
      { id: 11, phone: "+79990000001", status: "created", message: null, createdAt: null },
      { id: 12, phone: "+79990000002", status: "created", message: null, createdAt: null },
    ]);
    server.replies.push(jsonReply(200, { status: "success", data: { id: 13, phone: "79990000001" } }));
    expect(await client.createCalls({ ...input, phones: ["+79990000001"] })).toMatchObject([{ id: 13, phone: "+79990000001", status: "created" }]);
  });

  it("leaves phones unknown when the items do not line up, and reads no data as no items", async () => {
    server.replies.push(jsonReply(200, { status: "success", data: [{ id: 11 }] }));
    expect(await client.createCalls(input)).toMatchObject([{ id: 11, phone: null }]);
    server.replies.push(jsonReply(200, { status: "success" }));
    expect(await client.createCalls(input)).toEqual([]);
  });

  it("fills a new record's name and source from the request", async () => {
    server.replies.push(jsonReply(200, { data: { id: "21" } }));
    expect(await client.createRecordFromText({ name: "Приветствие", text: "Здравствуйте" })).toEqual({
      id: 21,
      name: "Приветствие",
      source: "text",
      moderated: false,
      recordPath: null,
      createdAt: null,
    });
  });

  it("still refuses a new record without an id: the app could not use it", async () => {
    server.replies.push(jsonReply(200, { status: "success", data: { name: "x" } }));
    expect(await failure(client.createRecordFromText({ name: "x", text: "y" }), [KEY])).toMatchObject({ kind: "bad_response", maybeProcessed: true });
  });
});
