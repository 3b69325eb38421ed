import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { callUpdateFromCalldog } from "@/lib/providers/calldog/call-update";
import { createCalldogClient } from "@/lib/providers/calldog/client";
import { DEMO_CALLER, DEMO_KEY, type Kit, startKit } from "@/lib/sim/calldog/test-kit";

type StoredCall = { id: string; provider: string; connectionId: string; recordingRef: string | null };
const state = vi.hoisted(() => ({ signedIn: true, baseUrl: "", calls: new Map<string, StoredCall>() }));
const CONNECTION_ID = "6a1d2c3e-8f1a-4a57-9d0e-2b1f1f0d3a22";
const WITH_RECORDING = "0b6f1d3a-1111-4c3b-8a11-000000000001";
const WITHOUT_RECORDING = "0b6f1d3a-1111-4c3b-8a11-000000000002";
const ON_CALLDRON = "0b6f1d3a-1111-4c3b-8a11-000000000003";

vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => (state.signedIn ? { id: "u1", role: "manager" } : null) }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => `t:${key}` }));
vi.mock("@/lib/db/queries/campaign-results", () => ({ findCall: async ({ id }: { id: string }) => state.calls.get(id) }));
vi.mock("@/lib/db/queries/connections", () => ({
  findConnection: async ({ id }: { id: string }) => (id === CONNECTION_ID ? { id, provider: "calldog", name: "Calldog" } : undefined),
}));
vi.mock("@/lib/providers/connection-clients", () => ({
  clientFor: () => createCalldogClient({ baseUrl: state.baseUrl, apiKey: DEMO_KEY, timeoutMs: 500, sleep: async () => {} }),
}));

const { GET } = await import("./route");

let kit: Kit;
let recordingRef: string;

beforeAll(async () => {
  kit = await startKit();
  Object.assign(kit.server.ctx.outcomes, { answerRate: 1, busyRate: 0, minTalkSeconds: 20, maxTalkSeconds: 30 });
  state.baseUrl = kit.baseUrl;
  const client = kit.client();
  const [created] = await client.createCalls({ phones: ["+79990001122"], outgoingPhone: DEMO_CALLER, record: { text: "Запись разговора" }, needRecording: true });
  await kit.advance(180_000);
  const [call] = await client.getCalls([created?.id as number]);
  // The reference as the app stores it: what apiCalls/get gave, without the key.
  recordingRef = callUpdateFromCalldog(call as never)?.recordingRef as string;
  expect(recordingRef).toBeTruthy();
  state.calls.set(WITH_RECORDING, { id: WITH_RECORDING, provider: "calldog", connectionId: CONNECTION_ID, recordingRef });
  state.calls.set(WITHOUT_RECORDING, { id: WITHOUT_RECORDING, provider: "calldog", connectionId: CONNECTION_ID, recordingRef: null });
  state.calls.set(ON_CALLDRON, { id: ON_CALLDRON, provider: "calldron", connectionId: CONNECTION_ID, recordingRef });
});
afterAll(async () => {
  await kit.server.close();
});
beforeEach(() => {
  state.signedIn = true;
  kit.server.faults.reset("calldog");
});

function get(callId: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://app.test/api/recordings/calldog/${callId}`, { headers }), { params: Promise.resolve({ callId }) });
}

describe("GET /api/recordings/calldog/[callId]", () => {
  it("streams the whole recording as audio with its length", async () => {
    const response = await get(WITH_RECORDING);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^audio\//);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1000);
    expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
  });

  it("passes Range on: 206 with Content-Range and the part's length", async () => {
    const response = await get(WITH_RECORDING, { range: "bytes=100-199" });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toMatch(/^bytes 100-199\/\d+$/);
    expect(response.headers.get("content-length")).toBe("100");
    expect((await response.arrayBuffer()).byteLength).toBe(100);
  });

  it("never shows the key or the provider's URL in any answer", async () => {
    const answers = [await get(WITH_RECORDING, { range: "bytes=0-9" }), await get(WITHOUT_RECORDING), await get(WITH_RECORDING, { range: "bytes=x" })];
    kit.server.faults.set("calldog", { errorRate: 1, errorStatuses: [500] });
    answers.push(await get(WITH_RECORDING));
    for (const response of answers) {
      const headers = JSON.stringify([...response.headers]);
      const body = response.headers.get("content-type")?.includes("json") ? await response.text() : "";
      for (const text of [headers, body]) {
        expect(text).not.toContain(DEMO_KEY);
        expect(text).not.toContain(kit.baseUrl);
        expect(text).not.toContain(new URL(recordingRef).pathname);
      }
      expect(response.headers.get("location")).toBeNull();
    }
    expect(answers.at(-1)?.status).toBe(502);
  });

  it("answers 401 JSON without a session and sends nothing to the provider", async () => {
    state.signedIn = false;
    kit.server.log.reset("calldog");
    const response = await get(WITH_RECORDING);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "t:errors.unauthenticated" });
    expect(kit.server.log.entries("calldog")).toHaveLength(0);
  });

  it("says in words that a call has no recording, without asking the provider", async () => {
    kit.server.log.reset("calldog");
    const response = await get(WITHOUT_RECORDING);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "t:errors.noRecording" });
    expect(kit.server.log.entries("calldog")).toHaveLength(0);
  });

  it("answers 404 for an unknown call, another provider's call or an id that is not ours", async () => {
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get(ON_CALLDRON)).status).toBe(404);
    expect((await get("..%2F..%2Fusers")).status).toBe(404);
  });

  it("refuses a malformed Range before asking the provider, and a hung provider is a 504", async () => {
    const bad = await get(WITH_RECORDING, { range: "bytes=abc" });
    expect(bad.status).toBe(416);
    kit.server.faults.set("calldog", { hangRate: 1 });
    const hung = await get(WITH_RECORDING);
    expect(hung.status).toBe(504);
    expect(await hung.json()).toEqual({ error: "t:errors.timeout" });
  });
});
