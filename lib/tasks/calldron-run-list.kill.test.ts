import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import { calledPhones, mobiles, notOnce, seedList, simClient } from "@/lib/testing/run-list-fixture";

// A real crash: the worker process (the app's start-up code, pg-boss, the task workers and the sweeper, on its
// own PGlite directory) is killed with SIGKILL in the middle of a run and started again; the simulator's log
// must show every number called exactly once.
const PHONES = mobiles(5_000, 200);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prozvon-kill-"));
const children: ChildProcess[] = [];
const t0 = Date.now();

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it("a run killed with SIGKILL mid-run and started again calls every number exactly once", async () => {
  const sim = await startCalldronSim();
  try {
    const client = simClient(sim.baseUrl);
    const listId = await seedList(client, "kill test", PHONES);
    const batchId = (await client.createBatch({ name: "kill test" })).id as string;
    // Each call takes a moment, so that the kill lands while calls are being made.
    sim.server.faults.set("calldron", { latencyMs: 25, match: "^POST /batches/\\d+/calls" });
    sim.server.log.reset("calldron");
    const calls = () => calledPhones(sim.server.log.entries("calldron"), batchId).length;

    const first = worker({ RUN_LIST_MODE: "start", CALLDRON_BASE_URL: sim.baseUrl, LIST_ID: listId, BATCH_ID: batchId });
    const taskId = String((await first.next((m) => "started" in m)).started);
    await until(() => calls() >= 50, 90_000);
    first.process.kill("SIGKILL");
    await new Promise((r) => first.process.once("exit", r));
    const atKill = calls();
    expect(atKill).toBeLessThan(PHONES.length);

    const second = worker({ RUN_LIST_MODE: "resume", TASK_ID: taskId });
    const finished = await second.next((m) => "finished" in m, 120_000);
    expect(finished).toMatchObject({ finished: "completed", total: PHONES.length, processed: PHONES.length });
    const counts = finished.counts as Record<string, number>;
    expect(Object.keys(counts).every((k) => k === "called" || k === "reconciled")).toBe(true);
    expect((counts.called ?? 0) + (counts.reconciled ?? 0)).toBe(PHONES.length);

    expect(notOnce(calledPhones(sim.server.log.entries("calldron"), batchId), PHONES)).toEqual({});
    const inBatch: string[] = [];
    for await (const call of client.iterateCalls(batchId)) inBatch.push(call.phone);
    expect(notOnce(inBatch, PHONES)).toEqual({});
  } finally {
    await sim.server.close();
  }
}, 240_000);

/** Starts the worker process; `next` waits for its next JSON line that matches. */
function worker(env: Record<string, string>) {
  // node itself (tsx as a loader), not the tsx wrapper: the wrapper would pass on the SIGKILL to nobody.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/testing/run-list-worker.mts"], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", NODE_ENV: "development", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    for (const line of parts) {
      if (!line.startsWith("{")) continue;
      const message = JSON.parse(line) as Record<string, unknown>;
      if (process.env.KILL_TEST_TRACE) console.info(Date.now() - t0, line);
      lines.push(message);
    }
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return {
    process: child,
    async next(match: (m: Record<string, unknown>) => boolean, timeoutMs = 90_000): Promise<Record<string, unknown>> {
      await until(() => lines.some(match) || child.exitCode !== null, timeoutMs);
      const found = lines.find(match);
      if (!found) throw new Error(`worker exited (${child.exitCode}) without the expected line; stderr: ${stderr.slice(-2000)}`);
      return found;
    },
  };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}
