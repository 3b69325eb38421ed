// npm run bench:import [-- --rows 100000 --e2e-rows 100000 --latency-ms 25 --database-url postgres://…]
// A generated Windows-1251 CSV (2 % invalid, 5 % repeats) read as a stream and planned, then imported into a
// Calldron list on the simulator set to a known capacity (20 concurrent requests per account, `--latency-ms` each) —
// the same path as the app: rows streamed into the task's items, then the real `import` handler and runner, which
// takes 16 of the 20 (CALLDRON_IMPORT_CONCURRENCY). The ceiling (the bare client, as many adds always in flight as
// the import takes) is measured in the same run, beside the theoretical rate (that concurrency / latency). Prints rows/s for each, this process's CPU per row, the load average at the
// start and the end, and the peak memory (RSS) of this process. At 5 ms the ceiling is bound by the CPU of this
// 2-core machine (the CPU-bound stress figure); at 25 ms by the simulator's capacity (the pipeline's figure).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    rows: { type: "string" },
    "e2e-rows": { type: "string" },
    "latency-ms": { type: "string" },
    "ceiling-adds": { type: "string" },
    "database-url": { type: "string" },
    "serve-sim": { type: "boolean" },
  },
});
const ROWS = Number(values.rows ?? 100_000);
const E2E_ROWS = Number(values["e2e-rows"] ?? ROWS);
/** The account's requests at once on the simulator; the import takes IMPORT_LANES of them. */
const CAPACITY = 20;
const LATENCY_MS = Number(values["latency-ms"] ?? 25);
const loadAverage = () => os.loadavg()[0]?.toFixed(1);
const loadAtStart = loadAverage();

// The simulator runs in a process of its own (this file again with --serve-sim), so that the memory measured is
// the app's alone and the simulator's work is not counted as the import's.
if (values["serve-sim"]) {
  const { startCalldronSim } = await import("@/lib/sim/calldron/test-helpers");
  const sim = await startCalldronSim();
  sim.server.faults.set("calldron", { latencyMs: LATENCY_MS, maxConcurrentPerAccount: CAPACITY });
  // The request log keeps every request; the bench makes 200,000.
  sim.server.log.reset("calldron");
  setInterval(() => sim.server.log.reset("calldron"), 5_000);
  process.stdout.write(`${JSON.stringify({ baseUrl: sim.baseUrl })}\n`);
  await new Promise(() => {});
}

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "prozvon-bench-"));
// PGlite in this process unless a PostgreSQL is named (as production runs): its memory is then not this process's.
if (values["database-url"]) process.env.DATABASE_URL = values["database-url"];
else delete process.env.DATABASE_URL;

const { generate, plannedItems } = await import("./import-file.mjs");

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const file = generate(ROWS);
// Three times, the median counted: on a shared machine one run can lose a second to a neighbour.
const parseRuns: number[] = [];
for (let run = 0; run < 3; run++) {
  const begun = performance.now();
  const parsed = plannedItems(file);
  let itemCount = 0;
  for await (const batch of parsed.items) itemCount += batch.length;
  parseRuns.push((performance.now() - begun) / 1000);
  const { planner } = parsed;
  if (run === 0) console.info(`rows ${ROWS}: items ${itemCount}, valid ${planner.valid}, invalid ${planner.invalidCount}, repeated ${planner.duplicateCount}`);
}
const parseSeconds = [...parseRuns].sort((a, b) => a - b)[1] as number;
console.info(
  `parse + normalise (streamed: papaparse, toE164, plan): ${Math.round(ROWS / parseSeconds)} rows/s (median of ${parseRuns.map((s) => s.toFixed(2)).join(", ")} s)`,
);
let started = performance.now();

const { getDb, closeDb } = await import("@/lib/db/client");
const { runMigrations } = await import("@/lib/db/migrate");
const db = await getDb();
await runMigrations(db);
console.info(`database: ${db.raw.kind}`);

const { DEMO_KEY } = await import("@/lib/sim/calldron/test-helpers");
const { createCalldronClient } = await import("@/lib/providers/calldron/client");
const simProcess = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--serve-sim", "--latency-ms", String(LATENCY_MS)], {
  stdio: ["ignore", "pipe", "inherit"],
});
const sim = await new Promise<{ baseUrl: string }>((resolve, reject) => {
  let out = "";
  simProcess.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    const line = out.split("\n").find((l) => l.startsWith("{"));
    if (line) resolve(JSON.parse(line) as { baseUrl: string });
  });
  simProcess.once("exit", (code) => reject(new Error(`the simulator exited (${code})`)));
});
const client = createCalldronClient({ baseUrl: sim.baseUrl, apiKey: DEMO_KEY });

const { CALLDRON_IMPORT_CONCURRENCY: IMPORT_LANES, importHandler, IMPORT_KIND } = await import("@/lib/tasks/import");
const THEORETICAL = (IMPORT_LANES * 1000) / LATENCY_MS;

// The ceiling: IMPORT_LANES adds in flight at all times, straight to the simulator, into a new list. Measured before
// the import and again after it (the account then holds the imported numbers too); the import is compared with
// the rate of the two together (their harmonic mean: the same number of adds in the same total time).
const CEILING_N = Number(values["ceiling-adds"] ?? Math.min(5000, E2E_ROWS));
/** This process's CPU (user + system) per row since `since`, in µs. */
const cpuPerRow = (since: NodeJS.CpuUsage, n: number) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / n);
};
async function addsInFlight(listId: string, n: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: IMPORT_LANES }, async () => {
      while (next < n) {
        const i = next++;
        await client.addSubscriber(listId, `+7900${String(1_000_000 + i).slice(1)}0`);
      }
    }),
  );
}
async function measureCeiling(): Promise<number> {
  const ceilingList = await client.createListAndFind(`ceiling ${randomUUID()}`);
  const begun = performance.now();
  const cpu = process.cpuUsage();
  await addsInFlight(ceilingList.id, CEILING_N);
  const rate = CEILING_N / ((performance.now() - begun) / 1000);
  console.info(`ceiling (${CEILING_N} adds, ${IMPORT_LANES} at once): ${Math.round(rate)} rows/s, ${cpuPerRow(cpu, CEILING_N)} µs CPU a row in this process, load ${loadAverage()}`);
  return rate;
}
console.info(`load average (1 min) at the start: ${loadAtStart}`);
console.info(`simulator: ${CAPACITY} at once per account, ${LATENCY_MS} ms latency; the import takes ${IMPORT_LANES} at once: theoretical ${Math.round(THEORETICAL)} rows/s`);
// Not counted: the first adds of a process are slower (compiling, connecting), and the import comes after them.
await addsInFlight((await client.createListAndFind(`warm-up ${randomUUID()}`)).id, Math.min(1_000, CEILING_N));
const ceilingBefore = await measureCeiling();

const { insertConnection } = await import("@/lib/db/queries/connections");
const { insertTaskStreamed, findTask } = await import("@/lib/db/queries/tasks");
const { sealApiKey } = await import("@/lib/crypto/connection-key");
const { runTask } = await import("@/lib/tasks/runner");
const { rows } = await db.raw.query<{ id: string }>("insert into users (email, password_hash, role) values ($1, 'x', 'manager') returning id", [`bench-${randomUUID()}@x.test`]);
const connectionId = randomUUID();
await insertConnection({ connection: { id: connectionId, name: "bench", provider: "calldron", baseUrl: sim.baseUrl, ...sealApiKey(connectionId, DEMO_KEY) } });
const list = await client.createListAndFind(`bench ${randomUUID()}`);
const e2eFile = E2E_ROWS === ROWS ? file : generate(E2E_ROWS);
started = performance.now();
const e2eCpu = process.cpuUsage();
const e2e = plannedItems(e2eFile);
const task = await insertTaskStreamed(
  {
    kind: IMPORT_KIND,
    ownerId: rows[0]?.id as string,
    connectionId,
    title: "bench",
    input: { fileId: randomUUID(), target: { kind: "calldron", connectionId, listId: list.id, listName: list.name } },
  },
  e2e.items,
);
const inserted = (performance.now() - started) / 1000;
const handler = importHandler({ calldron: () => client, obzvonilka: () => undefined as never });
const outcome = await runTask(task.id, { handlers: { [IMPORT_KIND]: handler as never } });
const seconds = (performance.now() - started) / 1000;
const e2eRate = e2e.planner.valid / seconds;
const e2eCpuPerRow = cpuPerRow(e2eCpu, e2e.planner.valid);
const loadAfterImport = loadAverage();
const done = await findTask({ id: task.id });
const ceilingAfter = await measureCeiling();
const ceiling = 2 / (1 / ceilingBefore + 1 / ceilingAfter);
console.info(`ceiling together (harmonic mean of before and after): ${Math.round(ceiling)} rows/s, ${Math.round((ceiling / THEORETICAL) * 100)} % of the theoretical`);
console.info(`task: ${outcome}, ${done?.processed}/${done?.total} items, counts ${JSON.stringify(done?.counts)}; file into task items ${inserted.toFixed(2)} s`);
console.info(
  `end to end (${E2E_ROWS} rows, ${e2e.planner.valid} sent): ${Math.round(e2eRate)} rows/s, ${Math.round((e2eRate / ceiling) * 100)} % of the ceiling, ${Math.round((e2eRate / THEORETICAL) * 100)} % of the theoretical (${seconds.toFixed(1)} s; ${e2eCpuPerRow} µs CPU a row in this process: reading the file, the runner, the client, the database driver; load ${loadAfterImport})`,
);
clearInterval(sampler);
console.info(`peak memory (RSS of the app's process${db.raw.kind === "pglite" ? ", PGlite in it" : ""}; the simulator apart): ${Math.round(peakRss / 1024 / 1024)} MB`);
console.info(`load average (1 min) at the end: ${loadAverage()}`);
await closeDb();
simProcess.kill();
fs.rmSync(process.env.DATA_DIR, { recursive: true, force: true });
