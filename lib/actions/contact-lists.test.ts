import { beforeEach, describe, expect, it, vi } from "vitest";
import { addContactListNumber, deleteContactList, removeContactListNumber, renameContactList } from "@/lib/actions/contact-lists";
import { checkImport } from "@/lib/actions/imports";
import { addContactListEntry, findContactList, insertContactList, listContactListEntries } from "@/lib/db/queries/contact-lists";
import { insertUser } from "@/lib/db/queries/users";
import { setupTestDb } from "@/lib/testing/test-db";

type TestUser = { id: string; email: string; name: string; role: "admin" | "manager"; locale: null; mustChangePassword: boolean };
const session = vi.hoisted(() => ({ user: null as TestUser | null }));

vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => `t:${key}`, { has: () => true }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const testDb = setupTestDb();
let owner: TestUser;
let other: TestUser;
let admin: TestUser;

beforeEach(async () => {
  await testDb.handle.raw.query("truncate contact_lists, users cascade", []);
  const make = async (email: string, role: "admin" | "manager") => {
    const row = await insertUser({ user: { email, name: email, role, passwordHash: "h" } });
    return { id: row.id, email: row.email, name: row.name, role, locale: null, mustChangePassword: false } satisfies TestUser;
  };
  owner = await make("owner@x.test", "manager");
  other = await make("other@x.test", "manager");
  admin = await make("admin@x.test", "admin");
});

describe("kept lists: only the owner or an admin changes them", () => {
  it("refuses another manager's rename, delete, add, remove and import, and changes nothing", async () => {
    const list = await insertContactList({ name: "Owner's", ownerId: owner.id });
    await addContactListEntry({ listId: list.id, phone: "+79990000001" });
    const [entry] = await listContactListEntries({ listId: list.id, offset: 0, limit: 10 });
    session.user = other;
    const refused = { ok: false, code: "failed", error: "t:contactListNotYours" };
    expect(await renameContactList({ listId: list.id, name: "Mine now" })).toMatchObject(refused);
    expect(await deleteContactList({ listId: list.id })).toMatchObject(refused);
    expect(await addContactListNumber({ listId: list.id, phone: "8 999 000 00 02" })).toMatchObject(refused);
    expect(await removeContactListNumber({ listId: list.id, entryId: entry?.id as string })).toMatchObject(refused);
    const importInput = { fileId: "00000000-0000-4000-8000-000000000009", mapping: { phone: [0] }, target: { kind: "app" as const, listId: list.id } };
    expect(await checkImport(importInput)).toMatchObject(refused);
    expect(await findContactList({ id: list.id })).toMatchObject({ name: "Owner's" });
    expect((await listContactListEntries({ listId: list.id, offset: 0, limit: 10 })).map((e) => e.phone)).toEqual(["+79990000001"]);
  });

  it("lets the owner and an admin change it; a list whose owner is gone is an admin's", async () => {
    const list = await insertContactList({ name: "Owner's", ownerId: owner.id });
    session.user = owner;
    expect(await addContactListNumber({ listId: list.id, phone: "8 999 000 00 02" })).toMatchObject({ ok: true, data: { added: true } });
    expect(await renameContactList({ listId: list.id, name: "Renamed" })).toMatchObject({ ok: true });
    session.user = admin;
    expect(await renameContactList({ listId: list.id, name: "By admin" })).toMatchObject({ ok: true });
    expect(await findContactList({ id: list.id })).toMatchObject({ name: "By admin" });

    const orphan = await insertContactList({ name: "Orphan", ownerId: owner.id });
    await testDb.handle.raw.query("update contact_lists set owner_id = null where id = $1", [orphan.id]);
    session.user = owner;
    expect(await deleteContactList({ listId: orphan.id })).toMatchObject({ ok: false, error: "t:contactListNotYours" });
    session.user = admin;
    expect(await deleteContactList({ listId: orphan.id })).toMatchObject({ ok: true });
    expect(await findContactList({ id: orphan.id })).toBeUndefined();
  });
});
