import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createObzvonilkaSim } from "@/lib/sim/obzvonilka/simulator";
import { OBZVONILKA_SIM_ACCOUNTS, OBZVONILKA_SIM_PREFIX } from "@/lib/sim/obzvonilka/simulator-accounts";
import type { SimState } from "@/lib/sim/obzvonilka/simulator-seed";
import { type SimServer, startSimServer } from "@/lib/sim/server";

const [demo] = OBZVONILKA_SIM_ACCOUNTS;
let server: SimServer;

beforeAll(async () => {
  server = await startSimServer({ providers: [createObzvonilkaSim()], port: 0, tickMs: 0 });
});
afterAll(() => server.close());

/** A raw request, so that the simulator is tested without the client's help. */
async function call(method: string, path: string, init: { key?: string | null; headers?: Record<string, string>; body?: BodyInit } = {}) {
  const url = new URL(`${server.url}${OBZVONILKA_SIM_PREFIX}${path}`);
  const key = init.key === undefined ? demo.key : init.key;
  if (key) url.searchParams.set("api_key", key);
  const response = await fetch(url, { method, headers: init.headers, body: init.body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { errors?: Record<string, string[]> } };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("authentication", () => {
  it("refuses a missing or unknown key with 401", async () => {
    expect(await call("GET", "/users.json", { key: null })).toEqual({ status: 401, body: { error: "Invalid API key" } });
    expect((await call("GET", "/users.json", { key: "nope" })).status).toBe(401);
  });

  it("also takes the key as an X-Api-Key header or a form field", async () => {
    expect((await call("GET", "/users.json", { key: null, headers: { "X-Api-Key": demo.key } })).status).toBe(200);
    const viaForm = await call("POST", "/contact_bases/1/contacts.json", {
      key: null,
      body: form({ api_key: demo.key, "contact[name]": "Через форму" }),
    });
    expect(viaForm.status).toBe(200);
    const auths = server.log.entries("obzvonilka").map((e) => e.auth);
    expect(auths).toEqual(expect.arrayContaining(["none", "header:x-api-key", "form:api_key"]));
    expect(JSON.stringify(server.log.entries("obzvonilka"))).not.toContain(demo.key);
  });
});

describe("strictness", () => {
  it("answers 404 to paths without .json, unknown routes and ids", async () => {
    expect((await call("GET", "/contact_bases")).status).toBe(404);
    expect((await call("GET", "/contact_bases/1/contacts")).status).toBe(404);
    expect((await call("GET", "/campaigns.json")).status).toBe(404);
    expect((await call("GET", "/contact_bases/abc.json")).status).toBe(404);
    expect((await call("GET", "/contact_bases/1/contacts/999999.json")).status).toBe(404);
    expect((await call("GET", "/contact_bases/1/contacts/find_by_external/NOPE.json")).status).toBe(404);
  });

  it("keeps bases and users read-only (404) and has no contact DELETE", async () => {
    expect((await call("POST", "/contact_bases.json", { body: form({ "contact_base[name]": "X" }) })).status).toBe(404);
    expect((await call("PATCH", "/contact_bases/1.json", { body: form({ "contact_base[name]": "X" }) })).status).toBe(404);
    expect((await call("DELETE", "/contact_bases/1.json")).status).toBe(404);
    expect((await call("POST", "/users.json", { body: form({ "user[name]": "X" }) })).status).toBe(404);
    expect((await call("PATCH", "/users/1.json", { body: form({ "user[admin]": "true" }) })).status).toBe(404);
    expect((await call("DELETE", "/contact_bases/1/contacts/1.json")).status).toBe(404);
  });

  it("refuses unknown contact fields, phone11, bad phones and e-mails with 422", async () => {
    const unknown = await call("POST", "/contact_bases/1/contacts.json", { body: form({ "contact[name]": "X", "contact[age]": "30" }) });
    expect(unknown).toEqual({ status: 422, body: { errors: { age: ["is an unknown attribute"] } } });
    const phone11 = await call("POST", "/contact_bases/1/contacts.json", { body: form({ "contact[name]": "X", "contact[phone11]": "89161234567" }) });
    expect(phone11.body.errors).toHaveProperty("phone11");
    const shortPhone = await call("POST", "/contact_bases/1/contacts.json", { body: form({ "contact[phone1]": "12-34" }) });
    expect(shortPhone.body.errors?.phone1?.[0]).toContain("5 to 20 digits");
    const email = await call("PATCH", "/contact_bases/1/contacts/1.json", { body: form({ "contact[email]": "ivan@" }) });
    expect(email).toEqual({ status: 422, body: { errors: { email: ["is invalid"] } } });
    const empty = await call("POST", "/contact_bases/1/contacts.json", { body: form({}) });
    expect(empty.body.errors).toEqual({ contact: ["is missing"] });
  });

  it("refuses a JSON body with 415", async () => {
    const json = await call("POST", "/contact_bases/1/contacts.json", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ contact: { name: "X" } }),
    });
    expect(json.status).toBe(415);
  });

  it("does not let a patch leave a contact without name and phones", async () => {
    const created = await call("POST", "/contact_bases/1/contacts.json", { body: form({ "contact[phone1]": "8 (916) 000-11-22" }) });
    const cleared = await call("PATCH", `/contact_bases/1/contacts/${created.body.id}.json`, { body: form({ "contact[phone1]": "" }) });
    expect(cleared).toEqual({ status: 422, body: { errors: { base: ["name or at least one phone is required"] } } });
  });
});

describe("contacts", () => {
  it("accepts multipart (as the doc's curl -F) and urlencoded bodies alike", async () => {
    const multipart = new FormData();
    multipart.set("contact[name]", "abc");
    multipart.set("contact[phone1]", "987654321");
    const viaMultipart = await call("POST", "/contact_bases/2/contacts.json", { body: multipart });
    expect(viaMultipart).toMatchObject({ status: 200, body: { name: "abc", phone1: "987654321" } });
    const viaForm = await call("PATCH", `/contact_bases/2/contacts/${viaMultipart.body.id}.json`, {
      body: form({ "contact[name]": "abcd", "contact[phone1]": "9876543210" }),
    });
    expect(viaForm).toMatchObject({ status: 200, body: { id: viaMultipart.body.id, name: "abcd", phone1: "9876543210" } });
    expect(server.log.entries("obzvonilka").map((e) => e.bodyShape)).toContainEqual("multipart");
  });

  it("refuses a file where text is expected", async () => {
    const multipart = new FormData();
    multipart.set("contact[name]", new Blob(["x"]), "name.txt");
    const answer = await call("POST", "/contact_bases/2/contacts.json", { body: multipart });
    expect(answer).toEqual({ status: 422, body: { errors: { name: ["must be text, not a file"] } } });
  });

  it("creates, reads, finds by external code and updates: a round trip", async () => {
    const created = await call("POST", "/contact_bases/3/contacts.json", {
      body: form({ "contact[name]": "  Петров Иван  ", "contact[external_code]": "RT-1", "contact[phone2]": "+7 999 777-88-55 доб. 12" }),
    });
    expect(created.body).toMatchObject({ name: "Петров Иван", external_code: "RT-1", phone1: null, phone2: "+7 999 777-88-55 доб. 12" });
    const id = created.body.id;
    expect((await call("GET", `/contact_bases/3/contacts/${id}.json`)).body).toEqual(created.body);
    expect((await call("GET", "/contact_bases/3/contacts/find_by_external/RT-1.json")).body).toEqual(created.body);
    await call("PATCH", `/contact_bases/3/contacts/${id}.json`, { body: form({ "contact[www]": "https://petrov.ru" }) });
    const list = (await call("GET", "/contact_bases/3/contacts.json")).body as unknown as { id: number; www: string | null }[];
    expect(list.find((c) => c.id === id)?.www).toBe("https://petrov.ru");
    // Contacts of base 3 are not reachable through base 1.
    expect((await call("GET", `/contact_bases/1/contacts/${id}.json`)).status).toBe(404);
  });

  it("keeps the deleted base readable but refuses writes there", async () => {
    expect((await call("GET", "/contact_bases/4.json")).body).toMatchObject({ deleted: true });
    expect((await call("GET", "/contact_bases/4/contacts.json")).status).toBe(200);
    const write = await call("POST", "/contact_bases/4/contacts.json", { body: form({ "contact[name]": "X" }) });
    expect(write).toEqual({ status: 422, body: { errors: { contact_base: ["is deleted"] } } });
  });
});

describe("state", () => {
  it("snapshot/restore round-trips through JSON and keeps ids unique", async () => {
    const sim = createObzvonilkaSim();
    const request = (method: string, path: string, body = "") => ({
      method,
      path,
      query: new URLSearchParams({ api_key: demo.key }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: Buffer.from(body),
      baseUrl: "http://sim/obzvonilka/api/",
    });
    const ctx = server.ctx;
    const created = await sim.handle(request("POST", "/contact_bases/1/contacts.json", "contact%5Bname%5D=Saved"), ctx);
    const saved = JSON.parse(JSON.stringify(sim.snapshot())) as SimState;

    const restored = createObzvonilkaSim();
    restored.restore(saved);
    expect(restored.snapshot()).toEqual(saved);
    const again = await restored.handle(request("POST", "/contact_bases/1/contacts.json", "contact%5Bname%5D=Next"), ctx);
    expect(again).toMatchObject({ status: 200, body: { id: (created.body as { id: number }).id + 1 } });
    restored.restore({ garbage: true });
    expect((restored.snapshot() as SimState).nextContactId).toBe(saved.nextContactId + 1);
  });

  it("seeds a realistic, deterministic demo organisation quickly", () => {
    const started = performance.now();
    const state = createObzvonilkaSim({ demoData: true }).snapshot() as SimState;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(createObzvonilkaSim({ demoData: true }).snapshot()).toEqual(state);
    const org = state.orgs[0];
    const total = org?.bases.reduce((n, b) => n + b.contacts.length, 0) ?? 0;
    expect(total).toBeGreaterThan(2000);
    expect(org?.bases.filter((b) => b.base.deleted)).toHaveLength(1);
    const contact = org?.bases[0]?.contacts[0];
    expect(contact?.name).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
    expect(contact?.phone1).toMatch(/\d/);
  });
});

describe("bulk-base control", () => {
  it("fills one load-test base in the demo organisation, refilling it on a second call", async () => {
    const fill = async (contacts: number) =>
      (await fetch(`${server.url}/_sim/obzvonilka/bulk-base`, { method: "POST", body: JSON.stringify({ contacts }) })).json() as Promise<{ id: number; contacts: number }>;
    const first = await fill(1200);
    const again = await fill(800);
    expect(again.id).toBe(first.id);
    const listed = await call("GET", `/contact_bases/${first.id}/contacts.json`);
    expect((listed.body as unknown as unknown[]).length).toBe(800);
    const bad = await fetch(`${server.url}/_sim/obzvonilka/bulk-base`, { method: "POST", body: JSON.stringify({ contacts: -1 }) });
    expect(bad.status).toBe(400);
  });
});
