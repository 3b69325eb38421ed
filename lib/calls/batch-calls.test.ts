import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBatchCalls, selectCalls } from "@/lib/calls/batch-calls";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import type { CalldronCall } from "@/lib/providers/calldron/wire";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";

function call(id: number, status: string, final: boolean, recordUrl: string | null = null): CalldronCall {
  return {
    id: String(id),
    phone: `+7999000${String(id).padStart(4, "0")}`,
    status,
    result: status === "answered" ? "confirmed" : null,
    final,
    durationSeconds: status === "answered" ? 12.5 : 0,
    dialedAt: new Date(Date.UTC(2026, 10, 20, 7, 0, id)),
    endedAt: null,
    recordUrl,
  };
}

describe("selectCalls", () => {
  const calls = [
    call(1, "answered", true, "http://sim/batches/1/calls/1/record.mp3"),
    call(2, "busy", false),
    call(3, "busy", true),
    call(4, "no_answer", true),
    call(5, "dialing", false),
  ];

  it("filters by status and by finality together, newest first", () => {
    const busyPending = selectCalls(calls, { status: "busy", final: "pending", page: 1 });
    expect(busyPending.rows.map((r) => r.id)).toEqual(["2"]);
    expect(busyPending.matching).toBe(1);
    expect(busyPending.total).toBe(5);
    expect(selectCalls(calls, { final: "final", page: 1 }).rows.map((r) => r.id)).toEqual(["4", "3", "1"]);
    expect(selectCalls(calls, { final: "all", page: 1 }).rows.map((r) => r.id)).toEqual(["5", "4", "3", "2", "1"]);
  });

  it("counts statuses over every call read and says whether some call is still pending", () => {
    const all = selectCalls(calls, { final: "all", page: 1 });
    expect(all.statusCounts).toEqual({ answered: 1, busy: 2, no_answer: 1, dialing: 1 });
    expect(all.anyPending).toBe(true);
    expect(selectCalls(calls.filter((c) => c.final), { final: "all", page: 1 }).anyPending).toBe(false);
  });

  it("pages, and a page past the end shows the last one", () => {
    const many = Array.from({ length: 60 }, (_, i) => call(i + 1, "busy", true));
    const second = selectCalls(many, { final: "all", page: 2, perPage: 25 });
    expect(second.pageCount).toBe(3);
    expect(second.rows).toHaveLength(25);
    expect(second.rows[0]?.id).toBe("35");
    const past = selectCalls(many, { final: "all", page: 9, perPage: 25 });
    expect(past.page).toBe(3);
    expect(past.rows.map((r) => r.id)).toEqual(["10", "9", "8", "7", "6", "5", "4", "3", "2", "1"]);
  });

  it("gives the browser neither the record URL nor a Date, only what it shows", () => {
    const [row] = selectCalls([calls[0] as CalldronCall], { final: "all", page: 1 }).rows;
    expect(row).toEqual({
      id: "1",
      phone: "+79990000001",
      phoneDisplay: "+7 999 000 00 01",
      status: "answered",
      result: "confirmed",
      final: true,
      durationSeconds: 12.5,
      dialedAt: "2026-11-20T07:00:01.000Z",
      endedAt: null,
      hasRecording: true,
    });
    expect(JSON.stringify(row)).not.toContain("record.mp3");
  });
});

describe("readBatchCalls against the simulator", () => {
  let sim: Awaited<ReturnType<typeof startCalldronSim>>;
  beforeAll(async () => {
    sim = await startCalldronSim({ demoData: true });
  });
  afterAll(async () => {
    await sim.server.close();
  });

  it("walks every page of a batch, and stops at the bound saying it did", async () => {
    const client = createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY });
    const batch = (await client.listBatches()).find((b) => b.name === "Уведомление о задолженности");
    expect(batch).toBeDefined();
    const all = await readBatchCalls(client, batch?.id as string);
    expect(all.calls).toHaveLength(380);
    expect(all.truncated).toBe(false);
    expect(new Set(all.calls.map((c) => c.id)).size).toBe(380);

    sim.server.log.reset("calldron");
    const cut = await readBatchCalls(client, batch?.id as string, 150);
    expect(cut.calls).toHaveLength(150);
    expect(cut.truncated).toBe(true);
    // 100 a page: two pages hold the first 150 and tell that more follow.
    expect(sim.server.log.entries("calldron").filter((e) => e.method === "GET")).toHaveLength(2);
  });
});
