import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/calldog/[token]/route";
import { campaignCallCounters, findCallByProviderId, recordCreatedCalls } from "@/lib/db/queries/calls";
import { findDncPhones } from "@/lib/db/queries/dnc";
import { ensureWebhookToken, reviveDeferredWebhookEvents, rotateWebhookToken } from "@/lib/db/queries/webhook-events";
import type { CalldogCallStatus } from "@/lib/providers/calldog/wire";
import { callInfo, newSimCall, type SimCall } from "@/lib/sim/calldog/simulator-state";
import { Rng } from "@/lib/sim/rng";
import { setupTestDb } from "@/lib/testing/test-db";
import { applyPendingWebhookEvents } from "@/lib/webhooks/apply-events";
import { ivrWebhookParameters } from "@/lib/webhooks/calldog-event";

const testDb = setupTestDb();
let connectionId: string;
let token: string;
let campaignId: string;

beforeAll(async () => {
  const { rows } = await testDb.handle.raw.query<{ id: string }>(
    "insert into connections (name, provider, base_url, api_key_sealed, api_key_last4) values ('Calldog', 'calldog', 'http://127.0.0.1:1/calldog/', 'sealed', 'abcd') returning id",
    [],
  );
  connectionId = rows[0]?.id as string;
  token = (await ensureWebhookToken({ connectionId })) as string;
  const campaign = await testDb.handle.raw.query<{ id: string }>(
    "insert into campaigns (provider, connection_id, name) values ('calldog', $1, 'Burst') returning id",
    [connectionId],
  );
  campaignId = campaign.rows[0]?.id as string;
});

afterEach(() => vi.restoreAllMocks());

function deliver(body: unknown, to = token): Promise<Response> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const request = new Request(`http://app.test/api/webhooks/calldog/${to}`, { method: "POST", headers: { "content-type": "application/json" }, body: text });
  return POST(request, { params: Promise.resolve({ token: to }) });
}

const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);

/** The simulator's own call info for a call that reached `status` (times filled in the order they happen). */
function info(id: number, phone: string, status: CalldogCallStatus, extra: Partial<SimCall> = {}): Record<string, unknown> {
  const reached = (s: CalldogCallStatus) => ["created", "started", "processed", "answered", "finished", "busy", "canceled"].indexOf(status) >= ["created", "started", "processed", "answered", "finished", "busy", "canceled"].indexOf(s);
  const answered = status === "answered" || status === "finished";
  const call = newSimCall({
    id,
    accountId: 1,
    phone,
    outgoingPhone: "74951234567",
    gender: 0,
    ivrs: [],
    lang: "ru-RU",
    needRecording: true,
    baseUrl: "http://sim.test/calldog/",
    createdAt: T0,
    status,
    startedAt: reached("started") ? T0 + 1_000 : null,
    processedAt: reached("processed") ? T0 + 3_000 : null,
    answeredAt: answered ? T0 + 8_000 : null,
    finishedAt: ["finished", "busy", "canceled"].includes(status) ? T0 + 30_000 : null,
    talkMs: status === "finished" ? 22_000 : 0,
    reason: status === "canceled" ? "no_answer" : status === "busy" ? "busy" : null,
    ...extra,
  });
  return callInfo(call);
}

async function storedEvents(): Promise<number> {
  const { rows } = await testDb.handle.raw.query<{ n: number }>("select count(*)::int as n from webhook_events where connection_id = $1", [connectionId]);
  return rows[0]?.n ?? 0;
}

describe("Calldog webhook receiver", () => {
  it("answers 404 to an unknown or malformed token, whatever the body, and stores nothing", async () => {
    const before = await storedEvents();
    const unknown = "A".repeat(43);
    expect((await deliver(info(1, "79990000001", "started"), unknown)).status).toBe(404);
    expect((await deliver("{not json", unknown)).status).toBe(404);
    expect((await deliver(info(1, "79990000001", "started"), "short")).status).toBe(404);
    expect((await deliver(info(1, "79990000001", "started"), `${token.slice(0, 42)}!`)).status).toBe(404);
    expect(await storedEvents()).toBe(before);
  });

  it("answers 400 to a body that is not JSON or not a Calldog event, and stores nothing", async () => {
    const before = await storedEvents();
    expect((await deliver("{not json")).status).toBe(400);
    expect((await deliver("[]")).status).toBe(400);
    expect((await deliver({ hello: "world" })).status).toBe(400);
    expect((await deliver({ id: "x", status: "finished", phone: "79990000001" })).status).toBe(400);
    expect((await deliver({ call: { phone: "not a phone", answer: "1" } })).status).toBe(400);
    expect(await storedEvents()).toBe(before);
  });

  it("logs nothing of the body, whatever happens", async () => {
    const logged: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
    const secret = "79995550101";
    await deliver(`{"id": 1, "phone": "${secret}", broken`);
    await deliver(`{"id": 1, "phone": "${secret}", broken`, "B".repeat(43));
    await deliver({ call: { phone: secret, answer: "oops" }, status: 5 }, "B".repeat(43));
    await deliver(info(777, secret, "started"));
    await deliver(info(777, secret, "started"));
    await applyPendingWebhookEvents();
    expect(logged.join("\n")).not.toContain(secret);
  });

  it("stores a delivery repeated by Calldog's retries once, answering 200 each time", async () => {
    const before = await storedEvents();
    const body = info(101, "79990000101", "processed");
    const answers = await Promise.all([deliver(body), deliver(body), deliver(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await deliver(body)).toHaveProperty("status", 200);
    expect(await storedEvents()).toBe(before + 1);
  });

  it("deliveries arriving together share a statement, yet each gets its own answer: unknown tokens 404, repeats stored once", async () => {
    const before = await storedEvents();
    const bodies = [info(111, "79990000111", "started"), info(112, "79990000112", "started")];
    const answers = await Promise.all([
      deliver(bodies[0]),
      deliver(bodies[0], "C".repeat(43)),
      deliver(bodies[1]),
      deliver(bodies[0]),
      deliver(bodies[1], "D".repeat(43)),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 404, 200, 200, 404]);
    expect(await storedEvents()).toBe(before + 2);
  });

  it("a burst of repeated, out-of-order events: every call ends in its final state, nothing lost, nothing counted twice", async () => {
    const rng = new Rng(7);
    const outcomes: { status: CalldogCallStatus; common: string }[] = [
      { status: "finished", common: "answered" },
      { status: "busy", common: "busy" },
      { status: "canceled", common: "no_answer" },
    ];
    const calls = Array.from({ length: 60 }, (_, i) => ({ id: 1000 + i, phone: `7999100${String(i).padStart(4, "0")}`, outcome: outcomes[i % 3] as (typeof outcomes)[number] }));
    await recordCreatedCalls({ connectionId, provider: "calldog", campaignId, created: calls.map((c) => ({ providerCallId: String(c.id), phone: `+${c.phone}` })) });
    const events: Record<string, unknown>[] = [];
    const distinct = new Set<string>();
    for (const c of calls) {
      const path: CalldogCallStatus[] = c.outcome.status === "finished" ? ["started", "processed", "answered", "finished"] : ["started", "processed", c.outcome.status];
      for (const status of path) {
        distinct.add(`${c.id}:${status}`);
        for (let n = rng.int(1, 3); n > 0; n--) events.push(info(c.id, c.phone, status));
      }
    }
    shuffle(events, rng);
    const before = await storedEvents();
    // Half arrives and is applied, then the rest (older events among them) arrives and is applied.
    const half = Math.floor(events.length / 2);
    const first = await Promise.all(events.slice(0, half).map((e) => deliver(e)));
    await applyPendingWebhookEvents();
    const second = await Promise.all(events.slice(half).map((e) => deliver(e)));
    await applyPendingWebhookEvents();

    expect([...first, ...second].every((r) => r.status === 200)).toBe(true);
    expect((await storedEvents()) - before).toBe(distinct.size);
    for (const c of calls) {
      const row = await findCallByProviderId({ connectionId, providerCallId: String(c.id) });
      expect(row, String(c.id)).toMatchObject({ status: c.outcome.common, rawStatus: c.outcome.status, final: true, campaignId });
      if (c.outcome.status === "finished") expect(row).toMatchObject({ durationSeconds: 22, recordingRef: `http://sim.test/calldog/recordings/${c.id}.mp3` });
    }
    expect(await campaignCallCounters({ campaignId })).toEqual({ total: 60, final: 60, byStatus: { answered: 20, busy: 20, no_answer: 20 } });
    const { rows } = await testDb.handle.raw.query<{ n: number }>("select count(*)::int as n from webhook_events where processed_at is null", []);
    expect(rows[0]?.n).toBe(0);
  });

  it("an event for a call the app did not create yet makes its row; the launch then attaches it to its campaign", async () => {
    await deliver(info(2001, "79990002001", "started"));
    await applyPendingWebhookEvents();
    expect(await findCallByProviderId({ connectionId, providerCallId: "2001" })).toMatchObject({ status: "ringing", campaignId: null, phone: "+79990002001" });
    await recordCreatedCalls({ connectionId, provider: "calldog", campaignId, created: [{ providerCallId: "2001", phone: "+79990002001" }] });
    expect(await findCallByProviderId({ connectionId, providerCallId: "2001" })).toMatchObject({ status: "ringing", campaignId });
  });

  it("a blacklist action reaches the do-not-call list, from the call's status and from the IVR webhook, and the IVR answer is linked to the call", async () => {
    const blockedByStatus = "79990003001";
    const blockedByIvr = "79990003002";
    await recordCreatedCalls({ connectionId, provider: "calldog", campaignId, created: [{ providerCallId: "3002", phone: `+${blockedByIvr}` }] });
    await deliver(info(3001, blockedByStatus, "finished", { ivrAnswer: 2, blacklisted: true, smsSent: "Вы отписаны" }));
    const ivrBody = { call: { phone: blockedByIvr, answer: "2" }, ...ivrWebhookParameters({ campaignId, actions: ["block"], extra: { source: "menu" } }) };
    expect((await deliver(ivrBody)).status).toBe(200);
    expect((await deliver(ivrBody)).status).toBe(200);
    await applyPendingWebhookEvents();
    const dnc = await findDncPhones({ phones: [`+${blockedByStatus}`, `+${blockedByIvr}`] });
    expect([...dnc].sort()).toEqual([`+${blockedByStatus}`, `+${blockedByIvr}`]);
    const { rows } = await testDb.handle.raw.query<{ source: string }>("select distinct source from dnc_entries where phone in ($1, $2)", [`+${blockedByStatus}`, `+${blockedByIvr}`]);
    expect(rows).toEqual([{ source: "calldog-blacklist" }]);
    expect(await findCallByProviderId({ connectionId, providerCallId: "3001" })).toMatchObject({ ivrAnswer: "2", ivrAction: "block,sms", status: "answered" });
    expect(await findCallByProviderId({ connectionId, providerCallId: "3002" })).toMatchObject({ ivrAnswer: "2", ivrAction: "block,webhook" });
  });

  it("an IVR answer that arrives before its call waits, and is linked once the call is known", async () => {
    const phone = "79990004001";
    await deliver({ call: { phone, answer: 1 }, ...ivrWebhookParameters({ campaignId, actions: ["transfer"] }) });
    await applyPendingWebhookEvents();
    const waiting = await testDb.handle.raw.query<{ error: string | null; processed: boolean }>(
      "select error, processed_at is not null as processed from webhook_events where kind = 'ivr' and payload -> 'call' ->> 'phone' = $1",
      [phone],
    );
    expect(waiting.rows).toEqual([{ error: "callNotFound", processed: false }]);
    await recordCreatedCalls({ connectionId, provider: "calldog", campaignId, created: [{ providerCallId: "4001", phone: `+${phone}` }] });
    expect(await reviveDeferredWebhookEvents({ giveUpBefore: new Date(Date.now() - 60_000) })).toBe(1);
    await applyPendingWebhookEvents();
    expect(await findCallByProviderId({ connectionId, providerCallId: "4001" })).toMatchObject({ ivrAnswer: "1", ivrAction: "transfer,webhook" });
  });

  it("an event the database refuses is set aside; the rest of its batch is applied", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await deliver({ ...info(6001, "79990006001", "finished"), duration: 99_999_999_999 });
    await deliver(info(6002, "79990006002", "finished"));
    await applyPendingWebhookEvents();
    expect(await findCallByProviderId({ connectionId, providerCallId: "6002" })).toMatchObject({ status: "answered", final: true });
    expect(await findCallByProviderId({ connectionId, providerCallId: "6001" })).toBeUndefined();
    const { rows } = await testDb.handle.raw.query<{ error: string | null }>("select error from webhook_events where dedupe_key = 'status:6001:finished'", []);
    expect(rows).toEqual([{ error: "applyFailed" }]);
    expect(errors.mock.calls.join(" ")).not.toContain("79990006001");
  });

  it("after rotation the old token answers 404 and the new one is accepted", async () => {
    const old = token;
    token = (await rotateWebhookToken({ connectionId })) as string;
    expect(token).not.toBe(old);
    expect((await deliver(info(5001, "79990005001", "started"), old)).status).toBe(404);
    expect((await deliver(info(5001, "79990005001", "started"), token)).status).toBe(200);
    expect((await deliver({ id: randomUUID() }, old)).status).toBe(404);
  });
});

function shuffle<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
