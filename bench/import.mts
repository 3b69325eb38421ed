// npm run bench:import [-- --rows 100000 --e2e-rows 100000]
// A generated Windows-1251 CSV (2 % invalid, 5 % repeats) read and planned, then imported into a Calldron list
// on the simulator set to 20 concurrent requests and 5 ms latency; the simulator's own ceiling is measured in
// the same run. Prints rows/s for each and the peak memory (RSS) of this process.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { rows: { type: "string" }, "e2e-rows": { type: "string" } } });
const ROWS = Number(values.rows ?? 100_000);
const E2E_ROWS = Number(values["e2e-rows"] ?? ROWS);
const CAPACITY = 20;
const LATENCY_MS = 5;

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "prozvon-bench-"));
delete process.env.DATABASE_URL;

const { encode1251 } = await import("@/lib/imports/test-files");
const { readCsv } = await import("@/lib/imports/read-table");
const { planImport } = await import("@/lib/imports/plan");

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

function generate(rows: number): Uint8Array {
  const lines = ["ФИО;Телефон;Город"];
  for (let i = 0; i < rows; i++) {
    const n = i % 20 === 13 ? i - 1 : i; // 5 % repeat the row before
    const d = String(n).padStart(7, "0");
    const phone = i % 50 === 7 ? "12-34-5" : `8 (900) ${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
    lines.push(`Абонент ${i};${phone};Москва`);
  }
  return encode1251(lines.join("\r\n"));
}

const file = generate(ROWS);
let started = performance.now();
const table = readCsv(file);
const plan = planImport({ rows: table.rows, header: true, mapping: { phone: [1], name: 0 }, perPhone: true });
const parseSeconds = (performance.now() - started) / 1000;
console.info(`rows ${ROWS}: valid ${plan.valid}, invalid ${plan.invalid.length}, repeated ${plan.duplicates.length}`);
console.info(`parse + normalise: ${Math.round(ROWS / parseSeconds)} rows/s (${parseSeconds.toFixed(2)} s)`);

const { startCalldronSim, DEMO_KEY } = await import("@/lib/sim/calldron/test-helpers");
const { createCalldronClient } = await import("@/lib/providers/calldron/client");
const sim = await startCalldronSim();
sim.server.faults.set("calldron", { latencyMs: LATENCY_MS, maxConcurrentPerAccount: CAPACITY });
const client = createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY });

// The ceiling: CAPACITY adds in flight at all times, straight to the simulator.
const ceilingList = await client.createListAndFind(`ceiling ${randomUUID()}`);
const CEILING_N = Math.min(5000, E2E_ROWS);
started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CAPACITY }, async () => {
    while (next < CEILING_N) {
      const i = next++;
      await client.addSubscriber(ceilingList.id, `+7900${String(1_000_000 + i).slice(1)}0`);
    }
  }),
);
const ceiling = CEILING_N / ((performance.now() - started) / 1000);
console.info(`simulator ceiling (${CAPACITY} at once, ${LATENCY_MS} ms): ${Math.round(ceiling)} rows/s`);

const { getDb, closeDb } = await import("@/lib/db/client");
const { runMigrations } = await import("@/lib/db/migrate");
const { insertConnection } = await import("@/lib/db/queries/connections");
const { insertTask } = await import("@/lib/db/queries/tasks");
const { sealApiKey } = await import("@/lib/crypto/connection-key");
const { importHandler, IMPORT_KIND } = await import("@/lib/tasks/import");
const { runTask } = await import("@/lib/tasks/runner");
const db = await getDb();
await runMigrations(db);
const { rows } = await db.raw.query<{ id: string }>("insert into users (email, password_hash, role) values ('bench@x.test', 'x', 'manager') returning id", []);
const connectionId = randomUUID();
await insertConnection({ connection: { id: connectionId, name: "bench", provider: "calldron", baseUrl: sim.baseUrl, ...sealApiKey(connectionId, DEMO_KEY) } });
const list = await client.createListAndFind(`bench ${randomUUID()}`);
const e2ePlan = E2E_ROWS === ROWS ? plan : planImport({ rows: table.rows.slice(0, E2E_ROWS + 1), header: true, mapping: { phone: [1], name: 0 }, perPhone: true });
started = performance.now();
const task = await insertTask({
  kind: IMPORT_KIND,
  ownerId: rows[0]?.id as string,
  connectionId,
  title: "bench",
  input: { fileId: randomUUID(), target: { kind: "calldron", connectionId, listId: list.id, listName: list.name } },
  items: e2ePlan.items,
});
const handler = importHandler({ calldron: () => client, obzvonilka: () => undefined as never });
const outcome = await runTask(task.id, { handlers: { [IMPORT_KIND]: handler as never } });
const e2eRate = e2ePlan.valid / ((performance.now() - started) / 1000);
console.info(`end to end (${E2E_ROWS} rows, ${outcome}): ${Math.round(e2eRate)} rows/s sent, ${Math.round((e2eRate / ceiling) * 100)} % of the ceiling`);
clearInterval(sampler);
console.info(`peak memory (RSS): ${Math.round(peakRss / 1024 / 1024)} MB`);
await closeDb();
await sim.server.close();
fs.rmSync(process.env.DATA_DIR, { recursive: true, force: true });
