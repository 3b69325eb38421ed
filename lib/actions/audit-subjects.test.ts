import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addCalldronSubscriber, createCalldronList, deleteCalldronList, removeCalldronSubscriber } from "@/lib/actions/calldron-lists";
import { addContactListNumber, pushContactListToCalldron, removeContactListNumber } from "@/lib/actions/contact-lists";
import { createObzvonilkaContact, updateObzvonilkaContact } from "@/lib/actions/obzvonilka-contacts";
import { auditSubject } from "@/lib/audit-subject";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { listAudit } from "@/lib/db/queries/audit";
import { insertConnection } from "@/lib/db/queries/connections";
import { insertContactList, listContactListEntries } from "@/lib/db/queries/contact-lists";
import { insertUser } from "@/lib/db/queries/users";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import { createObzvonilkaSim } from "@/lib/sim/obzvonilka/simulator";
import { OBZVONILKA_SIM_ACCOUNTS, OBZVONILKA_SIM_PREFIX } from "@/lib/sim/obzvonilka/simulator-accounts";
import { type SimServer, startSimServer } from "@/lib/sim/server";
import { setupTestDb } from "@/lib/testing/test-db";

// What the list and contact actions record, read back through the audit page's Subject column: names and the
// number, not the ids the entries once showed (a Calldron subscriber's id, a kept entry's uuid, a contact's id).

type TestUser = { id: string; email: string; name: string; role: "admin" | "manager"; locale: null; mustChangePassword: boolean };
const session = vi.hoisted(() => ({ user: null as TestUser | null }));
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string) => `t:${key}`, { has: () => true }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
// The push's background task is not under test here: only what it audits.
vi.mock("@/lib/tasks/queue", () => ({ enqueueTask: async () => {} }));

setupTestDb();
let calldronSim: Awaited<ReturnType<typeof startCalldronSim>>;
let obzServer: SimServer;
let calldronId: string;
let obzvonilkaId: string;
const calldron = () => createCalldronClient({ baseUrl: calldronSim.baseUrl, apiKey: DEMO_KEY });

beforeAll(async () => {
  calldronSim = await startCalldronSim();
  obzServer = await startSimServer({ providers: [createObzvonilkaSim()], port: 0, tickMs: 0 });
  const user = await insertUser({ user: { email: "audit-names@x.test", name: "Manager", passwordHash: "h", role: "manager" } });
  session.user = { id: user.id, email: user.email, name: user.name, role: "manager", locale: null, mustChangePassword: false };
  calldronId = randomUUID();
  await insertConnection({ connection: { id: calldronId, name: "Calldron sim", provider: "calldron", baseUrl: calldronSim.baseUrl, ...sealApiKey(calldronId, DEMO_KEY) } });
  obzvonilkaId = randomUUID();
  const obzKey = OBZVONILKA_SIM_ACCOUNTS[0].key;
  await insertConnection({
    connection: { id: obzvonilkaId, name: "Obzvonilka sim", provider: "obzvonilka", baseUrl: `${obzServer.url}${OBZVONILKA_SIM_PREFIX}/`, ...sealApiKey(obzvonilkaId, obzKey) },
  });
});
afterAll(async () => {
  await calldronSim.server.close();
  await obzServer.close();
});
beforeEach(() => {
  calldronSim.server.faults.reset("calldron");
});

/** The newest entry of an action, and how the audit page shows its subject. */
async function latest(action: string) {
  const entry = (await listAudit({})).find((e) => e.action === action);
  if (!entry) throw new Error(`no ${action} entry`);
  return { entry, subject: auditSubject(entry) };
}

function data<T>(result: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

describe("Calldron lists in the audit log", () => {
  it("a number added and removed by hand: the list's name, linked, and the number, not the subscriber's id", async () => {
    const { listId } = data(await createCalldronList({ connectionId: calldronId, name: "Клиенты для журнала" }));
    data(await addCalldronSubscriber({ connectionId: calldronId, listId, phone: "8 916 555 01 02" }));
    const listHref = `/lists/calldron/${calldronId}/${listId}`;
    expect((await latest("calldron.subscribers.added")).subject).toEqual([{ text: "Клиенты для журнала", href: listHref }, { text: "+79165550102" }]);

    const subscriber = (await calldron().subscribersPage(listId, 1, 10)).items[0];
    if (!subscriber) throw new Error("the number was not added");
    data(await removeCalldronSubscriber({ connectionId: calldronId, listId, subscriberId: subscriber.id }));
    const removed = await latest("calldron.subscriber.removed");
    expect(removed.subject).toEqual([{ text: "Клиенты для журнала", href: listHref }, { text: "+79165550102" }]);
    expect(removed.entry).toMatchObject({ target: "+79165550102", details: { listName: "Клиенты для журнала", subscriberId: subscriber.id, phone: "+79165550102" } });
  });

  it("a removal whose reads fail still goes through, and its entry falls back to the subscriber's id", async () => {
    const { listId } = data(await createCalldronList({ connectionId: calldronId, name: "Список без ответа" }));
    data(await addCalldronSubscriber({ connectionId: calldronId, listId, phone: "8 916 555 01 03" }));
    const subscriber = (await calldron().subscribersPage(listId, 1, 10)).items[0];
    if (!subscriber) throw new Error("the number was not added");
    await fetch(`${calldronSim.server.url}/_sim/faults/calldron`, { method: "PUT", body: JSON.stringify({ errorRate: 1, errorStatuses: [404], match: "^GET /lists/\\d+(/subscribers/\\d+)?$" }) });
    data(await removeCalldronSubscriber({ connectionId: calldronId, listId, subscriberId: subscriber.id }));
    expect((await latest("calldron.subscriber.removed")).subject).toEqual([{ text: subscriber.id }]);
  });

  it("a deleted list is named by the name it had", async () => {
    const { listId } = data(await createCalldronList({ connectionId: calldronId, name: "Удаляемый список" }));
    data(await deleteCalldronList({ connectionId: calldronId, listId }));
    const deleted = await latest("calldron.list.deleted");
    expect(deleted.subject).toEqual([{ text: "Удаляемый список" }]);
    expect(deleted.entry.details).toMatchObject({ listId, listName: "Удаляемый список" });
  });
});

describe("kept lists in the audit log", () => {
  it("a number removed shows the list's name, linked, and the number, not the entry's id", async () => {
    const list = await insertContactList({ name: "Мой список", ownerId: session.user?.id as string });
    data(await addContactListNumber({ listId: list.id, phone: "8 999 000 00 07" }));
    const [entry] = await listContactListEntries({ listId: list.id, offset: 0, limit: 10 });
    if (!entry) throw new Error("the number was not added");
    data(await removeContactListNumber({ listId: list.id, entryId: entry.id }));
    const removed = await latest("contact_list.number_removed");
    expect(removed.subject).toEqual([{ text: "Мой список", href: `/lists/app/${list.id}` }, { text: "+79990000007" }]);
    expect(JSON.stringify(removed.subject)).not.toContain(entry.id);
  });

  it("a list pushed into a Calldron list names both lists", async () => {
    const calldronList = await calldron().createListAndFind("Цель переноса");
    const list = await insertContactList({ name: "Переносимый", ownerId: session.user?.id as string });
    data(await addContactListNumber({ listId: list.id, phone: "8 999 000 00 08" }));
    data(await pushContactListToCalldron({ listId: list.id, connectionId: calldronId, calldronListId: calldronList.id }));
    expect((await latest("calldron.subscribers.added")).subject).toEqual([
      { text: "Переносимый", href: `/lists/app/${list.id}` },
      { text: "Цель переноса", href: `/lists/calldron/${calldronId}/${calldronList.id}` },
    ]);
  });
});

describe("Obzvonilka contacts in the audit log", () => {
  it("a contact created and changed shows its base and its name, each linked, not the contact's id", async () => {
    const { contactId } = data(await createObzvonilkaContact({ connectionId: obzvonilkaId, baseId: 1, input: { name: "Петров Пётр", phone1: "+79161112233" } }));
    const base = `/lists/obzvonilka/${obzvonilkaId}/1`;
    expect((await latest("obzvonilka.contact.created")).subject).toEqual([
      { text: "Клиенты Москва 2026", href: base },
      { text: "Петров Пётр", href: `${base}/contacts/${contactId}` },
    ]);
    data(await updateObzvonilkaContact({ connectionId: obzvonilkaId, baseId: 1, contactId, input: { name: "Петров Пётр Петрович" } }));
    const updated = await latest("obzvonilka.contact.updated");
    expect(updated.subject).toEqual([
      { text: "Клиенты Москва 2026", href: base },
      { text: "Петров Пётр Петрович", href: `${base}/contacts/${contactId}` },
    ]);
    // Only the name: the changed values themselves stay at the provider.
    expect(updated.entry.details).toEqual({ connectionId: obzvonilkaId, baseId: 1, baseName: "Клиенты Москва 2026", contactName: "Петров Пётр Петрович", fields: ["name"] });
  });
});
