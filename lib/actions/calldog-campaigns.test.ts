import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { launchCalldogCampaign, saveCalldogCampaignStep } from "@/lib/actions/calldog-campaigns";
import { emptyHandler, type IvrMenu } from "@/lib/calldog/ivr-menu";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { listAudit } from "@/lib/db/queries/audit";
import { findCampaign } from "@/lib/db/queries/campaign-launch";
import { insertConnection } from "@/lib/db/queries/connections";
import { addDncEntries } from "@/lib/db/queries/dnc";
import { findTask } from "@/lib/db/queries/tasks";
import { insertUser } from "@/lib/db/queries/users";
import { DEMO_CALLER, DEMO_KEY, type Kit, startKit } from "@/lib/sim/calldog/test-kit";
import { setOrgPolicy, windowAround } from "@/lib/testing/dialing-policy";
import { setupTestDb } from "@/lib/testing/test-db";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: "manager"; locale: null; mustChangePassword: boolean } }));
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => true }) }));

setupTestDb();
let kit: Kit;
let connectionId: string;

beforeAll(async () => {
  kit = await startKit();
  const user = await insertUser({ user: { email: "wizard@x.test", name: "Wanda", passwordHash: "h", role: "manager" } });
  session.user = { id: user.id, email: user.email, name: user.name, role: "manager", locale: null, mustChangePassword: false };
  // Open now, whenever the suite runs: the window's own behaviour has its tests below.
  await setOrgPolicy(windowAround(new Date()));
  connectionId = randomUUID();
  await insertConnection({ connection: { id: connectionId, name: "Calldog sim", provider: "calldog", baseUrl: kit.baseUrl, ...sealApiKey(connectionId, DEMO_KEY) } });
});
afterAll(async () => kit.server.close());
beforeEach(() => kit.server.log.reset("calldog"));

const creates = () => kit.server.log.entries("calldog").filter((e) => e.path.includes("apiCalls/create"));

function menu(...handlers: Partial<IvrMenu["handlers"][number]>[]): IvrMenu {
  return { handlers: handlers.map((h) => ({ ...emptyHandler("1"), ...h })) };
}

async function step(campaignId: string | undefined, data: Parameters<typeof saveCalldogCampaignStep>[0] extends infer I ? (I extends { data: infer D } ? D : never) : never) {
  return saveCalldogCampaignStep({ connectionId, campaignId, name: "Напоминание", data });
}

describe("Calldog campaign wizard actions", () => {
  it("walks the steps, each checked on the server and kept in the draft; bad input is refused and nothing is sent", async () => {
    await addDncEntries({ entries: [{ phone: "+79170000003" }] });
    const paste = ["+7 917 000-00-01", "89170000002", "+79170000003", "12345", "+79170000001", "+44 20 7946 0958"].join("\n");
    const first = await step(undefined, { step: "recipients", source: "paste", text: paste, listRef: "" });
    if (!first.ok) throw new Error(first.error);
    const view = first.data;
    expect(view.recipients).toMatchObject({ count: 2, invalidCount: 2, dncCount: 1, duplicates: 1, invalid: ["12345", "+442079460958"] });
    expect(view.reached).toBe("callerId");
    const id = view.campaignId;

    // A reload finds the draft as it was.
    expect((await findCampaign({ id }))?.state).toBe("draft");

    expect(await step(id, { step: "callerId", callerId: { mode: "phone", phone: "+74997001122" } })).toMatchObject({ ok: false, error: "calldogCampaign.errors.callerIdUnconfirmed" });
    expect(await step(id, { step: "callerId", callerId: { mode: "phone", phone: DEMO_CALLER } })).toMatchObject({ ok: true });

    expect(await step(id, { step: "message", message: { kind: "tts", text: "a".repeat(1025), gender: "female", lang: "ru-RU" } })).toMatchObject({ ok: false, code: "invalid" });
    expect(await step(id, { step: "message", message: { kind: "tts", text: "Привет", gender: "female", lang: "xx-XX" } })).toMatchObject({ ok: false });
    expect(await step(id, { step: "message", message: { kind: "tts", text: "Добрый день! Напоминаем о визите.", gender: "male", lang: "ru-RU" } })).toMatchObject({ ok: true });

    const smsTooLong = menu({ digit: "2", blacklist: true, sms: { text: "я".repeat(71) } });
    expect(await step(id, { step: "menu", menu: smsTooLong })).toMatchObject({ ok: false, error: "calldogCampaign.errors.menuInvalid" });
    const twice = menu({ digit: "1", transfer: { phone: "+74951234567" } }, { digit: "1", blacklist: true });
    expect(await step(id, { step: "menu", menu: twice })).toMatchObject({ ok: false, error: "calldogCampaign.errors.menuInvalid" });
    const good = menu(
      { digit: "1", transfer: { phone: "+74951234567" } },
      { digit: "2", blacklist: true, sms: { text: "я".repeat(70) } },
      { digit: "3", webhook: { url: "https://example.test/hook", parameters: [{ key: "source", value: "prozvon" }] } },
      { digit: "", play: null },
    );
    expect(await step(id, { step: "menu", menu: good })).toMatchObject({ ok: true });

    const soon = new Date(Date.now() + 10_000);
    const local = (d: Date) => new Date(d.getTime() + 3 * 3_600_000).toISOString().slice(0, 16);
    expect(await step(id, { step: "schedule", mode: "at", local: local(soon), timeZone: "Europe/Moscow", needRecording: true })).toMatchObject({
      ok: false,
      error: "calldogCampaign.errors.scheduleInPast",
    });
    const later = new Date(Date.now() + 5 * 60_000);
    const scheduled = await step(id, { step: "schedule", mode: "at", local: local(later), timeZone: "Europe/Moscow", needRecording: true });
    if (!scheduled.ok) throw new Error(scheduled.error);
    expect(scheduled.data).toMatchObject({ reached: "review", needRecording: true, ttsKopecks: 40 });
    expect(Math.abs(Date.parse(scheduled.data.plannedAt ?? "") - later.getTime())).toBeLessThan(60_000);
    expect(creates()).toEqual([]);

    // Launch: the count confirmed must be the count checked; a double click is one launch, audited with the numbers dialed and those held back.
    expect(await launchCalldogCampaign({ campaignId: id, launchKey: view.launchKey, confirmedCount: 3 })).toMatchObject({ ok: false, error: "calldogCampaign.errors.countChanged" });
    const [a, b] = await Promise.all([
      launchCalldogCampaign({ campaignId: id, launchKey: view.launchKey, confirmedCount: 2 }),
      launchCalldogCampaign({ campaignId: id, launchKey: view.launchKey, confirmedCount: 2 }),
    ]);
    if (!a.ok || !b.ok) throw new Error("launch failed");
    expect(a.data.taskId).toBe(b.data.taskId);
    expect(await findTask({ id: a.data.taskId as string })).toMatchObject({ kind: "calldog.launch", total: 3, counts: { invalid: 2, duplicate: 1 } });
    const audits = (await listAudit({})).filter((e) => e.action === "calldog.campaign.launched");
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({ count: 2, heldBack: { dnc: 1, invalid: 2, duplicate: 1 } });
    expect(await launchCalldogCampaign({ campaignId: id, launchKey: randomUUID(), confirmedCount: 2 })).toMatchObject({ ok: false, error: "calldogCampaign.errors.notFound" });
    // A launched campaign is no longer a draft.
    expect(await step(id, { step: "callerId", callerId: { mode: "duty" } })).toMatchObject({ ok: false, error: "calldogCampaign.errors.notDraft" });
  });

  it("a single number must be exactly one; all numbers held back is refused", async () => {
    expect(await step(undefined, { step: "recipients", source: "one", text: "+79170000001, +79170000002", listRef: "" })).toMatchObject({ ok: false, error: "calldogCampaign.errors.oneNumber" });
    expect(await step(undefined, { step: "recipients", source: "paste", text: "+79170000003\nabc", listRef: "" })).toMatchObject({ ok: false, error: "calldogCampaign.errors.noRecipients" });
  });
});
