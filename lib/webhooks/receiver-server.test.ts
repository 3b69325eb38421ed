import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/calldog/[token]/route";
import { ensureWebhookToken } from "@/lib/db/queries/webhook-events";
import { callInfo, newSimCall } from "@/lib/sim/calldog/simulator-state";
import { setupTestDb } from "@/lib/testing/test-db";
import { MAX_BODY_BYTES } from "@/lib/webhooks/calldog-receiver";
import { createWebhookReceiverServer } from "@/lib/webhooks/receiver-server";

const testDb = setupTestDb();
const server = createWebhookReceiverServer();
let base: string;
let token: string;
let connectionId: string;

beforeAll(async () => {
  const { rows } = await testDb.handle.raw.query<{ id: string }>(
    "insert into connections (name, provider, base_url, api_key_sealed, api_key_last4) values ('Calldog', 'calldog', 'http://127.0.0.1:1/calldog/', 'sealed', 'abcd') returning id",
    [],
  );
  connectionId = rows[0]?.id as string;
  token = (await ensureWebhookToken({ connectionId })) as string;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A Calldog call's info as the simulator sends it: a valid event, distinct per id. */
function event(id: number): string {
  const call = newSimCall({
    id,
    accountId: 1,
    phone: "79990000001",
    outgoingPhone: "74951234567",
    gender: 0,
    ivrs: [],
    lang: "ru-RU",
    needRecording: false,
    baseUrl: "http://sim.test/calldog/",
    createdAt: Date.UTC(2026, 10, 20, 9),
    status: "started",
    startedAt: Date.UTC(2026, 10, 20, 9, 0, 1),
  });
  return JSON.stringify(callInfo(call));
}

async function stored(): Promise<number> {
  const { rows } = await testDb.handle.raw.query<{ n: number }>("select count(*)::int as n from webhook_events where connection_id = $1", [connectionId]);
  return rows[0]?.n ?? 0;
}

const post = (to: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/webhooks/calldog/${to}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("the webhook receiver alone (npm run webhooks)", () => {
  it("stores a delivery for a known token once, answering 200 to it and to Calldog's repeat", async () => {
    const before = await stored();
    const first = await post(token, event(501));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true });
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await post(token, event(501))).status).toBe(200);
    expect(await stored()).toBe(before + 1);
  });

  it("answers each case as the app's own route does, and stores nothing for a refused one", async () => {
    const cases: { name: string; to: string; body: string; status: number }[] = [
      { name: "unknown token", to: "A".repeat(43), body: event(502), status: 404 },
      { name: "malformed token", to: "not-a-token", body: event(503), status: 404 },
      { name: "not JSON, known token", to: token, body: "{not json", status: 400 },
      { name: "not a Calldog event", to: token, body: JSON.stringify({ hello: 1 }), status: 400 },
      { name: "not JSON, unknown token", to: "B".repeat(43), body: "{not json", status: 404 },
      { name: "too long", to: token, body: " ".repeat(MAX_BODY_BYTES + 1), status: 413 },
    ];
    const before = await stored();
    for (const c of cases) {
      const alone = await post(c.to, c.body);
      const request = new Request(`http://app.test/api/webhooks/calldog/${c.to}`, { method: "POST", body: c.body });
      const route = await POST(request, { params: Promise.resolve({ token: c.to }) });
      expect({ case: c.name, alone: alone.status, route: route.status }).toEqual({ case: c.name, alone: c.status, route: c.status });
      expect(await alone.json()).toEqual({ ok: false });
    }
    expect(await stored()).toBe(before);
  });

  it("refuses an over-long body sent without a length, and a token path with more segments", async () => {
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(MAX_BODY_BYTES / 2));
        controller.close();
      },
    });
    const response = await fetch(`${base}/api/webhooks/calldog/${token}`, { method: "POST", body: chunked, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect((await post(`${token}/extra`, event(504))).status).toBe(404);
  });

  it("takes only POST on the receiver path, answers its health, and 404s everything else", async () => {
    const get = await fetch(`${base}/api/webhooks/calldog/${token}`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    for (const path of ["/", "/calls", "/api/webhooks/calldron/x", "/api/auth/session"]) expect((await fetch(`${base}${path}`)).status).toBe(404);
  });
});
