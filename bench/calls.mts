// npm run bench:calls [-- --rows 1000000 --pglite-rows 200000 --runs 50 --skip-pglite --seed-only --reseed]
// Seeds calls over 12 months and 3 providers (60 campaigns) into PostgreSQL (DATABASE_URL, else a throwaway
// cluster on 127.0.0.1 started here and removed after) and into PGlite, then times the Calls page's server query
// — the first page, a filtered page, page 500 by keyset — p50/p95 over `runs` requests, and a 100,000-row CSV
// (and XLSX) export's rows/s and memory. Cases from bench/overview-cases.mts are added when that file exists.
// With a DATABASE_URL that already holds exactly `rows` bench calls (a previous run's seed), the seed is reused;
// --reseed forces a new one, --seed-only stops after seeding (to seed a persistent database in the background);
// --export-only skips the query cases, --export-rows N exports N rows (to see that memory does not grow with N).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { seedCalls } from "./seed-calls.mjs";

/** One measured query: run it `runs` times after a warm-up. The overview's cases plug in through this type. */
export type BenchCase = { name: string; run: () => Promise<unknown> };

const { values } = parseArgs({
  options: { rows: { type: "string" }, "pglite-rows": { type: "string" }, runs: { type: "string" }, "skip-pglite": { type: "boolean" }, "skip-postgres": { type: "boolean" }, "seed-only": { type: "boolean" }, reseed: { type: "boolean" }, "export-rows": { type: "string" }, "export-only": { type: "boolean" } },
});
const ROWS = Number(values.rows ?? 1_000_000);
const PGLITE_ROWS = Number(values["pglite-rows"] ?? 200_000);
const RUNS = Number(values.runs ?? 50);
const EXPORT_ROWS = Number(values["export-rows"] ?? 100_000);
const CAMPAIGNS = 60;
const PAGE = 50;
const TARGET_P95_MS = 150;
const TARGET_EXPORT_ROWS_PER_S = 20_000;

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "prozvon-bench-calls-"));
const givenUrl = process.env.DATABASE_URL;

const { closeDb, getDb } = await import("@/lib/db/client");
const { runMigrations } = await import("@/lib/db/migrate");
const { resetEnvCache } = await import("@/lib/env");
const { listCalls } = await import("@/lib/db/queries/call-list");
const { callsCsv, callsXlsx, exportPages, EXPORT_COLUMNS } = await import("@/lib/calls/export");

type Row = { engine: string; name: string; p50: number; p95: number; cpuMs: number; note?: string };
const results: Row[] = [];
const exports: { engine: string; format: string; rows: number; rowsPerS: number; cpuS: number; heapStartMb: number; heapPeakMb: number; rssPeakMb: number }[] = [];
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");
console.info(`load average at start: ${load()} (${os.cpus().length} cores), Node ${process.version}`);

if (!values["skip-postgres"]) {
  const cluster = givenUrl ? undefined : startThrowawayCluster();
  try {
    await benchEngine("PostgreSQL", cluster?.url ?? (givenUrl as string), ROWS);
  } finally {
    cluster?.stop();
  }
}
if (!values["skip-pglite"]) await benchEngine("PGlite", undefined, PGLITE_ROWS);

console.info("\nquery (p50 / p95 over %d runs, ms; app CPU per request, ms)", RUNS);
for (const r of results) {
  const flag = r.engine === "PostgreSQL" ? (r.p95 <= TARGET_P95_MS ? "ok" : `over ${TARGET_P95_MS} ms`) : "";
  console.info(`${r.engine.padEnd(10)} ${r.name.padEnd(44)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.cpuMs.toFixed(2).padStart(7)}  ${flag}`);
}
console.info("\nexport");
for (const e of exports) {
  const flag = e.format === "csv" && e.engine === "PostgreSQL" ? (e.rowsPerS >= TARGET_EXPORT_ROWS_PER_S ? "ok" : `under ${TARGET_EXPORT_ROWS_PER_S}`) : "";
  console.info(
    `${e.engine.padEnd(10)} ${e.format.padEnd(5)} ${String(e.rows).padStart(7)} rows ${String(Math.round(e.rowsPerS)).padStart(7)} rows/s  app CPU ${e.cpuS.toFixed(2)} s  heap ${e.heapStartMb} → peak ${e.heapPeakMb} MB, rss peak ${e.rssPeakMb} MB  ${flag}`,
  );
}
fs.rmSync(process.env.DATA_DIR as string, { recursive: true, force: true });
process.exit(0);

async function benchEngine(engine: string, url: string | undefined, rows: number): Promise<void> {
  await closeDb();
  if (url) process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
  resetEnvCache();
  const handle = await getDb();
  await runMigrations(handle);
  const started = performance.now();
  if (!values.reseed && (await seeded(handle.raw, rows))) console.info(`${engine}: reusing the ${rows} calls already seeded`);
  else {
    await seed(handle.raw, rows);
    console.info(`${engine}: seeded ${rows} calls in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  // The figures' queries read indexes alone when the visibility map is set. A live server's autovacuum keeps it
  // set; this one must not depend on whether autovacuum is on (it is off on the shared test server) or has run yet.
  const vacuumed = performance.now();
  await handle.raw.query("vacuum analyze calls");
  console.info(`${engine}: vacuum analyze in ${((performance.now() - vacuumed) / 1000).toFixed(1)} s`);
  console.info(`${engine}: timing (load average ${load()})`);
  if (values["seed-only"]) {
    await closeDb();
    return;
  }

  if (!values["export-only"]) await timeCases(engine, handle);
  await timeExports(engine, rows);
  await closeDb();
}

async function timeCases(engine: string, handle: Awaited<ReturnType<typeof getDb>>): Promise<void> {
  const { rows: picks } = await handle.raw.query<{ campaign: string; provider: string }>("select id as campaign, provider::text from campaigns order by name limit 1");
  const campaignId = picks[0]?.campaign as string;
  const monthAgo = new Date(Date.now() - 30 * 86_400_000);
  // Page 500: the cursor is found once by walking, then page 500 itself is what is timed.
  let after: { k: string; id: string } | undefined;
  for (let page = 1; page < 500; page++) after = (await listCalls({ filters: {}, sort: "newest", after, limit: PAGE })).next ?? after;
  let afterFiltered: { k: string; id: string } | undefined;
  for (let page = 1; page < 500; page++) afterFiltered = (await listCalls({ filters: { provider: "calldron" }, sort: "oldest", after: afterFiltered, limit: PAGE })).next ?? afterFiltered;

  const cases: BenchCase[] = [
    { name: "first page (newest)", run: () => listCalls({ filters: {}, sort: "newest", limit: PAGE }) },
    { name: "filtered: provider+status+recording", run: () => listCalls({ filters: { provider: "calldog", status: "answered", hasRecording: true }, limit: PAGE }) },
    { name: "filtered: campaign+status, oldest", run: () => listCalls({ filters: { campaignId, status: "busy" }, sort: "oldest", limit: PAGE }) },
    { name: "filtered: last 30 days+IVR answer", run: () => listCalls({ filters: { from: monthAgo, ivr: "1" }, limit: PAGE }) },
    { name: "search: last 5 digits", run: () => listCalls({ filters: { phone: { suffix: "12345" } }, limit: PAGE }) },
    { name: "search: last 2 digits", run: () => listCalls({ filters: { phone: { suffix: "45" } }, limit: PAGE }) },
    { name: "filtered: exact phone", run: () => listCalls({ filters: { phone: { exact: "+79990012345" } }, limit: PAGE }) },
    { name: "sorted by duration (longest)", run: () => listCalls({ filters: {}, sort: "longest", limit: PAGE }) },
    { name: "page 500 by keyset (newest)", run: () => listCalls({ filters: {}, sort: "newest", after, limit: PAGE }) },
    { name: "page 500 by keyset (calldron, oldest)", run: () => listCalls({ filters: { provider: "calldron" }, sort: "oldest", after: afterFiltered, limit: PAGE }) },
  ];
  const overviewFile = path.resolve(import.meta.dirname, "overview-cases.mts");
  if (fs.existsSync(overviewFile)) {
    const overview = (await import(overviewFile)) as { overviewCases: (db: unknown) => BenchCase[] };
    cases.push(...overview.overviewCases(handle.db));
  }
  for (const c of cases) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) await c.run();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await c.run();
      times.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    times.sort((a, b) => a - b);
    results.push({ engine, name: c.name, p50: quantile(times, 0.5), p95: quantile(times, 0.95), cpuMs: (cpu.user + cpu.system) / 1000 / RUNS });
  }

}

/** Exports: the last 36.5 days hold about a tenth of the calls; 100,000 rows are read from the stream. */
async function timeExports(engine: string, rows: number): Promise<void> {
  const exportRows = Math.min(EXPORT_ROWS, Math.floor(rows / 2));
  for (const format of ["csv", "xlsx"] as const) {
    const ctx = {
      header: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, c])) as Record<(typeof EXPORT_COLUMNS)[number], string>,
      statusLabel: (s: string) => s,
      yesNo: (v: boolean) => (v ? "yes" : "no"),
      connectionName: (id: string) => id,
      campaignName: (id: string | null) => id ?? "",
      timeZone: "Europe/Moscow",
    };
    global.gc?.();
    const heapStart = process.memoryUsage().heapUsed;
    let heapPeak = heapStart;
    let rssPeak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      heapPeak = Math.max(heapPeak, m.heapUsed);
      rssPeak = Math.max(rssPeak, m.rss);
    }, 20);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const pages = limitRows(exportPages({ filters: {}, sort: "newest" }), exportRows);
    const response = format === "csv" ? callsCsv("bench.csv", pages, ctx) : callsXlsx("bench.xlsx", pages, ctx);
    let bytes = 0;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    const mb = (n: number) => Math.round(n / 1_048_576);
    exports.push({ engine, format, rows: exportRows, rowsPerS: exportRows / seconds, cpuS: (cpu.user + cpu.system) / 1e6, heapStartMb: mb(heapStart), heapPeakMb: mb(heapPeak), rssPeakMb: mb(rssPeak) });
    console.info(`${engine}: ${format} export of ${exportRows} rows, ${mb(bytes)} MB, ${seconds.toFixed(2)} s (load average ${load()})`);
  }
}

/** Stops an export after `limit` rows, so that exactly that many are written. */
async function* limitRows<T>(pages: AsyncGenerator<T[]>, limit: number): AsyncGenerator<T[]> {
  let left = limit;
  for await (const page of pages) {
    yield page.slice(0, left);
    left -= page.length;
    if (left <= 0) return;
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

/** Whether the database already holds this seed: exactly `rows` calls, all the bench's own ('b<n>' ids), and its 60 campaigns. */
async function seeded(raw: { query: <T>(text: string) => Promise<{ rows: T[] }> }, rows: number): Promise<boolean> {
  const { rows: counts } = await raw.query<{ calls: string; bench: string; campaigns: string }>(
    "select (select count(*) from calls) calls, (select count(*) from calls where provider_call_id = 'b' || (select count(*) from calls)) bench, (select count(*) from campaigns) campaigns",
  );
  const c = counts[0];
  return Number(c?.calls) === rows && Number(c?.bench) === 1 && Number(c?.campaigns) === CAMPAIGNS;
}

/** 6 connections (2 per provider, not reachable: this benchmark reads the database only), then `seedCalls`. */
async function seed(raw: { query: (text: string, values?: unknown[]) => Promise<unknown> }, rows: number): Promise<void> {
  await raw.query("truncate connections, campaigns, calls cascade");
  await raw.query(
    `insert into connections (name, provider, base_url, api_key_sealed, api_key_last4)
     select p || ' ' || n, p::provider, 'http://127.0.0.1/', 'sealed', 'abcd' from unnest(array['calldron','calldog','obzvonilka']) p, generate_series(1, 2) n`,
  );
  await seedCalls(raw, rows, CAMPAIGNS / 6);
}

/** A PostgreSQL cluster of our own in a temporary directory, listening on 127.0.0.1 only (as the postgres user when run as root). */
function startThrowawayCluster(): { url: string; stop: () => void } {
  const versions = fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error("No DATABASE_URL and no PostgreSQL in /usr/lib/postgresql: set DATABASE_URL.");
  const bin = `/usr/lib/postgresql/${versions[0]}/bin`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prozvon-bench-pg-"));
  const port = Number(process.env.BENCH_PG_PORT ?? 54_214);
  const asUser = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  if (asUser.length) execFileSync("chown", ["postgres", dir]);
  const run = (cmd: string, args: string[]) => {
    const [file, ...rest] = [...asUser, `${bin}/${cmd}`, ...args];
    execFileSync(file as string, rest, { stdio: "ignore" });
  };
  run("initdb", ["-D", `${dir}/data`, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  run("pg_ctl", ["-D", `${dir}/data`, "-l", `${dir}/log`, "-w", "-o", `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c shared_buffers=256MB`, "start"]);
  console.info(`PostgreSQL ${versions[0]}: throwaway cluster on 127.0.0.1:${port}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run("pg_ctl", ["-D", `${dir}/data`, "-m", "fast", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
