import { describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { findTask } from "@/lib/db/queries/tasks";
import { expectEveryRowOnce, messyRows, seedImportTask, setupCalldronSim, startScript } from "@/lib/testing/import-task-fixture";
import { setupTestDb } from "@/lib/testing/test-db";

setupTestDb();
const sim = setupCalldronSim();
const ROWS = 20_000;

/** The runner in its own process (PGlite is opened by one process at a time: this one lets go first). */
const runner = (taskId: string) => startScript("scripts/run-task.mts", { args: [taskId] });

function addsReceived(listId: string): number {
  return sim.server.log.entries("calldron").filter((e) => e.method === "POST" && e.path.endsWith(`/lists/${listId}/subscribers`)).length;
}

describe("an import killed in the middle", () => {
  it("resumes after a restart and accounts for every row exactly once", { timeout: 600_000 }, async () => {
    const { client, list, plan, task } = await seedImportTask({ baseUrl: sim.baseUrl, title: "Restart", lines: messyRows(ROWS, 3_000_000), mapping: { phone: [1], name: 0 } });
    expect(task.total).toBe(ROWS);
    await closeDb();

    const first = runner(task.id);
    // Killed once a good part, not all, of the numbers has reached the provider.
    while (addsReceived(list.id) < 1500) {
      expect(first.child.exitCode).toBeNull();
      await new Promise((r) => setTimeout(r, 100));
    }
    first.child.kill("SIGKILL");
    await first.exited;
    await getDb();
    const killed = await findTask({ id: task.id });
    expect(killed?.processed).toBeGreaterThan(0);
    expect(killed?.processed).toBeLessThan(ROWS);
    await closeDb();

    const second = runner(task.id);
    expect(await second.exited, second.output()).toBe(0);
    expect(second.output()).toContain("completed");

    await getDb();
    const done = await findTask({ id: task.id });
    expect(done).toMatchObject({ state: "completed", total: ROWS, processed: ROWS });
    await expectEveryRowOnce({ task: done, plan, client, listId: list.id });
  });
});
