import { beforeAll, describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, filtersOf, parseCallQuery, startOfDay } from "@/lib/calls/call-filters";
import { type CallFilters, type CallSort, listCalls, listCallsForExport, streamCallsForExport } from "@/lib/db/queries/call-list";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();
const ids: Record<string, string> = {};
const STATUSES = ["answered", "busy", "no_answer", "failed", "queued"] as const;
const BASE = Date.parse("2026-03-10T12:00:00Z");

type Seeded = { id: string; provider: string; status: string; at: number; duration: number | null; phone: string; recording: boolean; ivr: string | null; campaign: string };
const seeded: Seeded[] = [];

beforeAll(async () => {
  const q = testDb.handle.raw.query.bind(testDb.handle.raw);
  for (const provider of ["calldron", "calldog"]) {
    const { rows } = await q<{ id: string }>(
      "insert into connections (name, provider, base_url, api_key_sealed, api_key_last4) values ($1, $2, 'http://x/', 'sealed', 'abcd') returning id",
      [`${provider} one`, provider],
    );
    ids[provider] = rows[0]?.id as string;
    for (const name of ["A", "B"]) {
      const { rows: c } = await q<{ id: string }>("insert into campaigns (provider, connection_id, name, provider_ref) values ($1, $2, $3, $3) returning id", [provider, ids[provider], `${provider}-${name}`]);
      ids[`${provider}-${name}`] = c[0]?.id as string;
    }
  }
  // 230 calls; every fifth shares its time with the one before (keyset ties), some have no dialed time.
  for (let i = 0; i < 230; i++) {
    const provider = i % 3 === 0 ? "calldog" : "calldron";
    const campaign = `${provider}-${i % 2 === 0 ? "A" : "B"}`;
    const at = BASE + (i % 5 === 4 ? i - 1 : i) * 3_600_000;
    const status = STATUSES[i % STATUSES.length] as string;
    const row = {
      provider,
      status,
      at,
      duration: status === "answered" ? (i * 7) % 120 : i % 4 === 0 ? null : 0,
      phone: `+7999${String(1_000_000 + i).padStart(7, "0")}`,
      recording: status === "answered",
      ivr: provider === "calldog" ? (i % 4 === 0 ? "-1" : i % 4 === 1 ? "1" : null) : status === "answered" ? "confirmed" : null,
      campaign,
    };
    const dialed = status === "queued" ? null : new Date(at);
    const { rows } = await q<{ id: string }>(
      `insert into calls (provider, connection_id, campaign_id, provider_call_id, phone, status, raw_status, final, duration_seconds, dialed_at, ivr_answer, recording_ref, created_at)
       values ($1, $2, $3, $4, $5, $6::call_status, $6::text, true, $7, $8, $9, $10, $11) returning id`,
      [provider, ids[provider], ids[campaign], `p${i}`, row.phone, status, row.duration, dialed, row.ivr, row.recording ? `ref${i}` : null, new Date(at)],
    );
    seeded.push({ ...row, id: rows[0]?.id as string });
  }
});

async function walk(filters: CallFilters, sort: CallSort, limit = 17): Promise<string[]> {
  const out: string[] = [];
  let after: { k: string; id: string } | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const { rows, next } = await listCalls({ filters, sort, after, limit });
    out.push(...rows.map((r) => r.id));
    if (!next) return out;
    // Through the URL form, as the page does.
    after = decodeCursor(encodeCursor(next), sort);
    expect(after).toEqual(next);
  }
  throw new Error("did not end");
}

function expected(match: (s: Seeded) => boolean, sort: CallSort): string[] {
  const key = (s: Seeded) => (sort === "newest" || sort === "oldest" ? s.at : (s.duration ?? 0));
  const desc = sort === "newest" || sort === "longest";
  return seeded
    .filter(match)
    .sort((a, b) => (key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) * (desc ? -1 : 1))
    .map((s) => s.id);
}

describe("the Calls page's query", () => {
  it("pages by keyset through every call exactly once, in each order, ties included", async () => {
    for (const sort of ["newest", "oldest", "longest", "shortest"] as const) {
      const got = await walk({}, sort);
      expect(got).toHaveLength(230);
      expect(new Set(got).size).toBe(230);
      expect(got).toEqual(expected(() => true, sort));
    }
  });

  it("filters by provider, connection, campaign, status, recording and IVR answer, alone and together", async () => {
    const cases: [CallFilters, (s: Seeded) => boolean][] = [
      [{ provider: "calldog" }, (s) => s.provider === "calldog"],
      [{ connectionId: ids.calldron }, (s) => s.provider === "calldron"],
      [{ campaignId: ids["calldron-A"] }, (s) => s.campaign === "calldron-A"],
      [{ status: "busy" }, (s) => s.status === "busy"],
      [{ hasRecording: true }, (s) => s.recording],
      [{ hasRecording: false }, (s) => !s.recording],
      [{ ivr: "any" }, (s) => s.ivr !== null],
      [{ ivr: "none" }, (s) => s.ivr === null],
      [{ ivr: "-1" }, (s) => s.ivr === "-1"],
      [{ provider: "calldron", status: "answered", ivr: "confirmed" }, (s) => s.provider === "calldron" && s.status === "answered"],
    ];
    for (const [filters, match] of cases) {
      const want = expected(match, "newest");
      expect(want.length).toBeGreaterThan(0);
      expect(await walk(filters, "newest", 25)).toEqual(want);
    }
  });

  it("searches by a whole number or by its last digits, and by a date range in the user's time zone", async () => {
    const one = seeded[42] as Seeded;
    const exact = filtersOf(parseCallQuery({ q: `8 (${one.phone.slice(2, 5)}) ${one.phone.slice(5)}` }), "Europe/Moscow");
    expect(exact.phone).toEqual({ exact: one.phone });
    expect(await walk(exact, "newest")).toEqual([one.id]);
    const some = filtersOf(parseCallQuery({ q: "012" }), "Europe/Moscow");
    const ending = expected((s) => s.phone.endsWith("012"), "newest");
    expect(ending.length).toBeGreaterThan(0);
    expect(await walk(some, "newest")).toEqual(ending);

    // 11 March in Vladivostok (UTC+10) is 10 March 14:00 UTC to 11 March 14:00 UTC.
    const range = filtersOf(parseCallQuery({ from: "2026-03-11", to: "2026-03-11" }), "Asia/Vladivostok");
    expect(range.from?.toISOString()).toBe("2026-03-10T14:00:00.000Z");
    expect(range.to?.toISOString()).toBe("2026-03-11T14:00:00.000Z");
    const inRange = expected((s) => s.at >= Date.parse("2026-03-10T14:00:00Z") && s.at < Date.parse("2026-03-11T14:00:00Z"), "oldest");
    expect(inRange.length).toBe(24);
    expect(await walk(range, "oldest")).toEqual(inRange);
  });

  it("the export's lean query pages the same calls in the same order, times as epoch milliseconds", async () => {
    for (const [filters, sort] of [
      [{}, "newest"],
      [{ provider: "calldog", hasRecording: true }, "oldest"],
      [{ status: "answered" }, "longest"],
    ] as [CallFilters, CallSort][]) {
      const page: Awaited<ReturnType<typeof listCalls>>["rows"] = [];
      const lean: Awaited<ReturnType<typeof listCallsForExport>>["rows"] = [];
      for (let after: { k: string; id: string } | undefined, guard = 0; guard < 100; guard++) {
        const result = await listCallsForExport({ filters, sort, after, limit: 23 });
        lean.push(...result.rows);
        if (!result.next) break;
        after = result.next;
      }
      for (let after: { k: string; id: string } | undefined, guard = 0; guard < 100; guard++) {
        const result = await listCalls({ filters, sort, after, limit: 1000 });
        page.push(...result.rows);
        if (!result.next) break;
        after = result.next;
      }
      expect(lean.length).toBe(page.length);
      expect(lean.map((r) => r.id)).toEqual(page.map((r) => r.id));
      // The export's stream (a server-side cursor on PostgreSQL, keyset pages on PGlite) reads the same rows.
      const streamed: typeof lean = [];
      for await (const batch of streamCallsForExport({ filters, sort, batch: 19 })) {
        expect(batch.length).toBeLessThanOrEqual(19);
        streamed.push(...batch);
      }
      expect(streamed).toEqual(lean);
      for (const [i, r] of page.entries()) {
        const e = lean[i] as (typeof lean)[number];
        expect(e).toMatchObject({ provider: r.provider, phone: r.phone, status: r.status, final: r.final, durationSeconds: r.durationSeconds, ivrAnswer: r.ivrAnswer });
        expect([e.dialedAt, e.answeredAt, e.endedAt]).toEqual([r.dialedAt, r.answeredAt, r.endedAt].map((d) => (d ? d.getTime() : null)));
        expect(e.hasRecording).toBe(r.recordingRef !== null);
      }
    }
  });

  it("an export that stops early gives its connection back, with no transaction left open", async () => {
    let batches = 0;
    for await (const _batch of streamCallsForExport({ filters: {}, sort: "newest", batch: 10 })) {
      if (++batches === 2) break;
    }
    expect(batches).toBe(2);
    if (testDb.handle.raw.kind === "postgres") {
      const { rows } = await testDb.handle.raw.query<{ open: string }>(
        "select count(*) as open from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'",
      );
      expect(Number(rows[0]?.open)).toBe(0);
    }
    expect((await listCalls({ filters: {}, limit: 1 })).rows).toHaveLength(1);
  });

  it("reads a bad query as no filter rather than failing, and a tampered cursor as the first page", () => {
    const query = parseCallQuery({ provider: "skype", status: "answered", connection: "not-a-uuid", sort: "sideways", after: "!!" });
    expect(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined))).toEqual({ status: "answered" });
    expect(decodeCursor(Buffer.from(JSON.stringify(["1; drop table calls", "x"])).toString("base64url"), "newest")).toBeUndefined();
    expect(decodeCursor(Buffer.from(JSON.stringify(["12", "5f0c3c1e-8f1a-4a57-9d0e-2b1f1f0d3a11"])).toString("base64url"), "newest")).toBeUndefined();
    // Moscow has no DST: midnight is 21:00 UTC the day before.
    expect(startOfDay("2026-07-01", "Europe/Moscow").toISOString()).toBe("2026-06-30T21:00:00.000Z");
    // Berlin on the day summer time starts: midnight is still +01:00.
    expect(startOfDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
  });
});
