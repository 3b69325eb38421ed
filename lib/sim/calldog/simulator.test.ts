import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCalldogClient } from "@/lib/providers/calldog/client";
import { CALLDOG_SIM_ACCOUNTS, createCalldogSim } from "@/lib/sim/calldog/simulator";
import { DEMO_CALLER, DEMO_KEY, type Kit, startKit } from "@/lib/sim/calldog/test-kit";
import { makeWav } from "@/lib/sim/audio";
import { SimClock } from "@/lib/sim/clock";
import { startSimServer } from "@/lib/sim/server";

let kit: Kit;
beforeEach(async () => {
  kit = await startKit();
});
afterEach(async () => {
  await kit.server.close();
});

describe("Calldog simulator", () => {
  it("has distinct fixed accounts, the demo one first, one with account-level moderation", () => {
    const keys = new Set(CALLDOG_SIM_ACCOUNTS.map((a) => a.key));
    expect(keys.size).toBe(CALLDOG_SIM_ACCOUNTS.length);
    expect(CALLDOG_SIM_ACCOUNTS[0].moderation).toBe(false);
    expect(CALLDOG_SIM_ACCOUNTS.some((a) => a.moderation)).toBe(true);
    expect(createCalldogSim().describeAccounts().map((a) => a.key)).toEqual([...keys]);
  });

  it("the request log never holds a key, whatever the way it was presented", async () => {
    const client = kit.client();
    const [item] = await client.createCalls({ phones: ["+79991112233"], outgoingPhone: DEMO_CALLER, record: { text: "Привет" }, needRecording: true });
    await client.getCalls([item?.id ?? 0]);
    const record = await client.createRecordFromFile({ name: "r", file: makeWav(1), filename: "r.wav" });
    await client.recording(record.recordPath ?? "", "bytes=0-9");
    await kit.client("not-a-real-key-987").userInfo().catch(() => undefined);
    const entries = kit.server.log.entries("calldog");
    expect(entries.map((e) => e.auth)).toEqual(["body:apiKey", "body:apiKey", "multipart:apiKey", "query:apiKey", "body:apiKey"]);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(DEMO_KEY);
    expect(text).not.toContain("not-a-real-key-987");
  });

  it("snapshot and restore (through the server's persistPath) keep calls, uploaded audio, balance and ids", async () => {
    const persistPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "calldog-")), "state.json");
    const wav = makeWav(1, 9);
    const first = await startSimServer({ providers: [createCalldogSim()], port: 0, tickMs: 0, clock: SimClock.manual(), persistPath });
    const before = createCalldogClient({ baseUrl: `${first.url}/calldog/`, apiKey: DEMO_KEY });
    const record = await before.createRecordFromFile({ name: "Загружен", file: wav, filename: "a.wav" });
    await before.createCalls({ phones: ["+79991112233"], outgoingPhone: DEMO_CALLER, record: { text: "Привет" } });
    await first.close();

    const server = await startSimServer({ providers: [createCalldogSim()], port: 0, tickMs: 0, clock: SimClock.manual(), persistPath });
    try {
      const restored = createCalldogClient({ baseUrl: `${server.url}/calldog/`, apiKey: DEMO_KEY });
      expect(await restored.getCalls([1])).toMatchObject([{ id: 1, status: "created" }]);
      expect((await restored.userInfo()).balance).toBeCloseTo(1499.6);
      const audio = Buffer.from(await (await restored.recording(new URL(record.recordPath ?? "").pathname)).arrayBuffer());
      expect(audio.equals(wav)).toBe(true);
      const [next] = await restored.createCalls({ phones: ["+79991112244"], outgoingPhone: DEMO_CALLER, record: { id: record.id } });
      expect(next?.id).toBe(2);
    } finally {
      await server.close();
    }
  });

  it("demo data: seeded fast, weeks of finished calls with IVR answers and lazily made recordings", async () => {
    const started = performance.now();
    const sim = createCalldogSim({ demoData: true });
    expect(performance.now() - started).toBeLessThan(1_000);
    const server = await startSimServer({ providers: [sim], port: 0, tickMs: 0, clock: SimClock.manual() });
    try {
      const client = createCalldogClient({ baseUrl: `${server.url}/calldog/`, apiKey: DEMO_KEY });
      const calls = await client.getCalls(Array.from({ length: 3_000 }, (_, i) => i + 1));
      expect(calls).toHaveLength(3_000);
      const statuses = new Set(calls.map((c) => c.status));
      expect([...statuses].sort()).toEqual(["busy", "canceled", "finished"]);
      expect(calls.some((c) => c.ivrAnswer === -1) && calls.some((c) => c.ivrAnswer === 1)).toBe(true);
      const days = new Set(calls.map((c) => c.createdAt?.slice(0, 10)));
      expect(days.size).toBeGreaterThan(14);
      const withRecording = calls.find((c) => c.recordPath);
      const audio = await client.recording(withRecording?.recordPath ?? "", "bytes=0-1");
      expect(audio.status).toBe(206);
      expect(await createCalldogClient({ baseUrl: `${server.url}/calldog/`, apiKey: CALLDOG_SIM_ACCOUNTS[1].key }).getCalls([1])).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
