import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { closeDb, getDb } from "@/lib/db/client";
import { insertConnection } from "@/lib/db/queries/connections";
import { findTask, insertTask, listTaskItems } from "@/lib/db/queries/tasks";
import { planImport } from "@/lib/imports/plan";
import { readCsv } from "@/lib/imports/read-table";
import { type CalldronClient, createCalldronClient } from "@/lib/providers/calldron/client";
import { toE164 } from "@/lib/providers/phone";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import type { SimServer } from "@/lib/sim/server";
import { IMPORT_KIND } from "@/lib/tasks/import";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();
const ROWS = 20_000;

let server: SimServer;
let baseUrl: string;
let client: CalldronClient;

beforeAll(async () => {
  const started = await startCalldronSim();
  server = started.server;
  baseUrl = started.baseUrl;
  client = createCalldronClient({ baseUrl, apiKey: DEMO_KEY });
});
afterAll(async () => {
  await server.close();
});

/** The runner in its own process (PGlite is opened by one process at a time: this one lets go first). */
function runner(taskId: string): ChildProcess {
  // Node itself with tsx as a loader (not the tsx wrapper), so that SIGKILL hits the process that runs the task.
  return spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/run-task.mts", taskId], {
    env: { ...process.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

function addsReceived(listId: string): number {
  return server.log.entries("calldron").filter((e) => e.method === "POST" && e.path.endsWith(`/lists/${listId}/subscribers`)).length;
}

describe("an import killed in the middle", () => {
  it("resumes after a restart and accounts for every row exactly once", { timeout: 600_000 }, async () => {
    const { rows } = await testDb.handle.raw.query<{ id: string }>("insert into users (email, password_hash, role) values ('r@x.test', 'x', 'manager') returning id", []);
    const connectionId = randomUUID();
    await insertConnection({ connection: { id: connectionId, name: "sim", provider: "calldron", baseUrl, ...sealApiKey(connectionId, DEMO_KEY) } });
    const list = await client.createListAndFind(`Restart ${randomUUID()}`);
    // 20,000 rows: every 50th invalid, every 40th a repeat of the row before.
    const lines = ["Name;Phone"];
    for (let i = 0; i < ROWS; i++) {
      const phone = i % 50 === 7 ? "12-34" : `8 (999) ${String(3_000_000 + (i % 40 === 39 ? i - 1 : i)).slice(0, 7)}`;
      lines.push(`Row ${i};${phone}`);
    }
    const table = readCsv(new TextEncoder().encode(lines.join("\n")));
    const plan = planImport({ rows: table.rows, header: true, mapping: { phone: [1], name: 0 }, perPhone: true });
    const task = await insertTask({
      kind: IMPORT_KIND,
      ownerId: rows[0]?.id as string,
      connectionId,
      title: "restart",
      input: { fileId: randomUUID(), target: { kind: "calldron", connectionId, listId: list.id, listName: list.name } },
      items: plan.items,
    });
    expect(task.total).toBe(ROWS);
    await closeDb();

    const first = runner(task.id);
    const firstExit = exited(first);
    // Killed once a good part, not all, of the numbers has reached the provider.
    while (addsReceived(list.id) < 1500) {
      expect(first.exitCode).toBeNull();
      await new Promise((r) => setTimeout(r, 100));
    }
    first.kill("SIGKILL");
    await firstExit;
    await getDb();
    const killed = await findTask({ id: task.id });
    expect(killed?.processed).toBeGreaterThan(0);
    expect(killed?.processed).toBeLessThan(ROWS);
    await closeDb();

    const second = runner(task.id);
    let output = "";
    second.stdout?.on("data", (d) => {
      output += String(d);
    });
    second.stderr?.on("data", (d) => {
      output += String(d);
    });
    expect(await exited(second), output).toBe(0);
    expect(output).toContain("completed");

    await getDb();
    const done = await findTask({ id: task.id });
    const counts = done?.counts ?? {};
    expect(done).toMatchObject({ state: "completed", total: ROWS, processed: ROWS });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(ROWS);
    expect(counts.invalid).toBe(plan.invalid.length);
    expect(counts.duplicate).toBe(plan.duplicates.length);
    expect((counts.added ?? 0) + (counts.already ?? 0)).toBe(plan.valid);
    const pending = await listTaskItems({ taskId: task.id, limit: ROWS + 1 });
    expect(pending.filter((i) => i.state !== "done")).toEqual([]);

    // Each number is in the list exactly once (the simulator's request log is capped, so the list is what counts).
    const phones: string[] = [];
    for await (const s of client.iterateSubscribers(list.id, 100)) phones.push(toE164(s.phone) ?? s.phone);
    expect(phones.length).toBe(plan.valid);
    expect(new Set(phones).size).toBe(plan.valid);
  });
});
