import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createObzvonilkaSim } from "@/lib/sim/obzvonilka/simulator";
import { OBZVONILKA_SIM_ACCOUNTS } from "@/lib/sim/obzvonilka/simulator-accounts";
import { SimClock } from "@/lib/sim/clock";
import { type SimServer, startSimServer } from "@/lib/sim/server";

const KEY = OBZVONILKA_SIM_ACCOUNTS[0].key;
let server: SimServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  delete process.env.SIM_FAULTS_OBZVONILKA;
});

async function start(options: Partial<Parameters<typeof startSimServer>[0]> = {}) {
  server = await startSimServer({ providers: [createObzvonilkaSim({ demoData: true })], port: 0, tickMs: 0, ...options });
  return server;
}

const users = (s: SimServer, key: string = KEY) => fetch(`${s.url}/obzvonilka/api/users.json?api_key=${key}`);
const control = (s: SimServer, method: string, p: string, body?: unknown) =>
  fetch(`${s.url}/_sim/${p}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

describe("simulator control plane over HTTP", () => {
  it("turns faults on and off and keeps a request log that can be read and reset", async () => {
    const s = await start();
    expect((await users(s)).status).toBe(200);
    await control(s, "PUT", "faults/obzvonilka", { errorRate: 1, errorStatuses: [503] });
    expect((await users(s)).status).toBe(503);
    await control(s, "DELETE", "faults/obzvonilka");
    expect((await users(s)).status).toBe(200);

    const log = (await (await control(s, "GET", "log/obzvonilka")).json()) as { status: number; fault?: string; path: string }[];
    expect(log.map((e) => e.status)).toEqual([200, 503, 200]);
    expect(log[1]?.fault).toBe("error_503");
    expect(JSON.stringify(log)).not.toContain(KEY);
    await control(s, "DELETE", "log/obzvonilka");
    expect(await (await control(s, "GET", "log/obzvonilka")).json()).toEqual([]);
    expect((await control(s, "GET", "nothing-here")).status).toBe(404);
    expect((await fetch(`${s.url}/unknown-provider/x`)).status).toBe(404);
  });

  it("answers 429 with Retry-After beyond the per-account concurrency ceiling", async () => {
    const s = await start();
    s.faults.set("obzvonilka", { maxConcurrentPerAccount: 2, latencyMs: 800, retryAfterSeconds: 3 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => users(s)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    expect(answers.find((r) => r.status === 429)?.headers.get("retry-after")).toBe("3");
    // Another account has its own ceiling.
    expect((await users(s, OBZVONILKA_SIM_ACCOUNTS[1].key)).status).toBe(200);
  });

  it("takes fault settings from the environment at start", async () => {
    process.env.SIM_FAULTS_OBZVONILKA = JSON.stringify({ errorRate: 1, errorStatuses: [502] });
    const s = await start();
    expect((await users(s)).status).toBe(502);
  });

  it("advances a manual clock through the control plane", async () => {
    const clock = SimClock.manual(Date.UTC(2026, 0, 1));
    const s = await start({ clock });
    const answer = (await (await control(s, "POST", "clock/advance", { ms: 60_000 })).json()) as { now: number };
    expect(answer.now).toBe(Date.UTC(2026, 0, 1) + 60_000);
  });

  it("keeps its state across a restart when given a file", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prozvon-sim-")), "state.json");
    let s = await start({ persistPath: file });
    const created = await fetch(`${s.url}/obzvonilka/api/contact_bases/1/contacts.json?api_key=${KEY}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "contact[name]=Persisted%20Person&contact[phone1]=%2B79990001122",
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: number };
    await s.close();
    server = undefined;
    s = await start({ persistPath: file });
    const again = await fetch(`${s.url}/obzvonilka/api/contact_bases/1/contacts/${id}.json?api_key=${KEY}`);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe("Persisted Person");
  });
});
