import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callOneNumber } from "@/lib/calls/call-one-number";
import { addDncEntries } from "@/lib/db/queries/dnc";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import { setupTestDb } from "@/lib/testing/test-db";

setupTestDb();

let sim: Awaited<ReturnType<typeof startCalldronSim>>;
let batchId: string;
const client = () => createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY, timeoutMs: 400, sleep: async () => {} });
const creates = () => sim.server.log.entries("calldron").filter((e) => e.method === "POST" && /^\/batches\/\d+\/calls$/.test(e.path));
const callsTo = async (phone: string) => (await client().callsPage(batchId, 1, 100)).items.filter((c) => c.phone === phone);

beforeAll(async () => {
  sim = await startCalldronSim({ demoData: true });
  const batch = (await client().listBatches()).find((b) => b.name === "Акция выходного дня");
  batchId = batch?.id as string;
});
afterAll(async () => {
  await sim.server.close();
});
beforeEach(() => {
  sim.server.faults.reset("calldron");
  sim.server.log.reset("calldron");
});

describe("calling one number in a batch", () => {
  it("places the call", async () => {
    const outcome = await callOneNumber({ client: client(), batchId, phone: "+79990000101", lookupDelayMs: 0 });
    expect(outcome).toEqual({ status: "placed" });
    expect(creates()).toHaveLength(1);
    expect(await callsTo("+79990000101")).toHaveLength(1);
  });

  it("holds back a do-not-call number: nothing at all reaches the provider", async () => {
    await addDncEntries({ entries: [{ phone: "+79990000102", reason: "asked not to be called" }] });
    const outcome = await callOneNumber({ client: client(), batchId, phone: "+79990000102", lookupDelayMs: 0 });
    expect(outcome).toEqual({ status: "held_back", reason: "dnc" });
    expect(sim.server.log.entries("calldron")).toHaveLength(0);
  });

  it("does not retry a create answered with a 500; the look-up finds no new call and says the outcome is unknown", async () => {
    sim.server.faults.set("calldron", { errorRate: 1, errorStatuses: [500], match: "^POST /batches/\\d+/calls$" });
    const outcome = await callOneNumber({ client: client(), batchId, phone: "+79990000103", lookupDelayMs: 0 });
    expect(outcome).toEqual({ status: "unknown", lookupFailed: false });
    expect(creates()).toHaveLength(1);
  });

  it("does not retry a create that hangs", async () => {
    sim.server.faults.set("calldron", { hangRate: 1, match: "^POST /batches/\\d+/calls$" });
    const outcome = await callOneNumber({ client: client(), batchId, phone: "+79990000104", lookupDelayMs: 0 });
    expect(outcome.status).toBe("unknown");
    expect(creates()).toHaveLength(1);
  });

  it("does not retry a create whose connection is reset before an answer; nothing is dialed twice", async () => {
    sim.server.faults.set("calldron", { resetRate: 1, match: "^POST /batches/\\d+/calls$" });
    const outcome = await callOneNumber({ client: client(), batchId, phone: "+79990000105", lookupDelayMs: 0 });
    expect(outcome).toEqual({ status: "unknown", lookupFailed: false });
    expect(creates()).toHaveLength(1);
    expect(await callsTo("+79990000105")).toHaveLength(0);
  });

  it("finds the call when the provider created it but its answer was lost", async () => {
    // Malformed: the simulator creates the call, then answers with broken JSON.
    sim.server.faults.set("calldron", { malformedRate: 1, match: "^POST /batches/\\d+/calls$" });
    const before = (await callsTo("+79990000101")).length;
    const outcome = await callOneNumber({ client: client(), batchId, phone: "+79990000101", lookupDelayMs: 0 });
    expect(outcome).toEqual({ status: "placed_after_lookup", callStatus: "fresh", callId: expect.any(String) });
    expect(creates()).toHaveLength(1);
    // The earlier call to the same number was not mistaken for this one: there are two now.
    expect(await callsTo("+79990000101")).toHaveLength(before + 1);
  });

  it("reports a 429 as refused with its wait, and a batch it cannot read first as refused: nothing dialed", async () => {
    sim.server.faults.set("calldron", { rateLimitRate: 1, retryAfterSeconds: 120, match: "^POST /batches/\\d+/calls$" });
    expect(await callOneNumber({ client: client(), batchId, phone: "+79990000105", lookupDelayMs: 0 })).toEqual({
      status: "refused",
      reason: "rate_limited",
      retryAfterSeconds: 120,
    });
    expect(creates()).toHaveLength(1);

    sim.server.faults.set("calldron", { rateLimitRate: 0, errorRate: 1, errorStatuses: [500], match: "^GET /batches/\\d+/calls$" });
    sim.server.log.reset("calldron");
    expect(await callOneNumber({ client: client(), batchId, phone: "+79990000105", lookupDelayMs: 0 })).toEqual({ status: "refused", reason: "server" });
    expect(creates()).toHaveLength(0);
  });

  it("reports a 422 to the create as the number refused: nothing dialed", async () => {
    sim.server.faults.set("calldron", { errorRate: 1, errorStatuses: [422], match: "^POST /batches/\\d+/calls$" });
    expect(await callOneNumber({ client: client(), batchId, phone: "+79990000107", lookupDelayMs: 0 })).toEqual({ status: "refused", reason: "invalid" });
    expect(await callsTo("+79990000107")).toHaveLength(0);
  });

  it("refuses on a batch that does not exist", async () => {
    expect(await callOneNumber({ client: client(), batchId: "999999", phone: "+79990000106", lookupDelayMs: 0 })).toEqual({
      status: "refused",
      reason: "batch_not_found",
    });
  });
});
