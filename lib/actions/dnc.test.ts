import { beforeEach, describe, expect, it, vi } from "vitest";
import { addDncNumbers, removeDncNumber } from "@/lib/actions/dnc";
import { listAudit } from "@/lib/db/queries/audit";
import { insertUser } from "@/lib/db/queries/users";
import { listDncEntries } from "@/lib/db/queries/dnc";
import { screenForDialing } from "@/lib/dialing/screen";
import { setupTestDb } from "@/lib/testing/test-db";

type TestUser = { id: string; email: string; name: string; role: "admin" | "manager"; locale: null; mustChangePassword: boolean };
const session = vi.hoisted(() => ({ user: null as TestUser | null }));

vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => `t:${key}`, { has: () => true }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));

const testDb = setupTestDb();
let manager: TestUser;
let admin: TestUser;

beforeEach(async () => {
  await testDb.handle.raw.query("truncate dnc_entries, audit_log, users cascade", []);
  const make = async (role: "admin" | "manager") => {
    const row = await insertUser({ user: { email: `${role}@x.test`, name: role, role, passwordHash: "h" } });
    return { id: row.id, email: row.email, name: row.name, role, locale: null, mustChangePassword: false } satisfies TestUser;
  };
  manager = await make("manager");
  admin = await make("admin");
  session.user = manager;
});

describe("adding to the do-not-call list", () => {
  it("normalises every common way of writing a number, and reports invalid ones and repeats", async () => {
    const result = await addDncNumbers({
      phones: "8 (999) 777-88-55\n+7 999 7778856; 9997778857, 79997778858\n+7 (999) 777 88 55\n12345\nabc",
      reason: "  asked not to be called  ",
    });
    expect(result).toEqual({
      ok: true,
      data: {
        added: ["+7 999 777 88 55", "+7 999 777 88 56", "+7 999 777 88 57", "+7 999 777 88 58"],
        alreadyListed: [],
        invalid: ["12345", "abc"],
        duplicates: ["+7 999 777 88 55"],
      },
    });
    const rows = await listDncEntries({});
    expect(rows.map((r) => r.phone).sort()).toEqual(["+79997778855", "+79997778856", "+79997778857", "+79997778858"]);
    expect(rows.every((r) => r.reason === "asked not to be called" && r.addedByEmail === "manager@x.test" && r.addedById === manager.id)).toBe(true);
    // The dialing check sees them at once.
    expect((await screenForDialing({ phones: ["+79997778855", "+79990000000"] })).allowed).toEqual(["+79990000000"]);
  });

  it("keeps a number's first entry and says it was already listed", async () => {
    await addDncNumbers({ phones: "89997778855", reason: "first" });
    session.user = admin;
    const again = await addDncNumbers({ phones: "+79997778855\n89997778866", reason: "second" });
    expect(again).toMatchObject({ ok: true, data: { added: ["+7 999 777 88 66"], alreadyListed: ["+7 999 777 88 55"] } });
    const [first] = await listDncEntries({ search: "7778855" });
    expect(first).toMatchObject({ reason: "first", addedByEmail: "manager@x.test" });
  });

  it("refuses a missing reason, and text with no valid number, with messages in the fields", async () => {
    expect(await addDncNumbers({ phones: "89997778855", reason: " " })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: "t:dncReasonRequired" } });
    expect(await addDncNumbers({ phones: "123\nabc", reason: "r" })).toMatchObject({
      ok: false,
      error: "t:dncNoValidNumbers",
      fieldErrors: { phones: "t:dncNoValidNumbers" },
      keys: { error: { key: "dncNoValidNumbers" } },
    });
    const many = Array.from({ length: 1001 }, (_, i) => `+7999${String(i).padStart(7, "0")}`).join("\n");
    expect(await addDncNumbers({ phones: many, reason: "r" })).toMatchObject({ ok: false, error: "t:dncTooMany" });
    expect(await listDncEntries({})).toEqual([]);
  });

  it("is refused without a session", async () => {
    session.user = null;
    expect(await addDncNumbers({ phones: "89997778855", reason: "r" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await listDncEntries({})).toEqual([]);
  });
});

describe("removing from the do-not-call list", () => {
  it("is refused to a manager, and the entry stays", async () => {
    await addDncNumbers({ phones: "89997778855", reason: "r" });
    const [entry] = await listDncEntries({});
    expect(await removeDncNumber({ id: entry?.id as string })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await listDncEntries({})).toHaveLength(1);
  });

  it("is done by an admin and audited with the number, the reason and who added it", async () => {
    await addDncNumbers({ phones: "89997778855", reason: "complained" });
    const [entry] = await listDncEntries({});
    session.user = admin;
    expect(await removeDncNumber({ id: entry?.id as string })).toEqual({ ok: true, data: { phone: "+7 999 777 88 55" } });
    expect(await listDncEntries({})).toEqual([]);
    const [audit] = await listAudit({});
    expect(audit).toMatchObject({
      action: "dnc.removed",
      actorEmail: "admin@x.test",
      target: "+79997778855",
      ip: "203.0.113.9",
      details: { reason: "complained", addedBy: "manager@x.test" },
    });
    // A second removal of the same entry says it is gone.
    expect(await removeDncNumber({ id: entry?.id as string })).toMatchObject({ ok: false, error: "t:dncEntryGone" });
  });
});

describe("listing", () => {
  it("pages by keyset in both directions and finds numbers written as people write them", async () => {
    for (let i = 0; i < 7; i++) await addDncNumbers({ phones: `+7999111000${i}`, reason: i % 2 ? "odd" : "even" });
    const page1 = await listDncEntries({ limit: 3 });
    const page2 = await listDncEntries({ limit: 3, before: page1.at(-1) });
    const page3 = await listDncEntries({ limit: 3, before: page2.at(-1) });
    expect([...page1, ...page2, ...page3].map((e) => e.phone)).toEqual(Array.from({ length: 7 }, (_, i) => `+7999111000${6 - i}`));
    expect((await listDncEntries({ limit: 3, after: page2[0] })).map((e) => e.phone)).toEqual(page1.map((e) => e.phone));
    expect((await listDncEntries({ search: "8 (999) 111-00-03" })).map((e) => e.phone)).toEqual(["+79991110003"]);
    expect(await listDncEntries({ search: "ODD" })).toHaveLength(3);
  });
});
