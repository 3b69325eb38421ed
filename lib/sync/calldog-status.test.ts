import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCallByProviderId, listUnfinishedCallIds, recordCreatedCalls } from "@/lib/db/queries/calls";
import { findDncPhones } from "@/lib/db/queries/dnc";
import { backoffSeconds } from "@/lib/jobs/calldog-sync";
import { mapCalldogStatus } from "@/lib/providers/call-status";
import { ProviderError, type ProviderErrorKind } from "@/lib/providers/provider-error";
import { DEMO_CALLER, type Kit, startKit } from "@/lib/sim/calldog/test-kit";
import type { FaultSettings } from "@/lib/sim/types";
import { syncCalldogStatuses } from "@/lib/sync/calldog-status";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();
let kit: Kit;
let connection: { id: string };
const phones = Array.from({ length: 24 }, (_, i) => `+7999200${String(i).padStart(4, "0")}`);
const blockPhones = ["+79992009001", "+79992009002", "+79992009003"];
let ids: number[] = [];

beforeAll(async () => {
  kit = await startKit();
  Object.assign(kit.server.ctx.outcomes, { answerRate: 0.6, busyRate: 0.2, minTalkSeconds: 10, maxTalkSeconds: 40 });
  const { rows } = await testDb.handle.raw.query<{ id: string }>(
    "insert into connections (name, provider, base_url, api_key_sealed, api_key_last4) values ('Calldog', 'calldog', $1, 'sealed', 'abcd') returning id",
    [kit.baseUrl],
  );
  connection = { id: rows[0]?.id as string };
  const client = kit.client();
  // No webhookUrl: results can only arrive by the sync.
  const plain = await client.createCalls({ phones, outgoingPhone: DEMO_CALLER, record: { text: "Напоминаем о записи" }, needRecording: true });
  const blocking = await client.createCalls({ phones: blockPhones, outgoingPhone: DEMO_CALLER, record: { text: "Нажмите 2" }, ivrs: [{ digit: 2, needBlock: true }] });
  const created = [...plain, ...blocking].filter((c) => c.id !== null);
  ids = created.map((c) => c.id as number);
  await recordCreatedCalls({ connectionId: connection.id, provider: "calldog", campaignId: null, created: created.map((c) => ({ providerCallId: String(c.id), phone: c.phone as string })) });
});

afterAll(async () => {
  await kit.server.close();
});

async function statusesInDb(): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await findCallByProviderId({ connectionId: connection.id, providerCallId: String(id) }))?.rawStatus ?? "missing"));
}

describe("Calldog status sync", () => {
  it("polls non-final calls until all are final, through a fault, applying what the service answers", async () => {
    const client = kit.client();
    expect(ids).toHaveLength(27);

    const first = await syncCalldogStatuses({ connection, client });
    expect(first).toMatchObject({ polled: 27, allFinal: false });
    expect(new Set(await statusesInDb())).toEqual(new Set(["created"]));

    await kit.advance(4_000);
    const second = await syncCalldogStatuses({ connection, client });
    expect(second.changed).toBe(27);
    expect((await statusesInDb()).every((s) => s === "started" || s === "processed")).toBe(true);

    // The service fails every read: the pass stops with a provider error and changes nothing.
    kit.server.faults.set("calldog", { errorRate: 1, errorStatuses: [503], match: "apiCalls/get" });
    const before = await statusesInDb();
    await kit.advance(120_000);
    const failed = await syncCalldogStatuses({ connection, client }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ProviderError);
    expect((failed as ProviderError).kind).toBe("unavailable");
    expect(await statusesInDb()).toEqual(before);
    kit.server.faults.reset("calldog");

    const third = await syncCalldogStatuses({ connection, client });
    expect(third).toMatchObject({ polled: 27, allFinal: true });
    const truth = await client.getCalls(ids);
    for (const call of truth) {
      const row = await findCallByProviderId({ connectionId: connection.id, providerCallId: String(call.id) });
      expect(row).toMatchObject({ rawStatus: call.status, status: mapCalldogStatus(call.status, call.reason)?.status, final: true, durationSeconds: call.duration });
      if (call.recordPath) expect(row?.recordingRef).toBe(call.recordPath);
    }
    expect(await listUnfinishedCallIds({ connectionId: connection.id, createdSince: new Date(0) })).toEqual([]);

    // Numbers blacklisted by the IVR (digit 2, needBlock) are on the do-not-call list.
    const blacklisted = truth.filter((c) => c.blacklisted).map((c) => c.phone);
    const answeredBlockers = truth.filter((c) => blockPhones.includes(c.phone) && c.status === "finished").map((c) => c.phone);
    expect(answeredBlockers.length).toBeGreaterThan(0);
    expect(blacklisted.sort()).toEqual(answeredBlockers.sort());
    expect([...(await findDncPhones({ phones: blockPhones }))].sort()).toEqual(answeredBlockers.sort());

    // Nothing left to poll: a further pass asks the service for nothing.
    kit.server.log.reset("calldog");
    expect(await syncCalldogStatuses({ connection, client })).toEqual({ polled: 0, changed: 0, allFinal: true });
    expect(kit.server.log.entries("calldog")).toEqual([]);
  });

  // Every kind of fault on the status read, on every retry: a typed error, nothing changed, the next pass applies.
  const FAULTS: [string, Partial<FaultSettings>, ProviderErrorKind][] = [
    ["a 500", { errorRate: 1, errorStatuses: [500] }, "unavailable"],
    ["a 429 whose Retry-After is longer than a pass waits", { rateLimitRate: 1, retryAfterSeconds: 60 }, "rate_limited"],
    ["malformed JSON", { malformedRate: 1 }, "bad_response"],
    ["a reset connection", { resetRate: 1 }, "unavailable"],
    ["a hang", { hangRate: 1 }, "unavailable"],
  ];
  it.each(FAULTS)("after %s, a pass fails with a typed error and changes nothing; the next pass applies every status once", async (name, fault, kind) => {
    const { rows } = await testDb.handle.raw.query<{ id: string }>(
      "insert into connections (name, provider, base_url, api_key_sealed, api_key_last4) values ($1, 'calldog', $2, 'sealed', 'abcd') returning id",
      [`Calldog ${name}`, kit.baseUrl],
    );
    const own = { id: rows[0]?.id as string };
    const client = kit.client(undefined, 200);
    const few = Array.from({ length: 5 }, (_, i) => `+7999400${String(FAULTS.findIndex((f) => f[0] === name) * 10 + i).padStart(4, "0")}`);
    const created = (await client.createCalls({ phones: few, outgoingPhone: DEMO_CALLER, record: { text: "Сбой" } })).filter((c) => c.id !== null);
    await recordCreatedCalls({ connectionId: own.id, provider: "calldog", campaignId: null, created: created.map((c) => ({ providerCallId: String(c.id), phone: c.phone as string })) });
    await kit.advance(4_000);
    const stored = async () =>
      Promise.all(created.map(async (c) => (await findCallByProviderId({ connectionId: own.id, providerCallId: String(c.id) }))?.rawStatus ?? "missing"));
    const before = await stored();

    kit.server.faults.set("calldog", { ...fault, match: "apiCalls/get" });
    const failed = await syncCalldogStatuses({ connection: own, client }).catch((e: unknown) => e);
    kit.server.faults.reset("calldog");
    expect(failed).toBeInstanceOf(ProviderError);
    expect((failed as ProviderError).kind).toBe(kind);
    expect(await stored()).toEqual(before);

    await syncCalldogStatuses({ connection: own, client });
    const truth = new Map((await client.getCalls(created.map((c) => c.id as number))).map((c) => [c.id, c.status]));
    expect(await stored()).toEqual(created.map((c) => truth.get(c.id as number)));
    const { rows: counts } = await testDb.handle.raw.query<{ n: number }>("select count(*)::int as n from calls where connection_id = $1", [own.id]);
    expect(counts[0]?.n).toBe(5);
  });

  it("resumes after a fault in the middle of a pass (its second chunk of ids): the first chunk stays applied, nothing is duplicated", async () => {
    const { rows } = await testDb.handle.raw.query<{ id: string }>(
      "insert into connections (name, provider, base_url, api_key_sealed, api_key_last4) values ('Calldog B', 'calldog', $1, 'sealed', 'abcd') returning id",
      [kit.baseUrl],
    );
    const own = { id: rows[0]?.id as string };
    const real = kit.client();
    const many = Array.from({ length: 700 }, (_, i) => `+7999300${String(i).padStart(4, "0")}`);
    const created = (await real.createCalls({ phones: many, outgoingPhone: DEMO_CALLER, record: { text: "Много звонков" } })).filter((c) => c.id !== null);
    expect(created).toHaveLength(700);
    await recordCreatedCalls({ connectionId: own.id, provider: "calldog", campaignId: null, created: created.map((c) => ({ providerCallId: String(c.id), phone: c.phone as string })) });
    await kit.advance(4_000);

    // The second apiCalls/get of the pass (ids 501–700) fails on every retry.
    let asked = 0;
    const faulty = {
      getCalls: async (ids: number[]) => {
        if (++asked === 2) kit.server.faults.set("calldog", { errorRate: 1, errorStatuses: [503], match: "apiCalls/get" });
        try {
          return await real.getCalls(ids);
        } finally {
          kit.server.faults.reset("calldog");
        }
      },
    };
    const order = await listUnfinishedCallIds({ connectionId: own.id, createdSince: new Date(0) });
    expect(order).toHaveLength(700);
    await expect(syncCalldogStatuses({ connection: own, client: faulty })).rejects.toBeInstanceOf(ProviderError);
    const stored = async (id: string) => (await findCallByProviderId({ connectionId: own.id, providerCallId: id }))?.rawStatus;
    const truth = new Map((await real.getCalls(order.map(Number))).map((c) => [String(c.id), c.status]));
    expect([...truth.values()].some((status) => status !== "created")).toBe(true);
    for (const id of order.slice(0, 500)) expect(await stored(id)).toBe(truth.get(id));
    // The rest is as the launch stored it: no status read yet.
    for (const id of order.slice(500)) expect(await stored(id)).toBeNull();

    // The next passes apply the rest, then follow every call to its end.
    let pass = await syncCalldogStatuses({ connection: own, client: real });
    for (const id of order) expect(await stored(id)).toBe(truth.get(id));
    for (let guard = 0; !pass.allFinal && guard < 60; guard++) {
      await kit.advance(60_000, 5_000);
      pass = await syncCalldogStatuses({ connection: own, client: real });
    }
    expect(pass.allFinal).toBe(true);
    expect(await syncCalldogStatuses({ connection: own, client: real })).toEqual({ polled: 0, changed: 0, allFinal: true });
    const { rows: counts } = await testDb.handle.raw.query<{ calls: string; distinct_ids: string }>(
      "select count(*) as calls, count(distinct provider_call_id) as distinct_ids from calls where connection_id = $1",
      [own.id],
    );
    expect([Number(counts[0]?.calls), Number(counts[0]?.distinct_ids)]).toEqual([700, 700]);
  });

  it("backs off after failures: 30 s, then doubling, at most 10 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffSeconds)).toEqual([30, 60, 120, 240, 480, 600, 600]);
  });
});
