import { afterAll, describe, expect, it } from "vitest";
import { findTask } from "@/lib/db/queries/tasks";
import { resetEnvCache } from "@/lib/env";
import { serverState, startServer } from "@/lib/server/start";
import { enqueueTask, TASK_QUEUE } from "@/lib/tasks/queue";
import { seedImportTask, setupCalldronSim, startScript } from "@/lib/testing/import-task-fixture";
import { setupTestDb } from "@/lib/testing/test-db";

// A web process with JOB_WORKERS=off (this one) only sends; `npm run worker` (a child process) works the job. Only in
// the PostgreSQL pass (TEST_DATABASE_URL set): on PGlite there is no worker process (one embedded database, one
// process), so the PGlite pass reports this test skipped.
const url = process.env.TEST_DATABASE_URL;
const ROWS = 30;

describe.skipIf(!url)("a task sent by a web process with JOB_WORKERS=off (PostgreSQL pass only; skipped on PGlite: one process)", () => {
  const testDb = setupTestDb();
  const sim = setupCalldronSim();
  let worker: ReturnType<typeof startScript> | undefined;
  afterAll(async () => {
    if (worker?.child.exitCode === null) worker.child.kill("SIGKILL");
    await serverState()?.boss?.stop({ graceful: false, wait: true });
  });

  it("waits in the queue until a worker process runs it, and the worker stops gracefully", { timeout: 120_000 }, async () => {
    process.env.JOB_WORKERS = "off";
    resetEnvCache();
    await startServer();
    const boss = serverState()?.boss;
    expect(boss, serverState()?.bossError).toBeDefined();

    const lines = ["Phone", ...Array.from({ length: ROWS }, (_, i) => `8 (999) ${5_000_000 + i}`)];
    const { task } = await seedImportTask({ baseUrl: sim.baseUrl, title: "Worker", lines, mapping: { phone: [0] } });
    await enqueueTask(task.id);

    // Sent, and nobody here takes it: this process has no worker (an inline one polls every second).
    await new Promise((r) => setTimeout(r, 3_000));
    const jobs = await testDb.handle.raw.query<{ state: string }>("select state from pgboss.job where name = $1 and data->>'taskId' = $2", [TASK_QUEUE, task.id]);
    expect(jobs.rows.map((j) => j.state)).toEqual(["created"]);
    expect(await findTask({ id: task.id })).toMatchObject({ state: "queued", runnerId: null });

    worker = startScript("scripts/worker.mts", { env: { JOB_WORKERS: "", NODE_ENV: "development" } });
    const { child, exited, output } = worker;

    for (;;) {
      const now = await findTask({ id: task.id });
      if (now?.state === "completed") break;
      expect(child.exitCode, output()).toBeNull();
      expect(now?.state, output()).not.toBe("failed");
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await findTask({ id: task.id })).toMatchObject({ state: "completed", processed: ROWS, runnerId: null });

    child.kill("SIGTERM");
    expect(await exited, output()).toBe(0);
    expect(output()).toContain("[worker] stopped");
  });
});
