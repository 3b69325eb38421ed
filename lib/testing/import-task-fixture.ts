import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect } from "vitest";
import { insertTask, listTaskItems } from "@/lib/db/queries/tasks";
import type { Task } from "@/lib/db/schema";
import { type Mapping, type Plan, planImport } from "@/lib/imports/plan";
import { readCsv } from "@/lib/imports/read-table";
import { type CalldronClient, createCalldronClient } from "@/lib/providers/calldron/client";
import { toE164 } from "@/lib/providers/phone";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import type { SimServer } from "@/lib/sim/server";
import { IMPORT_KIND } from "@/lib/tasks/import";
import { seedOwnerAndConnection } from "@/lib/testing/run-list-fixture";

// The set-up of the tests that run an import task in another process (a worker, a runner killed and started again,
// PostgreSQL restarted under it). Hooks registered here run after the test file's own afterAll (vitest's "stack").

/** A Calldron simulator for the test file, started before its tests and closed after them. Read it inside tests. */
export function setupCalldronSim(): { readonly server: SimServer; readonly baseUrl: string } {
  let started: Awaited<ReturnType<typeof startCalldronSim>> | undefined;
  beforeAll(async () => {
    started = await startCalldronSim();
  });
  afterAll(async () => {
    await started?.server.close();
  });
  const get = () => {
    if (!started) throw new Error("the simulator is started in beforeAll");
    return started;
  };
  return {
    get server() {
      return get().server;
    },
    get baseUrl() {
      return get().baseUrl;
    },
  };
}

/** "Name;Phone" rows from 8 (999) `from` on: every 50th invalid, every 40th a repeat of the row before. */
export function messyRows(count: number, from: number): string[] {
  const lines = ["Name;Phone"];
  for (let i = 0; i < count; i++) lines.push(`Row ${i};${i % 50 === 7 ? "12-34" : `8 (999) ${from + (i % 40 === 39 ? i - 1 : i)}`}`);
  return lines;
}

/** A manager's import of `lines` (CSV, header first) into a new list of the simulator's demo account: the task stored, not yet sent. */
export async function seedImportTask({ baseUrl, title, lines, mapping }: { baseUrl: string; title: string; lines: string[]; mapping: Mapping }) {
  const client = createCalldronClient({ baseUrl, apiKey: DEMO_KEY });
  const { ownerId, connection } = await seedOwnerAndConnection(baseUrl);
  const list = await client.createListAndFind(`${title} ${randomUUID()}`);
  const plan = planImport({ rows: readCsv(new TextEncoder().encode(lines.join("\n"))).rows, header: true, mapping, perPhone: true });
  const task = await insertTask({
    kind: IMPORT_KIND,
    ownerId,
    connectionId: connection.id,
    title,
    input: { fileId: randomUUID(), target: { kind: "calldron", connectionId: connection.id, listId: list.id, listName: list.name } },
    items: plan.items,
  });
  return { client, list, plan, task };
}

/** Every row of `plan` accounted for once: in the ended task's counts, in its items, and in the list on the simulator. */
export async function expectEveryRowOnce({ task, plan, client, listId }: { task: Task | undefined; plan: Plan; client: CalldronClient; listId: string }) {
  const counts = task?.counts ?? {};
  const rows = task?.total ?? 0;
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows);
  expect(counts.invalid).toBe(plan.invalid.length);
  expect(counts.duplicate).toBe(plan.duplicates.length);
  expect((counts.added ?? 0) + (counts.already ?? 0)).toBe(plan.valid);
  expect(counts.failed ?? 0).toBe(0);
  expect((await listTaskItems({ taskId: task?.id ?? "", limit: rows + 1 })).filter((i) => i.state !== "done")).toEqual([]);
  // The simulator's request log is capped: the list is what counts.
  const phones: string[] = [];
  for await (const s of client.iterateSubscribers(listId, 100)) phones.push(toE164(s.phone) ?? s.phone);
  expect(phones.length).toBe(plan.valid);
  expect(new Set(phones).size).toBe(plan.valid);
}

/** A script of this repository in a child process: Node itself with tsx as a loader, so that a signal hits the process that runs it. */
export function startScript(script: string, { args = [], env = {} }: { args?: string[]; env?: Record<string, string> } = {}) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (d) => (out += String(d)));
  return {
    child,
    exited: new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))),
    output: () => out,
  };
}
