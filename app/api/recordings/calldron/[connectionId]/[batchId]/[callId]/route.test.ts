import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";

const state = vi.hoisted(() => ({ signedIn: true, baseUrl: "" }));
const CONNECTION_ID = "5f0c3c1e-8f1a-4a57-9d0e-2b1f1f0d3a11";

vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => (state.signedIn ? { id: "u1", role: "manager" } : null) }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => `t:${key}` }));
vi.mock("@/lib/db/queries/connections", () => ({
  findConnection: async ({ id }: { id: string }) => (id === CONNECTION_ID ? { id, provider: "calldron", name: "Calldron" } : undefined),
}));
vi.mock("@/lib/providers/connection-clients", () => ({
  clientFor: () => createCalldronClient({ baseUrl: state.baseUrl, apiKey: DEMO_KEY, timeoutMs: 500, sleep: async () => {} }),
}));

const { GET } = await import("./route");

let sim: Awaited<ReturnType<typeof startCalldronSim>>;
let batchId: string;
let answered: string;
let unanswered: string;

beforeAll(async () => {
  sim = await startCalldronSim({ demoData: true });
  state.baseUrl = sim.baseUrl;
  const client = createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY });
  batchId = (await client.listBatches()).find((b) => b.name === "Опрос качества обслуживания")?.id as string;
  const calls = (await client.callsPage(batchId, 1, 100)).items;
  answered = calls.find((c) => c.recordUrl)?.id as string;
  unanswered = calls.find((c) => !c.recordUrl)?.id as string;
});
afterAll(async () => {
  await sim.server.close();
});
beforeEach(() => {
  state.signedIn = true;
  sim.server.faults.reset("calldron");
});

function get(callId: string, headers: Record<string, string> = {}, connectionId = CONNECTION_ID) {
  return GET(new Request(`http://app.test/api/recordings/calldron/${connectionId}/${batchId}/${callId}`, { headers }), {
    params: Promise.resolve({ connectionId, batchId, callId }),
  });
}

describe("GET /api/recordings/calldron/…", () => {
  it("streams the whole mp3 with its length and says ranges are accepted", async () => {
    const response = await get(answered);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/mpeg");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
    // An MP3 frame sync or an ID3 tag.
    expect(bytes.subarray(0, 3).toString("latin1") === "ID3" || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)).toBe(true);
  });

  it("passes Range on: 206 with Content-Range and the part's length", async () => {
    const response = await get(answered, { range: "bytes=100-199" });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toMatch(/^bytes 100-199\/\d+$/);
    expect(response.headers.get("content-length")).toBe("100");
    expect((await response.arrayBuffer()).byteLength).toBe(100);
  });

  it("never shows the provider's URL or the key in headers", async () => {
    const response = await get(answered, { range: "bytes=0-9" });
    const headers = JSON.stringify([...response.headers]);
    expect(headers).not.toContain(sim.baseUrl);
    expect(headers).not.toContain("record.mp3");
    expect(headers).not.toContain(DEMO_KEY);
    expect(response.headers.get("location")).toBeNull();
  });

  it("answers 401 JSON without a session and sends nothing to the provider", async () => {
    state.signedIn = false;
    sim.server.log.reset("calldron");
    const response = await get(answered);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "t:errors.unauthenticated" });
    expect(sim.server.log.entries("calldron")).toHaveLength(0);
  });

  it("says in words that a call has no recording (404 JSON)", async () => {
    const response = await get(unanswered);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "t:errors.noRecording" });
  });

  it("answers 404 for an unknown connection or a path-like id", async () => {
    expect((await get(answered, {}, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("..%2F..%2Flists")).status).toBe(404);
  });

  it("turns a provider failure into JSON with a gateway status, never an HTML page", async () => {
    sim.server.faults.set("calldron", { errorRate: 1, errorStatuses: [500] });
    const failed = await get(answered);
    expect(failed.status).toBe(502);
    expect(failed.headers.get("content-type")).toContain("application/json");
    expect(await failed.json()).toEqual({ error: "t:errors.unavailable" });

    sim.server.faults.set("calldron", { errorRate: 0, hangRate: 1 });
    const hung = await get(answered);
    expect(hung.status).toBe(504);
    expect(await hung.json()).toEqual({ error: "t:errors.timeout" });
  });

  it("refuses a malformed Range header before asking the provider", async () => {
    const response = await get(answered, { range: "bytes=abc" });
    expect(response.status).toBe(416);
    expect(await response.json()).toEqual({ error: "t:errors.range" });
  });
});
