import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { insertConnection } from "@/lib/db/queries/connections";
import { findTask, insertTask } from "@/lib/db/queries/tasks";
import { resetEnvCache } from "@/lib/env";
import { planImport } from "@/lib/imports/plan";
import { readCsv } from "@/lib/imports/read-table";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { serverState, startServer } from "@/lib/server/start";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import type { SimServer } from "@/lib/sim/server";
import { IMPORT_KIND } from "@/lib/tasks/import";
import { enqueueTask, TASK_QUEUE } from "@/lib/tasks/queue";
import { setupTestDb } from "@/lib/testing/test-db";

// A web process with JOB_WORKERS=off (this one) only sends; `npm run worker` (a child process) works the job. Only in
// the PostgreSQL pass (TEST_DATABASE_URL set): on PGlite there is no worker process (one embedded database, one
// process), so the PGlite pass reports this test skipped.
const url = process.env.TEST_DATABASE_URL;
const ROWS = 30;

describe.skipIf(!url)("a task sent by a web process with JOB_WORKERS=off (PostgreSQL pass only; skipped on PGlite: one process)", () => {
  const testDb = setupTestDb();
  let sim: SimServer;
  let baseUrl: string;
  let worker: ChildProcess | undefined;
  let output = "";

  beforeAll(async () => {
    const started = await startCalldronSim();
    sim = started.server;
    baseUrl = started.baseUrl;
  });
  afterAll(async () => {
    if (worker?.exitCode === null) worker.kill("SIGKILL");
    await serverState()?.boss?.stop({ graceful: false, wait: true });
    await sim.close();
  });

  it("waits in the queue until a worker process runs it, and the worker stops gracefully", { timeout: 120_000 }, async () => {
    process.env.JOB_WORKERS = "off";
    resetEnvCache();
    await startServer();
    const boss = serverState()?.boss;
    expect(boss, serverState()?.bossError).toBeDefined();

    const { rows } = await testDb.handle.raw.query<{ id: string }>("insert into users (email, password_hash, role) values ($1, 'x', 'manager') returning id", [`worker-${randomUUID()}@x.test`]);
    const connectionId = randomUUID();
    await insertConnection({ connection: { id: connectionId, name: "sim", provider: "calldron", baseUrl, ...sealApiKey(connectionId, DEMO_KEY) } });
    const list = await createCalldronClient({ baseUrl, apiKey: DEMO_KEY }).createListAndFind(`Worker ${randomUUID()}`);
    const lines = ["Phone", ...Array.from({ length: ROWS }, (_, i) => `8 (999) ${5_000_000 + i}`)];
    const plan = planImport({ rows: readCsv(new TextEncoder().encode(lines.join("\n"))).rows, header: true, mapping: { phone: [0] }, perPhone: true });
    const task = await insertTask({
      kind: IMPORT_KIND,
      ownerId: rows[0]?.id as string,
      connectionId,
      title: "worker process",
      input: { fileId: randomUUID(), target: { kind: "calldron", connectionId, listId: list.id, listName: list.name } },
      items: plan.items,
    });
    await enqueueTask(task.id);

    // Sent, and nobody here takes it: this process has no worker (an inline one polls every second).
    await new Promise((r) => setTimeout(r, 3_000));
    const jobs = await testDb.handle.raw.query<{ state: string }>("select state from pgboss.job where name = $1 and data->>'taskId' = $2", [TASK_QUEUE, task.id]);
    expect(jobs.rows.map((j) => j.state)).toEqual(["created"]);
    expect(await findTask({ id: task.id })).toMatchObject({ state: "queued", runnerId: null });

    worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.mts"], {
      env: { ...process.env, JOB_WORKERS: "", NODE_ENV: "development" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [worker.stdout, worker.stderr]) stream?.on("data", (d) => (output += String(d)));
    const exited = new Promise<number | null>((resolve) => worker?.once("exit", (code) => resolve(code)));

    for (;;) {
      const now = await findTask({ id: task.id });
      if (now?.state === "completed") break;
      expect(worker.exitCode, output).toBeNull();
      expect(now?.state, output).not.toBe("failed");
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await findTask({ id: task.id })).toMatchObject({ state: "completed", processed: ROWS, runnerId: null });

    worker.kill("SIGTERM");
    expect(await exited, output).toBe(0);
    expect(output).toContain("[worker] stopped");
  });
});
