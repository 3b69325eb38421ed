import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCallSyncs } from "@/lib/db/queries/call-sync";
import { mapCalldronStatus } from "@/lib/providers/call-status";
import { calldronCallRef } from "@/lib/providers/calldron/call-update";
import { type CalldronClient, createCalldronClient } from "@/lib/providers/calldron/client";
import { ProviderError, type ProviderErrorKind } from "@/lib/providers/provider-error";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import type { FaultSettings } from "@/lib/sim/types";
import { syncCalldronCalls } from "@/lib/sync/calldron-calls";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();
let sim: Awaited<ReturnType<typeof startCalldronSim>>;
/** Every page the sync asked for, as `<batch>:<page>`. */
let asked: string[] = [];
/** Called before a page is fetched; may set a fault for that one request. */
let beforePage: (batchId: string, page: number) => void = () => {};

function client(timeoutMs?: number): Pick<CalldronClient, "listBatches" | "callsPage"> {
  const real = createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY, sleep: async () => {}, timeoutMs });
  return {
    listBatches: real.listBatches,
    callsPage: async (batchId, page, perPage) => {
      asked.push(`${batchId}:${page}`);
      beforePage(batchId, page ?? 1);
      try {
        return await real.callsPage(batchId, page, perPage);
      } finally {
        sim.server.faults.reset("calldron");
      }
    },
  };
}

async function newConnection(name: string): Promise<{ id: string }> {
  const { rows } = await testDb.handle.raw.query<{ id: string }>(
    "insert into connections (name, provider, base_url, api_key_sealed, api_key_last4) values ($1, 'calldron', $2, 'sealed', 'abcd') returning id",
    [name, sim.baseUrl],
  );
  return { id: rows[0]?.id as string };
}

/** Every call of every batch at the simulator, keyed by our provider reference. */
async function providerCalls() {
  const real = createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY });
  const out = new Map<string, { status: string; final: boolean; recordUrl: string | null; result: string | null }>();
  for (const batch of await real.listBatches()) {
    for await (const call of real.iterateCalls(batch.id)) out.set(calldronCallRef(batch.id, call.id), call);
  }
  return out;
}

async function stored(connectionId: string) {
  const { rows } = await testDb.handle.raw.query<{
    provider_call_id: string;
    status: string;
    raw_status: string;
    final: boolean;
    recording_ref: string | null;
    ivr_answer: string | null;
    campaign_ref: string | null;
  }>(
    `select c.provider_call_id, c.status, c.raw_status, c.final, c.recording_ref, c.ivr_answer, k.provider_ref as campaign_ref
       from calls c left join campaigns k on k.id = c.campaign_id where c.connection_id = $1`,
    [connectionId],
  );
  return rows;
}

beforeAll(async () => {
  sim = await startCalldronSim({ demoData: true });
});
afterAll(async () => {
  await sim.server.close();
});

describe("Calldron call sync", () => {
  it("mirrors every batch's calls with common statuses, campaigns and recording references; a second pass adds no duplicates and reads only open pages", async () => {
    const connection = await newConnection("Calldron A");
    asked = [];
    const first = await syncCalldronCalls({ connection, client: client() });
    const expected = await providerCalls();
    expect(expected.size).toBeGreaterThan(500);
    const rows = await stored(connection.id);
    expect(rows).toHaveLength(expected.size);
    expect(first.changed).toBe(expected.size);
    for (const row of rows) {
      const call = expected.get(row.provider_call_id);
      expect(call).toBeDefined();
      if (!call) continue;
      expect(row.status).toBe(mapCalldronStatus(call.status, call.final)?.status);
      expect(row.raw_status).toBe(call.status);
      expect(row.final).toBe(call.final);
      expect(row.recording_ref).toBe(call.recordUrl ? row.provider_call_id : null);
      expect(row.ivr_answer).toBe(call.result);
      // The campaign is the call's batch.
      expect(row.campaign_ref).toBe(row.provider_call_id.split("/")[0]);
    }
    const { rows: campaigns } = await testDb.handle.raw.query<{ n: number }>("select count(*)::int as n from campaigns where connection_id = $1", [connection.id]);
    expect(campaigns[0]?.n).toBe((await createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY }).listBatches()).length);
    const [state] = (await listCallSyncs()).filter((s) => s.connectionId === connection.id);
    expect(state).toMatchObject({ state: "idle", errorKind: null, batchesDone: campaigns[0]?.n });
    expect(state?.lastSuccessAt).toBeInstanceOf(Date);

    const firstPages = asked.length;
    asked = [];
    const second = await syncCalldronCalls({ connection, client: client() });
    expect(await stored(connection.id)).toHaveLength(expected.size);
    expect(second.changed).toBe(0);
    // Finished batches are read from their last page only.
    expect(asked.length).toBeLessThan(firstPages);
  });

  it("is incremental: a new call in a finished batch and calls that become final are picked up from the last open page", async () => {
    const connection = await newConnection("Calldron B");
    await syncCalldronCalls({ connection, client: client() });
    const real = createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY });
    const batch = (await real.listBatches()).find((b) => b.name === "Опрос качества обслуживания");
    expect(batch).toBeDefined();
    const batchId = batch?.id as string;
    await real.createCall(batchId, "+79991112233");

    asked = [];
    const pass = await syncCalldronCalls({ connection, client: client() });
    // 260 calls, 100 a page: the finished batch is read from its last page (3), where the new call is appended.
    expect(asked.filter((a) => a.startsWith(`${batchId}:`))).toEqual([`${batchId}:3`]);
    expect(pass.changed).toBeGreaterThanOrEqual(1);
    const rows = (await stored(connection.id)).filter((r) => r.campaign_ref === batchId);
    expect(rows).toHaveLength(261);
    const fresh = rows.filter((r) => !r.final);
    expect(fresh.length).toBe(1);
    expect(fresh[0]?.status).toBe("queued");

    // The call runs to its end; the next pass reads the same page again and records it final.
    sim.clock.advance(3_600_000);
    await sim.server.tick();
    await syncCalldronCalls({ connection, client: client() });
    const after = (await stored(connection.id)).filter((r) => r.campaign_ref === batchId);
    expect(after).toHaveLength(261);
    expect(after.every((r) => r.final)).toBe(true);
  });

  // Every kind of fault, on every retry of one page: the pass ends with its typed error, the next resumes there.
  const FAULTS: [string, Partial<FaultSettings>, ProviderErrorKind][] = [
    ["a 500", { errorRate: 1, errorStatuses: [500] }, "unavailable"],
    ["a 429 whose Retry-After is longer than a pass waits", { rateLimitRate: 1, retryAfterSeconds: 60 }, "rate_limited"],
    ["a reset connection", { resetRate: 1 }, "unavailable"],
    ["a hang", { hangRate: 1 }, "unavailable"],
  ];
  it.each(FAULTS)("after %s on a page, fails with a typed error and the next pass resumes at that page without duplicates", async (_, fault, kind) => {
    const connection = await newConnection(`Calldron ${kind} ${randomUUID()}`);
    const batches = await createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY }).listBatches();
    const big = batches.find((b) => b.name === "Уведомление о задолженности")?.id as string;
    beforePage = (batchId, page) => {
      if (batchId === big && page === 2) sim.server.faults.set("calldron", fault);
    };
    const error = await syncCalldronCalls({ connection, client: client(200) }).catch((e: unknown) => e);
    beforePage = () => {};
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe(kind);
    expect((await listCallSyncs()).find((s) => s.connectionId === connection.id)).toMatchObject({ state: "failed", errorKind: kind });

    asked = [];
    await syncCalldronCalls({ connection, client: client(200) });
    expect(asked.filter((a) => a.startsWith(`${big}:`))[0]).toBe(`${big}:2`);
    const rows = await stored(connection.id);
    expect(rows).toHaveLength((await providerCalls()).size);
    expect(new Set(rows.map((r) => r.provider_call_id)).size).toBe(rows.length);
  });

  it("resumes after a fault in the middle of a page at the page that failed, without duplicates", async () => {
    const connection = await newConnection("Calldron C");
    const real = createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY });
    const batches = await real.listBatches();
    const big = batches.find((b) => b.name === "Уведомление о задолженности")?.id as string;
    // The third page of the 380-call batch arrives cut off (malformed JSON), on every retry.
    beforePage = (batchId, page) => {
      if (batchId === big && page === 3) sim.server.faults.set("calldron", { malformedRate: 1 });
    };
    asked = [];
    await expect(syncCalldronCalls({ connection, client: client() })).rejects.toBeInstanceOf(ProviderError);
    const [failed] = (await listCallSyncs()).filter((s) => s.connectionId === connection.id);
    expect(failed?.state).toBe("failed");
    expect(failed?.errorKind).toBe("bad_response");
    const partial = (await stored(connection.id)).filter((r) => r.campaign_ref === big);
    expect(partial).toHaveLength(200);

    beforePage = () => {};
    asked = [];
    await syncCalldronCalls({ connection, client: client() });
    // The failed batch starts again at page 3, not at page 1.
    expect(asked.filter((a) => a.startsWith(`${big}:`))[0]).toBe(`${big}:3`);
    const rows = await stored(connection.id);
    const expected = await providerCalls();
    expect(rows).toHaveLength(expected.size);
    expect(new Set(rows.map((r) => r.provider_call_id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.campaign_ref === big)).toHaveLength(380);
    const [state] = (await listCallSyncs()).filter((s) => s.connectionId === connection.id);
    expect(state?.state).toBe("idle");
  });
});
