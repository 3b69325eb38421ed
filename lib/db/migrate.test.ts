import { describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/db/migrate";
import { createBoss } from "@/lib/jobs/boss";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();

describe("database start-up", () => {
  it("uses the driver the run asked for", () => {
    expect(testDb.handle.raw.kind).toBe(process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
  });

  it("applies migrations idempotently", async () => {
    await runMigrations(testDb.handle);
    await runMigrations(testDb.handle);
    const { rows } = await testDb.handle.raw.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
      [],
    );
    expect(rows.map((r) => r.table_name)).toEqual(["audio_files", "audit_log", "calldron_batch_intros", "connections", "dnc_entries", "sign_in_attempts", "task_items", "tasks", "users"]);
  });

  it("runs a pg-boss job end to end on this driver", async () => {
    const boss = createBoss(testDb.handle.raw);
    await boss.start();
    try {
      await boss.createQueue("test-ping");
      const received = new Promise<unknown>((resolve) => {
        void boss.work("test-ping", { pollingIntervalSeconds: 0.5 }, async ([job]) => {
          resolve(job?.data);
        });
      });
      await boss.send("test-ping", { driver: testDb.handle.raw.kind });
      expect(await received).toEqual({ driver: testDb.handle.raw.kind });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
