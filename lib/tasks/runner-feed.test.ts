import { describe, expect, it, vi } from "vitest";
import { findTask, insertTask } from "@/lib/db/queries/tasks";
import { runTask } from "@/lib/tasks/runner";
import type { TaskHandler } from "@/lib/tasks/types";
import { setupTestDb } from "@/lib/testing/test-db";

// The last read's in-flight mark answered only after a timer, as a PostgreSQL server's answer comes by the event loop.
vi.mock("@/lib/db/queries/tasks", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/db/queries/tasks")>();
  return {
    ...real,
    markItemsInflight: async (input: { ids: string[] }) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return real.markItemsInflight(input);
    },
  };
});

const testDb = setupTestDb();

describe("task runner's item feed", () => {
  it("waits for the last read while its items are being marked, instead of spinning without letting the answer in", async () => {
    const { rows } = await testDb.handle.raw.query<{ id: string }>("insert into users (email, password_hash, role) values ('feed@x.test', 'x', 'manager') returning id", []);
    // Four lanes read 100 at a time and screen 20 at a time: the second read, made while the fifth 20 are sent,
    // takes the last 20 and marks them while the lanes run dry.
    const keys = Array.from({ length: 120 }, (_, i) => `+7999100${String(i).padStart(4, "0")}`);
    const task = await insertTask({ kind: "t.feed", ownerId: rows[0]?.id as string, title: "t", input: {}, items: keys.map((key) => ({ key })) });
    let emptyScreens = 0;
    const handler: TaskHandler<null> = {
      kind: "t.feed",
      concurrency: 4,
      prepare: async () => null,
      screen: async (items) => {
        // A spinning feed starves the timers too: break it here, or the test would never end.
        if (items.length === 0 && ++emptyScreens > 1_000) throw new Error("the feed spins on an empty chunk");
      },
      process: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        return { outcome: "added" };
      },
    };
    expect(await runTask(task.id, { handlers: { "t.feed": handler as TaskHandler<unknown> }, sleep: async () => {} })).toBe("completed");
    expect(await findTask({ id: task.id })).toMatchObject({ state: "completed", processed: 120, counts: { added: 120 } });
  });
});
