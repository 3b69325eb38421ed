import { describe, expect, it } from "vitest";
import { findOrphanedTasks, findTask, insertTask } from "@/lib/db/queries/tasks";
import { handOverRuns, runTask, STALE_AFTER_MS } from "@/lib/tasks/runner";
import type { TaskHandler } from "@/lib/tasks/types";
import { setupTestDb } from "@/lib/testing/test-db";

// A file of its own: a hand-over is for good (the process is stopping), so no other run may follow it here.
const testDb = setupTestDb();

describe("a stopping worker process hands its runs over", () => {
  it("stops the run before its next item, lets go of the claim with the task still running, and starts no run after", async () => {
    const { rows } = await testDb.handle.raw.query<{ id: string }>("insert into users (email, password_hash, role) values ('h@x.test', 'x', 'manager') returning id", []);
    const task = await insertTask({ kind: "t.handover", ownerId: rows[0]?.id as string, title: "t", input: {}, items: Array.from({ length: 40 }, (_, i) => ({ key: `k${i}` })) });
    const done: string[] = [];
    const handler: TaskHandler<null> = {
      kind: "t.handover",
      concurrency: 1,
      prepare: async () => null,
      process: async (item) => {
        done.push(item.key);
        if (done.length === 3) handOverRuns();
        return { outcome: "added" };
      },
    };
    const handlers = { [handler.kind]: handler as TaskHandler<unknown> };

    expect(await runTask(task.id, { handlers })).toBe("paused");
    expect(done).toEqual(["k0", "k1", "k2"]);
    expect(await findTask({ id: task.id })).toMatchObject({ state: "running", runnerId: null, processed: 3 });
    // Unclaimed and running: a sweeper elsewhere resumes it at its next pass, not after a dead holder's 30 s.
    expect(await findOrphanedTasks({ staleMs: STALE_AFTER_MS, queuedForMs: 30_000 })).toContainEqual({ id: task.id });
    expect(await runTask(task.id, { handlers })).toBe("busy");
    expect(done).toHaveLength(3);
  });
});
