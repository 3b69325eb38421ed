import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCallByProviderId, listUnfinishedCallIds, recordCreatedCalls } from "@/lib/db/queries/calls";
import { findDncPhones } from "@/lib/db/queries/dnc";
import { backoffSeconds } from "@/lib/jobs/calldog-sync";
import { mapCalldogStatus } from "@/lib/providers/call-status";
import { ProviderError } from "@/lib/providers/provider-error";
import { DEMO_CALLER, type Kit, startKit } from "@/lib/sim/calldog/test-kit";
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

  it("backs off after failures: 30 s, then doubling, at most 10 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffSeconds)).toEqual([30, 60, 120, 240, 480, 600, 600]);
  });
});
