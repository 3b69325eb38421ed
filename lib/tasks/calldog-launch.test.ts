import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CampaignSettings } from "@/lib/calldog/campaign-settings";
import { openApiKey, sealApiKey } from "@/lib/crypto/connection-key";
import { findCampaign, insertDraftCampaign } from "@/lib/db/queries/campaign-launch";
import { insertConnection } from "@/lib/db/queries/connections";
import { addDncEntries } from "@/lib/db/queries/dnc";
import { changeTaskState, claimTask, findTask, listTaskItems, markItemsInflight, nextTaskItems } from "@/lib/db/queries/tasks";
import type { Connection } from "@/lib/db/schema";
import { createCalldogClient } from "@/lib/providers/calldog/client";
import { isOpenAt, nextOpening } from "@/lib/dialing/calling-window";
import { toCalldogPhone } from "@/lib/providers/phone";
import { DEMO_CALLER, DEMO_KEY, type Kit, startKit } from "@/lib/sim/calldog/test-kit";
import { Rng } from "@/lib/sim/rng";
import { CALLDOG_LAUNCH_KIND, createLaunchHandler } from "@/lib/tasks/calldog-launch";
import { runTask } from "@/lib/tasks/runner";
import { launchCampaign, retryFailedNumbers } from "@/lib/tasks/start-calldog-launch";
import type { TaskHandler } from "@/lib/tasks/types";
import { setOrgPolicy, windowAround } from "@/lib/testing/dialing-policy";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();
const noSleep = async () => {};
let kit: Kit;
let connection: Connection;
let ownerId: string;

/** The launch handler in chunks of `chunkSize`, with the app's client for the connection and a short timeout. */
function handlers(chunkSize = 20, timeoutMs = 3_000): Record<string, TaskHandler<unknown>> {
  const handler = createLaunchHandler({
    chunkSize,
    clientForConnection: (c) => createCalldogClient({ baseUrl: c.baseUrl, apiKey: openApiKey(c), timeoutMs, sleep: noSleep }),
  });
  return { [CALLDOG_LAUNCH_KIND]: handler as TaskHandler<unknown> };
}

beforeAll(async () => {
  kit = await startKit();
  const { rows } = await testDb.handle.raw.query<{ id: string }>("insert into users (email, password_hash, role) values ($1, 'x', 'manager') returning id", [
    `launch-${randomUUID()}@x.test`,
  ]);
  ownerId = rows[0]?.id as string;
  // Open now, whenever the suite runs: the window's own behaviour has its tests below.
  await setOrgPolicy(windowAround(new Date()));
  const id = randomUUID();
  connection = await insertConnection({ connection: { id, name: "Calldog", provider: "calldog", baseUrl: kit.baseUrl, ...sealApiKey(id, DEMO_KEY) } });
});
afterAll(async () => kit.server.close());
beforeEach(() => {
  kit.server.faults.reset("calldog");
  kit.server.log.reset("calldog");
});

let block = 0;
/** `n` fresh Russian mobiles, a new block for every campaign so that campaigns never share numbers. */
function numbers(n: number): string[] {
  block += 1;
  return Array.from({ length: n }, (_, i) => `+7917${String(block).padStart(3, "0")}${String(i).padStart(4, "0")}`);
}

async function draft(phones: string[], extra: Partial<CampaignSettings> = {}) {
  const settings: CampaignSettings = {
    recipients: { source: "paste", text: "", listRef: "", listName: "", phones, invalid: ["12"], duplicates: 1, dnc: [] },
    callerId: { mode: "phone", phone: DEMO_CALLER },
    message: { kind: "tts", text: "Здравствуйте! Напоминаем о записи.", gender: "female", lang: "ru-RU" },
    menu: { handlers: [] },
    schedule: { mode: "now" },
    needRecording: false,
    reached: "review",
    ...extra,
  };
  const launchKey = randomUUID();
  const campaign = await insertDraftCampaign({ connectionId: connection.id, ownerId, name: `Campaign ${block}`, launchKey, settings });
  return { campaign, launchKey };
}

async function launch(campaignId: string, launchKey: string): Promise<string> {
  const started = await launchCampaign({ campaignId, launchKey, ownerId });
  if (started.kind === "started") return started.task.id;
  if (started.kind === "already" && started.taskId) return started.taskId;
  throw new Error(`not launched: ${started.kind}`);
}

async function runToEnd(taskId: string, using = handlers(), times = 6) {
  for (let i = 0; i < times; i++) {
    const outcome = await runTask(taskId, { handlers: using, sleep: noSleep });
    if (outcome === "completed") return;
    await changeTaskState({ id: taskId, to: "queued" });
  }
  throw new Error(`task ${taskId} did not complete: ${JSON.stringify(await findTask({ id: taskId }))}`);
}

/** Every number the simulator created a call for (the create was carried out: answered 200, even if the answer was then lost). */
function createdOnSim(): string[] {
  return kit.server.log
    .entries("calldog")
    .filter((e) => e.method === "POST" && e.path === "/apiCalls/create" && e.status === 200)
    .flatMap((e) => (e.phone ?? "").split(",").filter(Boolean));
}

function notOnce(created: string[], expected: string[]): Record<string, number> {
  const seen = new Map<string, number>();
  for (const p of created) seen.set(p, (seen.get(p) ?? 0) + 1);
  const odd: Record<string, number> = {};
  for (const p of new Set([...created, ...expected.map(toCalldogPhone)])) if (seen.get(p) !== 1) odd[p] = seen.get(p) ?? 0;
  return odd;
}

async function campaignCallPhones(campaignId: string): Promise<string[]> {
  const { rows } = await testDb.handle.raw.query<{ phone: string }>("select phone from calls where campaign_id = $1 order by phone", [campaignId]);
  return rows.map((r) => r.phone);
}

describe("calldog.launch", () => {
  it("creates each number once in chunks with plannedAt, records the calls under the campaign, and a double launch is one task", async () => {
    const phones = numbers(50);
    const plannedAt = new Date(Math.ceil((Date.now() + 60_000) / 1000) * 1000);
    const { campaign, launchKey } = await draft(phones, { schedule: { mode: "at", local: "2030-01-01T10:00", timeZone: "Europe/Moscow", moved: false } });
    await testDb.handle.raw.query("update campaigns set planned_at = $2 where id = $1", [campaign.id, plannedAt]);

    const [a, b] = await Promise.all([launchCampaign({ campaignId: campaign.id, launchKey, ownerId }), launchCampaign({ campaignId: campaign.id, launchKey, ownerId })]);
    const kinds = [a.kind, b.kind].sort();
    expect(kinds).toEqual(["already", "started"]);
    const taskId = await launch(campaign.id, launchKey);
    expect(await launchCampaign({ campaignId: campaign.id, launchKey: randomUUID(), ownerId })).toEqual({ kind: "keyMismatch" });

    await runToEnd(taskId, handlers(20), 1);
    const task = await findTask({ id: taskId });
    expect(task).toMatchObject({ state: "completed", total: 50, processed: 50 });
    expect(task?.counts).toEqual({ created: 50, invalid: 1, duplicate: 1 });
    const creates = kit.server.log.entries("calldog").filter((e) => e.path === "/apiCalls/create");
    expect(creates.map((e) => (e.phone ?? "").split(",").length)).toEqual([20, 20, 10]);
    expect(creates.every((e) => (e.bodyShape as Record<string, unknown>).plannedAt === "number")).toBe(true);
    expect(notOnce(createdOnSim(), phones)).toEqual({});
    expect(await campaignCallPhones(campaign.id)).toEqual([...phones].sort());
    expect((await findCampaign({ id: campaign.id }))?.state).toBe("launched");
    const ids = (await testDb.handle.raw.query<{ id: string }>("select provider_call_id as id from calls where campaign_id = $1", [campaign.id])).rows;
    const onSim = await kit.client().getCalls(ids.map((r) => Number(r.id)));
    expect(onSim.every((c) => c.plannedAt === plannedAt.toISOString())).toBe(true);

    // Launching again after the end (a reload of the wizard) changes nothing.
    kit.server.log.reset("calldog");
    expect(await launch(campaign.id, launchKey)).toBe(taskId);
    expect(createdOnSim()).toEqual([]);
  });

  it("screens every number again at launch: a number put on the do-not-call list after the wizard is held back", async () => {
    const phones = numbers(8);
    const { campaign, launchKey } = await draft(phones);
    await addDncEntries({ entries: [{ phone: phones[3] as string }, { phone: phones[6] as string }] });
    const taskId = await launch(campaign.id, launchKey);
    await runToEnd(taskId);
    expect((await findTask({ id: taskId }))?.counts).toMatchObject({ created: 6, dnc: 2 });
    const held = (await listTaskItems({ taskId, outcome: "dnc" })).map((i) => i.key).sort();
    expect(held).toEqual([phones[3], phones[6]].sort());
    expect(notOnce(createdOnSim(), phones.filter((p) => !held.includes(p)))).toEqual({});
  });

  it("an answer lost after the calls were made is reconciled by looking them up, not created again", async () => {
    const phones = numbers(30);
    const { campaign, launchKey } = await draft(phones);
    kit.server.faults.set("calldog", { dropAfterRate: 1, match: "apiCalls/create" });
    const taskId = await launch(campaign.id, launchKey);
    await runToEnd(taskId, handlers(20));
    expect((await findTask({ id: taskId }))?.counts).toMatchObject({ reconciled: 30 });
    expect(notOnce(createdOnSim(), phones)).toEqual({});
    expect(kit.server.log.entries("calldog").some((e) => e.path === "/apiCalls/get")).toBe(true);
    expect(await campaignCallPhones(campaign.id)).toEqual([...phones].sort());
  });

  it("after a crash mid-chunk, a chunk that reached Calldog is reconciled and one that did not is sent once", async () => {
    const phones = numbers(10);
    const { campaign, launchKey } = await draft(phones);
    const taskId = await launch(campaign.id, launchKey);
    // A runner died while sending the first chunk of five: Calldog created those calls; nothing of the second was sent.
    await claimTask({ id: taskId, runnerId: "dead", staleMs: 30_000 });
    const first = await nextTaskItems({ taskId, limit: 5 });
    await markItemsInflight({ ids: first.map((i) => i.id) });
    await testDb.handle.raw.query(`update task_items set payload = '{"floor": 0}'::jsonb where id = any($1)`, [first.map((i) => i.id)]);
    await kit.client().createCalls({ phones: first.map((i) => i.key), outgoingPhone: DEMO_CALLER, record: { text: "Здравствуйте! Напоминаем о записи." } });
    await testDb.handle.raw.query("update tasks set heartbeat_at = now() - interval '1 minute' where id = $1", [taskId]);
    kit.server.log.reset("calldog");

    await runToEnd(taskId, handlers(5), 1);
    expect((await findTask({ id: taskId }))?.counts).toMatchObject({ reconciled: 5, created: 5 });
    expect(notOnce(createdOnSim(), phones.slice(5))).toEqual({});
  });

  it("through 500s, 429s, hangs, cut connections and malformed answers, no number gets two calls", async () => {
    const phones = numbers(120);
    const { campaign, launchKey } = await draft(phones);
    const rng = new Rng(11);
    kit.server.faults.useRandom(() => rng.next());
    kit.server.faults.set("calldog", {
      errorRate: 0.2,
      errorStatuses: [500, 502],
      rateLimitRate: 0.15,
      retryAfterSeconds: 1,
      hangRate: 0.05,
      resetRate: 0.05,
      dropAfterRate: 0.15,
      malformedRate: 0.05,
      match: "apiCalls/(create|get)",
    });
    const taskId = await launch(campaign.id, launchKey);
    await runToEnd(taskId, handlers(10, 500), 10);
    kit.server.faults.reset("calldog");
    const counts = (await findTask({ id: taskId }))?.counts ?? {};
    expect((counts.created ?? 0) + (counts.reconciled ?? 0)).toBe(120);
    expect(counts.reconciled).toBeGreaterThan(0);
    const log = kit.server.log.entries("calldog");
    for (const fault of ["error_500", "rate_limit", "hang", "drop"]) expect(log.some((e) => e.fault === fault), fault).toBe(true);
    expect(notOnce(createdOnSim(), phones)).toEqual({});
    expect(await campaignCallPhones(campaign.id)).toEqual([...phones].sort());
  }, 120_000);

  it("a partial failure names the numbers that did not go out, and 'retry just these' sends only them", async () => {
    const phones = numbers(12);
    const { campaign, launchKey } = await draft(phones);
    // The service refuses every create of the second chunk's first attempt as invalid: those numbers did not go out.
    let creates = 0;
    kit.server.faults.useRandom(() => 0.5);
    const taskId = await launch(campaign.id, launchKey);
    const using = handlers(6);
    const handler = using[CALLDOG_LAUNCH_KIND] as TaskHandler<unknown>;
    const failing: TaskHandler<unknown> = {
      ...handler,
      async processBatch(items, context, uncertain) {
        creates += 1;
        if (creates === 2) kit.server.faults.set("calldog", { errorRate: 1, errorStatuses: [422], match: "apiCalls/create" });
        try {
          return await (handler.processBatch as NonNullable<TaskHandler<unknown>["processBatch"]>)(items, context, uncertain);
        } finally {
          kit.server.faults.reset("calldog");
        }
      },
    };
    await runToEnd(taskId, { [CALLDOG_LAUNCH_KIND]: failing }, 1);
    const task = await findTask({ id: taskId });
    expect(task?.counts).toMatchObject({ created: 6, failed: 6 });
    const failed = (await listTaskItems({ taskId, outcome: "failed" })).map((i) => i.key);
    expect(failed).toEqual(phones.slice(6));
    expect((await findCampaign({ id: campaign.id }))?.state).toBe("partial");

    kit.server.log.reset("calldog");
    const fresh = await findCampaign({ id: campaign.id });
    if (!fresh || !task) throw new Error("gone");
    const [r1, r2] = await Promise.all([retryFailedNumbers({ campaign: fresh, fromTask: task, ownerId }), retryFailedNumbers({ campaign: fresh, fromTask: task, ownerId })]);
    expect([r1.created, r2.created].sort()).toEqual([false, true]);
    const retry = (r1.created ? r1.task : r2.task)?.id as string;
    expect(r1.task?.id).toBe(r2.task?.id);
    await runToEnd(retry);
    expect((await findTask({ id: retry }))?.counts).toEqual({ created: 6 });
    expect(notOnce(createdOnSim(), phones.slice(6))).toEqual({});
    expect((await findCampaign({ id: campaign.id }))?.state).toBe("launched");
  });
});

describe("calldog.launch and the calling window", () => {
  it("a launch whose start falls outside the organisation's window goes out planned at the window's next opening, checked at send time", async () => {
    const now = new Date();
    // A window that is closed now: it opens two hours from now (Moscow wall clock) and lasts two hours.
    const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Moscow", hour: "numeric", hourCycle: "h23" }).format(now));
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
    await setOrgPolicy({ from: hh(hour + 2), to: hh(hour + 4) });
    try {
      const phones = numbers(3);
      const { campaign, launchKey } = await draft(phones);
      // Launched "now" with the window closed: the start is moved before the task is made…
      const taskId = await launch(campaign.id, launchKey);
      const moved = (await findCampaign({ id: campaign.id }))?.plannedAt;
      expect(moved).toBeInstanceOf(Date);
      expect((moved as Date).getTime()).toBeGreaterThan(now.getTime() + 60 * 60_000);
      // …and, should the campaign's start be "now" again by the time the task sends (a delayed task), the task moves it too.
      await testDb.handle.raw.query("update campaigns set planned_at = null where id = $1", [campaign.id]);
      await runToEnd(taskId);
      const { rows } = await testDb.handle.raw.query<{ id: string }>("select provider_call_id as id from calls where campaign_id = $1", [campaign.id]);
      expect(rows).toHaveLength(3);
      const client = createCalldogClient({ baseUrl: kit.baseUrl, apiKey: DEMO_KEY, sleep: noSleep });
      const calls = await client.getCalls(rows.map((r) => Number(r.id)));
      for (const call of calls) expect(Date.parse(call.plannedAt ?? "")).toBe(Math.floor((moved as Date).getTime() / 1000) * 1000);
    } finally {
      await setOrgPolicy(windowAround(new Date()));
    }
  });

  it("sends within the campaign's own window in its zone: a chunk that would start outside it goes out planned at its opening, and the campaign says so", async () => {
    const zone = "Asia/Yekaterinburg";
    const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(new Date()));
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
    await setOrgPolicy(windowAround(new Date(), zone));
    try {
      // Open at launch (the campaign's window is the organisation's), then narrowed to one closed now before the task sends: a delayed task.
      const phones = numbers(3);
      const { campaign, launchKey } = await draft(phones, { schedule: { mode: "now", window: windowAround(new Date(), zone) } });
      await testDb.handle.raw.query("update campaigns set time_zone = $2 where id = $1", [campaign.id, zone]);
      const taskId = await launch(campaign.id, launchKey);
      expect((await findCampaign({ id: campaign.id }))?.plannedAt).toBeNull();
      const own = { from: hh(hour + 1), to: hh(hour + 2) };
      await testDb.handle.raw.query("update campaigns set settings = jsonb_set(settings, '{schedule,window}', $2::jsonb) where id = $1", [campaign.id, JSON.stringify(own)]);
      await runToEnd(taskId);

      const opening = nextOpening({ ...own, timeZone: zone }, new Date());
      const creates = kit.server.log.entries("calldog").filter((e) => e.path === "/apiCalls/create" && e.status === 200);
      expect(creates.flatMap((e) => (e.phone ?? "").split(",")).sort()).toEqual(phones.map(toCalldogPhone).sort());
      // The request log has the start asked for: the campaign's window's opening, open on its clock in its zone.
      for (const e of creates) {
        expect(e.plannedAt).toBe(Math.floor(opening.getTime() / 1000));
        expect(isOpenAt({ ...own, timeZone: zone }, new Date((e.plannedAt as number) * 1000))).toBe(true);
      }
      const after = await findCampaign({ id: campaign.id });
      expect(after?.plannedAt?.toISOString()).toBe(new Date(Math.floor(opening.getTime() / 1000) * 1000).toISOString());
      expect(after?.settings).toMatchObject({ schedule: { window: own, moved: true } });
    } finally {
      await setOrgPolicy(windowAround(new Date()));
    }
  });

  it("sends nothing when the campaign's window and the organisation's are never open together: those numbers did not go out, to retry", async () => {
    const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Moscow", hour: "numeric", hourCycle: "h23" }).format(new Date()));
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
    await setOrgPolicy({ from: hh(hour + 3), to: hh(hour + 5) });
    try {
      const phones = numbers(2);
      const { campaign, launchKey } = await draft(phones, { schedule: { mode: "now", window: { from: hh(hour + 1), to: hh(hour + 2) } } });
      const taskId = await launch(campaign.id, launchKey);
      await runToEnd(taskId);
      expect(kit.server.log.entries("calldog").filter((e) => e.path === "/apiCalls/create")).toEqual([]);
      const task = await findTask({ id: taskId });
      expect(task?.counts).toMatchObject({ failed: 2 });
      expect((await listTaskItems({ taskId, outcome: "failed", limit: 10 })).map((i) => i.detail)).toEqual(["outsideWindow", "outsideWindow"]);
      expect((await findCampaign({ id: campaign.id }))?.state).toBe("partial");
    } finally {
      await setOrgPolicy(windowAround(new Date()));
    }
  });
});
