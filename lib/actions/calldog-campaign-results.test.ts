import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readCampaignResults, refreshCampaignStatuses } from "@/lib/actions/calldog-campaign-results";
import { emptyHandler, type IvrMenu } from "@/lib/calldog/ivr-menu";
import { db } from "@/lib/db/client";
import { recordCreatedCalls } from "@/lib/db/queries/calls";
import { campaignCallsPage, findCampaign, insertCampaign, listCampaigns } from "@/lib/db/queries/campaign-results";
import { and, eq } from "drizzle-orm";
import { type CallStatus, calls, campaigns } from "@/lib/db/schema";
import { DEMO_CALLER, type Kit, startKit } from "@/lib/sim/calldog/test-kit";
import { insertCalldogSimConnection, insertTestManager } from "@/lib/testing/calldog-fixtures";
import { setupTestDb } from "@/lib/testing/test-db";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: "manager"; locale: null; mustChangePassword: boolean } }));
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user }));
// Messages as their keys with their values, so that the labels can be asserted without a language.
vi.mock("next-intl/server", () => ({
  getTranslations: async (ns?: string) =>
    Object.assign((key: string, values?: Record<string, unknown>) => `${ns ? `${ns}.` : ""}${key}${values && Object.keys(values).length ? JSON.stringify(values) : ""}`, {
      has: () => true,
    }),
}));

setupTestDb();
let kit: Kit;
let connectionId: string;
let campaignId: string;
let otherCampaignId: string;

const menu: IvrMenu = {
  handlers: [
    { ...emptyHandler("1"), transfer: { phone: "+74950000001" }, keyWords: { text: "да" } },
    { ...emptyHandler("2"), blacklist: true, sms: { text: "Вы отписаны" } },
    { ...emptyHandler("3"), webhook: { url: "https://crm.example.com/hook", parameters: [] } },
    emptyHandler(""),
  ],
};

type Seed = { status: CallStatus; final: boolean; duration?: number; ivr?: string; recording?: boolean };
const SEEDS: Seed[] = [
  { status: "answered", final: true, duration: 30, ivr: "1", recording: true },
  { status: "answered", final: true, duration: 50, ivr: "да" },
  { status: "answered", final: true, duration: 40, ivr: "2" },
  { status: "answered", final: true, duration: 20, ivr: "-1" },
  { status: "answered", final: true, duration: 10, ivr: "7" },
  { status: "busy", final: true, duration: 0 },
  { status: "no_answer", final: true, duration: 0 },
  { status: "canceled", final: true, duration: 0 },
  { status: "ringing", final: false },
  { status: "queued", final: false },
];

async function seedCalls(campaign: string, seeds: Seed[], start: number) {
  await (await db()).insert(calls).values(
    seeds.map((s, i) => ({
      provider: "calldog" as const,
      connectionId,
      campaignId: campaign,
      providerCallId: String(start + i),
      phone: `+7999555${String(start + i).padStart(4, "0")}`,
      status: s.status,
      final: s.final,
      durationSeconds: s.duration ?? null,
      ivrAnswer: s.ivr ?? null,
      recordingRef: s.recording ? `${kit.baseUrl}recordings/${start + i}.mp3` : null,
      // Recent (the status sync polls the last 14 days only), one second apart so that the order is known.
      createdAt: new Date(Date.now() - 3_600_000 + (start + i) * 1000),
    })),
  );
}

beforeAll(async () => {
  kit = await startKit();
  session.user = await insertTestManager("Marina");
  connectionId = await insertCalldogSimConnection(kit.baseUrl);
  const campaign = await insertCampaign({ campaign: { provider: "calldog", connectionId, name: "Опрос", state: "launched", settings: { menu, callerId: null, record: true } } });
  const other = await insertCampaign({ campaign: { provider: "calldog", connectionId, name: "Другая", state: "launched" } });
  campaignId = campaign.id;
  otherCampaignId = other.id;
  await seedCalls(campaignId, SEEDS, 1000);
  // Another campaign's answers are never counted in this one.
  await seedCalls(otherCampaignId, [{ status: "answered", final: true, duration: 99, ivr: "1" }], 2000);
});
afterAll(async () => {
  await kit.server.close();
});

describe("a Calldog campaign's results", () => {
  it("counts each call once by status, with the answer rate over finished calls and the average talk time of answered ones", async () => {
    const result = await readCampaignResults({ campaignId });
    if (!result.ok) throw new Error(result.error);
    const view = result.data;
    expect(view).toMatchObject({ total: 10, final: 8, answered: 5, averageDurationSeconds: 30, live: true, matching: 10, page: 1, pageCount: 1 });
    expect(view.byStatus).toEqual({ answered: 5, busy: 1, no_answer: 1, canceled: 1, ringing: 1, queued: 1 });
    expect(view.answerRate).toBeCloseTo(5 / 8);
  });

  it("counts IVR answers per key of the menu with what the key does, key words with their key, and answers not in the menu apart", async () => {
    const result = await readCampaignResults({ campaignId });
    if (!result.ok) throw new Error(result.error);
    expect(result.data.ivr.map((r) => [r.label, r.count, r.inMenu])).toEqual([
      ['calldogIvr.keyLabel{"digit":"1"}', 2, true],
      ['calldogIvr.keyLabel{"digit":"2"}', 1, true],
      ['calldogIvr.keyLabel{"digit":"3"}', 0, true],
      ["calldogIvr.noKey", 1, true],
      ['calldogIvr.keyLabel{"digit":"7"}', 1, false],
    ]);
    const [one, two, three, stay, seven] = result.data.ivr;
    expect(one?.actions).toEqual(['calldogIvr.summary.transfer{"phone":"+7 495 000 00 01"}', 'calldogIvr.summary.keyWords{"words":"да"}']);
    expect(two?.actions).toEqual(['calldogIvr.summary.sms{"text":"Вы отписаны"}', "calldogIvr.summary.blacklist"]);
    expect(three?.actions).toEqual(['calldogIvr.summary.webhook{"url":"https://crm.example.com/hook"}']);
    expect(stay?.actions).toEqual(["calldogIvr.summary.stay"]);
    expect(seven?.actions).toEqual(["calldogResults.ivr.notInMenu"]);
    // The table says which key a spoken word stood for.
    const words = await readCampaignResults({ campaignId, ivrAnswer: "да" });
    expect(words.ok && words.data.rows.map((r) => r.ivrAnswer)).toEqual(['calldogResults.ivr.wordForKey{"word":"да","digit":"1"}']);
  });

  it("filters the calls by status, by IVR answer (or none) and by both", async () => {
    const page = async (filter: { status?: CallStatus; ivrAnswer?: string }) => {
      const result = await readCampaignResults({ campaignId, ...filter });
      if (!result.ok) throw new Error(result.error);
      return { matching: result.data.matching, phones: result.data.rows.map((r) => r.phoneDisplay) };
    };
    expect((await page({ status: "answered" })).matching).toBe(5);
    expect(await page({ ivrAnswer: "2" })).toEqual({ matching: 1, phones: ["+7 999 555 10 02"] });
    expect(await page({ ivrAnswer: "-1" })).toEqual({ matching: 1, phones: ["+7 999 555 10 03"] });
    expect((await page({ ivrAnswer: "none" })).matching).toBe(5);
    expect((await page({ status: "busy", ivrAnswer: "none" })).matching).toBe(1);
    expect((await page({ status: "answered", ivrAnswer: "none" })).matching).toBe(0);
    expect((await page({ status: "failed" })).matching).toBe(0);
  });

  it("pages the calls oldest first and says which have a recording", async () => {
    const first = await campaignCallsPage({ campaignId, page: 1, pageSize: 4 });
    const third = await campaignCallsPage({ campaignId, page: 3, pageSize: 4 });
    expect(first.matching).toBe(10);
    expect(first.rows.map((r) => r.providerCallId)).toEqual(["1000", "1001", "1002", "1003"]);
    expect(third.rows.map((r) => r.providerCallId)).toEqual(["1008", "1009"]);
    const result = await readCampaignResults({ campaignId, page: 99 });
    // A page past the end shows the last one.
    expect(result.ok && result.data.page).toBe(1);
    expect(result.ok && result.data.rows.filter((r) => r.hasRecording).length).toBe(1);
  });

  it("lists the provider's campaigns with their call counts", async () => {
    const list = await listCampaigns({ provider: "calldog" });
    expect(list.map((c) => [c.name, c.calls, c.answered, c.final])).toEqual([
      ["Другая", 1, 1, 1],
      ["Опрос", 10, 5, 8],
    ]);
    expect(list[0]?.connectionName).toBe("Calldog sim");
  });

  it("refuses an unknown campaign, a campaign of another provider, and a visitor without a session", async () => {
    expect(await readCampaignResults({ campaignId: randomUUID() })).toMatchObject({ ok: false, error: "calldogResults.errors.notFound" });
    const calldron = await insertCampaign({ campaign: { provider: "calldron", connectionId, name: "Не Calldog" } });
    expect(await readCampaignResults({ campaignId: calldron.id })).toMatchObject({ ok: false, error: "calldogResults.errors.notFound" });
    expect(await readCampaignResults({ campaignId: "not-a-uuid" })).toMatchObject({ ok: false, code: "invalid" });
    const user = session.user;
    session.user = null;
    expect(await readCampaignResults({ campaignId })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await refreshCampaignStatuses({ campaignId })).toMatchObject({ ok: false, code: "unauthenticated" });
    session.user = user;
  });
});

describe("refresh now", () => {
  it("asks Calldog about this campaign's unfinished calls only, and applies the answers", async () => {
    Object.assign(kit.server.ctx.outcomes, { answerRate: 1, busyRate: 0, minTalkSeconds: 10, maxTalkSeconds: 20 });
    const created = await kit.client().createCalls({ phones: ["+79995550001", "+79995550002"], outgoingPhone: DEMO_CALLER, record: { text: "Проверка" }, needRecording: true });
    const live = await insertCampaign({ campaign: { provider: "calldog", connectionId, name: "Живая", state: "launched" } });
    await recordCreatedCalls({ connectionId, provider: "calldog", campaignId: live.id, created: created.map((c) => ({ providerCallId: String(c.id), phone: c.phone as string })) });
    await kit.advance(300_000);

    kit.server.log.reset("calldog");
    const refreshed = await refreshCampaignStatuses({ campaignId: live.id });
    expect(refreshed).toEqual({ ok: true, data: { polled: 2, changed: 2, allFinal: true } });
    // One read, of this campaign's two calls (the seeded campaign's unfinished ones are not asked for).
    const reads = kit.server.log.entries("calldog").filter((e) => e.path.includes("apiCalls/get"));
    expect(reads).toHaveLength(1);
    const result = await readCampaignResults({ campaignId: live.id });
    expect(result.ok && result.data).toMatchObject({ total: 2, final: 2, answered: 2, live: false });
    expect(result.ok && result.data.rows.every((r) => r.hasRecording && (r.durationSeconds ?? 0) > 0)).toBe(true);
    expect((await findCampaign({ id: live.id }))?.connectionName).toBe("Calldog sim");
  });

  it("says in words when Calldog fails, and changes nothing", async () => {
    kit.server.faults.set("calldog", { errorRate: 1, errorStatuses: [503], match: "apiCalls/get" });
    expect(await refreshCampaignStatuses({ campaignId })).toMatchObject({ ok: false, error: "calldogErrors.server" });
    kit.server.faults.reset("calldog");
    const result = await readCampaignResults({ campaignId });
    expect(result.ok && result.data.final).toBe(8);
  });

  it("while every unfinished call waits for a planned start still ahead, says when it starts instead of claiming to refresh; live once one is under way", async () => {
    const plannedAt = new Date(Date.now() + 20 * 3_600_000);
    const waiting = await insertCampaign({
      campaign: { provider: "calldog", connectionId, name: "Завтра", state: "launched", plannedAt, timeZone: "Asia/Yekaterinburg", settings: { schedule: { mode: "now", moved: true } } },
    });
    await seedCalls(waiting.id, [{ status: "queued", final: false }, { status: "queued", final: false }, { status: "canceled", final: true }], 3000);
    const view = await readCampaignResults({ campaignId: waiting.id });
    expect(view.ok && { live: view.data.live, waiting: view.data.waiting }).toEqual({ live: false, waiting: { startsAt: plannedAt.toISOString(), timeZone: "Asia/Yekaterinburg" } });
    // Still being sent: live. A call under way: live, whatever the planned start.
    await (await db()).update(campaigns).set({ state: "launching" }).where(eq(campaigns.id, waiting.id));
    expect(await readCampaignResults({ campaignId: waiting.id })).toMatchObject({ ok: true, data: { live: true, waiting: null } });
    await (await db()).update(campaigns).set({ state: "launched" }).where(eq(campaigns.id, waiting.id));
    await seedCalls(waiting.id, [{ status: "ringing", final: false }], 3010);
    expect(await readCampaignResults({ campaignId: waiting.id })).toMatchObject({ ok: true, data: { live: true, waiting: null } });
    // The planned start passed: live.
    await (await db()).update(campaigns).set({ plannedAt: new Date(Date.now() - 60_000) }).where(eq(campaigns.id, waiting.id));
    await (await db()).delete(calls).where(and(eq(calls.campaignId, waiting.id), eq(calls.status, "ringing")));
    expect(await readCampaignResults({ campaignId: waiting.id })).toMatchObject({ ok: true, data: { live: true, waiting: null } });
  });
});
