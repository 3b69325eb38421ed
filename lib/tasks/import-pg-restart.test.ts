import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { insertConnection } from "@/lib/db/queries/connections";
import { findTask, insertTask, listTaskItems } from "@/lib/db/queries/tasks";
import { planImport } from "@/lib/imports/plan";
import { readCsv } from "@/lib/imports/read-table";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { toE164 } from "@/lib/providers/phone";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import type { SimServer } from "@/lib/sim/server";
import { IMPORT_KIND } from "@/lib/tasks/import";
import { setupTestDb } from "@/lib/testing/test-db";

// PostgreSQL restarted under a running import. Only in the PostgreSQL pass (TEST_DATABASE_URL set): on PGlite the
// database lives inside the process, there is no server to restart, so the PGlite pass reports this test skipped.
//
// The server restarted is the one TEST_DATABASE_URL points at: the local cluster listening on its port
// (`pg_lsclusters`, then `pg_ctlcluster --skip-systemctl-redirect <version> <cluster> stop`, a pause, `start`;
// this needs root or the cluster's owner). Elsewhere set PG_STOP_COMMAND and PG_START_COMMAND (shell commands).
const url = process.env.TEST_DATABASE_URL;
const ROWS = 500;
const OUTAGE_MS = 1_500;

describe.skipIf(!url)("PostgreSQL restarted during an import (PostgreSQL pass only; skipped on PGlite: no server to restart)", () => {
  const testDb = setupTestDb();
  let server: SimServer;
  let baseUrl: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    const started = await startCalldronSim();
    server = started.server;
    baseUrl = started.baseUrl;
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await server.close();
  });

  it("the worker reports the outage, reconnects by itself, and the import ends once with every row accounted for once", { timeout: 180_000 }, async () => {
    const restart = restartCommands(url as string);
    const client = createCalldronClient({ baseUrl, apiKey: DEMO_KEY });
    const { rows } = await testDb.handle.raw.query<{ id: string }>("insert into users (email, password_hash, role) values ($1, 'x', 'manager') returning id", [
      `pg-restart-${randomUUID()}@x.test`,
    ]);
    const connectionId = randomUUID();
    await insertConnection({ connection: { id: connectionId, name: "sim", provider: "calldron", baseUrl, ...sealApiKey(connectionId, DEMO_KEY) } });
    const list = await client.createListAndFind(`PG restart ${randomUUID()}`);
    // Every 50th row invalid, every 40th a repeat of the row before.
    const lines = ["Name;Phone"];
    for (let i = 0; i < ROWS; i++) lines.push(`Row ${i};${i % 50 === 7 ? "12-34" : `8 (999) ${4_000_000 + (i % 40 === 39 ? i - 1 : i)}`}`);
    const plan = planImport({ rows: readCsv(new TextEncoder().encode(lines.join("\n"))).rows, header: true, mapping: { phone: [1], name: 0 }, perPhone: true });
    const task = await insertTask({
      kind: IMPORT_KIND,
      ownerId: rows[0]?.id as string,
      connectionId,
      title: "pg restart",
      input: { fileId: randomUUID(), target: { kind: "calldron", connectionId, listId: list.id, listName: list.name } },
      items: plan.items,
    });
    // Each add takes a moment, so that the restart lands in the middle of the import.
    server.faults.set("calldron", { latencyMs: 20, match: "^POST /lists/\\d+/subscribers" });
    server.log.reset("calldron");
    const adds = () => server.log.entries("calldron").filter((e) => e.method === "POST" && e.path.endsWith(`/lists/${list.id}/subscribers`)).length;

    const worker = startWorker(task.id);
    const deadline = Date.now() + 90_000;
    while (adds() < 100) {
      expect(worker.child.exitCode, worker.output().slice(-4000)).toBeNull();
      expect(Date.now(), "the import never got going").toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 50));
    }
    const stoppedAt = Date.now();
    execFileSync("sh", ["-c", restart.stop], { stdio: "ignore" });
    const addsAtStop = adds();
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    const startingAt = Date.now();
    execFileSync("sh", ["-c", restart.start], { stdio: "ignore" });

    expect(await worker.exited, worker.output().slice(-4000)).toBe(0);
    if (process.env.PG_RESTART_TRACE) console.info(worker.output());
    expect(addsAtStop).toBeLessThan(plan.valid);
    const messages = worker.messages();
    // The outage was seen as what it is (a typed error while polling, a logged wait in the runner), then left behind.
    expect(messages.some((m) => typeof m.outage === "string"), worker.output().slice(-4000)).toBe(true);
    expect(worker.output()).toMatch(new RegExp(`\\[tasks\\] import ${task.id}: database unavailable \\(\\w+\\); resuming when it is back`));
    expect(worker.output()).toMatch(new RegExp(`\\[tasks\\] import ${task.id}: database back after \\d+ ms; resuming`));
    expect(messages.find((m) => "finished" in m)).toMatchObject({ finished: "completed", total: ROWS, processed: ROWS });
    // pg-boss fetched the job before the restart and recorded its end after it.
    expect(messages.some((m) => m.job === "completed")).toBe(true);

    // This process's own pool reconnects too.
    const done = await findTask({ id: task.id });
    expect(done).toMatchObject({ state: "completed", total: ROWS, processed: ROWS, error: null });
    // The task keeps a record of the outage for its progress views: met after the stop, waited out past the start.
    expect(done?.outages, JSON.stringify(done?.outages)).toHaveLength(1);
    const [outage] = done?.outages ?? [];
    const began = Date.parse(outage?.at ?? "");
    expect(outage?.code).toMatch(/^(57P0[123]|08\d{3}|E[A-Z]+|terminated)$/);
    expect(began).toBeGreaterThanOrEqual(stoppedAt);
    expect(began).toBeLessThanOrEqual(startingAt);
    expect(began + (outage?.ms ?? 0)).toBeGreaterThanOrEqual(startingAt);
    const counts = done?.counts ?? {};
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(ROWS);
    expect(counts.invalid).toBe(plan.invalid.length);
    expect(counts.duplicate).toBe(plan.duplicates.length);
    expect((counts.added ?? 0) + (counts.already ?? 0)).toBe(plan.valid);
    expect(counts.failed ?? 0).toBe(0);
    expect((await listTaskItems({ taskId: task.id, limit: ROWS + 1 })).filter((i) => i.state !== "done")).toEqual([]);
    const phones: string[] = [];
    for await (const s of client.iterateSubscribers(list.id, 100)) phones.push(toE164(s.phone) ?? s.phone);
    expect(phones.length).toBe(plan.valid);
    expect(new Set(phones).size).toBe(plan.valid);
  });

  function startWorker(taskId: string) {
    // Node itself with tsx as a loader: the app's start-up code, pg-boss and the task workers on DATABASE_URL.
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/testing/task-worker.mts"], {
      env: { ...process.env, TASK_ID: taskId, NODE_ENV: "development" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let out = "";
    child.stdout?.on("data", (d) => {
      out += String(d);
    });
    child.stderr?.on("data", (d) => {
      out += String(d);
    });
    return {
      child,
      exited: new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))),
      output: () => out,
      messages: () =>
        out
          .split("\n")
          .filter((l) => l.startsWith("{"))
          .map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  }
});

/** How to stop and start the server behind `databaseUrl`: PG_STOP_COMMAND/PG_START_COMMAND, else its local cluster. */
function restartCommands(databaseUrl: string): { stop: string; start: string } {
  if (process.env.PG_STOP_COMMAND && process.env.PG_START_COMMAND) return { stop: process.env.PG_STOP_COMMAND, start: process.env.PG_START_COMMAND };
  const port = new URL(databaseUrl).port || "5432";
  const clusters = execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[2] === port);
  const [version, name] = clusters[0] ?? [];
  if (!version || !name) throw new Error(`no local PostgreSQL cluster on port ${port}: set PG_STOP_COMMAND and PG_START_COMMAND`);
  const ctl = `pg_ctlcluster --skip-systemctl-redirect ${version} ${name}`;
  return { stop: `${ctl} stop -m fast`, start: `${ctl} start` };
}
