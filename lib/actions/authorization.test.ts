import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Every exported server action, called with no session, as a manager and as an admin. The list is read
// from lib/actions/, so an action added without an entry here fails this suite.
const ACCESS: Record<string, "public" | "any" | "admin" | "form"> = {
  signInWithPassword: "public",
  completeSetup: "public",
  signOutAction: "form",
  setLocale: "public",
  changeOwnPassword: "any",
  setTimeZone: "any",
  setTestPhone: "any",
  updateDialingPolicy: "admin",
  listBatchCalls: "any",
  previewCallOne: "any",
  callOne: "any",
  createUser: "admin",
  changeUserRole: "admin",
  setUserDisabled: "admin",
  resetUserPassword: "admin",
  createConnection: "admin",
  editConnection: "admin",
  removeConnection: "admin",
  testConnection: "admin",
  getTaskProgress: "any",
  listMyTasks: "any",
  getTaskItems: "any",
  pauseTask: "any",
  resumeTask: "any",
  cancelTask: "any",
  addDncNumbers: "any",
  checkImport: "any",
  startImport: "any",
  createContactList: "any",
  renameContactList: "any",
  deleteContactList: "any",
  addContactListNumber: "any",
  removeContactListNumber: "any",
  pushContactListToCalldron: "any",
  removeDncNumber: "admin",
  listIvrTemplateChoices: "any",
  getIvrTemplate: "any",
  saveIvrTemplate: "any",
  removeIvrTemplate: "any",
  requestPhoneVerification: "any",
  listCalldogLanguages: "any",
  createCalldogRecordFromFile: "any",
  createCalldogRecordFromText: "any",
  addExistingCalldogRecord: "any",
  removeCalldogRecord: "any",
  createCalldronList: "any",
  deleteCalldronList: "any",
  addCalldronSubscriber: "any",
  removeCalldronSubscriber: "any",
  previewSubscribers: "any",
  startAddSubscribers: "any",
  getRunListChoices: "any",
  previewRunList: "any",
  startRunListAction: "any",
  listRunListTasks: "any",
  createCalldronBatch: "any",
  editCalldronBatch: "any",
  deleteCalldronBatch: "any",
  getWebhookReceiver: "admin",
  rotateWebhookToken: "admin",
  createObzvonilkaContact: "any",
  updateObzvonilkaContact: "any",
  findObzvonilkaContactByCode: "any",
  callDetail: "any",
  callSyncStatus: "any",
  findCampaigns: "any",
  getCalldogLaunchReport: "any",
  getRunningCampaigns: "any",
  launchCalldogCampaign: "any",
  listCalldronListsForCampaign: "any",
  readCampaignResults: "any",
  refreshCalls: "any",
  refreshCampaignStatuses: "any",
  retryCalldogCampaignFailures: "any",
  saveCalldogCampaignStep: "any",
  sendCalldogTestCall: "any",
  getCalldogTestCallStatus: "any",
  sendCalldronTestCall: "any",
  getCalldronTestCall: "any",
  approveLaunch: "admin",
  rejectLaunch: "admin",
};

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: "admin" | "manager"; locale: null; mustChangePassword: boolean } }));
const touched = vi.hoisted(() => ({ calls: 0 }));

vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => key, { has: () => true }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => {} }), headers: async () => new Headers() }));
vi.mock("@/app/(auth)/auth", () => ({ signIn: async () => {}, signOut: async () => {} }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
// Any database access means the body ran: counted, and answered with nothing.
vi.mock("@/lib/db/client", () => ({
  db: async () => {
    touched.calls++;
    throw new Error("database reached");
  },
  getDb: async () => {
    touched.calls++;
    throw new Error("database reached");
  },
}));

const actionFiles = fs.readdirSync(path.join(import.meta.dirname)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "safe-action.ts");

async function allActions(): Promise<[string, (input: unknown) => Promise<unknown>][]> {
  const out: [string, (input: unknown) => Promise<unknown>][] = [];
  for (const file of actionFiles) {
    const source = fs.readFileSync(path.join(import.meta.dirname, file), "utf8");
    expect(source.startsWith('"use server"'), `${file} is a server-action module`).toBe(true);
    const mod = (await import(`./${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") out.push([name, value as never]);
  }
  return out;
}

const user = (role: "admin" | "manager") => ({ id: "00000000-0000-4000-8000-000000000001", email: `${role}@x.test`, name: "", role, locale: null, mustChangePassword: false });

beforeEach(() => {
  touched.calls = 0;
});

describe("authorisation matrix of every server action", () => {
  it("knows every exported action", async () => {
    const names = (await allActions()).map(([name]) => name).sort();
    expect(names).toEqual(Object.keys(ACCESS).sort());
  });

  it.each([
    ["anonymous", null],
    ["manager", "manager"],
  ] as const)("as %s, every action that needs more is refused before it touches the database", async (_who, role) => {
    session.user = role ? user(role) : null;
    for (const [name, fn] of await allActions()) {
      const access = ACCESS[name];
      const allowed = access === "public" || access === "form" || (access === "any" && role !== null);
      if (allowed) continue;
      touched.calls = 0;
      const result = (await fn({})) as { ok: boolean; code?: string };
      expect(result, name).toMatchObject({ ok: false, code: role ? "forbidden" : "unauthenticated" });
      expect(touched.calls, `${name} reached the database`).toBe(0);
    }
  });

  it("with a temporary password still to change, every action but changing it is refused before the database", async () => {
    session.user = { ...user("admin"), mustChangePassword: true };
    for (const [name, fn] of await allActions()) {
      const access = ACCESS[name];
      if (access === "public" || access === "form" || name === "changeOwnPassword") continue;
      touched.calls = 0;
      const result = (await fn({})) as { ok: boolean; code?: string; error?: string };
      expect(result, name).toMatchObject({ ok: false, code: "forbidden", error: "passwordChangeRequired" });
      expect(touched.calls, `${name} reached the database`).toBe(0);
    }
    // The change itself gets past the gate (to input validation).
    const change = (await allActions()).find(([name]) => name === "changeOwnPassword")?.[1];
    expect(await change?.({})).toMatchObject({ ok: false, code: "invalid" });
  });

  it("as an admin, every admin action gets past the role check (to input validation)", async () => {
    session.user = user("admin");
    for (const [name, fn] of await allActions()) {
      if (ACCESS[name] !== "admin") continue;
      const result = (await fn({})) as { ok: boolean; code?: string };
      expect(result, name).toMatchObject({ ok: false, code: "invalid" });
    }
  });
});
