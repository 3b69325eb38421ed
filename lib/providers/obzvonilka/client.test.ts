import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createObzvonilkaClient } from "@/lib/providers/obzvonilka/client";
import { createObzvonilkaSim } from "@/lib/sim/obzvonilka/simulator";
import { OBZVONILKA_SIM_ACCOUNTS, OBZVONILKA_SIM_PREFIX } from "@/lib/sim/obzvonilka/simulator-accounts";
import { type SimServer, startSimServer } from "@/lib/sim/server";
import { failure } from "@/lib/testing/provider-assertions";

const [demo, second] = OBZVONILKA_SIM_ACCOUNTS;
let server: SimServer;

beforeAll(async () => {
  server = await startSimServer({ providers: [createObzvonilkaSim()], port: 0, tickMs: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.faults.reset("obzvonilka");
  server.log.reset("obzvonilka");
});

function client(apiKey: string = demo.key, timeoutMs?: number) {
  return createObzvonilkaClient({ baseUrl: `${server.url}${OBZVONILKA_SIM_PREFIX}/`, apiKey, timeoutMs, sleep: async () => {} });
}

function logged(method?: string) {
  return server.log.entries("obzvonilka").filter((e) => !method || e.method === method);
}

describe("reads", () => {
  it("lists the organisation's bases, the deleted one flagged", async () => {
    const bases = await client().listBases();
    expect(bases.map((b) => b.id)).toEqual([1, 2, 3, 4]);
    expect(bases.filter((b) => b.deleted).map((b) => b.name)).toEqual(["Старая база 2024"]);
    expect(logged()[0]).toMatchObject({ method: "GET", path: "/contact_bases.json", auth: "query:api_key", status: 200 });
  });

  it("shows one base, and refuses another organisation's base as not found", async () => {
    expect((await client().getBase(1)).name).toBe("Клиенты Москва 2026");
    const otherOrgBase = (await client(second.key).listBases())[0]?.id ?? 0;
    expect((await failure(client().getBase(otherOrgBase))).kind).toBe("not_found");
    expect((await failure(client().getBase(999))).kind).toBe("not_found");
  });

  it("lists a base's contacts and shows one", async () => {
    const contacts = await client().listContacts(1);
    expect(contacts).toHaveLength(3);
    const first = contacts[0];
    expect(first?.name).toMatch(/^\S+ \S+ \S+$/);
    expect(await client().getContact(1, first?.id ?? 0)).toEqual(first);
    expect((await failure(client().getContact(2, first?.id ?? 0))).kind).toBe("not_found");
  });

  it("finds a contact by external code, null when none matches", async () => {
    const withCode = (await client().listContacts(1)).find((c) => c.external_code);
    expect(withCode).toBeDefined();
    expect(await client().findContactByExternalCode(1, withCode?.external_code ?? "")).toEqual(withCode);
    expect(await client().findContactByExternalCode(1, "NO-SUCH-CODE")).toBeNull();
  });

  it("lists the key's organisation's users only, and shows one", async () => {
    const users = await client().listUsers();
    expect(users).toHaveLength(7);
    expect(users.filter((u) => u.admin)).toHaveLength(1);
    expect(users.filter((u) => !u.account_enabled)).toHaveLength(2);
    expect((await client().getUser(1)).email).toBe("m.sokolova@romashka-crm.ru");
    const otherUser = (await client(second.key).listUsers())[0]?.id ?? 0;
    expect((await failure(client().getUser(otherUser))).kind).toBe("not_found");
  });

  it("pings with a cheap authenticated read", async () => {
    expect(await client().ping()).toEqual({ users: 7 });
    expect(logged().map((e) => `${e.method} ${e.path}`)).toEqual(["GET /users.json"]);
  });
});

describe("writes", () => {
  it("creates a contact from E.164 phones and patches only the given fields", async () => {
    const created = await client().createContact(1, {
      name: "Лапшина Ирина Дмитриевна",
      phone1: "+79161234567",
      phone_remark1: "мобильный",
      email: "i.lapshina@example.ru",
      external_code: "CRM/42.7",
    });
    expect(created).toMatchObject({ name: "Лапшина Ирина Дмитриевна", phone1: "+79161234567", phone2: null });
    expect(logged("POST")[0]?.bodyShape).toEqual({
      "contact[name]": "string",
      "contact[phone1]": "string",
      "contact[phone_remark1]": "string",
      "contact[email]": "string",
      "contact[external_code]": "string",
    });

    const updated = await client().updateContact(1, created.id, { phone2: "+74951234567", email: "" });
    expect(updated).toMatchObject({ ...created, phone2: "+74951234567", email: null });
    expect(logged("PATCH")[0]?.bodyShape).toEqual({ "contact[phone2]": "string", "contact[email]": "string" });
    // A code with "/" and "." survives the path.
    expect((await client().findContactByExternalCode(1, "CRM/42.7"))?.id).toBe(created.id);
  });

  it("refuses a phone that is not E.164 before sending anything", async () => {
    const error = await failure(client().createContact(1, { name: "X", phone1: "8 916 123-45-67" }));
    expect(error.kind).toBe("validation");
    expect(error.providerMessage).toContain("phone1");
    expect(logged()).toHaveLength(0);
  });

  it("maps the simulator's 422 refusals to validation", async () => {
    const noNameNoPhone = await failure(client().createContact(1, { email: "a@b.ru" }));
    expect(noNameNoPhone).toMatchObject({ kind: "validation", status: 422 });
    expect(noNameNoPhone.providerMessage).toContain("name or at least one phone");
    const badEmail = await failure(client().createContact(1, { name: "X", email: "not-an-email" }));
    expect(badEmail.providerMessage).toContain("email");
    const deletedBase = await failure(client().createContact(4, { name: "X" }));
    expect(deletedBase.providerMessage).toContain("contact_base");
  });

  it("refuses an update of an unknown contact as not_found and a bad field as validation", async () => {
    expect((await failure(client().updateContact(1, 999_999, { name: "X" }))).kind).toBe("not_found");
    const badEmail = await failure(client().updateContact(1, 1, { email: "not-an-email" }));
    expect(badEmail).toMatchObject({ kind: "validation", status: 422 });
    expect(badEmail.providerMessage).toContain("email");
  });

  it("cannot write into another organisation's base", async () => {
    const otherOrgBase = (await client(second.key).listBases())[0]?.id ?? 0;
    expect((await failure(client().createContact(otherOrgBase, { name: "X" }))).kind).toBe("not_found");
  });
});

describe("auth and secrecy", () => {
  it("refuses a wrong key as auth without ever showing the key", async () => {
    const wrongKey = "obz-wrong-key-0000";
    const error = await failure(client(wrongKey).listBases());
    expect(error).toMatchObject({ kind: "auth", status: 401 });
    expect(error.message).not.toContain(wrongKey);
    expect(error.path).toContain("api_key=***");
  });

  it("refuses a wrong key as auth in every function; find-by-code does not turn it into null", async () => {
    const wrongKey = "obz-wrong-key-1111";
    const wrong = client(wrongKey);
    const calls: [string, () => Promise<unknown>][] = [
      ["listBases", () => wrong.listBases()],
      ["getBase", () => wrong.getBase(1)],
      ["listContacts", () => wrong.listContacts(1)],
      ["getContact", () => wrong.getContact(1, 1)],
      ["findContactByExternalCode", () => wrong.findContactByExternalCode(1, "NO-SUCH-CODE")],
      ["createContact", () => wrong.createContact(1, { name: "X" })],
      ["updateContact", () => wrong.updateContact(1, 1, { name: "X" })],
      ["listUsers", () => wrong.listUsers()],
      ["getUser", () => wrong.getUser(1)],
      ["ping", () => wrong.ping()],
    ];
    for (const [name, call] of calls) expect((await failure(call(), [wrongKey])).kind, name).toBe("auth");
  });

  it("keeps the real key out of the request log and of error messages", async () => {
    server.faults.set("obzvonilka", { errorRate: 1, errorStatuses: [500] });
    const error = await failure(client().getBase(1));
    expect(error.message).not.toContain(demo.key);
    expect(error.message).toContain("api_key=***");
    server.faults.reset("obzvonilka");
    await client().createContact(1, { name: "Тайный Ключ", phone1: "+79990001122" });
    const log = JSON.stringify(server.log.entries("obzvonilka"));
    expect(log).not.toContain(demo.key);
    expect(log).not.toContain("api_key=");
  });
});

describe("faults", () => {
  it("500 → unavailable; reads are retried, createContact is sent once, PATCH retried", async () => {
    server.faults.set("obzvonilka", { errorRate: 1, errorStatuses: [500] });
    expect(await failure(client().listBases())).toMatchObject({ kind: "unavailable", status: 500, cause: "server" });
    expect(logged("GET")).toHaveLength(3);

    expect((await failure(client().createContact(1, { name: "Один Раз" }))).kind).toBe("unavailable");
    expect(logged("POST")).toHaveLength(1);

    expect((await failure(client().updateContact(1, 1, { name: "Снова" }))).kind).toBe("unavailable");
    expect(logged("PATCH")).toHaveLength(3);
  });

  it("429 → rate_limited with retryAfterMs", async () => {
    server.faults.set("obzvonilka", { rateLimitRate: 1, retryAfterSeconds: 2 });
    expect(await failure(client().listUsers())).toMatchObject({ kind: "rate_limited", status: 429, retryAfterMs: 2000 });
  });

  it("429 with Retry-After is waited out and retried, createContact too (refused, so not received)", async () => {
    server.faults.set("obzvonilka", { rateLimitRate: 1, retryAfterSeconds: 0 });
    expect((await failure(client().createContact(1, { name: "Позже" }))).kind).toBe("rate_limited");
    expect(logged("POST").map((e) => e.fault)).toEqual(["rate_limit", "rate_limit", "rate_limit"]);
  });

  it("a failing server is not a missing contact: find-by-code and ping report unavailable", async () => {
    server.faults.set("obzvonilka", { errorRate: 1, errorStatuses: [500] });
    expect((await failure(client().findContactByExternalCode(1, "X"))).kind).toBe("unavailable");
    expect((await failure(client().ping())).kind).toBe("unavailable");
  });

  it("malformed JSON → bad_response", async () => {
    server.faults.set("obzvonilka", { malformedRate: 1 });
    expect((await failure(client().getBase(1))).kind).toBe("bad_response");
  });

  it("hang → unavailable (timeout) with a small timeoutMs", async () => {
    server.faults.set("obzvonilka", { hangRate: 1 });
    expect(await failure(client(demo.key, 150).getUser(1))).toMatchObject({ kind: "unavailable", cause: "timeout" });
  });

  it("reset → unavailable (network)", async () => {
    server.faults.set("obzvonilka", { resetRate: 1 });
    expect(await failure(client().listContacts(1))).toMatchObject({ kind: "unavailable", cause: "network" });
  });
});
