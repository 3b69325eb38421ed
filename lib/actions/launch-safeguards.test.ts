import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { launchCalldogCampaign, saveCalldogCampaignStep } from "@/lib/actions/calldog-campaigns";
import { getCalldogTestCallStatus, sendCalldogTestCall } from "@/lib/actions/calldog-test-call";
import { approveLaunch, rejectLaunch } from "@/lib/actions/launch-approvals";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { listAudit } from "@/lib/db/queries/audit";
import { findCampaign } from "@/lib/db/queries/campaign-launch";
import { insertConnection } from "@/lib/db/queries/connections";
import { addDncEntries } from "@/lib/db/queries/dnc";
import { countPendingApprovals, findApproval } from "@/lib/db/queries/launch-approvals";
import { findTask } from "@/lib/db/queries/tasks";
import { insertUser, updateUser } from "@/lib/db/queries/users";
import { DEMO_KEY, type Kit, startKit } from "@/lib/sim/calldog/test-kit";
import { isOpenAt, nextOpening, windowWithin } from "@/lib/dialing/calling-window";
import { startInWindow } from "@/lib/dialing/screen";
import { setOrgPolicy, windowAround } from "@/lib/testing/dialing-policy";
import { setupTestDb } from "@/lib/testing/test-db";

type Role = "admin" | "manager";
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: "admin" | "manager"; locale: null; mustChangePassword: boolean } }));
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => true }) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

setupTestDb();
let kit: Kit;
let connectionId: string;
const people = {} as Record<Role, { id: string; email: string; name: string; role: Role; locale: null; mustChangePassword: boolean }>;

beforeAll(async () => {
  kit = await startKit();
  for (const role of ["admin", "manager"] as const) {
    const user = await insertUser({ user: { email: `${role}-guard@x.test`, name: role, passwordHash: "h", role } });
    people[role] = { id: user.id, email: user.email, name: user.name, role, locale: null, mustChangePassword: false };
  }
  connectionId = randomUUID();
  await insertConnection({ connection: { id: connectionId, name: "Calldog sim", provider: "calldog", baseUrl: kit.baseUrl, ...sealApiKey(connectionId, DEMO_KEY) } });
});
afterAll(async () => kit.server.close());
beforeEach(async () => {
  kit.server.log.reset("calldog");
  session.user = people.manager;
  await setOrgPolicy(windowAround(new Date()));
});

const creates = () => kit.server.log.entries("calldog").filter((e) => e.path.includes("apiCalls/create") && e.status === 200);
let block = 0;
const numbers = (n: number) => {
  block += 1;
  return Array.from({ length: n }, (_, i) => `+7916${String(block).padStart(3, "0")}${String(i).padStart(4, "0")}`);
};

/** A draft checked through every step, launching "now" unless a schedule is given. */
async function readyDraft(
  phones: string[],
  schedule: { mode: "now" } | { mode: "at"; local: string } = { mode: "now" },
  { timeZone = "Europe/Moscow", window }: { timeZone?: string; window?: { from: string; to: string } } = {},
) {
  const save = (campaignId: string | undefined, data: Exclude<Parameters<typeof saveCalldogCampaignStep>[0], FormData>["data"]) => saveCalldogCampaignStep({ connectionId, campaignId, name: "Guarded", data });
  const first = await save(undefined, { step: "recipients", source: "paste", text: phones.join("\n"), listRef: "" });
  if (!first.ok) throw new Error(first.error);
  const id = first.data.campaignId;
  for (const data of [
    { step: "callerId", callerId: { mode: "duty" } },
    { step: "message", message: { kind: "tts", text: "Проверка.", gender: "female", lang: "ru-RU" } },
    { step: "menu", menu: { handlers: [] } },
    { step: "schedule", ...schedule, local: "local" in schedule ? schedule.local : "", timeZone, windowFrom: window?.from, windowTo: window?.to, needRecording: false },
  ] as const) {
    const saved = await save(id, data as never);
    if (!saved.ok) throw new Error(saved.error);
  }
  const view = await save(id, { step: "menu", menu: { handlers: [] } });
  if (!view.ok) throw new Error(view.error);
  return view.data;
}

async function findCampaignPhones(id: string): Promise<string[]> {
  const settings = (await findCampaign({ id }))?.settings as { recipients?: { phones: string[] } };
  return settings.recipients?.phones ?? [];
}

describe("launch safeguards", () => {
  it("a time picked outside the calling window is moved to its next opening, and the review says so", async () => {
    await setOrgPolicy({ from: "09:00", to: "20:00" });
    const tomorrow = new Date(Date.now() + 86_400_000 + 3 * 3_600_000).toISOString().slice(0, 10);
    const view = await readyDraft(numbers(2), { mode: "at", local: `${tomorrow}T22:30` });
    const next = new Date(`${tomorrow}T06:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(view.plannedAt).toBe(next.toISOString());
    expect(view.start).toMatchObject({ moved: true, at: next.toISOString(), window: { from: "09:00", to: "20:00", timeZone: "Europe/Moscow" } });
    // Inside the window it stays as picked.
    const inside = await readyDraft(numbers(2), { mode: "at", local: `${tomorrow}T10:15` });
    expect(inside.start.moved).toBe(false);
    expect(inside.plannedAt).toBe(new Date(`${tomorrow}T07:15:00Z`).toISOString());
  });

  it("the gate checks a start already past at now: open now it stays, closed now it moves to the next opening", async () => {
    const past = new Date(Date.now() - 5 * 3_600_000);
    expect(await startInWindow({ at: past, timeZone: "Europe/Moscow" })).toMatchObject({ moved: false, open: true });
    const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Moscow", hour: "numeric", hourCycle: "h23" }).format(new Date()));
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
    // Open five hours ago, closed now.
    await setOrgPolicy({ from: hh(hour - 6), to: hh(hour - 4) });
    const start = await startInWindow({ at: past, timeZone: "Europe/Moscow" });
    expect(start.moved).toBe(true);
    expect(start.startAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("over 1,000 numbers the count must be typed, checked on the server", async () => {
    const view = await readyDraft(numbers(1001));
    const base = { campaignId: view.campaignId, launchKey: view.launchKey, confirmedCount: 1001 };
    expect(await launchCalldogCampaign(base)).toMatchObject({ ok: false, error: "launchGuard.errors.typeCount" });
    expect(await launchCalldogCampaign({ ...base, typedCount: 1000 })).toMatchObject({ ok: false, error: "launchGuard.errors.typeCount" });
    const launched = await launchCalldogCampaign({ ...base, typedCount: 1001 });
    expect(launched).toMatchObject({ ok: true, data: { approval: null } });
  });

  it("a manager's launch above the limit waits for an admin: one request, approval starts it as the manager's, rejection says why", async () => {
    await setOrgPolicy({ ...windowAround(new Date()), limit: 2 });
    const view = await readyDraft(numbers(3));
    const ask = { campaignId: view.campaignId, launchKey: view.launchKey, confirmedCount: 3 };
    const [a, b] = await Promise.all([launchCalldogCampaign(ask), launchCalldogCampaign(ask)]);
    if (!a.ok || !b.ok) throw new Error("asking failed");
    expect(a.data.taskId).toBeNull();
    expect(a.data.approval).toMatchObject({ state: "pending", count: 3 });
    expect(b.data.approval?.id).toBe(a.data.approval?.id);
    expect(await countPendingApprovals()).toBe(1);
    // The draft edited while waiting: asking again updates the pending request to the new count, still one request.
    const edited = await saveCalldogCampaignStep({
      connectionId,
      campaignId: view.campaignId,
      name: "Guarded",
      data: { step: "recipients", source: "paste", text: numbers(4).join("\n"), listRef: "" },
    });
    if (!edited.ok) throw new Error(edited.error);
    const four = await launchCalldogCampaign({ ...ask, confirmedCount: 4 });
    expect(four.ok && four.data.approval).toMatchObject({ id: a.data.approval?.id, count: 4 });
    const back = await saveCalldogCampaignStep({
      connectionId,
      campaignId: view.campaignId,
      name: "Guarded",
      data: { step: "recipients", source: "paste", text: (await findCampaignPhones(view.campaignId)).slice(0, 3).join("\n"), listRef: "" },
    });
    if (!back.ok) throw new Error(back.error);
    expect((await launchCalldogCampaign(ask)).ok).toBe(true);
    expect(await countPendingApprovals()).toBe(1);
    expect((await findCampaign({ id: view.campaignId }))?.state).toBe("draft");
    expect(creates()).toEqual([]);

    // A manager cannot approve; an admin can, and that starts the launch under the manager's name.
    expect(await approveLaunch({ id: a.data.approval?.id as string })).toMatchObject({ ok: false, code: "forbidden" });
    session.user = people.admin;
    const approved = await approveLaunch({ id: a.data.approval?.id as string });
    if (!approved.ok) throw new Error(approved.error);
    const task = await findTask({ id: approved.data.taskId as string });
    expect(task).toMatchObject({ kind: "calldog.launch", ownerId: people.manager.id, total: 3 });
    expect((await findCampaign({ id: view.campaignId }))?.state).toBe("launching");
    expect(await approveLaunch({ id: a.data.approval?.id as string })).toMatchObject({ ok: false, error: "approvals.errors.decided" });
    const audit = await listAudit({});
    expect(audit.find((e) => e.action === "launch.approval_requested")?.details).toMatchObject({ count: 3 });
    expect(audit.find((e) => e.action === "launch.approved")?.details).toMatchObject({ count: 3, requestedBy: people.manager.id });
    expect(audit.find((e) => e.action === "calldog.campaign.launched" && e.target === view.campaignId)).toMatchObject({ actorId: people.manager.id });

    // Rejected: the manager's review shows the reason; asking again makes a new request.
    session.user = people.manager;
    const other = await readyDraft(numbers(3));
    const asked = await launchCalldogCampaign({ campaignId: other.campaignId, launchKey: other.launchKey, confirmedCount: 3 });
    if (!asked.ok || !asked.data.approval) throw new Error("asking failed");
    session.user = people.admin;
    expect(await rejectLaunch({ id: asked.data.approval.id, reason: "" })).toMatchObject({ ok: false });
    expect(await rejectLaunch({ id: asked.data.approval.id, reason: "Not before the holidays." })).toMatchObject({ ok: true });
    expect(await findApproval({ id: asked.data.approval.id })).toMatchObject({ state: "rejected", reason: "Not before the holidays.", decidedBy: people.admin.id });
    session.user = people.manager;
    const again = await saveCalldogCampaignStep({ connectionId, campaignId: other.campaignId, name: "Guarded", data: { step: "menu", menu: { handlers: [] } } });
    expect(again.ok && again.data.approval).toMatchObject({ state: "rejected", reason: "Not before the holidays." });
    expect((await findCampaign({ id: other.campaignId }))?.state).toBe("draft");

    // An admin's own launch above the limit needs nobody.
    session.user = people.admin;
    const own = await readyDraft(numbers(3));
    expect(await launchCalldogCampaign({ campaignId: own.campaignId, launchKey: own.launchKey, confirmedCount: 3 })).toMatchObject({ ok: true, data: { approval: null } });
  });

  it("the audit log counts the numbers dialed, as confirmed, and those held back — not the do-not-call numbers the task reports", async () => {
    const [held, ...phones] = numbers(4);
    await addDncEntries({ entries: [{ phone: held as string }] });
    const withHeld = [...phones, held as string, phones[0] as string, "12345"];
    const direct = await readyDraft(withHeld);
    expect((await launchCalldogCampaign({ campaignId: direct.campaignId, launchKey: direct.launchKey, confirmedCount: 3 })).ok).toBe(true);
    const launched = (id: string) => listAudit({}).then((audit) => audit.find((e) => e.action === "calldog.campaign.launched" && e.target === id)?.details);
    expect(await launched(direct.campaignId)).toMatchObject({ count: 3, heldBack: { dnc: 1, invalid: 1, duplicate: 1 } });

    await setOrgPolicy({ ...windowAround(new Date()), limit: 2 });
    const asked = await readyDraft(withHeld);
    const request = await launchCalldogCampaign({ campaignId: asked.campaignId, launchKey: asked.launchKey, confirmedCount: 3 });
    if (!request.ok || !request.data.approval) throw new Error("asking failed");
    session.user = people.admin;
    expect((await approveLaunch({ id: request.data.approval.id })).ok).toBe(true);
    expect(await launched(asked.campaignId)).toMatchObject({ count: 3, heldBack: { dnc: 1, invalid: 1, duplicate: 1 } });
  });

  it("a test call sends the draft's message to the user's own number once, through the do-not-call list and the window", async () => {
    const view = await readyDraft(numbers(2));
    expect(await sendCalldogTestCall({ campaignId: view.campaignId })).toMatchObject({ ok: false, error: "testCall.errors.noPhone" });
    await updateUser({ id: people.manager.id, patch: { testPhone: "+79169990011" } });
    const sent = await sendCalldogTestCall({ campaignId: view.campaignId });
    if (!sent.ok) throw new Error(sent.error);
    expect(creates().map((e) => e.phone)).toEqual(["79169990011"]);
    expect((creates()[0]?.bodyShape as Record<string, unknown> | undefined)?.plannedAt).toBeUndefined();
    const status = await getCalldogTestCallStatus({ campaignId: view.campaignId });
    expect(status.ok && status.data.status).not.toBe("unknown");
    const reread = await saveCalldogCampaignStep({ connectionId, campaignId: view.campaignId, name: "Guarded", data: { step: "menu", menu: { handlers: [] } } });
    expect(reread.ok && reread.data.testCall).toMatchObject({ callId: sent.data.callId });
    expect((await listAudit({})).find((e) => e.action === "calldog.campaign.testCall")?.details).toMatchObject({ count: 1, phone: "+79169990011" });

    // The window closed: nothing sent, not planned for later either; the answer says when the window opens next.
    kit.server.log.reset("calldog");
    const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Moscow", hour: "numeric", hourCycle: "h23" }).format(new Date()));
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
    // The campaign takes the organisation's window as its own at the schedule step: saved again with the new one.
    const rescheduled = async () => {
      const saved = await saveCalldogCampaignStep({ connectionId, campaignId: view.campaignId, name: "Guarded", data: { step: "schedule", mode: "now", local: "", timeZone: "Europe/Moscow", needRecording: false } });
      if (!saved.ok) throw new Error(saved.error);
    };
    await setOrgPolicy({ from: hh(hour + 2), to: hh(hour + 4) });
    await rescheduled();
    const closed = await sendCalldogTestCall({ campaignId: view.campaignId });
    const window = { from: hh(hour + 2), to: hh(hour + 4), timeZone: "Europe/Moscow" };
    expect(closed).toEqual({ ok: true, data: { sent: false, windowClosed: { from: window.from, to: window.to, zone: "Europe/Moscow", opensAt: expect.any(String) } } });
    const opensAt = new Date(closed.ok && !closed.data.sent ? closed.data.windowClosed.opensAt : 0);
    // The window's next opening: at its start on the Moscow wall clock, within the next two hours.
    expect(opensAt.getTime()).toBe(nextOpening(window, new Date()).getTime());
    expect(opensAt.getTime() - Date.now()).toBeGreaterThan(0);
    expect(opensAt.getTime() - Date.now()).toBeLessThanOrEqual(2 * 3_600_000);
    expect(isOpenAt(window, opensAt)).toBe(true);
    expect(creates()).toEqual([]);
    // On the do-not-call list: refused, nothing sent.
    await setOrgPolicy(windowAround(new Date()));
    await rescheduled();
    await addDncEntries({ entries: [{ phone: "+79169990011" }] });
    expect(await sendCalldogTestCall({ campaignId: view.campaignId })).toMatchObject({ ok: false, error: "testCall.errors.dnc" });
    expect(creates()).toEqual([]);
  });
});

/** `HH:00` on the wall clock of `timeZone`, `offset` hours from this hour. */
function hourFromNow(offset: number, timeZone = "Europe/Moscow"): string {
  const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).format(new Date()));
  return `${String((((hour + offset) % 24) + 24) % 24).padStart(2, "0")}:00`;
}

describe("a Calldog campaign's own calling window and time zone", () => {
  const schedule = (campaignId: string, data: Record<string, unknown>) =>
    saveCalldogCampaignStep({ connectionId, campaignId, name: "Guarded", data: { step: "schedule", mode: "now", local: "", timeZone: "Europe/Moscow", needRecording: false, ...data } as never });

  it("the schedule step keeps a zone and a window for 'now' too, by default the organisation's; a window outside it is refused with both times marked", async () => {
    await setOrgPolicy({ from: "09:00", to: "20:00" });
    const view = await readyDraft(numbers(2));
    expect(view.schedule).toMatchObject({ mode: "now", window: { from: "09:00", to: "20:00" } });
    const zoned = await schedule(view.campaignId, { timeZone: "Asia/Yekaterinburg", windowFrom: "10:00", windowTo: "18:00" });
    expect(zoned.ok && zoned.data.start.window).toEqual({ from: "10:00", to: "18:00", timeZone: "Asia/Yekaterinburg" });
    expect((await findCampaign({ id: view.campaignId }))?.timeZone).toBe("Asia/Yekaterinburg");

    expect(await schedule(view.campaignId, { windowFrom: "08:00", windowTo: "12:00" })).toMatchObject({
      ok: false,
      error: "dialingPolicy.errors.outsideWindow",
      fieldErrors: { windowFrom: "dialingPolicy.errors.outsideWindowField", windowTo: "dialingPolicy.errors.outsideWindowField" },
    });
    expect(await schedule(view.campaignId, { windowFrom: "19:00", windowTo: "21:00" })).toMatchObject({ ok: false, error: "dialingPolicy.errors.outsideWindow" });
    expect(await schedule(view.campaignId, { windowFrom: "12:00", windowTo: "12:00" })).toMatchObject({ ok: false, error: "dialingPolicy.errors.emptyWindow" });
    expect(await schedule(view.campaignId, { windowFrom: "9:00", windowTo: "12:00" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "data.windowFrom": expect.any(String) } });
    expect(await schedule(view.campaignId, { timeZone: "Mars/Olympus" })).toMatchObject({ ok: false, error: "calldogCampaign.errors.timeZoneUnknown" });
    // What was refused changed nothing.
    const kept = await schedule(view.campaignId, { timeZone: "Asia/Yekaterinburg", windowFrom: "10:00", windowTo: "18:00" });
    expect(kept.ok && kept.data.schedule).toMatchObject({ window: { from: "10:00", to: "18:00" } });
  });

  it("a picked time inside the organisation's window but outside the campaign's is moved to the campaign's next opening, on the campaign's clock", async () => {
    await setOrgPolicy({ from: "09:00", to: "20:00" });
    // Tomorrow on the Yekaterinburg wall clock (UTC+5).
    const tomorrow = new Date(Date.now() + 86_400_000 + 5 * 3_600_000).toISOString().slice(0, 10);
    const zone = { timeZone: "Asia/Yekaterinburg", window: { from: "10:00", to: "12:00" } };
    const moved = await readyDraft(numbers(2), { mode: "at", local: `${tomorrow}T14:00` }, zone);
    const next = new Date(`${tomorrow}T05:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(moved.plannedAt).toBe(next.toISOString());
    expect(moved.start).toEqual({ at: next.toISOString(), moved: true, window: { from: "10:00", to: "12:00", timeZone: "Asia/Yekaterinburg" } });
    expect(moved.schedule).toMatchObject({ mode: "at", timeZone: "Asia/Yekaterinburg", moved: true });
    const inside = await readyDraft(numbers(2), { mode: "at", local: `${tomorrow}T11:15` }, zone);
    expect(inside.start.moved).toBe(false);
    expect(inside.plannedAt).toBe(new Date(`${tomorrow}T06:15:00Z`).toISOString());
  });

  it("'now' while the campaign's window is closed (the organisation's open): the review and the launch plan the start at its opening, and the test call waits for it", async () => {
    // The organisation's window is open now; the campaign's opens within the next hour or two.
    await setOrgPolicy(windowAround(new Date()));
    const window = { from: hourFromNow(1), to: hourFromNow(2) };
    const view = await readyDraft(numbers(2), { mode: "now" }, { window });
    const opening = nextOpening({ ...window, timeZone: "Europe/Moscow" }, new Date());
    expect(view.start).toEqual({ at: opening.toISOString(), moved: true, window: { ...window, timeZone: "Europe/Moscow" } });

    await updateUser({ id: people.manager.id, patch: { testPhone: "+79169990022" } });
    const test = await sendCalldogTestCall({ campaignId: view.campaignId });
    expect(test).toEqual({ ok: true, data: { sent: false, windowClosed: { ...window, zone: "Europe/Moscow", opensAt: opening.toISOString() } } });
    expect(creates()).toEqual([]);

    expect((await launchCalldogCampaign({ campaignId: view.campaignId, launchKey: view.launchKey, confirmedCount: 2 })).ok).toBe(true);
    const launched = await findCampaign({ id: view.campaignId });
    expect(launched?.plannedAt?.toISOString()).toBe(opening.toISOString());
    expect(launched?.settings).toMatchObject({ schedule: { mode: "now", window, moved: true } });
  });

  it("a launch is refused when the organisation's window was narrowed so that the campaign's no longer lies within it", async () => {
    await setOrgPolicy(windowAround(new Date()));
    const window = { from: hourFromNow(0), to: hourFromNow(2) };
    const view = await readyDraft(numbers(2), { mode: "now" }, { window });
    const narrowed = { from: hourFromNow(2), to: hourFromNow(3) };
    expect(windowWithin(window, narrowed)).toBe(false);
    await setOrgPolicy(narrowed);
    expect(await launchCalldogCampaign({ campaignId: view.campaignId, launchKey: view.launchKey, confirmedCount: 2 })).toMatchObject({
      ok: false,
      error: "calldogCampaign.errors.windowOutsidePolicy",
    });
    expect((await findCampaign({ id: view.campaignId }))?.state).toBe("draft");
  });
});
