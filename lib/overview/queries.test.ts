import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Provider } from "@/lib/db/schema";
import {
  compareCampaigns,
  hasResults,
  loadOverview,
  type PeriodRange,
  rates,
  runningCampaigns,
  searchCampaigns,
} from "@/lib/overview/queries";
import { type OverviewFixtureCampaigns, seedOverviewFixture } from "@/lib/testing/overview-fixture";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();
// 15:00 in Moscow (UTC+3 all year), 22:00 in Vladivostok (UTC+10).
const NOW = new Date("2026-03-15T12:00:00Z");
const MOSCOW = "Europe/Moscow";
let ids: OverviewFixtureCampaigns;
const periodTotals = async (range: PeriodRange) => (await loadOverview(range)).totals;
const periodByProvider = async (range: PeriodRange) => (await loadOverview(range)).byProvider;
const periodByCampaign = async (range: PeriodRange & { limit?: number }) => (await loadOverview(range)).byCampaign;
const periodTimeline = async (range: PeriodRange) => (await loadOverview(range)).timeline;
const periodIvrAnswers = async (range: PeriodRange) => (await loadOverview(range)).ivr;

beforeAll(async () => {
  const connections = {} as Record<Provider, string>;
  for (const provider of ["calldron", "calldog", "obzvonilka"] as const) {
    const { rows } = await testDb.handle.raw.query<{ id: string }>(
      "insert into connections (name, provider, base_url, api_key_sealed, api_key_last4) values ($1, $2, 'http://x.test/', 'sealed', '0000') returning id",
      [provider, provider],
    );
    connections[provider] = rows[0]?.id as string;
  }
  expect(await hasResults()).toBe(false);
  ids = await seedOverviewFixture({ database: await db(), connections, now: NOW, timeZone: MOSCOW });
});

describe("overview figures per period", () => {
  it("totals today, 7 days and 30 days (local days of the user's zone)", async () => {
    expect(await hasResults()).toBe(true);
    expect(await periodTotals({ period: "today", timeZone: MOSCOW, now: NOW })).toEqual({
      calls: 11,
      completed: 9,
      answered: 5,
      busy: 2,
      noAnswer: 1,
      failed: 1,
      avgTalkSeconds: 70,
    });
    expect(await periodTotals({ period: "7d", timeZone: MOSCOW, now: NOW })).toEqual({
      calls: 16,
      completed: 14,
      answered: 8,
      busy: 2,
      noAnswer: 2,
      failed: 2,
      avgTalkSeconds: 515 / 8,
    });
    const month = await periodTotals({ period: "30d", timeZone: MOSCOW, now: NOW });
    expect(month).toMatchObject({ calls: 18, completed: 16, answered: 9, busy: 3, noAnswer: 2, failed: 2 });
    expect(month.avgTalkSeconds).toBeCloseTo(525 / 9, 9);
    expect(rates(month)).toEqual({ answerRate: 9 / 16, busyRate: 3 / 16, failedRate: 2 / 16 });
  });

  it("moves the day's boundaries with the time zone", async () => {
    // 00:30 Moscow is 21:30 UTC the day before; 23:30 Moscow yesterday is already today in Vladivostok.
    expect((await periodTotals({ period: "today", timeZone: "UTC", now: NOW })).calls).toBe(10);
    expect((await periodTotals({ period: "today", timeZone: "Asia/Vladivostok", now: NOW })).calls).toBe(12);
    // Just before Moscow's midnight the same calls are still "today"; just after, none of them is.
    expect((await periodTotals({ period: "today", timeZone: MOSCOW, now: new Date("2026-03-15T20:59:59Z") })).calls).toBe(11);
    expect((await periodTotals({ period: "today", timeZone: MOSCOW, now: new Date("2026-03-15T21:00:00Z") })).calls).toBe(0);
  });

  it("splits by provider", async () => {
    expect(await periodByProvider({ period: "today", timeZone: MOSCOW, now: NOW })).toEqual([
      { provider: "calldron", calls: 6, completed: 6, answered: 2, busy: 2, noAnswer: 1, failed: 1, avgTalkSeconds: 90 },
      { provider: "calldog", calls: 3, completed: 2, answered: 2, busy: 0, noAnswer: 0, failed: 0, avgTalkSeconds: 40 },
      { provider: "obzvonilka", calls: 2, completed: 1, answered: 1, busy: 0, noAnswer: 0, failed: 0, avgTalkSeconds: 90 },
    ]);
  });

  it("splits by campaign, busiest first, leaving out calls outside a campaign", async () => {
    const today = await periodByCampaign({ period: "today", timeZone: MOSCOW, now: NOW });
    expect(today.map((c) => [c.name, c.calls, c.answered])).toEqual([
      ["Spring sale", 6, 2],
      ["Base callback", 2, 1],
      ["Survey", 2, 1],
    ]);
    expect(today[0]).toMatchObject({ id: ids.a, provider: "calldron", providerRef: expect.stringMatching(/^fixture-/) });
    const month = await periodByCampaign({ period: "30d", timeZone: MOSCOW, now: NOW });
    expect(month.map((c) => [c.name, c.calls])).toEqual([
      ["Spring sale", 8],
      ["Survey", 5],
      ["Base callback", 4],
    ]);
    expect((await periodByCampaign({ period: "30d", timeZone: MOSCOW, now: NOW, limit: 2 })).map((c) => c.name)).toEqual(["Spring sale", "Survey"]);
  });

  it("buckets calls by local hour today and by local day otherwise, empty buckets included", async () => {
    const hours = await periodTimeline({ period: "today", timeZone: MOSCOW, now: NOW });
    expect(hours).toHaveLength(24);
    expect(hours[0]).toEqual({ bucket: "2026-03-15T00:00", calls: 1, completed: 1, answered: 0 });
    expect(hours.filter((h) => h.calls > 0).map((h) => [h.bucket.slice(11), h.calls, h.completed, h.answered])).toEqual([
      ["00:00", 1, 1, 0],
      ["09:00", 2, 2, 2],
      ["10:00", 2, 2, 0],
      ["11:00", 1, 1, 1],
      ["12:00", 1, 1, 1],
      ["13:00", 2, 1, 1],
      ["14:00", 2, 1, 0],
    ]);
    const days = await periodTimeline({ period: "7d", timeZone: MOSCOW, now: NOW });
    expect(days.map((d) => [d.bucket, d.calls])).toEqual([
      ["2026-03-09T00:00", 1],
      ["2026-03-10T00:00", 0],
      ["2026-03-11T00:00", 0],
      ["2026-03-12T00:00", 3],
      ["2026-03-13T00:00", 0],
      ["2026-03-14T00:00", 1],
      ["2026-03-15T00:00", 11],
    ]);
    const month = await periodTimeline({ period: "30d", timeZone: MOSCOW, now: NOW });
    expect(month).toHaveLength(30);
    expect(month.reduce((sum, d) => sum + d.calls, 0)).toBe(18);
  });

  it("buckets by the zone's wall clock on the days its clocks change", async () => {
    // Berlin: 2026-03-29 02:00 CET → 03:00 CEST (no 02:00 hour); 2026-10-25 03:00 CEST → 02:00 CET (02:00 twice).
    const at = ["2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:30:00Z"];
    for (const [i, time] of at.entries()) {
      await testDb.handle.raw.query(
        "insert into calls (provider, connection_id, provider_call_id, phone, status, final, dialed_at, created_at) select 'calldog', id, $1, '+79990000000', 'busy', true, $2, $2 from connections where provider = 'calldog'",
        [`dst-${i}`, time],
      );
    }
    const busy = async (day: string) =>
      (await periodTimeline({ period: "today", timeZone: "Europe/Berlin", now: new Date(`${day}T12:00:00Z`) })).filter((h) => h.calls > 0).map((h) => [h.bucket.slice(11), h.calls]);
    expect(await busy("2026-03-29")).toEqual([
      ["01:00", 1],
      ["03:00", 1],
    ]);
    expect(await busy("2026-10-25")).toEqual([
      ["02:00", 2],
      ["03:00", 1],
    ]);
    const october = await periodTimeline({ period: "today", timeZone: "Europe/Berlin", now: new Date("2026-10-25T12:00:00Z") });
    expect(october.map((h) => h.bucket.slice(11))).toEqual(Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}:00`));
  });

  it("counts IVR answers per digit", async () => {
    expect(await periodIvrAnswers({ period: "today", timeZone: MOSCOW, now: NOW })).toEqual([
      { answer: "1", calls: 2 },
      { answer: "2", calls: 1 },
    ]);
    expect(await periodIvrAnswers({ period: "7d", timeZone: MOSCOW, now: NOW })).toEqual([
      { answer: "1", calls: 4 },
      { answer: "2", calls: 1 },
      { answer: "3", calls: 1 },
    ]);
  });
});

describe("campaigns", () => {
  it("lists the campaigns running now: non-final calls or a running launch task", async () => {
    const running = await runningCampaigns();
    expect(running.map((r) => [r.name, r.total, r.finished, r.answered, r.taskState]).sort()).toEqual([
      ["Launching", 0, 0, 0, "queued"],
      ["Survey", 5, 4, 2, null],
    ]);
  });

  it("compares campaigns over all their calls, in the order asked", async () => {
    const [a, b, ...rest] = await compareCampaigns({ ids: [ids.a, ids.b, "00000000-0000-4000-8000-000000000000"] });
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ name: "Spring sale", calls: 9, completed: 9, answered: 5, busy: 2, noAnswer: 1, failed: 1, avgTalkSeconds: 1244 / 5 });
    expect(a?.ivr).toEqual([
      { answer: "1", calls: 2 },
      { answer: "2", calls: 1 },
      { answer: "3", calls: 1 },
    ]);
    expect(b).toMatchObject({ name: "Survey", calls: 5, completed: 4, answered: 2, busy: 1, noAnswer: 1, failed: 0, avgTalkSeconds: 65 });
    expect(b?.ivr).toEqual([{ answer: "1", calls: 2 }]);
    expect(await compareCampaigns({ ids: [] })).toEqual([]);
  });

  it("finds campaigns by part of the name, any case, with LIKE's wildcards taken literally", async () => {
    expect((await searchCampaigns({ query: "SURV" })).map((c) => c.name)).toEqual(["Survey"]);
    expect((await searchCampaigns({ query: "" })).length).toBe(4);
    expect(await searchCampaigns({ query: "%" })).toEqual([]);
  });
});
