import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { insertConnection } from "@/lib/db/queries/connections";
import { insertContactList, listContactListEntries } from "@/lib/db/queries/contact-lists";
import { addDncEntries, findDncPhones } from "@/lib/db/queries/dnc";
import { changeTaskState, findTask, insertTask, listTaskItems } from "@/lib/db/queries/tasks";
import { hasHeaderRow, type Mapping, planImport } from "@/lib/imports/plan";
import { readCsv } from "@/lib/imports/read-table";
import { type ImportTarget, isPerPhone } from "@/lib/imports/target";
import { encode1251, RUSSIAN_CSV } from "@/lib/imports/test-files";
import { type CalldronClient, createCalldronClient } from "@/lib/providers/calldron/client";
import { createObzvonilkaClient, type ObzvonilkaClient } from "@/lib/providers/obzvonilka/client";
import { toE164 } from "@/lib/providers/phone";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import { createObzvonilkaSim } from "@/lib/sim/obzvonilka/simulator";
import { OBZVONILKA_SIM_ACCOUNTS, OBZVONILKA_SIM_PREFIX } from "@/lib/sim/obzvonilka/simulator-accounts";
import { Rng } from "@/lib/sim/rng";
import { type SimServer, startSimServer } from "@/lib/sim/server";
import { IMPORT_KIND, importHandler } from "@/lib/tasks/import";
import { runTask } from "@/lib/tasks/runner";
import type { TaskHandler } from "@/lib/tasks/types";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();
const noSleep = async () => {};
const MAPPING: Mapping = { phone: [1], name: 0, externalCode: 2, email: 3 };

let calldronServer: SimServer;
let calldronBase: string;
let obzServer: SimServer;
let calldron: CalldronClient;
let obzvonilka: ObzvonilkaClient;

beforeEach(async () => {
  // The database is shared by the tests of this file: a do-not-call number must not leak into the next one.
  await testDb.handle.raw.query("delete from dnc_entries");
  const started = await startCalldronSim();
  calldronServer = started.server;
  calldronBase = started.baseUrl;
  calldron = createCalldronClient({ baseUrl: started.baseUrl, apiKey: DEMO_KEY, sleep: noSleep });
  obzServer = await startSimServer({ providers: [createObzvonilkaSim()], port: 0, tickMs: 0 });
  obzvonilka = createObzvonilkaClient({ baseUrl: `${obzServer.url}${OBZVONILKA_SIM_PREFIX}/`, apiKey: OBZVONILKA_SIM_ACCOUNTS[0].key, sleep: noSleep });
});
afterEach(async () => {
  await calldronServer.close();
  await obzServer.close();
});

async function owner(): Promise<string> {
  const { rows } = await testDb.handle.raw.query<{ id: string }>("insert into users (email, password_hash, role) values ($1, 'x', 'manager') returning id", [`u${randomUUID()}@x.test`]);
  return rows[0]?.id as string;
}

async function connection(provider: "calldron" | "obzvonilka"): Promise<string> {
  const id = randomUUID();
  const key = provider === "calldron" ? DEMO_KEY : OBZVONILKA_SIM_ACCOUNTS[0].key;
  await insertConnection({ connection: { id, name: `c${id}`, provider, baseUrl: "http://127.0.0.1:1/", ...sealApiKey(id, key) } });
  return id;
}

/** Plans the Russian CSV for a target and runs it as an import task, as startImport does. */
async function importFile(target: ImportTarget, ownerId: string, csv = RUSSIAN_CSV) {
  const { rows } = readCsv(encode1251(csv));
  const plan = planImport({ rows, header: hasHeaderRow(rows), mapping: MAPPING, perPhone: isPerPhone(target) });
  const task = await insertTask({ kind: IMPORT_KIND, ownerId, title: "t", input: { fileId: randomUUID(), target, actorEmail: "m@x.test" }, items: plan.items });
  const handler = importHandler({ calldron: () => calldron, obzvonilka: () => obzvonilka }) as TaskHandler<unknown>;
  expect(await runTask(task.id, { handlers: { [IMPORT_KIND]: handler }, sleep: noSleep })).toBe("completed");
  const done = await findTask({ id: task.id });
  if (!done) throw new Error("the task is gone");
  return done;
}

describe("import", () => {
  it("into a Calldron list: the exact report, and a second import adds nothing twice", async () => {
    const ownerId = await owner();
    const connectionId = await connection("calldron");
    const list = await calldron.createListAndFind(`Импорт ${randomUUID()}`);
    const target: ImportTarget = { kind: "calldron", connectionId, listId: list.id, listName: list.name };

    const first = await importFile(target, ownerId);
    expect(first).toMatchObject({ total: 5, processed: 5, counts: { added: 3, invalid: 1, duplicate: 1 } });
    const second = await importFile(target, ownerId);
    expect(second.counts).toEqual({ already: 3, invalid: 1, duplicate: 1 });

    const phones: string[] = [];
    for await (const s of calldron.iterateSubscribers(list.id)) phones.push(toE164(s.phone) ?? s.phone);
    expect(phones.sort()).toEqual(["+79991000001", "+79991000002", "+79991000003"]);
    const invalid = await listTaskItems({ taskId: first.id, outcome: "invalid" });
    expect(invalid.map((i) => i.detail)).toEqual(["invalidPhone|12345"]);
  });

  it("holds back a number on the do-not-call list, with the reason", async () => {
    await addDncEntries({ entries: [{ phone: "+79991000002", reason: "asked" }] });
    const ownerId = await owner();
    const connectionId = await connection("calldron");
    const list = await calldron.createListAndFind(`Импорт ${randomUUID()}`);
    const done = await importFile({ kind: "calldron", connectionId, listId: list.id, listName: list.name }, ownerId);
    expect(done.counts).toEqual({ added: 2, dnc: 1, invalid: 1, duplicate: 1 });
    expect((await listTaskItems({ taskId: done.id, outcome: "dnc" })).map((i) => i.key)).toEqual(["+79991000002"]);
  });

  it("into an Obzvonilka base: contacts with every mapped field, and an existing external code is updated, not duplicated", async () => {
    const ownerId = await owner();
    const connectionId = await connection("obzvonilka");
    const [base] = await obzvonilka.listBases();
    const baseId = (base as { id: number }).id;
    const before = (await obzvonilka.listContacts(baseId)).length;

    const first = await importFile({ kind: "obzvonilka", connectionId, baseId, baseName: "" }, ownerId);
    // One item per row (a contact); the repeated number has its own external code, so it is its own contact.
    expect(first.counts).toEqual({ added: 4, invalid: 1 });
    const ivan = await obzvonilka.findContactByExternalCode(baseId, "A-1");
    expect(ivan).toMatchObject({ name: "Иванов Иван", phone1: "+79991000001", email: "ivan@example.ru", external_code: "A-1" });

    const second = await importFile({ kind: "obzvonilka", connectionId, baseId, baseName: "" }, ownerId);
    expect(second.counts).toEqual({ updated: 4, invalid: 1 });
    expect((await obzvonilka.listContacts(baseId)).length).toBe(before + 4);
  });

  /** Every fault the simulators have, on reads and writes alike, drawn from a seeded generator. */
  const EVERY_FAULT = {
    errorRate: 0.12,
    errorStatuses: [500, 502],
    rateLimitRate: 0.08,
    retryAfterSeconds: 0,
    hangRate: 0.04,
    resetRate: 0.05,
    dropAfterRate: 0.08,
    malformedRate: 0.05,
  };

  /** `rows` numbers with their own external codes, as a CSV of the MAPPING's columns. */
  function bigCsv(rows: number, first: number): { csv: string; phones: string[] } {
    const phones = Array.from({ length: rows }, (_, i) => `+7999${String(first + i).padStart(7, "0")}`);
    return { csv: ["Имя;Телефон;Код;Почта", ...phones.map((p, i) => `Row ${i};${p};F-${first + i};`)].join("\n"), phones };
  }

  /** Runs the task again after each stop (a resume), as the user would; the provider clients time out in 200 ms. */
  async function importThroughFaults(target: ImportTarget, ownerId: string, csv: string) {
    const { rows } = readCsv(encode1251(csv));
    const plan = planImport({ rows, header: true, mapping: MAPPING, perPhone: isPerPhone(target) });
    const task = await insertTask({ kind: IMPORT_KIND, ownerId, title: "t", input: { fileId: randomUUID(), target, actorEmail: "m@x.test" }, items: plan.items });
    const clients = {
      calldron: () => createCalldronClient({ baseUrl: calldronBase, apiKey: DEMO_KEY, sleep: noSleep, timeoutMs: 200 }),
      obzvonilka: () => createObzvonilkaClient({ baseUrl: `${obzServer.url}${OBZVONILKA_SIM_PREFIX}/`, apiKey: OBZVONILKA_SIM_ACCOUNTS[0].key, sleep: noSleep, timeoutMs: 200 }),
    };
    const handler = importHandler(clients) as TaskHandler<unknown>;
    for (let run = 0; run < 6; run++) {
      if ((await runTask(task.id, { handlers: { [IMPORT_KIND]: handler }, sleep: noSleep })) === "completed") break;
      await changeTaskState({ id: task.id, to: "queued" });
    }
    const done = await findTask({ id: task.id });
    expect(done).toMatchObject({ state: "completed", total: plan.items.length, processed: plan.items.length });
    return done?.counts ?? {};
  }

  it("into a Calldron list through 500s, 429s, hangs, resets, lost answers and malformed JSON: each number added once", { timeout: 60_000 }, async () => {
    const ownerId = await owner();
    const connectionId = await connection("calldron");
    const list = await calldron.createListAndFind(`Faults ${randomUUID()}`);
    const { csv, phones } = bigCsv(80, 5_000_000);
    const rng = new Rng(3);
    calldronServer.faults.useRandom(() => rng.next());
    calldronServer.faults.set("calldron", { ...EVERY_FAULT, match: "/lists/\\d+/subscribers" });
    const counts = await importThroughFaults({ kind: "calldron", connectionId, listId: list.id, listName: list.name }, ownerId, csv);
    calldronServer.faults.reset("calldron");
    expect(counts).toEqual({ added: 80 });
    const log = calldronServer.log.entries("calldron");
    for (const fault of ["error_500", "rate_limit", "hang", "reset", "drop", "malformed"]) expect(log.some((e) => e.fault === fault), fault).toBe(true);
    const inList: string[] = [];
    for await (const s of calldron.iterateSubscribers(list.id)) inList.push(toE164(s.phone) ?? s.phone);
    expect(inList.sort()).toEqual(phones);
  });

  it("into an Obzvonilka base through the same faults: one contact per row, none twice", { timeout: 60_000 }, async () => {
    const ownerId = await owner();
    const connectionId = await connection("obzvonilka");
    const [base] = await obzvonilka.listBases();
    const baseId = (base as { id: number }).id;
    const { csv, phones } = bigCsv(40, 6_000_000);
    const rng = new Rng(5);
    obzServer.faults.useRandom(() => rng.next());
    obzServer.faults.set("obzvonilka", { ...EVERY_FAULT, match: "/contacts" });
    const counts = await importThroughFaults({ kind: "obzvonilka", connectionId, baseId, baseName: "" }, ownerId, csv);
    obzServer.faults.reset("obzvonilka");
    expect((counts.added ?? 0) + (counts.updated ?? 0)).toBe(40);
    expect(counts.failed).toBeUndefined();
    const log = obzServer.log.entries("obzvonilka");
    for (const fault of ["error_500", "rate_limit", "reset", "drop", "malformed"]) expect(log.some((e) => e.fault === fault), fault).toBe(true);
    const contacts = (await obzvonilka.listContacts(baseId)).filter((c) => c.external_code?.startsWith("F-"));
    expect(contacts.map((c) => c.phone1).sort()).toEqual(phones);
  });

  it("into a kept list and into the do-not-call list (not screened), each once", async () => {
    const ownerId = await owner();
    const list = await insertContactList({ name: "Kept", ownerId });
    expect((await importFile({ kind: "app", listId: list.id }, ownerId)).counts).toEqual({ added: 3, invalid: 1, duplicate: 1 });
    expect((await importFile({ kind: "app", listId: list.id }, ownerId)).counts).toEqual({ already: 3, invalid: 1, duplicate: 1 });
    const entries = await listContactListEntries({ listId: list.id, offset: 0, limit: 10 });
    expect(entries.map((e) => [e.phone, e.name, e.fields])).toContainEqual(["+79991000001", "Иванов Иван", { email: "ivan@example.ru", externalCode: "A-1" }]);

    await addDncEntries({ entries: [{ phone: "+79991000003" }] });
    expect((await importFile({ kind: "dnc" }, ownerId)).counts).toEqual({ added: 2, already: 1, invalid: 1, duplicate: 1 });
    expect([...(await findDncPhones({ phones: ["+79991000001", "+79991000002", "+79991000003"] }))].sort()).toEqual(["+79991000001", "+79991000002", "+79991000003"]);
  });
});
