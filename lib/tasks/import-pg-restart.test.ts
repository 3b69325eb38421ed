import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { findTask } from "@/lib/db/queries/tasks";
import { expectEveryRowOnce, messyRows, seedImportTask, setupCalldronSim, startScript } from "@/lib/testing/import-task-fixture";
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
  setupTestDb();
  const sim = setupCalldronSim();
  const workers: ReturnType<typeof startWorker>[] = [];
  afterAll(() => {
    for (const { child } of workers) if (child.exitCode === null) child.kill("SIGKILL");
  });

  it("the worker reports the outage, reconnects by itself, and the import ends once with every row accounted for once", { timeout: 180_000 }, async () => {
    const restart = restartCommands(url as string);
    const { server } = sim;
    const { client, list, plan, task } = await seedImportTask({ baseUrl: sim.baseUrl, title: "PG restart", lines: messyRows(ROWS, 4_000_000), mapping: { phone: [1], name: 0 } });
    // Each add takes a moment, so that the restart lands in the middle of the import.
    server.faults.set("calldron", { latencyMs: 20, match: "^POST /lists/\\d+/subscribers" });
    server.log.reset("calldron");
    const adds = () => server.log.entries("calldron").filter((e) => e.method === "POST" && e.path.endsWith(`/lists/${list.id}/subscribers`)).length;

    const worker = startWorker(task.id);
    workers.push(worker);
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
    await expectEveryRowOnce({ task: done, plan, client, listId: list.id });
  });
});

/** The app's background side on TEST_DATABASE_URL running one task (lib/testing/task-worker.mts), its JSON lines read back. */
function startWorker(taskId: string) {
  const worker = startScript("lib/testing/task-worker.mts", { env: { TASK_ID: taskId, NODE_ENV: "development" } });
  const messages = () =>
    worker
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { ...worker, messages };
}

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
