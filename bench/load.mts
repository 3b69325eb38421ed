// npm run bench:load [-- --duration 300 --sessions 50 --think 2-8 --webhook-rate 200 --import-rows 100000 --calls 200000 --port 3198 --sim-port 4198 --ceiling 10 --workers separate]
//
// Everything at once against the production build on PostgreSQL (a scratch database, prozvon_bench_load, migrated
// and seeded) with the three simulators in a process of their own, for `duration` seconds. With `--workers separate`
// (the default) the app is `next start` with JOB_WORKERS=off beside one `npm run worker` process, as a production
// deployment runs it; `--workers inline` runs the job workers inside `next start`, as before. With
// `--webhook-instance receiver` (the default) the webhooks go to `npm run webhooks`, the receiver alone, as a load
// balancer routes /api/webhooks/ to processes of their own; `own` sends them to a second web process of the same
// build (the app's route), `shared` to the pages' one. The load:
// - `sessions` signed-in users (real users of the scratch database, signed in through the app) browsing the
//   overview, calls, lists, a Calldron list, campaigns and tasks, each waiting a think time drawn evenly from 2–8 s
//   (mean 5 s: a person reading a page) between page views — about 9 page views/s for 50 users;
// - Calldog status webhooks at `webhook-rate`/s to the connection's receiver URL (its token);
// - one `import-rows`-row import into a Calldron list, started through the app's task queue at the start;
// - the app's trivial route (/api/bench/echo, BENCH_ROUTES=1) at 5 req/s, the same run's floor for latency.
// Then, with the load stopped, `ceiling` seconds of the trivial route and of /campaigns each at full speed (10
// connections): page throughput beside the trivial route's. Prints per-route p50/p95/p99, counts, errors, tasks
// completed, webhooks applied, and CPU time and memory (RSS at the start, the end and the peak) of the web process, the
// worker process and both together. Only 127.0.0.1; stops by itself.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import PgBoss from "pg-boss";
import { cpuSeconds, ensureBuild, HOST, ProcessMeter, postgresAnswers, quantile, scratchDatabase, startApp, startWebhookReceiver, startWorker, stopProcess, throwawaySecrets } from "./app.mjs";
import { calldogEvents } from "./calldog-events.mjs";
import { generate, plannedItems } from "./import-file.mjs";
import { browse, newRouteTally, type Page, type RouteTally, signIn, sleep, view } from "./load-sessions.mjs";
import { seedCalls } from "./seed-calls.mjs";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "300" },
    sessions: { type: "string", default: "50" },
    think: { type: "string", default: "2-8" },
    "webhook-rate": { type: "string", default: "200" },
    "import-rows": { type: "string", default: "100000" },
    calls: { type: "string", default: "200000" },
    port: { type: "string", default: "3198" },
    "sim-port": { type: "string", default: "4198" },
    ceiling: { type: "string", default: "10" },
    "import-latency-ms": { type: "string", default: "25" },
    warmup: { type: "string", default: "30" },
    "webhook-connections": { type: "string", default: "50" },
    // separate: `next start` with JOB_WORKERS=off and one `npm run worker`; inline: the workers inside `next start`.
    workers: { type: "string", default: "separate" },
    // receiver: the webhook deliveries go to `npm run webhooks` (as a load balancer would route /api/webhooks/ to
    // processes of their own); own: to a second web process of the same build; shared: to the one that serves pages.
    "webhook-instance": { type: "string", default: "receiver" },
    // Diagnostic: the app's V8 CPU profile written into this directory when it stops (summarise it with
    // bench/profile-summary.mts). The profiler costs the app time: figures of such a run are not the record.
    profile: { type: "string" },
    // Diagnostic: V8 heap snapshots of the web process (and the worker) into this directory, after the warm-up and at
    // the end of the load (compare them with bench/heap-diff.mts). Each costs seconds of a stopped process.
    "heap-snapshots": { type: "string" },
    // Diagnostic: leave parts of the mix out (a comma list of import, webhooks) to tell their effect on the pages.
    skip: { type: "string", default: "" },
    // Options for Node itself in the app's processes (web, webhooks, worker), e.g. --max-semi-space-size=64.
    "node-options": { type: "string", default: "" },
  },
});
const DURATION = Number(values.duration);
const SESSIONS = Number(values.sessions);
const [THINK_MIN, THINK_MAX] = values.think.split("-").map(Number) as [number, number];
const WEBHOOK_RATE = Number(values["webhook-rate"]);
const IMPORT_ROWS = Number(values["import-rows"]);
const CALLS = Number(values.calls);
const PORT = Number(values.port);
const SIM_PORT = Number(values["sim-port"]);
const CEILING_SECONDS = Number(values.ceiling);
const WARMUP_SECONDS = Number(values.warmup);
/** Deliveries in flight at most: enough for the rate at up to 250 ms per delivery; a slower app gets fewer per second. */
const WEBHOOK_CONNECTIONS = Number(values["webhook-connections"]);
const WORKERS = values.workers;
if (WORKERS !== "separate" && WORKERS !== "inline") {
  console.error("[bench] --workers is separate or inline");
  process.exit(2);
}
const WEBHOOK_INSTANCE = values["webhook-instance"];
if (WEBHOOK_INSTANCE !== "receiver" && WEBHOOK_INSTANCE !== "own" && WEBHOOK_INSTANCE !== "shared") {
  console.error("[bench] --webhook-instance is receiver, own or shared");
  process.exit(2);
}
const SKIP = new Set(values.skip.split(",").filter(Boolean));
if ([...SKIP].some((part) => part !== "import" && part !== "webhooks")) {
  console.error("[bench] --skip takes import and/or webhooks");
  process.exit(2);
}
const ECHO_RATE = 5;
const DB_NAME = "prozvon_bench_load";
const TARGETS = { p95Ms: 300, memoryGrowth: 0.1 };
const root = process.cwd();
const base = `http://${HOST}:${PORT}`;
const simBase = `http://${HOST}:${SIM_PORT}`;
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");

if (!postgresAnswers()) {
  console.error("[bench] PostgreSQL is not answering on 127.0.0.1:5432 (pg_isready): bench:load runs on PostgreSQL only.");
  process.exit(2);
}
ensureBuild(root);

const children: ChildProcess[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-load-"));
let stopping = false;
async function stopAll(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const child of children.reverse()) await stopProcess(child);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stopAll().then(() => process.exit(130)));

try {
  await main();
} finally {
  await stopAll();
}
process.exit(0);

async function main(): Promise<void> {
  console.info(`[bench] load average at the start ${loadAverage()} (${os.cpus().length} cores), Node ${process.version}`);
  const databaseUrl = await scratchDatabase(DB_NAME);
  const secrets = throwawaySecrets();
  Object.assign(process.env, { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SIM_PORT: String(SIM_PORT), ...secrets });

  const sim = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/sim.mts", "--demo"], {
    env: { ...process.env, SIM_PORT: String(SIM_PORT), SIM_TIME_SCALE: "30", DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(sim);
  await waitFor(`${simBase}/_sim/health`, "the simulators");
  // Calldron at a known capacity, as bench:import sets it: 20 at once per account, 25 ms each by default (800 adds/s;
  // `--import-latency-ms 5` is bench:import's CPU-bound stress setting).
  await fetch(`${simBase}/_sim/faults/calldron`, { method: "PUT", body: JSON.stringify({ latencyMs: Number(values["import-latency-ms"]), maxConcurrentPerAccount: 20 }) });

  const seeded = await seed();
  console.info(`[bench] seeded: ${SESSIONS} users, ${CALLS} calls, a ${IMPORT_ROWS}-row import of ${seeded.importValid} numbers waiting`);

  const appEnv = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SIM_PORT: String(SIM_PORT),
    ALLOW_LOOPBACK_PROVIDERS: "1",
    APP_PUBLIC_URL: base,
    JOB_WORKERS: WORKERS === "separate" ? "off" : "inline",
    ...secrets,
  };
  // Written when the process exits, as CPU.<date>.<pid>.cpuprofile.
  const nodeArgs = [
    ...(values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`] : []),
    ...(values["heap-snapshots"] ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${path.resolve(values["heap-snapshots"])}`] : []),
    ...values["node-options"].split(" ").filter(Boolean),
  ];
  const app = await startApp({ root, port: PORT, env: appEnv, nodeArgs });
  children.push(app);
  const worker = WORKERS === "separate" ? await startWorker({ root, env: appEnv, nodeArgs }) : undefined;
  if (worker) children.push(worker);
  // The webhooks' own process only receives: pages are not asked of it, and its jobs are only sent.
  const hookEnv = { ...appEnv, JOB_WORKERS: "off" };
  const hookApp =
    WEBHOOK_INSTANCE === "receiver"
      ? await startWebhookReceiver({ root, port: PORT + 1, env: hookEnv, nodeArgs })
      : WEBHOOK_INSTANCE === "own"
        ? await startApp({ root, port: PORT + 1, env: hookEnv, nodeArgs })
        : undefined;
  if (hookApp) children.push(hookApp);
  const hookBase = hookApp ? `http://${HOST}:${PORT + 1}` : base;
  // The simulators' request logs keep every request; this run makes hundreds of thousands.
  const logReset = setInterval(() => {
    for (const provider of ["calldron", "calldog", "obzvonilka"]) void fetch(`${simBase}/_sim/log/${provider}`, { method: "DELETE" }).catch(() => {});
  }, 5_000);

  const cookies: string[] = [];
  for (let i = 0; i < SESSIONS; i += 5) cookies.push(...(await Promise.all(seeded.emails.slice(i, i + 5).map((email) => signIn(base, email, seeded.password)))));
  console.info(`[bench] ${cookies.length} sessions signed in through the app`);

  const pages: Page[] = [
    { route: "/ (overview)", path: "/" },
    { route: "/?period=30d", path: "/?period=30d" },
    { route: "/calls", path: "/calls" },
    { route: "/calls?status=answered", path: "/calls?status=answered" },
    { route: "/lists", path: "/lists" },
    { route: "/lists/calldron/…/<list>", path: `/lists/calldron/${seeded.calldronId}/${seeded.listId}` },
    { route: "/campaigns", path: "/campaigns" },
    { route: "/tasks", path: "/tasks" },
  ];
  const events = calldogEvents();
  const mix = (seconds: number, tallies: Map<string, RouteTally>, hooks: RouteTally, echo: RouteTally) => {
    const until = Date.now() + seconds * 1000;
    const pending = new Set<string>();
    const part = (name: string, work: Promise<void>) => {
      pending.add(name);
      return work.finally(() => pending.delete(name));
    };
    const watchdog = setInterval(() => {
      if (Date.now() > until + 35_000) console.warn(`[bench] still waiting for: ${[...pending].join(", ")}`);
    }, 10_000);
    const all = Promise.all([
      ...cookies.map((cookie, i) => part(`session ${i + 1}`, browse({ base, cookie, pages, tallies, until, thinkMin: THINK_MIN, thinkMax: THINK_MAX }))),
      ...(SKIP.has("webhooks") ? [] : [part("webhooks", fixedRate(`${hookBase}/api/webhooks/calldog/${seeded.token}`, WEBHOOK_RATE, WEBHOOK_CONNECTIONS, seconds, hooks, () => events.next().body))]),
      part("echo", fixedRate(`${base}/api/bench/echo`, ECHO_RATE, 2, seconds, echo, () => JSON.stringify({ ping: 1 }))),
    ]);
    // Bounded whatever happens: a part still running a minute after the end is reported and left behind.
    const deadline = sleep(seconds * 1000 + 60_000).then(() => {
      if (pending.size) console.warn(`[bench] gave up waiting for: ${[...pending].join(", ")}`);
    });
    return Promise.race([all, deadline]).finally(() => clearInterval(watchdog));
  };
  // Warm-up: the same mix (without the import), not counted — route bundles loaded, JIT, pools and caches filled,
  // so that the memory at the start is the app's working size and not its first-request size.
  const warmPages = new Map<string, RouteTally>();
  const warmHooks = newRouteTally();
  const warmEcho = newRouteTally();
  if (WARMUP_SECONDS > 0) {
    console.info(`[bench] warm-up: the same load for ${WARMUP_SECONDS} s, not counted`);
    await mix(WARMUP_SECONDS, warmPages, warmHooks, warmEcho);
    const warmErrors = [...warmPages.values(), warmHooks, warmEcho].flatMap((t) => t.errorSamples);
    if (warmErrors.length) console.warn(`[bench] warm-up errors: ${warmErrors.join("; ")}`);
  } else for (const page of pages) await view(base, cookies[0] as string, page, warmEcho);

  const tallies = new Map<string, RouteTally>();
  const echo = newRouteTally();
  const hooks = newRouteTally();
  const counts = new pg.Client({ connectionString: databaseUrl });
  await counts.connect();
  const autovacuum = await autovacuumStandIn(databaseUrl);
  await heapSnapshots([app, hookApp, worker], "after the warm-up");
  const meters = [
    new ProcessMeter("web", app.pid),
    ...(hookApp ? [new ProcessMeter("webhooks", hookApp.pid)] : []),
    ...(worker ? [new ProcessMeter("worker", worker.pid)] : []),
  ];
  // RSS every second: a growth read from one sample at each end swings by ±15 % with the collector's cycle; the
  // medians of the first and of the last minute do not.
  const rssSampler = setInterval(() => {
    for (const m of meters) m.sample();
  }, 1000);
  const rssNow = () => meters.map((m) => `${m.name} ${mb(m.latest())} MB`).join(", ");
  const loadStart = loadAverage();
  console.info(`[bench] load for ${DURATION} s (load average ${loadStart}, RSS ${rssNow()})`);
  const started = Date.now();
  if (!SKIP.has("import")) await enqueueImport(databaseUrl, seeded.taskId);
  const progress = setInterval(async () => {
    const rss = rssNow();
    const { rows } = await counts.query<{ processed: number; state: string }>("select processed, state from tasks where id = $1", [seeded.taskId]);
    const pageCount = [...tallies.values()].reduce((n, t) => n + t.latencies.length, 0);
    console.info(
      `[bench] ${Math.round((Date.now() - started) / 1000)} s: ${pageCount} page views, ${hooks.latencies.length} webhooks, import ${rows[0]?.state} ${rows[0]?.processed}/${seeded.importValid}, RSS ${rss}, load ${loadAverage()}`,
    );
  }, 15_000);

  await mix(DURATION, tallies, hooks, echo);
  clearInterval(progress);
  clearInterval(rssSampler);
  const seconds = (Date.now() - started) / 1000;
  const used = meters.map((m) => m.end());
  await heapSnapshots([app, hookApp, worker], "at the end of the load");
  const loadEnd = loadAverage();
  const atEnd = await state(counts, seeded.taskId);
  // Whatever the queue had left: the webhooks' apply job and the import given up to 60 s more, load stopped.
  const drainStarted = Date.now();
  let drained = atEnd;
  while (Date.now() - drainStarted < 60_000 && (drained.unapplied > 0 || (!SKIP.has("import") && drained.importState !== "completed"))) {
    await sleep(1000);
    drained = await state(counts, seeded.taskId);
  }
  const drainSeconds = (Date.now() - drainStarted) / 1000;

  // The ceiling: the trivial route and a signed-in page alone, at full speed.
  const ceilings: { route: string; rps: number; p50: number; p95: number; cpuMs: number; errors: number }[] = [];
  if (CEILING_SECONDS > 0) {
    for (const [route, url, headers] of [
      ["/api/bench/echo (trivial route)", `${base}/api/bench/echo`, { "content-type": "application/json" }],
      ["/campaigns", `${base}/campaigns`, { cookie: cookies[0] as string }],
    ] as const) {
      const tally = newRouteTally();
      const cpu0 = cpuSeconds(app.pid);
      const result = await autocannon({
        url,
        connections: 10,
        duration: CEILING_SECONDS,
        timeout: 30,
        requests: [
          {
            method: route.startsWith("/api") ? "POST" : "GET",
            headers,
            ...(route.startsWith("/api") ? { body: "{}" } : {}),
            setupRequest: (request, context) => {
              context.start = performance.now();
              return request;
            },
            onResponse: (status, _body, context) => {
              tally.latencies.push(performance.now() - (context.start as number));
              if (status !== 200) tally.errors++;
            },
          },
        ],
      });
      const answered = result["2xx"] + result.non2xx;
      const sorted = tally.latencies.sort((a, b) => a - b);
      ceilings.push({ route, rps: answered / result.duration, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), cpuMs: ((cpuSeconds(app.pid) - cpu0) * 1000) / Math.max(1, answered), errors: tally.errors + result.errors });
    }
  }
  clearInterval(logReset);
  await autovacuum.stop();
  await counts.end();

  // The report.
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  const rows = [...[...tallies.entries()].sort(([a], [b]) => pages.findIndex((p) => p.route === a) - pages.findIndex((p) => p.route === b)), ["webhook receiver (POST)", hooks] as const, ["/api/bench/echo (trivial route)", echo] as const];
  console.info(
    `\nbench:load — ${SESSIONS} sessions (think ${THINK_MIN}–${THINK_MAX} s), webhooks at ${WEBHOOK_RATE}/s (at most ${WEBHOOK_CONNECTIONS} in flight), a ${IMPORT_ROWS}-row Calldron import, ${CALLS} calls seeded; ${seconds.toFixed(0)} s on PostgreSQL, ${os.cpus().length} cores, Node ${process.version}`,
  );
  console.info(`load average: ${loadStart} at the start, ${loadEnd} at the end; warm-up ${WARMUP_SECONDS} s before, not counted`);
  console.info(`${autovacuum.describe()}\n`);
  console.info("| route | requests | req/s | p50 ms | p95 ms | p99 ms | errors |");
  console.info("|---|---|---|---|---|---|---|");
  const pageP95s: number[] = [];
  let errors = 0;
  for (const [route, tally] of rows) {
    const sorted = [...tally.latencies].sort((a, b) => a - b);
    const p95 = quantile(sorted, 0.95);
    if (route.startsWith("/") && !route.startsWith("/api")) pageP95s.push(p95);
    errors += tally.errors;
    console.info(`| ${route} | ${fmt(sorted.length)} | ${fmt(sorted.length / seconds, 1)} | ${fmt(quantile(sorted, 0.5))} | ${fmt(p95)} | ${fmt(quantile(sorted, 0.99))} | ${fmt(tally.errors)} |`);
  }
  const allPages = [...tallies.values()].flatMap((t) => t.latencies).sort((a, b) => a - b);
  console.info(`| all pages | ${fmt(allPages.length)} | ${fmt(allPages.length / seconds, 1)} | ${fmt(quantile(allPages, 0.5))} | ${fmt(quantile(allPages, 0.95))} | ${fmt(quantile(allPages, 0.99))} | ${fmt([...tallies.values()].reduce((n, t) => n + t.errors, 0))} |`);
  for (const [route, tally] of rows) if (tally.errorSamples.length) console.info(`errors on ${route}: ${tally.errorSamples.join("; ")}`);
  // Each process, and all of them together: the app is all of them.
  const total = used.reduce((t, u) => ({
    name: `${t.name} + ${u.name}`,
    cpu: t.cpu + u.cpu,
    rssStart: t.rssStart + u.rssStart,
    rssEnd: t.rssEnd + u.rssEnd,
    rssPeak: t.rssPeak + u.rssPeak,
    samples: t.samples.map((rss, i) => rss + (u.samples[i] ?? 0)),
  }));
  // The first and the last minute's median (a fifth of the run when it is shorter than 5 minutes).
  const windowSamples = Math.max(1, Math.min(60, Math.floor(total.samples.length / 5)));
  const median = (list: number[]) => quantile([...list].sort((a, b) => a - b), 0.5);
  const steady = (u: { samples: number[] }) => ({ first: median(u.samples.slice(0, windowSamples)), last: median(u.samples.slice(-windowSamples)) });
  const processRows = used.length > 1 ? [...used, total] : used;
  console.info(`\nprocesses during the load (job workers ${WORKERS}, webhooks to ${{ receiver: "npm run webhooks", own: "a web process of their own", shared: "the pages' web process" }[WEBHOOK_INSTANCE]}; peak of the samples):`);
  console.info(`(RSS sampled every second; median of the first and of the last ${windowSamples} s beside the single samples at each end)`);
  console.info("| process | CPU s | % of one core | RSS start → end MB | growth | median first → last MB | growth | RSS peak MB |");
  console.info("|---|---|---|---|---|---|---|---|");
  const pct = (from: number, to: number) => `${(((to - from) / from) * 100).toFixed(1)} %`;
  for (const u of processRows) {
    const { first, last } = steady(u);
    console.info(
      `| ${u.name} | ${u.cpu.toFixed(0)} | ${((u.cpu / seconds) * 100).toFixed(0)} % | ${mb(u.rssStart)} → ${mb(u.rssEnd)} | ${pct(u.rssStart, u.rssEnd)} | ${mb(first)} → ${mb(last)} | ${pct(first, last)} | ${mb(u.rssPeak)}${u === total ? " (sum of peaks)" : ""} |`,
    );
  }
  console.info(
    `import: ${atEnd.importState}, ${fmt(atEnd.importProcessed)}/${fmt(seeded.importValid)} numbers at the end of the load; ${drained.importState}, ${fmt(drained.importProcessed)} after ${drainSeconds.toFixed(0)} s more`,
  );
  console.info(`tasks completed: ${atEnd.tasksCompleted} at the end of the load, ${drained.tasksCompleted} after the drain (of ${drained.tasks})`);
  const hookRate = hooks.latencies.length / seconds;
  console.info(
    `webhooks: ${fmt(hookRate, 1)}/s sent of ${WEBHOOK_RATE}/s asked (${hookRate >= WEBHOOK_RATE * 0.98 ? "reached" : "NOT REACHED"}), ${fmt(hooks.ok)} acknowledged, ${fmt(atEnd.stored)} stored, ${fmt(atEnd.stored - atEnd.unapplied)} applied at the end of the load, ${fmt(drained.stored - drained.unapplied)} after ${drainSeconds.toFixed(0)} s more`,
  );
  const { first: steadyFirst, last: steadyLast } = steady(total);
  const growth = (steadyLast - steadyFirst) / steadyFirst;
  const sampleGrowth = (total.rssEnd - total.rssStart) / total.rssStart;
  if (ceilings.length) {
    console.info(`\nafterwards, alone at full speed (10 connections, ${CEILING_SECONDS} s each):`);
    console.info("| route | req/s | p50 ms | p95 ms | app CPU ms / request | errors |");
    console.info("|---|---|---|---|---|---|");
    for (const c of ceilings) console.info(`| ${c.route} | ${fmt(c.rps)} | ${fmt(c.p50)} | ${fmt(c.p95)} | ${fmt(c.cpuMs, 1)} | ${c.errors} |`);
  }
  const worstP95 = Math.max(...pageP95s);
  console.info(
    `\ntargets: zero errors — ${verdict(errors === 0)} (${errors}); p95 ≤ ${TARGETS.p95Ms} ms on every page — ${pageP95s.length ? `${verdict(worstP95 <= TARGETS.p95Ms)} (worst ${fmt(worstP95)} ms)` : "not measured (no page views)"}; memory growth ≤ ${TARGETS.memoryGrowth * 100} % — ${verdict(growth <= TARGETS.memoryGrowth)} (${(growth * 100).toFixed(1)} %, ${total.name}, median of the first ${windowSamples} s → of the last ${windowSamples} s; one sample at each end: ${(sampleGrowth * 100).toFixed(1)} %)`,
  );
}

type Seeded = { emails: string[]; password: string; token: string; calldronId: string; listId: string; taskId: string; importValid: number };

/** In the database of DATABASE_URL: migrations, the demo's connections (one per provider, on the simulators), calls, users and the waiting import. */
async function seed(): Promise<Seeded> {
  process.env.PROZVON_DEMO = "1";
  const { getDb, closeDb } = await import("@/lib/db/client");
  const { runMigrations } = await import("@/lib/db/migrate");
  const { seedDemo } = await import("@/lib/demo/seed");
  const { hashPassword } = await import("@/lib/auth/password");
  const { createCalldronClient } = await import("@/lib/providers/calldron/client");
  const { insertTaskStreamed } = await import("@/lib/db/queries/tasks");
  const { IMPORT_KIND } = await import("@/lib/tasks/import");
  const { CALLDRON_SIM_ACCOUNTS } = await import("@/lib/sim/calldron/simulator-accounts");
  const db = await getDb();
  await runMigrations(db);
  await seedDemo();
  delete process.env.PROZVON_DEMO;
  const raw = db.raw;
  const token = randomBytes(32).toString("base64url");
  await raw.query("update connections set webhook_token = $1 where provider = 'calldog'", [token]);
  await seedCalls(raw, CALLS, 10);

  const password = randomBytes(12).toString("base64url");
  const hash = await hashPassword(password);
  const emails = Array.from({ length: SESSIONS }, (_, i) => `bench-${i + 1}@load.test`);
  const { rows: users } = await raw.query<{ id: string }>(
    "insert into users (email, name, password_hash, role) select e, 'Bench ' || n, $2, case when n % 10 = 1 then 'admin'::role else 'manager'::role end from unnest($1::text[]) with ordinality as u(e, n) returning id",
    [emails, hash],
  );

  const { rows: connections } = await raw.query<{ id: string }>("select id from connections where provider = 'calldron'");
  const calldronId = connections[0]?.id as string;
  const client = createCalldronClient({ baseUrl: `${simBase}/calldron/v1/`, apiKey: CALLDRON_SIM_ACCOUNTS[0].key });
  const list = await client.createListAndFind(`bench:load ${randomUUID().slice(0, 8)}`);
  // The task as the import action makes it, held back from the sweeper (updated in the future) until the load starts.
  const planned = plannedItems(generate(IMPORT_ROWS));
  const task = await insertTaskStreamed(
    {
      kind: IMPORT_KIND,
      ownerId: users[0]?.id as string,
      connectionId: calldronId,
      title: `bench:load → ${list.name}`,
      input: { fileId: randomUUID(), target: { kind: "calldron", connectionId: calldronId, listId: list.id, listName: list.name } },
    },
    planned.items,
  );
  await raw.query("update tasks set updated_at = now() + interval '1 day' where id = $1", [task.id]);
  // The bulk seed leaves the tables as a bulk load does: no visibility map, no statistics. A database in service has
  // been vacuumed and analysed by autovacuum long since; so is this one before the load.
  await raw.query("vacuum analyze");
  await closeDb();
  return { emails, password, token, calldronId, listId: list.id, taskId: task.id, importValid: planned.planner.valid };
}

/**
 * PostgreSQL's autovacuum keeps the tables the load writes (calls updated by webhooks, the import's items, the events)
 * vacuumed and analysed. A cluster set up for CI may run without it (this machine's has `autovacuum = off` in
 * conf.d); the benchmark then stands in for it with a plain `vacuum analyze` of those tables every 30 s, which costs
 * the database what autovacuum would. With autovacuum on it does nothing.
 */
async function autovacuumStandIn(databaseUrl: string): Promise<{ stop: () => Promise<void>; describe: () => string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ autovacuum: string }>("show autovacuum");
  if (rows[0]?.autovacuum === "on") {
    await client.end();
    return { stop: async () => {}, describe: () => "autovacuum: on in the cluster" };
  }
  let runs = 0;
  let busy: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    busy = busy.then(() => client.query("vacuum analyze calls, webhook_events, task_items, tasks").then(() => runs++)).catch((error: Error) => console.warn(`[bench] vacuum: ${error.message}`));
  }, 30_000);
  return {
    stop: async () => {
      clearInterval(timer);
      await busy;
      await client.end();
    },
    describe: () => `autovacuum: off in the cluster; the benchmark ran \`vacuum analyze\` of calls, webhook_events, task_items and tasks every 30 s in its place (${runs} times)`,
  };
}

/** Puts the import on the app's task queue, as the import action's enqueueTask does. */
async function enqueueImport(databaseUrl: string, taskId: string): Promise<void> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", supervise: false, schedule: false, migrate: false, max: 1 });
  boss.on("error", (error) => console.error("[bench] pg-boss:", error.message));
  await boss.start();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("update tasks set updated_at = now() where id = $1", [taskId]);
  await client.end();
  await boss.send("tasks", { taskId }, { retryLimit: 0, expireInHours: 23 });
  await boss.stop({ graceful: false, wait: true });
}

/** POSTs at a fixed overall rate for `duration` seconds, each answer timed; anything but 200 is an error. */
async function fixedRate(url: string, rate: number, connections: number, duration: number, tally: RouteTally, body: () => string): Promise<void> {
  const result = await autocannon({
    url,
    connections,
    overallRate: rate,
    duration,
    timeout: 30,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest(request, context) {
          context.start = performance.now();
          return { ...request, body: body() };
        },
        onResponse(status, _body, context) {
          tally.latencies.push(performance.now() - (context.start as number));
          if (status === 200) tally.ok++;
          else {
            tally.errors++;
            if (tally.errorSamples.length < 5) tally.errorSamples.push(String(status));
          }
        },
      },
    ],
  });
  tally.errors += result.errors;
  if (result.errors > 0 && tally.errorSamples.length < 5) tally.errorSamples.push(`${result.errors} socket errors (${result.timeouts} timeouts)`);
}

async function state(client: pg.Client, taskId: string) {
  const { rows } = await client.query<{ stored: number; unapplied: number; tasks: number; tasks_completed: number; import_state: string; import_processed: number }>(
    `select (select count(*)::int from webhook_events) stored, (select count(*)::int from webhook_events where processed_at is null) unapplied,
            (select count(*)::int from tasks) tasks, (select count(*)::int from tasks where state = 'completed') tasks_completed,
            (select state::text from tasks where id = $1) import_state, (select processed from tasks where id = $1) import_processed`,
    [taskId],
  );
  const r = rows[0] as (typeof rows)[number];
  return { stored: r.stored, unapplied: r.unapplied, tasks: r.tasks, tasksCompleted: r.tasks_completed, importState: r.import_state, importProcessed: r.import_processed };
}

/** With --heap-snapshots: SIGUSR2 to each process, and a wait until its snapshot file is complete. */
async function heapSnapshots(processes: (ChildProcess | undefined)[], when: string): Promise<void> {
  const dir = values["heap-snapshots"];
  if (!dir) return;
  for (const child of processes) {
    if (!child?.pid) continue;
    const before = new Set(fs.readdirSync(dir));
    child.kill("SIGUSR2");
    // Node writes Heap.<date>.<pid>.<n>.heapsnapshot; it is complete once its size stops changing.
    let file: string | undefined;
    let size = -1;
    for (let i = 0; i < 240; i++) {
      await sleep(500);
      file ??= fs.readdirSync(dir).find((f) => !before.has(f) && f.includes(`.${child.pid}.`));
      if (!file) continue;
      const now = fs.statSync(path.join(dir, file)).size;
      if (now > 0 && now === size) break;
      size = now;
    }
    console.info(`[bench] heap snapshot of ${child.pid} ${when}: ${file ?? "not written"}`);
  }
}

async function waitFor(url: string, what: string): Promise<void> {
  const started = Date.now();
  while (!(await fetch(url).then((r) => r.ok, () => false))) {
    if (Date.now() - started > 60_000) throw new Error(`${what} did not answer in 60 s`);
    await sleep(300);
  }
}

function mb(bytes: number): number {
  return Math.round(bytes / 1_048_576);
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits });
}
