import { beforeEach, describe, expect, it, vi } from "vitest";
import { updateDialingPolicy } from "@/lib/actions/dialing-policy";
import { setTestPhone } from "@/lib/actions/test-phone";
import { listAudit } from "@/lib/db/queries/audit";
import { readDialingPolicy } from "@/lib/db/queries/org-settings";
import { findUserById, insertUser } from "@/lib/db/queries/users";
import { assertWindowWithinPolicy } from "@/lib/dialing/window-policy";
import { SafeError } from "@/lib/errors";
import { setupTestDb } from "@/lib/testing/test-db";

type TestUser = { id: string; email: string; name: string; role: "admin" | "manager"; locale: null; mustChangePassword: boolean };
const session = vi.hoisted(() => ({ user: null as TestUser | null }));

vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => `t:${key}`, { has: () => true }),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const testDb = setupTestDb();
let admin: TestUser;
let manager: TestUser;

beforeEach(async () => {
  await testDb.handle.raw.query("truncate org_settings, audit_log, users cascade", []);
  const make = async (role: "admin" | "manager") => {
    const row = await insertUser({ user: { email: `${role}@x.test`, name: role, role, passwordHash: "h" } });
    return { id: row.id, email: row.email, name: row.name, role, locale: null, mustChangePassword: false } satisfies TestUser;
  };
  admin = await make("admin");
  manager = await make("manager");
  session.user = admin;
});

describe("the organisation's dialing policy", () => {
  it("starts at 09:00–20:00 and 5,000 numbers; an admin changes it, audited with the old and new values", async () => {
    expect(await readDialingPolicy()).toMatchObject({ callingWindowFrom: "09:00", callingWindowTo: "20:00", managerLaunchLimit: 5000, updatedAt: null });
    const result = await updateDialingPolicy({ callingWindowFrom: "10:00", callingWindowTo: "19:30", managerLaunchLimit: "2000" });
    expect(result).toMatchObject({ ok: true });
    expect(await readDialingPolicy()).toMatchObject({ callingWindowFrom: "10:00", callingWindowTo: "19:30", managerLaunchLimit: 2000 });
    const [entry] = await listAudit({});
    expect(entry).toMatchObject({ action: "org.dialing_policy_changed", actorEmail: "admin@x.test" });
    expect(entry?.details).toEqual({ before: { from: "09:00", to: "20:00", limit: 5000 }, after: { from: "10:00", to: "19:30", limit: 2000 } });
  });

  it("refuses malformed times, an empty window and a limit out of range, next to the fields, changing nothing", async () => {
    const bad = await updateDialingPolicy({ callingWindowFrom: "9", callingWindowTo: "09:00", managerLaunchLimit: "0" });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    expect(bad.ok ? [] : Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["callingWindowFrom", "managerLaunchLimit"]);
    const empty = await updateDialingPolicy({ callingWindowFrom: "09:00", callingWindowTo: "09:00", managerLaunchLimit: "10" });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { callingWindowTo: "t:dialingPolicy.errors.emptyWindow" } });
    expect((await readDialingPolicy()).updatedAt).toBeNull();
  });

  it("is not a manager's to change", async () => {
    session.user = manager;
    expect(await updateDialingPolicy({ callingWindowFrom: "00:00", callingWindowTo: "23:59", managerLaunchLimit: "1000000" })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await readDialingPolicy()).callingWindowFrom).toBe("09:00");
  });
});

describe("a campaign's window against the policy", () => {
  it("passes within the organisation's window and is refused outside it, naming the window and marking both fields", async () => {
    await updateDialingPolicy({ callingWindowFrom: "10:00", callingWindowTo: "19:30", managerLaunchLimit: "5000" });
    const fields = { from: "timeFrom", to: "timeTo" };
    await expect(assertWindowWithinPolicy({ from: "10:00", to: "19:00" }, fields)).resolves.toBeUndefined();
    const refused = await assertWindowWithinPolicy({ from: "09:00", to: "19:00" }, fields).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SafeError);
    expect(refused).toMatchObject({
      messageKey: "dialingPolicy.errors.outsideWindow",
      values: { from: "10:00", to: "19:30" },
      fieldErrors: { timeFrom: "dialingPolicy.errors.outsideWindowField", timeTo: "dialingPolicy.errors.outsideWindowField" },
    });
  });
});

describe("a user's number for test calls", () => {
  it("is kept normalised, refused when invalid, and cleared when empty", async () => {
    session.user = manager;
    expect(await setTestPhone({ phone: "8 (999) 777-88-55" })).toEqual({ ok: true, data: { phone: "+79997778855" } });
    expect((await findUserById({ id: manager.id }))?.testPhone).toBe("+79997778855");
    expect(await setTestPhone({ phone: "12345" })).toMatchObject({ ok: false, fieldErrors: { phone: "t:testPhone.errors.invalid" } });
    expect((await findUserById({ id: manager.id }))?.testPhone).toBe("+79997778855");
    expect(await setTestPhone({ phone: "  " })).toEqual({ ok: true, data: { phone: null } });
    expect((await findUserById({ id: manager.id }))?.testPhone).toBeNull();
  });
});
