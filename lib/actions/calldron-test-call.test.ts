import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getCalldronTestCall, sendCalldronTestCall } from "@/lib/actions/calldron-test-call";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { listAudit } from "@/lib/db/queries/audit";
import { insertConnection } from "@/lib/db/queries/connections";
import { addDncEntries } from "@/lib/db/queries/dnc";
import { insertUser, updateUser } from "@/lib/db/queries/users";
import { isOpenAt } from "@/lib/dialing/calling-window";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import { setOrgPolicy, windowAround } from "@/lib/testing/dialing-policy";
import { setupTestDb } from "@/lib/testing/test-db";

type Role = "admin" | "manager";
type Person = { id: string; email: string; name: string; role: Role; locale: null; mustChangePassword: boolean };
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: "admin" | "manager"; locale: null; mustChangePassword: boolean } }));
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string, values?: Record<string, unknown>) => (values && Object.keys(values).length ? `${key} ${JSON.stringify(values)}` : key), { has: () => true }) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

setupTestDb();
let sim: Awaited<ReturnType<typeof startCalldronSim>>;
let connectionId: string;
let calldogConnectionId: string;
let batchId: string;
const people = {} as Record<Role | "other", Person>;
const TEST_PHONE = "+79161230011";

const client = () => createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY });
const creates = () => sim.server.log.entries("calldron").filter((e) => e.method === "POST" && /^\/batches\/\d+\/calls$/.test(e.path));
const ref = () => ({ connectionId, batchId });
const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
const moscowHour = () => Number(new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Moscow", hour: "numeric", hourCycle: "h23" }).format(new Date()));

async function newBatch(name: string, window?: { timeFrom: string; timeTo: string; timeZone: string }): Promise<string> {
  await client().createBatch({ name, attempts: 1, callDelaySeconds: 0, ...window });
  const batch = await client().findBatchByName(name);
  if (!batch) throw new Error("batch not created");
  return batch.id;
}

beforeAll(async () => {
  sim = await startCalldronSim();
  // Every call answered, so that each test call ends with a recording.
  await fetch(`${sim.server.url}/_sim/outcomes`, { method: "PUT", body: JSON.stringify({ answerRate: 1, busyRate: 0 }) });
  for (const role of ["admin", "manager", "other"] as const) {
    const user = await insertUser({ user: { email: `${role}-cdtest@x.test`, name: role, passwordHash: "h", role: role === "other" ? "manager" : role } });
    people[role] = { id: user.id, email: user.email, name: user.name, role: user.role, locale: null, mustChangePassword: false };
  }
  connectionId = randomUUID();
  await insertConnection({ connection: { id: connectionId, name: "Calldron sim", provider: "calldron", baseUrl: sim.baseUrl, ...sealApiKey(connectionId, DEMO_KEY) } });
  calldogConnectionId = randomUUID();
  await insertConnection({ connection: { id: calldogConnectionId, name: "Calldog", provider: "calldog", baseUrl: "http://127.0.0.1:9/", ...sealApiKey(calldogConnectionId, "k") } });
  batchId = await newBatch("Тест перед обзвоном");
});
afterAll(async () => sim.server.close());
beforeEach(async () => {
  sim.server.log.reset("calldron");
  sim.server.faults.reset("calldron");
  session.user = people.manager;
  await setOrgPolicy(windowAround(new Date()));
});

describe("the Calldron test call", () => {
  it("without a number in the profile: a message, and nothing sent", async () => {
    expect(await sendCalldronTestCall(ref())).toMatchObject({ ok: false, error: "testCall.calldron.errors.noPhone" });
    expect(await getCalldronTestCall(ref())).toEqual({ ok: true, data: { testPhone: null, testCall: null } });
    expect(sim.server.log.entries("calldron")).toEqual([]);
  });

  it("sends one call to the user's own number through the batch, records it for that user, audits it, and follows it to its recording", async () => {
    await updateUser({ id: people.manager.id, patch: { testPhone: TEST_PHONE } });
    expect(await getCalldronTestCall(ref())).toEqual({ ok: true, data: { testPhone: "+7 916 123 00 11", testCall: null } });

    const sent = await sendCalldronTestCall(ref());
    if (!sent.ok || !sent.data.sent) throw new Error(`not sent: ${JSON.stringify(sent)}`);
    expect(creates().map((e) => [e.path, e.phone])).toEqual([[`/batches/${batchId}/calls`, TEST_PHONE]]);
    expect(sent.data.testCall).toMatchObject({ phone: "+7 916 123 00 11", status: "queued", final: false, recordingSrc: null });
    expect(Date.now() - Date.parse(sent.data.testCall.at)).toBeLessThan(60_000);

    const audit = (await listAudit({})).find((e) => e.action === "calldron.batch.testCall");
    expect(audit).toMatchObject({ actorId: people.manager.id, target: batchId });
    expect(audit?.details).toMatchObject({ connectionId, batchId, batchName: "Тест перед обзвоном", count: 1, phone: TEST_PHONE, outcome: "placed", callId: expect.any(String) });
    const callId = audit?.details.callId as string;

    // Calldron's clock runs on: the call is answered, talks and ends with a recording; the state read says so and keeps it.
    sim.clock.advance(120_000);
    const after = await getCalldronTestCall(ref());
    expect(after).toEqual({
      ok: true,
      data: {
        testPhone: "+7 916 123 00 11",
        testCall: { ...sent.data.testCall, status: "answered", final: true, recordingSrc: `/api/recordings/calldron/${connectionId}/${batchId}/${callId}` },
      },
    });
    // Final: not read from Calldron again.
    sim.server.log.reset("calldron");
    expect(await getCalldronTestCall(ref())).toEqual(after);
    expect(sim.server.log.entries("calldron").filter((e) => e.path.includes("/calls/"))).toEqual([]);

    // Another manager's confirmation does not show it (it was not their number); the admin's neither.
    for (const who of [people.other, people.admin]) {
      session.user = who;
      expect(await getCalldronTestCall(ref())).toEqual({ ok: true, data: { testPhone: null, testCall: null } });
    }
  });

  it("is refused outside the organisation's calling window, saying when it opens; nothing sent", async () => {
    await updateUser({ id: people.manager.id, patch: { testPhone: TEST_PHONE } });
    const window = { from: hh(moscowHour() + 2), to: hh(moscowHour() + 4) };
    await setOrgPolicy(window);
    const closed = await sendCalldronTestCall(ref());
    expect(closed).toEqual({ ok: true, data: { sent: false, windowClosed: { ...window, zone: "Europe/Moscow", opensAt: expect.any(String), whose: "organisation" } } });
    const opensAt = new Date(closed.ok && !closed.data.sent ? closed.data.windowClosed.opensAt : 0);
    expect(opensAt.getTime()).toBeGreaterThan(Date.now());
    expect(opensAt.getTime() - Date.now()).toBeLessThanOrEqual(2 * 3_600_000);
    expect(isOpenAt({ ...window, timeZone: "Europe/Moscow" }, opensAt)).toBe(true);
    expect(creates()).toEqual([]);
  });

  it("is refused while the batch's own window is closed (Calldron would hold the call), in the batch's zone; nothing sent", async () => {
    await updateUser({ id: people.manager.id, patch: { testPhone: TEST_PHONE } });
    // Open for the organisation in Yekaterinburg now, closed for the batch for two more hours.
    const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Yekaterinburg", hour: "numeric", hourCycle: "h23" }).format(new Date()));
    await setOrgPolicy({ from: "00:00", to: "23:59" });
    const later = await newBatch(`Окно позже ${Date.now()}`, { timeFrom: hh(hour + 2), timeTo: hh(hour + 4), timeZone: "Ekaterinburg" });
    sim.server.log.reset("calldron");
    const closed = await sendCalldronTestCall({ connectionId, batchId: later });
    expect(closed).toEqual({
      ok: true,
      data: { sent: false, windowClosed: { from: hh(hour + 2), to: hh(hour + 4), zone: "Asia/Yekaterinburg", opensAt: expect.any(String), whose: "batch" } },
    });
    expect(creates()).toEqual([]);
  });

  it("is refused for a number on the do-not-call list; nothing sent", async () => {
    const phone = "+79161230099";
    await updateUser({ id: people.manager.id, patch: { testPhone: phone } });
    await addDncEntries({ entries: [{ phone }] });
    expect(await sendCalldronTestCall(ref())).toMatchObject({ ok: false, error: "testCall.calldron.errors.dnc" });
    expect(creates()).toEqual([]);
  });

  it("a create whose answer is lost is never sent again: unknown when the batch does not show it, recorded when it does", async () => {
    const phone = "+79161230022";
    await updateUser({ id: people.manager.id, patch: { testPhone: phone } });
    const earlier = await getCalldronTestCall(ref());
    sim.server.faults.set("calldron", { resetRate: 1, match: "^POST /batches/\\d+/calls$" });
    expect(await sendCalldronTestCall(ref())).toMatchObject({ ok: false, error: "testCall.calldron.errors.unknown" });
    expect(creates()).toHaveLength(1);
    // Not recorded as made: the confirmation still shows the earlier one.
    expect(await getCalldronTestCall(ref())).toEqual(earlier);

    // Created, then an unreadable answer: found among the batch's calls, and recorded with its id.
    sim.server.log.reset("calldron");
    sim.server.faults.reset("calldron");
    sim.server.faults.set("calldron", { malformedRate: 1, match: "^POST /batches/\\d+/calls$" });
    const found = await sendCalldronTestCall(ref());
    expect(found).toMatchObject({ ok: true, data: { sent: true, testCall: { phone: "+7 916 123 00 22" } } });
    expect(creates()).toHaveLength(1);
    expect((await listAudit({})).find((e) => e.action === "calldron.batch.testCall")?.details).toMatchObject({ outcome: "placed_after_lookup", callId: expect.any(String) });
  });

  it("maps Calldron's refusals to clear messages: nothing dialed, nothing recorded", async () => {
    const phone = "+79161230033";
    await updateUser({ id: people.manager.id, patch: { testPhone: phone } });
    const earlier = await getCalldronTestCall(ref());
    sim.server.faults.set("calldron", { rateLimitRate: 1, retryAfterSeconds: 120, match: "^POST /batches/\\d+/calls$" });
    expect(await sendCalldronTestCall(ref())).toMatchObject({ ok: false, error: 'callOne.refused.rate_limited_after {"seconds":120}' });
    sim.server.faults.reset("calldron");
    sim.server.faults.set("calldron", { errorRate: 1, errorStatuses: [401], match: "^GET /batches$" });
    expect(await sendCalldronTestCall(ref())).toMatchObject({ ok: false, error: "callOne.refused.auth" });
    // A 4xx while only the batches are read is not the number's fault: no "The provider refused this number".
    sim.server.faults.set("calldron", { errorRate: 1, errorStatuses: [422], match: "^GET /batches$" });
    expect(await sendCalldronTestCall(ref())).toMatchObject({ ok: false, error: "callOne.refused.unexpected" });
    sim.server.faults.reset("calldron");
    sim.server.faults.set("calldron", { errorRate: 1, errorStatuses: [422], match: "^POST /batches/\\d+/calls$" });
    expect(await sendCalldronTestCall(ref())).toMatchObject({ ok: false, error: "callOne.refused.invalid" });
    sim.server.faults.reset("calldron");
    expect(await sendCalldronTestCall({ connectionId, batchId: "999999" })).toMatchObject({ ok: false, error: "callOne.refused.batch_not_found" });
    expect(creates().filter((e) => e.status === 200)).toEqual([]);
    expect(await getCalldronTestCall(ref())).toEqual(earlier);
  });

  it("only for a Calldron connection, and only signed in", async () => {
    await updateUser({ id: people.manager.id, patch: { testPhone: TEST_PHONE } });
    expect(await sendCalldronTestCall({ connectionId: calldogConnectionId, batchId })).toMatchObject({ ok: false, error: "connectionNotFound" });
    expect(await sendCalldronTestCall({ connectionId: randomUUID(), batchId })).toMatchObject({ ok: false, error: "connectionNotFound" });
    expect(await sendCalldronTestCall({ connectionId, batchId: "../lists" })).toMatchObject({ ok: false, code: "invalid" });
    session.user = null;
    expect(await sendCalldronTestCall(ref())).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await getCalldronTestCall(ref())).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(creates()).toEqual([]);
  });
});
